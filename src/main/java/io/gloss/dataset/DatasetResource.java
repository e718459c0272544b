package io.gloss.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gloss.auth.Role;
import io.gloss.web.Page;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Datasets over the API (api.md): admins and reviewers only; other projects' datasets are 404. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class DatasetResource {

    @Inject
    DatasetService datasets;

    @Inject
    ObjectMapper json;

    /** Accepted: the build runs in the background; poll the Location for its state. */
    @POST
    @Path("datasets")
    @RolesAllowed({Role.ADMIN, Role.REVIEWER})
    @APIResponse(responseCode = "202", description = "Queued: the build runs in the background; poll the Location for its state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, properties = {
                @SchemaProperty(name = "id", type = SchemaType.INTEGER, format = "int64"),
                @SchemaProperty(name = "state", implementation = DatasetState.class)})))
    public Response create(DatasetRequest request) {
        DatasetView created = datasets.create(request);
        return Response.accepted(Map.of("id", created.id(), "state", created.state()))
                .location(URI.create("/api/datasets/" + created.id())).build();
    }

    /**
     * The dataset with its manifest once built. The manifest is copied from its file into the
     * answer rather than parsed, since it lists every article and may be large.
     */
    @GET
    @Path("datasets/{id}")
    @RolesAllowed({Role.ADMIN, Role.REVIEWER})
    @APIResponse(responseCode = "200", description = "The dataset; once DONE, with its `manifest` (an object) too",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetView.class)))
    public Response get(@PathParam("id") Long id) {
        DatasetView view = datasets.view(id);
        DatasetFile manifest = view.done() ? datasets.file(id, ManifestWriter.FILE) : null;
        ObjectNode fields = json.valueToTree(view);
        StreamingOutput body = out -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                generator.writeStartObject();
                for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = fields.fields(); it.hasNext();) {
                    Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field = it.next();
                    generator.writeFieldName(field.getKey());
                    generator.writeTree(field.getValue());
                }
                generator.writeFieldName("manifest");
                if (manifest == null) {
                    generator.writeNull();
                } else {
                    // An empty raw value makes the generator write the colon and count a value;
                    // the manifest's own bytes (valid JSON) follow straight from the file.
                    generator.writeRawValue("");
                    generator.flush();
                    try (InputStream in = datasets.open(id, manifest)) {
                        in.transferTo(out);
                    }
                }
                generator.writeEndObject();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A file of a built dataset, streamed from the database chunk by chunk, with its type and a download name. */
    @GET
    @Path("datasets/{id}/files/{name}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Role.ADMIN, Role.REVIEWER})
    @APIResponse(responseCode = "200", description = "The file, streamed, typed by its name",
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("id") Long id, @PathParam("name") String name) {
        DatasetFile file = datasets.file(id, name);
        StreamingOutput body = out -> {
            try (InputStream in = datasets.open(id, file)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, contentType(name))
                .header("Content-Length", file.bytes)
                .header("Content-Disposition", "attachment; filename=\"gloss-dataset-" + id + "-" + name + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @GET
    @Path("projects/{id}/datasets")
    @RolesAllowed({Role.ADMIN, Role.REVIEWER})
    public Page<DatasetView> list(@PathParam("id") Long projectId, @QueryParam("after") String after,
            @QueryParam("limit") Integer limit) {
        return datasets.list(projectId, after, limit);
    }

    static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl")) {
            return "application/x-ndjson; charset=utf-8";
        } else if (lower.endsWith(".jsonld")) {
            return "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"; charset=utf-8";
        } else if (lower.endsWith(".json")) {
            return "application/json; charset=utf-8";
        } else if (lower.endsWith(".csv")) {
            return "text/csv; charset=utf-8; header=present";
        } else if (lower.endsWith(".zip")) {
            return "application/zip";
        } else if (lower.endsWith(".conll")) {
            return "text/plain; charset=utf-8";
        } else if (lower.endsWith(".md")) {
            return "text/markdown; charset=utf-8";
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }
}
