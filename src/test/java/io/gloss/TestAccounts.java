package io.gloss;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gloss.auth.AccountService;
import io.gloss.auth.UserAccount;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** Real local accounts for tests in which several people act (Basic authentication). */
@ApplicationScoped
public class TestAccounts {

    public static final String PASSWORD = "correct-horse-battery";

    @Inject
    AccountService accounts;

    @Transactional
    public void ensure(String username, String... roles) {
        if (UserAccount.findByUsername(username).isEmpty()) {
            accounts.create(username, PASSWORD, List.of(roles));
        }
    }

    /** A page session of {@code username}, signed in through the login form: its gloss-session cookie. */
    public static String session(String username) {
        Response response = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", username).formParam("j_password", PASSWORD).post("/j_security_check");
        assertEquals(303, response.statusCode(), username + " could not sign in");
        return response.getCookie("gloss-session");
    }

    public RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD);
    }

    /** {@code admin} assigns the article to {@code editor}; the assignment's id. */
    public long assign(String admin, long project, long article, String editor) {
        return as(admin).contentType(ContentType.JSON).body(Map.of("articleId", article, "username", editor))
                .post("/api/projects/" + project + "/assignments").then().statusCode(201)
                .extract().jsonPath().getLong("items[0].id");
    }

    /** Assigned as above, then marked done by the editor: two such marks put the article in the agreement. */
    public long assignDone(String admin, long project, long article, String editor) {
        long assignment = assign(admin, project, article, editor);
        mark(editor, assignment, "DONE");
        return assignment;
    }

    /** {@code username} moves the assignment to {@code state} (DONE, or IN_PROGRESS to reopen it). */
    public void mark(String username, long assignment, String state) {
        as(username).contentType(ContentType.JSON).body(Map.of("state", state))
                .put("/api/assignments/" + assignment).then().statusCode(200);
    }
}
