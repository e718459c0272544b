package io.gloss.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Admins create local accounts. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class UserResource {

    public record NewUser(String username, String password, List<String> roles) {
    }

    public record UserView(String username, List<String> roles) {
    }

    @Inject
    AccountService accounts;

    @POST
    public Response create(NewUser input) {
        if (input == null) {
            throw io.gloss.web.GlossException.badRequest("username", "Send {username, password, roles}.");
        }
        UserAccount account = accounts.create(input.username(), input.password(), input.roles());
        return Response.created(URI.create("/api/users/" + account.username))
                .entity(new UserView(account.username, account.roleList())).build();
    }
}
