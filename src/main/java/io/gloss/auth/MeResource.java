package io.gloss.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The caller: who they are, and their personal API tokens. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    public record Me(String username, List<String> roles) {
    }

    public record NewToken(String name) {
    }

    /** {@code {"current": ..., "new": ...}}. */
    public record PasswordChange(String current, @JsonProperty("new") String password) {
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

    @Inject
    AccountService accounts;

    @Inject
    SessionConfig sessions;

    @GET
    public Me me() {
        return new Me(currentUser.username(), currentUser.roles());
    }

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created: the only answer that shows `token`; its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedToken.class)))
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

    /** A local account changes its password; its other sessions end, this one goes on. */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "Changed; your other sessions ended")
    public Response changePassword(PasswordChange input, @Context HttpHeaders headers) {
        if (input == null) {
            throw GlossException.badRequest("current", "Send {\"current\": ..., \"new\": ...}.");
        }
        if (UserAccount.findByUsername(currentUser.username()).isEmpty()) {
            throw GlossException.badRequest("current", "Your account is managed by your organisation's login (Keycloak): "
                    + "change your password there.");
        }
        Cookie session = headers.getCookies().get(sessions.cookieName());
        accounts.changeOwnPassword(currentUser.username(), input.current(), input.password(),
                session == null ? null : session.getValue());
        return Response.noContent().build();
    }

    @DELETE
    @Path("tokens/{id}")
    @APIResponse(responseCode = "204", description = "Revoked: the token opens Gloss no more")
    public Response revoke(@PathParam("id") Long id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}
