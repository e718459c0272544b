package io.gloss.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * An endpoint that does nothing: a cheap liveness probe for load balancers, and the framework's
 * floor in bench/ (every other endpoint's figures are read as a ratio to this one).
 */
@Path("/api/ping")
public class PingResource {

    @GET
    @APIResponse(responseCode = "204", description = "Up")
    public Response ping() {
        return Response.noContent().build();
    }
}
