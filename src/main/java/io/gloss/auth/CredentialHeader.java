package io.gloss.auth;

import java.util.Locale;
import java.util.Set;

/**
 * An {@code Authorization} header of a scheme Gloss authenticates (Basic, Token, Bearer). Such a
 * header speaks for the request: the session cookie beside it is not used, and no CSRF token is
 * needed, since another site cannot make a browser send it. Any other header is ignored.
 */
final class CredentialHeader {

    private static final Set<String> SCHEMES = Set.of("basic", "token", "bearer");

    private CredentialHeader() {
    }

    static boolean present(String authorization) {
        if (authorization == null) {
            return false;
        }
        int space = authorization.indexOf(' ');
        return space > 0 && SCHEMES.contains(authorization.substring(0, space).toLowerCase(Locale.ROOT));
    }
}
