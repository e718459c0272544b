package io.gloss.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.gloss.ChromiumPerClass;
import io.gloss.SystemChromium;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin pages as an admin uses them in Chromium: a project started from the news preset, its
 * labels edited and retired, a refused change explained on the page with what was typed kept,
 * the guidelines previewed while typed, and people added, deactivated and given a new password.
 */
@QuarkusTest
class AdminPagesBrowserTest {

    static final String ADMIN = "admin-pages-admin";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    private Page admin() {
        accounts.ensure(ADMIN, "admin");
        Page page = chromium.watchedPage(chromium.newContext(), ADMIN, List.of());
        SystemChromium.logIn(page, base.toString(), ADMIN);
        page.onDialog(dialog -> dialog.accept()); // the confirmations (retire, reset) are answered yes
        return page;
    }

    @Test
    void aProjectFromTheNewsPresetHasItsLabelsEditedAndRetired() {
        Page page = admin();
        page.navigate(base + "projects/new");
        String name = "Desk " + System.nanoTime();
        page.getByLabel("Name").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create project")).click();
        assertThat(page.locator("#notice")).hasText("Project " + name + " created; here are its labels.");
        assertThat(page.locator("#labels tbody tr")).hasCount(3);
        // The notice is said once: it leaves the address, so a reload does not repeat it.
        assertFalse(page.url().contains("said="), page.url());
        page.reload();
        assertThat(page.locator("#notice")).hasCount(0);

        Locator claim = page.locator("tr[data-label=CLAIM] form.label-form");
        claim.getByLabel("Name").fill("Checkable claim");
        claim.getByLabel("Description").fill("Something a fact-checker could verify.");
        claim.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#notice")).hasText("Label Checkable claim saved.");
        assertThat(claim.locator("input[name=name]")).hasValue("Checkable claim");

        // Actor asks for Claim's key: refused on this page, with the reason, and the typed name kept.
        Locator actor = page.locator("tr[data-label=ACTOR] form.label-form");
        actor.getByLabel("Name").fill("Speaker");
        actor.getByLabel("Key").fill("c");
        actor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#notice[role=alert]")).hasText("Another label of this project uses the shortcut c.");
        assertThat(actor.locator("input[name=name]")).hasValue("Speaker");
        assertThat(actor.locator("input[name=shortcut]")).hasValue("c");

        page.locator("tr[data-label=LOCATION]").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retire")).click();
        assertThat(page.locator("#notice")).containsText("Label Location retired");
        assertThat(page.locator("tr[data-label=LOCATION]")).hasClass("retired");

        // The guidelines' preview follows the typing; nothing is saved until Save.
        page.locator("nav.crumbs a").first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings")).click();
        page.getByLabel("Guidelines (Markdown, shown beside the article)").fill("Tag **every** claim.");
        assertThat(page.locator("#preview-state")).hasText("(unsaved)");
        assertThat(page.locator("#guidelines-preview-body")).hasText("Tag every claim.");
        assertThat(page.locator("#guidelines-preview-body strong")).hasText("every");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#notice")).hasText("Settings saved.");
        assertThat(page.locator("#guidelines-preview-body strong")).hasText("every");
    }

    @Test
    void anArticleIsRetiredAndRestoredAndTheProjectBackedUpAndRestored() throws Exception {
        long project = data.project(ADMIN);
        String title = "Harbour strike ends " + project;
        data.article(project, title, "Dock workers in Rotterdam voted on Friday to end their strike — after nine days.");
        Page page = admin();
        page.navigate(base + "projects/" + project);
        page.locator("#articles tr", new Page.LocatorOptions().setHasText(title))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retire")).click();
        assertThat(page.locator("#notice")).hasText("Retired “" + title + "”.");
        assertThat(page.locator("#articles")).hasCount(0);
        page.locator("#retired-tab").click();
        assertThat(page.locator("#articles")).containsText(title);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore")).click();
        assertThat(page.locator("#notice")).hasText("Restored “" + title + "”.");
        page.navigate(base + "projects/" + project);
        assertThat(page.locator("#articles")).containsText(title);

        // The backup from the settings page, restored from the home page as a new project.
        page.navigate(base + "projects/" + project + "/settings");
        Download download = page.waitForDownload(() -> page.locator("#download-backup").click());
        Path zip = Files.createTempFile("gloss-backup", ".zip");
        download.saveAs(zip);
        page.navigate(base.toString());
        // The article's importer must have an account here (BackupRefusalsTest covers the refusal).
        accounts.ensure("fixture", "editor");
        page.locator("#restore-project input[type=file]").setInputFiles(zip);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore project")).click();
        assertThat(page.locator("#notice")).containsText("” from a backup: 1 article, 0 annotations.");
        assertThat(page.locator("h1")).containsText("(restored)");
        assertThat(page.locator("#articles")).containsText(title);
        Files.delete(zip);
    }

    @Test
    void aUserIsAddedDeactivatedAndGivenANewPassword() {
        Page page = admin();
        page.navigate(base + "users");
        String name = "desk-" + System.nanoTime();
        Locator add = page.locator("#add-user");
        add.getByLabel("Username").fill(name);
        add.getByLabel("Password").fill("first-password-1");
        add.getByLabel("reviewer").check();
        add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add user")).click();
        assertThat(page.locator("#notice")).hasText("Account " + name + " created.");
        Locator row = page.locator("tr[data-user='" + name + "']");
        assertThat(row.getByLabel("editor")).isChecked();
        assertThat(row.getByLabel("reviewer")).isChecked();

        String token = given().auth().preemptive().basic(name, "first-password-1").contentType(ContentType.JSON)
                .body(Map.of("name", "notebook")).post("/api/me/tokens").then().statusCode(201).extract().path("token");
        given().header("Authorization", "Token " + token).get("/api/me").then().statusCode(200);

        row.getByLabel("active").uncheck();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#notice")).hasText(name + " saved, inactive: their sessions and tokens have stopped.");
        assertThat(row).hasClass("inactive");
        given().header("Authorization", "Token " + token).get("/api/me").then().statusCode(401);

        row.getByLabel("active").check();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#notice")).hasText(name + " saved.");
        row.getByLabel("New password").fill("second-password-2");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset")).click();
        assertThat(page.locator("#notice")).hasText("New password set for " + name + "; their sessions and tokens have ended.");
        given().auth().preemptive().basic(name, "first-password-1").get("/api/me").then().statusCode(401);
        assertEquals(name, given().auth().preemptive().basic(name, "second-password-2").get("/api/me").then()
                .statusCode(200).extract().path("username"));
        // Reactivating did not bring the token back: it ended with the deactivation... or with the reset.
        given().header("Authorization", "Token " + token).get("/api/me").then().statusCode(401);
    }
}
