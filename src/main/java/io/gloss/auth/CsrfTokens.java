package io.gloss.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CSRF tokens bound to the logged-in user: an HMAC of the username under the session key. A
 * token needs no server-side state, survives restarts like the session does, and cannot be made
 * by another site. Pages put it in forms ({@code _csrf}) and the page script sends it as
 * {@code X-CSRF-Token}; templates reach it as {@code inject:csrf}.
 */
@ApplicationScoped
@Named("csrf")
public class CsrfTokens {

    public static final String FORM_FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    @ConfigProperty(name = SessionKeyConfigSource.KEY)
    String sessionKey;

    @Inject
    CurrentUser currentUser;

    /** The current user's token, or an empty string when nobody is logged in. */
    public String token() {
        String username = currentUser.username();
        return username == null ? "" : tokenFor(username);
    }

    String tokenFor(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("csrf:" + username).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public boolean isValid(String username, String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(username).getBytes(StandardCharsets.US_ASCII),
                candidate.getBytes(StandardCharsets.US_ASCII));
    }
}
