package io.gloss.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place failures become responses: {@code {"error","message"}} JSON under /api, the
 * error page (or a redirect to the login page) everywhere else. Never a stack trace.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    @CheckedTemplate(basePath = "error")
    static class Templates {
        static native TemplateInstance page(int status, String title, String message);
    }

    @ServerExceptionMapper
    public Response gloss(GlossException e, UriInfo uri) {
        Response response = respond(uri, e.status(), e.error(), e.getMessage(), e.details());
        Object retryAfter = e.details().get("retryAfter");
        return retryAfter == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, retryAfter).build();
    }

    @Inject
    SessionCookie sessionCookie;

    @Inject
    CurrentVertxRequest current;

    private static final Set<Integer> CORRECTABLE = Set.of(400, 404, 409, 413, 422);

    /**
     * Not logged in, or the credentials did not hold. Pages go to the login page, which brings
     * the person back here afterwards. A request made by a page's script (it sends the session
     * cookie, or {@code X-Requested-With}) gets no Basic challenge, which would pop up the
     * browser's own password dialog; it learns that the session ended, and where to log in. A
     * session cookie that no longer holds is dropped, and so is a Keycloak one (its refresh
     * token expired, the secret changed): lazy authentication lands such failures in this
     * mapper, not in the OIDC mechanism that would remove it.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        String session = sessionCookie.name();
        boolean hadSession = headers.getCookies().containsKey(session);
        NewCookie[] dropped = headers.getCookies().keySet().stream()
                .filter(name -> name.startsWith("q_session") || name.equals(session))
                .map(name -> new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true).build())
                .toArray(NewCookie[]::new);
        String here = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        if (isApi(uri)) {
            Response.ResponseBuilder response = Response.status(401).cookie(dropped).type(MediaType.APPLICATION_JSON);
            if (hadSession || headers.getHeaderString("X-Requested-With") != null) {
                return response.entity(ApiError.body(hadSession ? "session_ended" : "unauthorized",
                        hadSession ? "Your session ended — log in again." : "Log in first.",
                        Map.of("login", "/login"))).build();
            }
            return response.header("WWW-Authenticate", "Basic realm=\"Gloss\"")
                    .entity(ApiError.body("unauthorized", "Log in first: send a personal token, "
                            + "Basic credentials or a Bearer token."))
                    .build();
        }
        // Keycloak's code flow returns to /login/oidc, which reads where to go on from this cookie.
        NewCookie next = new NewCookie.Builder("gloss-next").value(here)
                .path("/").httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8)))
                .cookie(next).cookie(dropped).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(uri, 403, "forbidden", "Your account does not have the role this needs.", Map.of());
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(RuntimeException e, UriInfo uri) {
        return respond(uri, 409, "stale", "Someone changed this at the same time. Reload and try again.", Map.of());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        var violation = e.getConstraintViolations().iterator().next();
        String path = violation.getPropertyPath().toString();
        String field = path.substring(path.lastIndexOf('.') + 1);
        return respond(uri, 400, "invalid", field + ": " + violation.getMessage(), Map.of("field", field));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException m && m.getCause() instanceof InputCoercionException c && !m.getPath().isEmpty()) {
            // e.g. "seed": 1e30; Jackson's own sentence would quote the number
            boolean isInt = c.getTargetType() == int.class || c.getTargetType() == Integer.class;
            String field = field(m);
            return respond(uri, 400, "invalid", Numbers.wholeRule(field, isInt ? Integer.MIN_VALUE : Long.MIN_VALUE,
                    isInt ? Integer.MAX_VALUE : Long.MAX_VALUE), Map.of("field", field));
        }
        return respond(uri, 400, "malformed_json",
                "The request body is not the JSON this endpoint expects: " + e.getOriginalMessage(), Map.of());
    }

    /** A value of the wrong type, e.g. {@code "start": "ten"}: names the field. */
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        String field = field(e);
        String expected = e.getTargetType() == null ? "another type" : switch (e.getTargetType().getSimpleName()) {
            case "Long", "long", "Integer", "int" -> "a whole number";
            case "String" -> "a string";
            case "Boolean", "boolean" -> "true or false";
            case "List" -> "a list";
            default -> "a JSON object";
        };
        return respond(uri, 400, "malformed_json", field + " must be " + expected + ".", Map.of("field", field));
    }

    /** Text that is not Unicode, a number out of bounds ({@link JsonInput}): its sentence names the field. */
    @ServerExceptionMapper
    public Response refused(RefusedInputException e, UriInfo uri) {
        return respond(uri, 400, "invalid", e.getOriginalMessage(), Map.of("field", e.field()));
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                : String.valueOf(ref.getIndex())).reduce((a, b) -> a + "." + b).orElse("body");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof GlossException g) {
            return gloss(g, uri); // a parameter refused by QueryParams
        }
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadable(json, uri); // Quarkus REST wraps Jackson's parse errors in a 400
            }
        }
        String message = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the format asked for.";
            case 413 -> "The request is too large.";
            case 415 -> "This content type is not accepted here; send application/json.";
            default -> status >= 500 ? "Something went wrong on our side." : "The request could not be understood.";
        };
        return respond(uri, status, codeFor(status), message, Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("Unexpected failure on " + uri.getRequestUri().getPath(), e);
        return respond(uri, 500, "internal", "Something went wrong on our side; it has been logged.", Map.of());
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal" : "error";
        };
    }

    /**
     * The page a refused form was sent from, when it is one of ours: the person goes back to it and
     * reads why there, instead of on an error page that loses their place. Only for input the
     * person can correct (not a missing role or a server failure).
     */
    private URI formPage(int status) {
        HttpServerRequest request = current.getCurrent() == null ? null : current.getCurrent().request();
        if (request == null || request.method() != HttpMethod.POST || !CORRECTABLE.contains(status)) {
            return null;
        }
        URI page = Referer.parse(request.getHeader("Referer"));
        boolean ours = page != null && page.getRawAuthority() != null && page.getRawAuthority().equals(request.authority().toString())
                && page.getRawPath() != null && page.getRawPath().startsWith("/") && !page.getRawPath().startsWith("/api/");
        return ours ? page : null;
    }

    private static Map<String, String> queryOf(URI page) {
        Map<String, String> query = new LinkedHashMap<>();
        new QueryStringDecoder(page).parameters().forEach((name, values) -> query.put(name, values.get(0)));
        return query;
    }

    private static boolean isApi(UriInfo uri) {
        String path = uri.getPath();
        return path.equals("/api") || path.startsWith("/api/");
    }

    private Response respond(UriInfo uri, int status, String error, String message, Map<String, Object> details) {
        if (isApi(uri)) {
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(ApiError.body(error, message, details)).build();
        }
        URI form = formPage(status);
        if (form != null) {
            return Notice.refusedTo(form.getRawPath(), queryOf(form), message);
        }
        String title = status == 404 ? "Not found" : status == 403 ? "Not allowed"
                : status >= 500 ? "Something went wrong" : "That did not work";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.page(status, title, message).render()).build();
    }
}
