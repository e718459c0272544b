package io.gloss.backup;

import io.gloss.auth.Role;
import io.gloss.web.GlossException;
import io.gloss.web.Notice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The restore form (templates/restoreForm.html, on the home and new-project pages): the chosen
 * zip becomes a new project, which the admin lands on (Post/Redirect/Get). The download is the
 * API's GET /api/projects/{id}/backup, linked from the project's settings.
 */
@Path("/projects/restore")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class BackupPageResource {

    @Inject
    RestoreService restores;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response restore(@RestForm("backup") FileUpload backup) {
        if (backup == null || backup.uploadedFile() == null) {
            throw GlossException.badRequest("backup", "Choose a backup file (gloss-project-….zip).");
        }
        byte[] zip;
        try {
            zip = Files.readAllBytes(backup.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RestoredProject restored = restores.restore(zip);
        return Notice.seeOther("/projects/" + restored.id(), "Restored “" + restored.name() + "” from a backup: "
                + count(restored.articles(), "article") + ", " + count(restored.annotations(), "annotation") + ".");
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
