package io.gloss.auth;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The account page: who you are, and your personal API tokens (create, list, revoke). */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(List<ApiToken> tokens, String newSecret, String newName);
    }

    @Inject
    TokenService tokens;

    @GET
    public TemplateInstance page() {
        return Templates.account(tokens.mine(), null, null);
    }

    /** The new secret is shown in this answer only; it is stored nowhere in clear. */
    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance create(@RestForm String name) {
        TokenService.Created created = tokens.create(name);
        return Templates.account(tokens.mine(), created.secret(), created.token().name);
    }

    @POST
    @Path("tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") Long id) {
        tokens.revoke(id);
        return Response.seeOther(URI.create("/account")).build();
    }
}
