package io.gloss.auth;

/**
 * Some of the user's sessions or tokens have just ended (logout, revocation, a new password, a
 * deactivated account), in the transaction that ends them: whatever keeps serving that user
 * without a new request, such as an open event stream, checks its credentials again once it commits.
 */
public record CredentialsEnded(String username) {
}
