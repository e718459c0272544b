package io.gloss;

import static io.restassured.RestAssured.given;

import io.gloss.auth.AccountService;
import io.gloss.auth.UserAccount;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

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

    public RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD);
    }
}
