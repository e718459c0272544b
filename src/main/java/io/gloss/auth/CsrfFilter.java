package io.gloss.auth;

import io.gloss.web.GlossException;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Rejects state-changing requests that ride on the browser's session cookie (Gloss' own login,
 * or Keycloak's {@code q_session}) without the user's CSRF token (header {@value CsrfTokens#HEADER}
 * or form field {@value CsrfTokens#FORM_FIELD}). Only a cookie is sent by the browser on its own,
 * so only a cookie can be forged by another site: requests that carry their credentials in
 * {@code Authorization} (Basic, Token, Bearer) need no token, as api.md says. Any other
 * {@code Authorization} header authenticates nothing, so it does not excuse the cookie.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    CurrentUser currentUser;

    @Inject
    CsrfTokens tokens;

    @Inject
    SessionConfig sessions;

    private boolean carriesSessionCookie(ResteasyReactiveContainerRequestContext request) {
        return request.getCookies().keySet().stream()
                .anyMatch(name -> name.equals(sessions.cookieName()) || name.startsWith("q_session"));
    }

    @ServerRequestFilter(readBody = true)
    public void check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || CredentialHeader.present(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                || !carriesSessionCookie(request)) {
            return;
        }
        String username = currentUser.username();
        if (username == null) {
            return; // an expired session: the endpoint's own role check answers 401
        }
        String candidate = request.getHeaderString(CsrfTokens.HEADER);
        if (candidate == null) {
            // readBody = true above: the form (urlencoded or multipart) is parsed before this runs.
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(CsrfTokens.FORM_FIELD, true, false);
            candidate = field == null ? null : field.toString();
        }
        if (!tokens.isValid(username, candidate)) {
            throw new GlossException(403, "csrf",
                    "This form has expired or did not come from Gloss. Reload the page and try again.");
        }
    }
}
