package io.gloss.auth;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * With lazy authentication, a failed form login is answered by the form mechanism's challenge,
 * a plain redirect to the login page, so the person would not learn that the password was wrong.
 * This sends a failed {@code /j_security_check} to {@code /login/failed} instead, which says so.
 */
@ApplicationScoped
public class LoginFailureRedirect {

    void install(@Observes Router router) {
        router.post("/j_security_check").order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> {
                String location = ctx.response().headers().get(HttpHeaders.LOCATION);
                int status = ctx.response().getStatusCode();
                if ((status == 302 || status == 303) && location != null && location.matches("(https?://[^/]+)?/login")) {
                    ctx.response().putHeader(HttpHeaders.LOCATION, location + "/failed");
                }
            });
            ctx.next();
        });
    }
}
