package io.gloss.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every request body on the I/O thread, before the request goes to a worker thread, so
 * that no worker ever waits for a body to arrive.
 *
 * <p>Quarkus REST gives a blocking endpoint (every endpoint of Gloss) its body as a stream that
 * the worker reads after it has been dispatched. Eight clients sending bodies at a byte a second
 * then held all eight workers, and every request that needs the database waited behind them.
 * Here the body, whatever its kind (JSON, JSON Lines, forms, multipart uploads, chunked), is
 * gathered by Vert.x' {@link BodyHandler} on the event loop, which costs no thread while bytes
 * trickle; Quarkus REST then reads it from memory (multipart files from the uploads directory)
 * and the worker starts at once.
 *
 * <p>This happens before authentication, so anyone can make the server hold a body. Three bounds:
 * <ul>
 * <li>a body reserves its announced length (a chunked one, of unknown length, the largest body
 * allowed) from a budget, {@code gloss.http.buffered-bodies-max} in all and
 * {@code gloss.http.buffered-bodies-per-client} per client address, until its answer is out: one
 * address cannot take the budget, many cannot exhaust the heap;</li>
 * <li>a body that finds no room is answered 503 with {@code Retry-After} at once and its
 * connection closed: handing it to a worker instead would reopen the hole exactly when the budget
 * is under attack, and queueing it would hold it with no bound;</li>
 * <li>a body must arrive within {@code gloss.http.body-timeout}, or the request is answered 408 and
 * its connection closed, so that a trickle gives its reservation back.</li>
 * </ul>
 */
@ApplicationScoped
public class BodyBuffering {

    /**
     * Seconds a client refused for want of room waits before trying again: room comes back as
     * bodies complete, within the body timeout at worst, and most bodies take milliseconds.
     */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final String TIMER = "gloss.body-timer";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    HttpBodyConfig config;

    @ConfigProperty(name = "quarkus.http.body.uploads-directory")
    String uploadsDirectory;

    private BodyBudget budget;

    void install(@Observes Router router) {
        long largest = maxBodySize.asLongValue();
        long total = config.bufferedBodiesMax().asLongValue();
        long perClient = config.bufferedBodiesPerClient().asLongValue();
        Duration timeout = config.bodyTimeout();
        if (perClient < largest || total < perClient) {
            throw new IllegalStateException("gloss.http.buffered-bodies-per-client (" + perClient
                    + " bytes) must be at least quarkus.http.limits.max-body-size (" + largest
                    + "), and gloss.http.buffered-bodies-max (" + total + ") at least the share per client:"
                    + " otherwise the largest body allowed could never be read.");
        }
        budget = new BodyBudget(total, perClient);
        BodyHandler bodies = BodyHandler.create(uploadsDirectory).setBodyLimit(largest).setDeleteUploadedFilesOnEnd(true);
        // After Quarkus' own handlers (body size limit, CORS: negative orders), before Quarkus REST's
        // route (ordered after 10,000). Authentication is lazy, so it has not run yet.
        router.route().order(0)
                .handler(ctx -> {
                    long reserved = reservation(ctx.request(), largest);
                    if (reserved == 0) {
                        ctx.next();
                        return;
                    }
                    String client = client(ctx.request());
                    if (!budget.reserve(client, reserved)) {
                        ctx.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
                        refuse(ctx, 503, "busy", "The server is receiving too many request bodies"
                                + (budget.heldBy(client) > 0 ? " from your address" : "") + " right now. Try again in "
                                + RETRY_AFTER_SECONDS + " seconds.");
                        return;
                    }
                    long timer = ctx.vertx().setTimer(timeout.toMillis(), fired -> {
                        if (!ctx.request().isEnded()) {
                            refuse(ctx, 408, "body_timeout", "The request body did not arrive within "
                                    + timeout.toSeconds() + " seconds.");
                        }
                    });
                    ctx.put(TIMER, timer);
                    ctx.addEndHandler(answered -> { // also when the client leaves
                        ctx.vertx().cancelTimer(timer);
                        budget.release(client, reserved);
                    });
                    bodies.handle(ctx);
                })
                .handler(ctx -> {
                    Long timer = ctx.get(TIMER);
                    if (timer != null) {
                        ctx.vertx().cancelTimer(timer); // the body is in: what the endpoint takes is not the client's time
                    }
                    ctx.next();
                })
                .failureHandler(ctx -> {
                    if (!(ctx.failure() instanceof HttpClosedException)) {
                        ctx.next(); // the client left mid-body: nobody to answer, nothing to log
                    }
                });
    }

    /** For tests: what the bodies being read, or waiting for their answer, hold now. */
    BodyBudget budget() {
        return budget;
    }

    /**
     * What a request's body reserves: its Content-Length; the largest body allowed when its length
     * is unknown (chunked, or an HTTP/2 stream without one); 0 when it has none, or when its length
     * is not a number (Quarkus answers that).
     */
    static long reservation(HttpServerRequest request, long largest) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                return Math.max(0, Long.parseLong(length.trim()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        boolean chunked = request.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
        return chunked || (request.version() == HttpVersion.HTTP_2 && !request.isEnded()) ? largest : 0;
    }

    /**
     * The client's address. Behind a reverse proxy every client has the proxy's, unless Quarkus
     * is told to trust its forwarding headers ({@code quarkus.http.proxy.proxy-address-forwarding}).
     */
    private static String client(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null || address.host() == null ? "unknown" : address.host();
    }

    /**
     * Answers without reading the rest of the body, and closes the connection: the bytes still
     * coming cannot be told from a next request.
     */
    private static void refuse(RoutingContext ctx, int status, String error, String message) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            ctx.request().connection().close();
            return;
        }
        boolean http1 = ctx.request().version() != HttpVersion.HTTP_2;
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (http1) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(new JsonObject(ApiError.body(error, message)).encode()).onComplete(written -> {
            if (http1) {
                ctx.request().connection().close();
            }
        });
    }
}
