package io.gloss.auth;

import io.gloss.web.Notice;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Admins run the local accounts: list (roles, active, last login), create, change roles,
 * deactivate (sessions and tokens stop at once), reset a password, log out everywhere.
 * Post/Redirect/Get, saying what happened ({@link Notice}).
 */
@Path("/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class UsersPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance users(List<UserResource.UserView> users, List<String> roles);
    }

    @Inject
    AccountService accounts;

    @GET
    public TemplateInstance page() {
        return Templates.users(accounts.list().stream().map(UserResource.UserView::of).toList(),
                List.of(Role.EDITOR, Role.REVIEWER, Role.ADMIN));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String password, @RestForm List<String> roles) {
        UserAccount account = accounts.create(username == null ? null : username.strip(), password, roles);
        return back("Account " + account.username + " created.");
    }

    /** The row's form: ticked roles, and active unless unticked (an unticked box sends nothing). */
    @POST
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("username") String username, @RestForm List<String> roles, @RestForm String active) {
        UserAccount account = accounts.update(username, roles, active != null);
        return back(account.username + (account.active ? " saved." : " saved, inactive: their sessions and tokens have stopped."));
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("username") String username, @RestForm String password) {
        accounts.resetPassword(username, password);
        return back("New password set for " + username + "; their sessions and tokens have ended.");
    }

    @POST
    @Path("{username}/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endSessions(@PathParam("username") String username) {
        int ended = accounts.endSessions(username);
        return back(username + " is logged out everywhere (" + ended + " session" + (ended == 1 ? "" : "s") + " ended).");
    }

    private static Response back(String said) {
        return Notice.seeOther("/users", said);
    }
}
