package io.gloss.auth;

import io.gloss.web.GlossException;
import io.gloss.web.Page;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The caller: who they are, and their personal API tokens. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    public record Me(String username, List<String> roles) {
    }

    public record NewToken(String name) {
    }

    /** The answer to a creation: the only time {@code token} is shown. */
    public record CreatedToken(Long id, String name, String token, Instant created) {
    }

    public record TokenView(Long id, String name, Instant created, Instant lastUsed) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.name, t.createdAt, t.lastUsedAt);
        }
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    TokenService tokens;

    @GET
    public Me me() {
        return new Me(currentUser.username(), currentUser.roles());
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createToken(NewToken input) {
        if (input == null) {
            throw GlossException.badRequest("name", "Send {\"name\": ...}.");
        }
        TokenService.Created created = tokens.create(input.name());
        return Response.created(URI.create("/api/me/tokens/" + created.token().id))
                .entity(new CreatedToken(created.token().id, created.token().name, created.secret(), created.token().createdAt))
                .build();
    }

    /** The user's live tokens, without their secrets (a person has a handful: one page). */
    @GET
    @Path("tokens")
    public Page<TokenView> listTokens() {
        return new Page<>(tokens.mine().stream().map(TokenView::of).toList(), null);
    }

    @DELETE
    @Path("tokens/{id}")
    public Response revoke(@PathParam("id") Long id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}
