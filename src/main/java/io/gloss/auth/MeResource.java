package io.gloss.auth;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    public record Me(String username, List<String> roles) {
    }

    @Inject
    CurrentUser currentUser;

    @GET
    public Me me() {
        return new Me(currentUser.username(), currentUser.roles());
    }
}
