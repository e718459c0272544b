package io.gloss.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The three ways an API client signs in (api.md, "Authentication"), any one of which will do.
 * Quarkus marks the operations its security annotations guard with one requirement of its own
 * scheme, listing the roles they allow; that requirement becomes one per scheme of Gloss's, with
 * the same roles (OpenAPI 3.1 lets a requirement of any scheme list roles). An operation Quarkus
 * left unmarked is public, and says so with an empty list.
 */
final class ApiSecurity {

    static final String BASIC = "Basic";
    static final String TOKEN = "Token";
    static final String BEARER = "Bearer";

    private ApiSecurity() {
    }

    static void declare(Components components) {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(BASIC, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A local account's username and password. Each request pays a password hash: "
                        + "scripts use a personal token instead."));
        // "Token" is no registered HTTP scheme, so generators would not know how to send it: as an
        // API key in the Authorization header, a client sends the whole value, prefix included.
        schemes.put(TOKEN, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("Authorization")
                .description("A personal token (POST /api/me/tokens), sent as `Authorization: Token <token>`."));
        schemes.put(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token from Keycloak, when Gloss logs in through it (OIDC)."));
        components.setSecuritySchemes(schemes);
    }

    static void require(Operation operation) {
        List<SecurityRequirement> marked = operation.getSecurity();
        if (marked == null || marked.isEmpty()) {
            operation.setSecurity(List.of());
            return;
        }
        TreeSet<String> roles = new TreeSet<>();
        marked.forEach(requirement -> requirement.getSchemes().values().forEach(roles::addAll));
        operation.setSecurity(List.of(BASIC, TOKEN, BEARER).stream()
                .map(scheme -> OASFactory.createSecurityRequirement().addScheme(scheme, List.copyOf(roles)))
                .toList());
    }
}
