package io.gloss.auth;

import io.gloss.web.Notice;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The account page: who you are, your password, and your personal API tokens (create, list,
 * revoke). Every form comes back here (Post/Redirect/Get, {@link Notice}); a new token's secret
 * rides the redirect in a short-lived cookie for this page alone, is shown once and dropped, so it
 * is never in an address, a log or the database.
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountPageResource {

    static final String NEW_TOKEN_COOKIE = "gloss-new-token";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(List<ApiToken> tokens, ApiToken newToken, String newSecret, boolean localAccount);
    }

    @Inject
    TokenService tokens;

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    SessionConfig sessions;

    @GET
    public Response page(@CookieParam(NEW_TOKEN_COOKIE) String newSecret, @Context HttpServerRequest request) {
        ApiToken created = newSecret == null ? null : tokens.mineWithSecret(newSecret).orElse(null);
        TemplateInstance page = Templates.account(tokens.mine(), created, created == null ? null : newSecret,
                UserAccount.findByUsername(currentUser.username()).isPresent());
        Response.ResponseBuilder answer = Response.ok(page).header(HttpHeaders.CACHE_CONTROL, "no-store");
        return newSecret == null ? answer.build() : answer.cookie(newTokenCookie("", 0, request)).build();
    }

    /** Changes the password of a local account; the person's other sessions end, this one goes on. */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String current, @RestForm("new") String password,
            @Context HttpHeaders headers) {
        Cookie session = headers.getCookies().get(sessions.cookieName());
        accounts.changeOwnPassword(currentUser.username(), current, password, session == null ? null : session.getValue());
        return Notice.seeOther("/account", "Your password is changed; your other sessions have ended.");
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @Context HttpServerRequest request) {
        TokenService.Created created = tokens.create(name);
        return Response.seeOther(URI.create("/account#new-token"))
                .cookie(newTokenCookie(created.secret(), 120, request)).build();
    }

    @POST
    @Path("tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") Long id) {
        tokens.revoke(id);
        return Notice.seeOther("/account", "Token revoked: it opens Gloss no more.");
    }

    private static NewCookie newTokenCookie(String value, int maxAgeSeconds, HttpServerRequest request) {
        return new NewCookie.Builder(NEW_TOKEN_COOKIE).value(value).path("/account").maxAge(maxAgeSeconds).httpOnly(true)
                .secure("https".equals(request.scheme())).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
