package io.gloss.auth;

import io.gloss.web.GlossException;
import io.gloss.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Admins manage local accounts: create, list, roles and deactivation, passwords, sessions. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class UserResource {

    public record NewUser(String username, String password, List<String> roles) {
    }

    public record UserView(String username, List<String> roles, boolean active, Instant created, Instant lastLogin) {
        static UserView of(UserAccount account) {
            return new UserView(account.username, account.roleList(), account.active, account.createdAt, account.lastLoginAt);
        }
    }

    /** {@code roles} and {@code active} each optional: what is absent stays as it is. */
    public record UserUpdate(List<String> roles, Boolean active) {
    }

    public record NewPassword(String password) {
    }

    public record EndedSessions(int ended) {
    }

    @Inject
    AccountService accounts;

    @POST
    @APIResponse(responseCode = "201", description = "Created: the account; its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public Response create(NewUser input) {
        if (input == null) {
            throw GlossException.badRequest("username", "Send {username, password, roles}.");
        }
        UserAccount account = accounts.create(input.username(), input.password(), input.roles());
        return Response.created(URI.create("/api/users/" + account.username)).entity(UserView.of(account)).build();
    }

    /** Every local account (an organisation has dozens, not thousands: one page). */
    @GET
    public Page<UserView> list() {
        return new Page<>(accounts.list().stream().map(UserView::of).toList(), null);
    }

    /** Deactivating ends the account's sessions and stops its tokens at once. */
    @PUT
    @Path("{username}")
    public UserView update(@PathParam("username") String username, UserUpdate input) {
        if (input == null) {
            throw GlossException.badRequest("roles", "Send {roles, active}.");
        }
        return UserView.of(accounts.update(username, input.roles(), input.active()));
    }

    /** A new password: every session and token of the account ends. */
    @POST
    @Path("{username}/password")
    @APIResponse(responseCode = "204", description = "Set; every session and token of the account ended")
    public Response resetPassword(@PathParam("username") String username, NewPassword input) {
        accounts.resetPassword(username, input == null ? null : input.password());
        return Response.noContent().build();
    }

    /** Logs the account out everywhere (its tokens stay: revoke those one by one). */
    @DELETE
    @Path("{username}/sessions")
    public EndedSessions endSessions(@PathParam("username") String username) {
        return new EndedSessions(accounts.endSessions(username));
    }
}
