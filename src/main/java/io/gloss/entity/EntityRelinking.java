package io.gloss.entity;

/**
 * Fired (synchronously, in the transaction) before an entity is deleted or merged into another:
 * features above entities that keep entity ids of their own (suggestions) move them to
 * {@code into}, or let them go ({@code into} null), so that the entity's row can be deleted.
 */
public record EntityRelinking(long from, Long into) {
}
