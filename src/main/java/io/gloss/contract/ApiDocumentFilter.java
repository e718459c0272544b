package io.gloss.contract;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Completes /q/openapi into a contract a client can be generated from (api.md): how a client
 * signs in, and the error body of every failure an operation answers. What each operation
 * answers when it succeeds is on the resource methods ({@code @APIResponse}); which classes are
 * documented at all is {@code mp.openapi.scan.exclude.classes} (pages are not the API).
 */
@OpenApiFilter
public class ApiDocumentFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ApiSecurity.declare(openAPI.getComponents());
        ApiErrors.declare(openAPI.getComponents());
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            ApiSecurity.require(operation);
            ApiErrors.document(path, method, operation);
        }));
    }
}
