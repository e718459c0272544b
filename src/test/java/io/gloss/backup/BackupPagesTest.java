package io.gloss.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.project.ProjectPagesTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The settings page's download, the restore form of the home and new-project pages, and who may use them. */
@QuarkusTest
class BackupPagesTest {

    @Inject
    BackupFixture fixture;

    @Inject
    BackupRows rows;

    @Test
    void adminsDownloadFromTheSettingsPage() {
        long project = fixture.smallProject();
        String admin = TestAccounts.session(BackupFixture.ADMIN);
        String settings = given().cookie("gloss-session", admin).get("/projects/" + project + "/settings").then().statusCode(200)
                .extract().asString();
        Matcher link = Pattern.compile("id=\"download-backup\" href=\"([^\"]+)\"").matcher(settings);
        assertTrue(link.find(), settings);
        Response download = given().cookie("gloss-session", admin).get(link.group(1));
        assertEquals(200, download.statusCode());
        assertEquals("application/zip", download.contentType());
        assertTrue(download.header("Content-Disposition").matches("attachment; filename=\"gloss-project-" + project
                + "-\\d{4}-\\d{2}-\\d{2}\\.zip\""), download.header("Content-Disposition"));
        assertTrue(BackupFixture.unzip(download.asByteArray()).containsKey(BackupManifest.FILE_NAME));
    }

    @Test
    void othersSeeNoFormAndAreRefused() {
        long project = fixture.smallProject();
        byte[] zip = fixture.backup(project);
        String editor = TestAccounts.session(BackupFixture.EDITOR);
        given().cookie("gloss-session", editor).get("/").then().statusCode(200)
                .body(not(containsString("action=\"/projects/restore\"")));
        given().cookie("gloss-session", editor).get("/projects/" + project + "/settings").then().statusCode(403);
        given().cookie("gloss-session", editor).get("/api/projects/" + project + "/backup").then().statusCode(403);
        String home = given().cookie("gloss-session", editor).get("/").then().extract().asString();
        given().cookie("gloss-session", editor).redirects().follow(false).multiPart("_csrf", ProjectPagesTest.csrf(home))
                .multiPart("backup", "b.zip", zip, "application/zip").post("/projects/restore").then().statusCode(403);
        fixture.as(BackupFixture.EDITOR).contentType("application/zip").body(zip).post("/api/projects/restore").then().statusCode(403);
    }

    @Test
    void theRestoreFormOpensTheNewProjectAndSaysWhatCameBack() {
        long project = fixture.smallProject();
        byte[] zip = fixture.backup(project);
        String name = (String) rows.of(project).get("project").get(0).get("name");
        String admin = TestAccounts.session(BackupFixture.ADMIN);
        String home = given().cookie("gloss-session", admin).get("/").then().statusCode(200)
                .body(containsString("action=\"/projects/restore\"")).body(containsString("enctype=\"multipart/form-data\""))
                .extract().asString();
        given().cookie("gloss-session", admin).get("/projects/new").then().statusCode(200)
                .body(containsString("action=\"/projects/restore\""));
        String location = given().cookie("gloss-session", admin).redirects().follow(false)
                .multiPart("_csrf", ProjectPagesTest.csrf(home)).multiPart("backup", "gloss-project.zip", zip, "application/zip")
                .post("/projects/restore").then().statusCode(303).extract().header("Location");
        Matcher landed = Pattern.compile("/projects/(\\d+)\\?said=(.*)").matcher(location);
        assertTrue(landed.find(), location);
        String said = URLDecoder.decode(landed.group(2), StandardCharsets.UTF_8);
        assertEquals("Restored “" + name + " (restored)” from a backup: 2 articles, 1 annotation.", said);
        given().urlEncodingEnabled(false).cookie("gloss-session", admin).get(location).then().statusCode(200)
                .body(containsString("Restored “")).body(containsString("Small two"));
        assertTrue(Long.parseLong(landed.group(1)) != project);
    }

    @Test
    void aRefusedZipGoesBackToTheFormWithTheReason() {
        String admin = TestAccounts.session(BackupFixture.ADMIN);
        fixture.accounts();
        String home = given().cookie("gloss-session", admin).get("/").then().statusCode(200).extract().asString();
        String location = given().cookie("gloss-session", admin).redirects().follow(false)
                .header("Referer", RestAssured.baseURI + ":" + RestAssured.port + "/")
                .multiPart("_csrf", ProjectPagesTest.csrf(home)).multiPart("backup", "notes.zip", "not a zip".getBytes(StandardCharsets.UTF_8), "application/zip")
                .post("/projects/restore").then().statusCode(303).extract().header("Location");
        assertTrue(URLDecoder.decode(location, StandardCharsets.UTF_8).contains("refused=The file is not a zip"), location);
    }
}
