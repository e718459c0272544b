package io.gloss.audit;

/**
 * A change entered a project's change log (a CDI event, fired in the change's transaction):
 * observers {@code during = AFTER_SUCCESS} learn of it once it is committed.
 */
public record ChangeRecorded(long projectId, long cursor) {
}
