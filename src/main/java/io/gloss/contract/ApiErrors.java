package io.gloss.contract;

import io.gloss.web.ApiError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The failures every operation of the API may answer, with the body {@link ApiError} writes. The
 * ones particular to an operation (a 409 on a duplicate, say) are on its resource method; here
 * each 4xx or 5xx an operation documents gets the error body, and the ones api.md's rules give to every
 * operation of a kind are added: 401 and 403 where it needs a sign-in ({@link ApiSecurity} runs first), 404 where the path names an object (unknown, or in a project the
 * caller is no member of), 400 where the client sends values, 413 where it sends a body, 409 on a
 * write (every write in an archived project is one, and most meet duplicates or stale versions).
 */
final class ApiErrors {

    static final String SCHEMA = "Error";

    private static final Map<String, String> GENERAL = Map.of(
            "400", "The input is invalid: `field` names the value at fault.",
            "401", "Not signed in, or the credentials do not hold.",
            "403", "Signed in without the role this needs, or not the author.",
            "404", "No such object, or it is in a project you are not a member of.",
            "409", "Conflicts with the current state (`current` shows it where it helps): a duplicate, a stale "
                    + "`version`, a status that cannot change so, a project archived.",
            "413", "The body is over the configured limit.");

    /** Writes: they may meet a conflict. */
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private ApiErrors() {
    }

    static void declare(Components components) {
        components.addSchema(SCHEMA, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Every failure's body. Further fields help where they apply: `field` on a 400, "
                        + "`current` on a 409, `existingId` on a duplicate article.")
                .addProperty("error", text("A machine-readable code, e.g. `not_found`, `stale`."))
                .addProperty("message", text("A sentence for a person."))
                .addProperty("field", text("On a 400: the input value at fault."))
                .addProperty("pending", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("On a 503 `counting`: the changes left to count."))
                .required(List.of("error", "message")));
    }

    static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (!operation.getSecurity().isEmpty()) {
            add(responses, "401");
            add(responses, "403");
        }
        if (path.contains("{")) {
            add(responses, "404");
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (operation.getRequestBody() != null || parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH)) {
            add(responses, "400");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "413");
        }
        if (WRITES.contains(method)) {
            add(responses, "409");
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null) {
                response.setContent(errorBody());
            }
        });
    }

    private static void add(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(GENERAL.get(code)));
        }
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Content errorBody() {
        return OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(SCHEMA)));
    }
}
