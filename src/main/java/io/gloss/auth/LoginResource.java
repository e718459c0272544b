package io.gloss.auth;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The login page and logout. The form posts to {@code /j_security_check}, which Quarkus' form
 * authentication handles; with Keycloak switched on the page links to the OIDC code flow.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, boolean oidc);
    }

    /** Set by the UnauthorizedException mapper: the page to return to after logging in. */
    static final String REDIRECT_COOKIE = "quarkus-redirect-location";

    @Inject
    CurrentUser currentUser;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled")
    boolean oidc;

    @GET
    @Path("login")
    public Response login(@QueryParam("error") boolean error) {
        if (currentUser.isLoggedIn()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(Templates.login(error, oidc)).build();
    }

    /** Where a failed login lands: the same page, saying why. */
    @GET
    @Path("login/failed")
    public Response failed() {
        return login(true);
    }

    /**
     * Starts Keycloak's code flow: the permission {@code oidc-login} in application.properties
     * makes the code mechanism challenge here (a redirect to Keycloak's login form). Once back,
     * the person lands on the page that sent them to /login, else on their projects.
     */
    @GET
    @Path("login/oidc")
    @Authenticated
    public Response oidcLogin(@CookieParam(REDIRECT_COOKIE) String back) {
        return Response.seeOther(localPath(back)).cookie(expired(REDIRECT_COOKIE)).build();
    }

    /** Only a path of this site: never another host, whatever the cookie says. */
    static URI localPath(String candidate) {
        if (candidate != null && candidate.startsWith("/") && !candidate.startsWith("//") && !candidate.startsWith("/\\")) {
            try {
                URI uri = new URI(candidate);
                if (uri.getScheme() == null && uri.getRawAuthority() == null) {
                    return uri;
                }
            } catch (URISyntaxException ignored) {
                // not a path: fall through
            }
        }
        return URI.create("/");
    }

    /**
     * Ends the session in this browser: Gloss' own session cookie and, with Keycloak, the OIDC
     * session cookie ({@code q_session}, split into {@code q_session_chunk_N} when large). The
     * person's Keycloak (SSO) session is left alone, as in any other app of the realm.
     */
    @POST
    @Path("logout")
    public Response logout(@Context HttpHeaders headers) {
        Response.ResponseBuilder response = Response.seeOther(URI.create("/login")).cookie(expired(sessionCookie));
        for (String name : headers.getCookies().keySet()) {
            if (name.startsWith("q_session")) {
                response.cookie(expired(name));
            }
        }
        return response.build();
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true).build();
    }
}
