package io.gloss.stats;

import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A project's statistics over the API (api.md): any member; {@code format=csv} for the tables as CSV. */
@Path("/api")
@Authenticated
public class StatsResource {

    @Inject
    StatsService stats;

    /** {@code from}, {@code to}: ISO dates, both included (default: the last 30 days); {@code bucket}: day or week. */
    @GET
    @Path("projects/{id}/stats")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @APIResponse(responseCode = "200", description = "The figures; `format=csv`: their tables as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectStats.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "503", description = "`counting`: the figures are being counted after a large change "
            + "(a restore, a large import, the first start of a new version); `pending` says how many annotations are "
            + "left. Try again a minute later.")
    public Response stats(@PathParam("id") Long id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("bucket") String bucket, @QueryParam("format") String format) {
        boolean csv = format != null && format.strip().equalsIgnoreCase("csv");
        if (!csv && format != null && !format.strip().equalsIgnoreCase("json")) {
            throw GlossException.badRequest("format", "format must be json or csv, not \"" + Texts.excerpt(format) + "\".");
        }
        ProjectStats figures = stats.of(id, StatsPeriod.parse(from, to, bucket, StatsService.today()));
        if (!csv) {
            return Response.ok(figures, MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(StatsCsv.write(figures), "text/csv; charset=utf-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"gloss-stats-" + figures.from() + "-" + figures.to() + ".csv\"")
                .build();
    }
}
