package io.gloss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.gloss.ChromiumPerClass;
import io.gloss.SystemChromium;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.dataset.ExportFixture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page under the Content-Security-Policy, in a real browser: the policy is sent, the page
 * works, and nothing on it is blocked (the watched page reports any violation as an error).
 */
@QuarkusTest
class ContentSecurityPolicyBrowserTest {

    static final String ADMIN = "csp-admin";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Inject
    ExportFixture fx;

    @Test
    void everyPageRunsUnderThePolicyWithNothingBlocked() throws Exception {
        accounts.ensure(ADMIN, "admin", "reviewer", "editor");
        accounts.ensure("csp-editor", "editor");
        long project = data.project(ADMIN, "csp-editor");
        long article = data.article(project, "Policy", "Zelensky spoke in Kyiv.");
        long annotation = accounts.as("csp-editor").contentType("application/json")
                .body(Map.of("articleId", article, "label", "ACTOR", "start", 0, "end", 8, "quote", "Zelensky"))
                .post("/api/annotations").then().statusCode(201).extract().jsonPath().getLong("id");
        // A build that is running (on another instance, whose lease runs still), so that the
        // dataset page loads its progress script.
        long dataset = 90_000_000L + System.nanoTime() % 1_000_000;
        fx.execute("insert into dataset (id, project_id, name, format, statuses, split_train, split_dev, split_test, seed, "
                + "state, articles_done, articles_total, created_by, created_at, claimed_by, lease_until) values (?, ?, "
                + "'Running', 'jsonl', 'APPROVED', 1, 0, 0, 0, 'RUNNING', 0, 10, ?, ?, 'elsewhere', ?)", dataset, project, ADMIN,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now().plusSeconds(3600)));

        List<String> errors = new ArrayList<>();
        BrowserContext context = SystemChromium.newContext(chromium.browser());
        try {
            Page page = SystemChromium.watchedPage(context, ADMIN, errors, List.of());
            assertPolicy(page.navigate(base + "login"));
            page.getByLabel("Username").fill(ADMIN);
            page.getByLabel("Password").fill(TestAccounts.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            page.waitForURL(base.toString());
            for (String path : List.of("", "projects/" + project, "review", "my-work", "audit", "account",
                    "annotations/" + annotation, "projects/" + project + "/datasets", "projects/" + project + "/members")) {
                assertPolicy(page.navigate(base + path));
            }
            assertPolicy(page.navigate(base + "articles/" + article));
            page.waitForSelector("#annotator[data-ready=true]"); // annotate.js ran
            // The dataset page's script follows the project's event stream: it runs from /js, not inline.
            Response stream = page.waitForResponse(r -> r.url().contains("/api/projects/" + project + "/events"),
                    () -> assertPolicy(page.navigate(base + "datasets/" + dataset)));
            assertEquals(200, stream.status());
            page.waitForSelector("#build[data-live=open]");
            // An inline script is what the policy is for: injected, it does not run.
            Object ran = page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true';"
                    + " document.head.append(s); return window.inlineRan === true; }");
            assertEquals(false, ran, "an inline script ran under the policy");
            page.waitForTimeout(500); // the violation event is dispatched after the console message
            assertTrue(errors.removeIf(e -> e.contains("Content Security Policy")), "the blocked inline script was reported");
        } finally {
            context.close();
        }
        assertEquals(List.of(), errors, "script errors, blocked content or failed requests on the pages");
    }

    static void assertPolicy(Response response) {
        assertNotNull(response);
        assertTrue(response.status() < 400, response.url() + " answered " + response.status());
        String policy = response.headerValue("content-security-policy");
        assertNotNull(policy, response.url() + " has no Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self';"), policy);
    }
}
