package io.gloss.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a small JSON request body on the I/O thread, before the request goes to a worker thread.
 *
 * <p>Quarkus REST gives a blocking endpoint its body as a stream that the worker reads, and waits
 * on, after it has been dispatched; under load the worker then sits idle until the event loop gets
 * round to handing it the bytes, twice per request (the first bytes, then the end). With eight
 * workers that was a fifth of their time in the create load on PostgreSQL, and a client sending
 * its body slowly held a worker for as long as it liked. With the body already in memory Quarkus
 * REST reads it from there and the worker starts at once. (Every endpoint of Gloss is blocking; a
 * non-blocking one would not see a body read here, as Quarkus REST reads those itself.)
 *
 * <p>Only bodies that announce a length up to {@code gloss.http.buffered-body-limit} are read
 * ahead, and only while the bodies being read ahead hold less than
 * {@code gloss.http.buffered-bodies-max} in all: this happens before authentication, so anyone
 * may send such a body and stall. Other bodies (larger, chunked, not JSON, or over the budget)
 * stream to the worker as before.
 */
@ApplicationScoped
public class JsonBodyBuffering {

    @ConfigProperty(name = "gloss.http.buffered-body-limit")
    MemorySize limit;

    @ConfigProperty(name = "gloss.http.buffered-bodies-max")
    MemorySize budget;

    /** Bytes announced by the bodies being read ahead or waiting for their answer. */
    private final AtomicLong held = new AtomicLong();

    void install(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
        // After Quarkus' own handlers (security, body size limit: negative orders), before Quarkus
        // REST's route (ordered after 10,000).
        router.route().order(0).method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
                .consumes("application/json")
                .handler(ctx -> {
                    long length = announcedLength(ctx.request());
                    if (length > 0 && length <= limit.asLongValue() && reserve(length)) {
                        ctx.addEndHandler(answered -> held.addAndGet(-length)); // also when the client leaves
                        bodies.handle(ctx);
                    } else {
                        ctx.next();
                    }
                })
                .failureHandler(ctx -> {
                    if (!(ctx.failure() instanceof HttpClosedException)) {
                        ctx.next(); // the client left mid-body: nobody to answer, nothing to log
                    }
                });
    }

    /** For tests: what the bodies read ahead hold now. */
    long held() {
        return held.get();
    }

    private boolean reserve(long bytes) {
        if (held.addAndGet(bytes) <= budget.asLongValue()) {
            return true;
        }
        held.addAndGet(-bytes);
        return false;
    }

    /** The Content-Length, or -1 when there is none (chunked) or it is not a number (Quarkus answers that). */
    private static long announcedLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
