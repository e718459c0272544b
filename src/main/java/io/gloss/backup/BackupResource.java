package io.gloss.backup;

import io.gloss.auth.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A project as one zip, and that zip back as a new project (docs/api-guide.md, "Backup and restore"). */
@Path("/api")
@RolesAllowed(Role.ADMIN)
public class BackupResource {

    static final String ZIP = "application/zip";

    @Inject
    BackupService backups;

    @Inject
    RestoreService restores;

    @GET
    @Path("projects/{id}/backup")
    @Produces(ZIP)
    @APIResponse(responseCode = "200", description = "The project as one zip",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response backup(@PathParam("id") Long id) {
        BackupService.Backup backup = backups.backup(id);
        return Response.ok(backup.zip(), ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + backup.fileName() + "\"").build();
    }

    @POST
    @Path("projects/restore")
    @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Restored as a new project; its address in Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RestoredProject.class)))
    public Response restore(byte[] zip) {
        RestoredProject restored = restores.restore(zip);
        return Response.created(URI.create("/api/projects/" + restored.id())).entity(restored).build();
    }
}
