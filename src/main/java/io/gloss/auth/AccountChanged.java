package io.gloss.auth;

/**
 * An administrative change to an account or a token (a CDI event fired in the change's
 * transaction): the audit trail, a feature above accounts, records it with the change.
 * {@code before} and {@code after} are what the API shows, never a password or a secret.
 */
public record AccountChanged(String entity, long id, String action, Object before, Object after) {
}
