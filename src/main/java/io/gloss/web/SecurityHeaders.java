package io.gloss.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The security headers of every answer, in one place: pages, API answers, error pages, Quarkus'
 * own answers (401, 413, health, the refusals of {@link BodyBuffering}) and static files alike. A
 * Quarkus route filter sees every request before any route, and the headers are added just before
 * the answer's head is written, so no handler can send an answer without them.
 */
@ApplicationScoped
public class SecurityHeaders {

    /**
     * Gloss' pages load their scripts, styles and data only from Gloss, and no script runs that
     * is not a file under /js: no inline script, no {@code on*=} handler, no eval. Page data for
     * scripts is a {@code <script type="application/json">}, which the browser never runs, so
     * {@code script-src} does not apply to it. Style attributes are allowed
     * ({@code style-src-attr}): they carry each label's colour (a CSS variable), and a style
     * attribute runs no code; style elements and sheets from elsewhere stay forbidden. The icon is
     * a {@code data:} URL. {@code frame-ancestors 'none'}: no site may frame Gloss (clickjacking).
     */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * Quarkus' Swagger UI starts itself with inline scripts and styles; it holds no data of Gloss'
     * (it reads /q/openapi), so it gets them, and nothing else more.
     */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    void install(@Observes Filters filters) {
        // A high priority runs first, so even an answer a later handler sends at once gets them.
        filters.register(this::onEveryRequest, 1_000);
    }

    private void onEveryRequest(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        ctx.addHeadersEndHandler(written -> add(ctx.response().headers(), path));
        ctx.next();
    }

    static void add(MultiMap headers, String path) {
        headers.set("Content-Security-Policy", path.startsWith("/q/swagger-ui") ? SWAGGER_POLICY : POLICY);
        headers.set("X-Frame-Options", "DENY"); // frame-ancestors for browsers without CSP 2
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        // Pages and API answers hold one user's data: no browser or proxy keeps a copy. Static
        // files (the same for everyone) stay cacheable.
        if (!isStatic(path)) {
            headers.set("Cache-Control", "no-store");
        }
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/q/swagger-ui/");
    }
}
