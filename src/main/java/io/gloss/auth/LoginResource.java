package io.gloss.auth;

import io.gloss.web.GlossException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The login page, the login itself ({@code POST /j_security_check}: a local account's
 * username and password, throttled) and logout. With Keycloak switched on the page links to the
 * OIDC code flow. After logging in the person lands on the page that sent them here.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error, String username, String next, boolean oidc);
    }

    /** Set beside the redirect to /login: where Keycloak's code flow returns the person to. */
    static final String NEXT_COOKIE = "gloss-next";

    @Inject
    CurrentUser currentUser;

    @Inject
    LoginService logins;

    @Inject
    SessionService sessions;

    @Inject
    SessionConfig sessionConfig;

    @Inject
    OidcSwitch oidc;

    @GET
    @Path("login")
    public Response login(@QueryParam("next") String next) {
        if (currentUser.isLoggedIn()) {
            return Response.seeOther(localPath(next)).build();
        }
        return Response.ok(Templates.login(null, "", localPath(next).toString(), oidc.isOn())).build();
    }

    @POST
    @Path("j_security_check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@RestForm("j_username") String username, @RestForm("j_password") String password,
            @RestForm("next") String next, @Context RoutingContext http) {
        String back = localPath(next).toString();
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return page(400, "Enter your username and your password.", username, back);
        }
        Optional<UserAccount> account;
        try {
            account = logins.login(username.strip(), password, ClientAddress.of(http));
        } catch (GlossException throttled) {
            return Response.fromResponse(page(429, throttled.getMessage(), username, back))
                    .header(HttpHeaders.RETRY_AFTER, throttled.details().get("retryAfter")).build();
        }
        if (account.isEmpty()) {
            return page(401, "That username and password do not match. Try again.", username, back);
        }
        String secret = sessions.start(account.get().username);
        return Response.seeOther(URI.create(back)).cookie(sessionCookie(secret, http.request())).build();
    }

    /** Anything but a form (JSON, say) gets the page back with a sentence, not a stack trace. */
    @POST
    @Path("j_security_check")
    @Consumes(MediaType.WILDCARD)
    public Response notAForm() {
        return page(400, "Log in with the form on this page.", "", "/");
    }

    /**
     * Starts Keycloak's code flow: the permission {@code oidc-login} in application.properties
     * makes the code mechanism challenge here (a redirect to Keycloak's login form). Once back,
     * the person lands on the page that sent them to /login, else on their projects.
     */
    @GET
    @Path("login/oidc")
    @Authenticated
    public Response oidcLogin(@CookieParam(NEXT_COOKIE) String back) {
        return Response.seeOther(localPath(back)).cookie(expired(NEXT_COOKIE)).build();
    }

    /**
     * Ends the session: on the server (the cookie, if kept or copied, no longer opens anything)
     * and in this browser, including Keycloak's OIDC session cookie ({@code q_session}, split
     * into {@code q_session_chunk_N} when large). The person's Keycloak (SSO) session is left
     * alone, as in any other app of the realm.
     */
    @POST
    @Path("logout")
    public Response logout(@Context HttpHeaders headers) {
        jakarta.ws.rs.core.Cookie session = headers.getCookies().get(sessionConfig.cookieName());
        if (session != null) {
            sessions.end(session.getValue());
        }
        Response.ResponseBuilder response = Response.seeOther(URI.create("/login"))
                .cookie(expired(sessionConfig.cookieName()));
        for (String name : headers.getCookies().keySet()) {
            if (name.startsWith("q_session")) {
                response.cookie(expired(name));
            }
        }
        return response.build();
    }

    /** Only a path of this site: never another host, whatever the parameter or cookie says. */
    static URI localPath(String candidate) {
        if (candidate != null && candidate.startsWith("/") && !candidate.startsWith("//") && !candidate.startsWith("/\\")
                && !candidate.startsWith("/login") && !candidate.startsWith("/j_security_check")) {
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

    private Response page(int status, String error, String username, String next) {
        String shown = username == null || username.length() > 100 ? "" : username;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.login(error, shown, next, oidc.isOn())).build();
    }

    /** A browser-session cookie (no Max-Age): the server decides when the session ends. */
    private NewCookie sessionCookie(String secret, HttpServerRequest request) {
        return new NewCookie.Builder(sessionConfig.cookieName()).value(secret).path("/").httpOnly(true)
                .secure("https".equals(request.scheme())).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true).build();
    }
}
