package io.gloss.auth;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The login page and logout. The form posts to {@code /j_security_check}, which Quarkus' form
 * authentication handles; with Keycloak switched on the page links to the OIDC code flow.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, boolean oidc);
    }

    @Inject
    CurrentUser currentUser;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled")
    boolean oidc;

    @GET
    @Path("login")
    public Response login(@QueryParam("error") boolean error) {
        if (currentUser.isLoggedIn()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(Templates.login(error, oidc)).build();
    }

    /** Where a failed login lands: the same page, saying why. */
    @GET
    @Path("login/failed")
    public Response failed() {
        return login(true);
    }

    /** Starts Keycloak's code flow; once back, the person lands on their projects. */
    @GET
    @Path("login/oidc")
    @Authenticated
    public Response oidcLogin() {
        return Response.seeOther(URI.create("/")).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
