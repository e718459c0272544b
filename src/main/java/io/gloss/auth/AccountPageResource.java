package io.gloss.auth;

import io.gloss.web.GlossException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The account page: who you are, your password, and your personal API tokens (create, list, revoke). */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(List<ApiToken> tokens, String newSecret, String newName,
                boolean localAccount, String passwordSaid, boolean passwordRefused);
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
    public TemplateInstance page() {
        return page(null, null, null, false);
    }

    /** Changes the password of a local account; the person's other sessions end, this one goes on. */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String current, @RestForm("new") String password,
            @Context HttpHeaders headers) {
        Cookie session = headers.getCookies().get(sessions.cookieName());
        try {
            accounts.changeOwnPassword(currentUser.username(), current, password, session == null ? null : session.getValue());
        } catch (GlossException refused) {
            return Response.status(refused.status()).entity(page(null, null, refused.getMessage(), true)).build();
        }
        return Response.ok(page(null, null, "Your password is changed; your other sessions have ended.", false)).build();
    }

    /** The new secret is shown in this answer only; it is stored nowhere in clear. */
    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance create(@RestForm String name) {
        TokenService.Created created = tokens.create(name);
        return page(created.secret(), created.token().name, null, false);
    }

    private TemplateInstance page(String newSecret, String newName, String passwordSaid, boolean passwordRefused) {
        return Templates.account(tokens.mine(), newSecret, newName,
                UserAccount.findByUsername(currentUser.username()).isPresent(), passwordSaid, passwordRefused);
    }

    @POST
    @Path("tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") Long id) {
        tokens.revoke(id);
        return Response.seeOther(URI.create("/account")).build();
    }
}
