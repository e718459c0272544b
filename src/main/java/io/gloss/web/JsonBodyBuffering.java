package io.gloss.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a small JSON request body on the I/O thread, before the request goes to a worker thread.
 *
 * <p>Quarkus REST gives a blocking endpoint its body as a stream that the worker reads, and waits
 * on, after it has been dispatched; under load the worker then sits idle until the event loop gets
 * round to handing it the bytes, twice per request (the first bytes, then the end). With eight
 * workers that was a fifth of their time in the create load on PostgreSQL, and a client sending
 * its body slowly held a worker for as long as it liked. With the body already in memory Quarkus
 * REST reads it from there and the worker starts at once.
 *
 * <p>Only bodies that announce a length up to {@code gloss.http.buffered-body-limit} are read
 * ahead: every JSON call of the API is far smaller, and a large article sent as JSON streams as
 * before instead of being held in memory before anyone has been authenticated.
 */
@ApplicationScoped
public class JsonBodyBuffering {

    @ConfigProperty(name = "gloss.http.buffered-body-limit")
    MemorySize limit;

    void install(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
        // Before Quarkus REST's route (ordered by default at 10,000); after Quarkus' own handlers.
        router.route().order(0).method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
                .consumes("application/json").handler(ctx -> {
                    if (announcedSmall(ctx.request())) {
                        bodies.handle(ctx);
                    } else {
                        ctx.next();
                    }
                });
    }

    private boolean announcedSmall(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false; // chunked: no size known in advance
        }
        try {
            long bytes = Long.parseLong(length.trim());
            return bytes > 0 && bytes <= limit.asLongValue();
        } catch (NumberFormatException e) {
            return false; // Quarkus answers a malformed length itself
        }
    }
}
