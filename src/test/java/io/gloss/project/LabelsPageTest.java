package io.gloss.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The labels page, through a real session and its forms. */
@QuarkusTest
class LabelsPageTest {

    /** The CLAIM label in the API's list of labels. */
    static final String CLAIM = "items.find { it.key == 'CLAIM' }";

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;


    @Test
    void anAdminAddsEditsMovesRetiresAndRestoresALabel() {
        accounts.ensure("lp-admin", "admin");
        accounts.ensure("lp-editor", "editor");
        long project = data.project("lp-editor");
        long article = data.article(project, "Harbour", "The harbour master closed the quay.");
        given().auth().preemptive().basic("lp-admin", TestAccounts.PASSWORD).queryParam("entity", "article").queryParam("id", article)
                .get("/api/audit").then().statusCode(200).body("items[0].action", equalTo("create"))
                .body("items[0].after.title", equalTo("Harbour"));
        String admin = TestAccounts.session("lp-admin");
        String base = "/projects/" + project + "/labels";
        String page = given().cookie("gloss-session", admin).get(base).then().statusCode(200)
                .body(containsString("data-label=\"CLAIM\"")).extract().asString();

        String said = ProjectPagesTest.postForm(admin, page, base, "key", "event", "name", "Event", "color", "#aa3377", "shortcut", "e");
        given().urlEncodingEnabled(false).cookie("gloss-session", admin).get(said).then().body(containsString("Label Event added."))
                .body(containsString("data-label=\"EVENT\""));
        ProjectPagesTest.postForm(admin, page, base + "/EVENT", "name", "Happening", "color", "#aa3377", "shortcut", "h", "description", "Something that took place");
        ProjectPagesTest.postForm(admin, page, base + "/EVENT/move", "position", "0");
        String html = given().cookie("gloss-session", admin).get(base).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.indexOf("data-label=\"EVENT\"") < html.indexOf("data-label=\"CLAIM\""),
                "moved to the top");

        said = ProjectPagesTest.postForm(admin, page, base + "/EVENT/retire");
        given().urlEncodingEnabled(false).cookie("gloss-session", admin).get(said).then().body(containsString("retired: its spans keep it"))
                .body(containsString("Restore"));
        String editor = TestAccounts.session("lp-editor");
        given().cookie("gloss-session", editor).get("/articles/" + article).then().statusCode(200)
                .body(not(containsString("data-label=\"EVENT\""))).body(containsString("data-label=\"CLAIM\""));
        given().cookie("gloss-session", editor).get(base).then().statusCode(403);

        ProjectPagesTest.postForm(admin, page, base + "/EVENT/restore");
        given().cookie("gloss-session", editor).get("/articles/" + article).then()
                .body(containsString("data-label=\"EVENT\""));
    }

    @Test
    void anAdminAddsARelationTypeBetweenLabels() {
        accounts.ensure("lp-admin", "admin");
        long project = data.project();
        String admin = TestAccounts.session("lp-admin");
        String base = "/projects/" + project + "/labels";
        String page = given().cookie("gloss-session", admin).get(base).then().statusCode(200)
                .body(containsString("id=\"no-relation-types\"")).body(containsString("name=\"from\" value=\"CLAIM\""))
                .extract().asString();

        String said = ProjectPagesTest.postForm(admin, page, base + "/relation-types", "key", "attributed_to",
                "from", "CLAIM", "to", "ACTOR", "to", "LOCATION");
        given().urlEncodingEnabled(false).cookie("gloss-session", admin).get(said).then()
                .body(containsString("Relation type Attributed to added: CLAIM → ACTOR or LOCATION."))
                .body(containsString("<tr data-type=\"ATTRIBUTED_TO\">"));
        given().auth().preemptive().basic("lp-admin", TestAccounts.PASSWORD).get("/api/projects/" + project + "/relation-types")
                .then().statusCode(200).body("items[0].from", equalTo(java.util.List.of("CLAIM")))
                .body("items[0].to", equalTo(java.util.List.of("ACTOR", "LOCATION")));

        // Nothing ticked for one end: refused with the reason, on the page it came from.
        given().cookie("gloss-session", admin).redirects().follow(false).header("Referer", io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + base)
                .contentType(io.restassured.http.ContentType.URLENC).formParam("_csrf", ProjectPagesTest.csrf(page))
                .formParam("key", "LOCATED_IN").formParam("from", "CLAIM")
                .post(base + "/relation-types").then().statusCode(303)
                .header("Location", containsString("refused=")).header("Location", containsString("to+must+list"));
        given().auth().preemptive().basic("lp-admin", TestAccounts.PASSWORD).get("/api/projects/" + project + "/relation-types")
                .then().body("items.key", equalTo(java.util.List.of("ATTRIBUTED_TO")));
    }

    @Test
    void anAdminAddsAndRemovesALabelsAttributesAndRefusedOnesSayWhy() {
        accounts.ensure("lp-admin", "admin");
        accounts.ensure("lp-editor", "editor");
        long project = data.project("lp-editor");
        String admin = TestAccounts.session("lp-admin");
        String base = "/projects/" + project + "/labels";
        String page = given().cookie("gloss-session", admin).get(base).then().statusCode(200)
                .body(containsString("No attributes: spans of Claim carry only their text."))
                .body(containsString("action=\"" + base + "/CLAIM/attributes\"")).extract().asString();

        String said = ProjectPagesTest.postForm(admin, page, base + "/CLAIM/attributes", "key", "figure", "name", "Figure",
                "type", "number", "choices", "");
        given().urlEncodingEnabled(false).cookie("gloss-session", admin).get(said).then()
                .body(containsString("Attribute figure added to Claim."))
                .body(containsString("<li data-attribute=\"figure\"><code>figure</code> Figure <small>(number)</small>"));
        ProjectPagesTest.postForm(admin, page, base + "/CLAIM/attributes", "key", "stance", "type", "choice",
                "choices", "confirmed, denied\nunclear");
        labelsOfApi(project).body(CLAIM + ".attributes.key", equalTo(java.util.List.of("figure", "stance")))
                .body(CLAIM + ".attributes[1].type", equalTo("choice")).body(CLAIM + ".attributes[1].name", equalTo("stance"))
                .body(CLAIM + ".attributes[1].choices", equalTo(java.util.List.of("confirmed", "denied", "unclear")));

        // Refused with the reason, on the page it came from; nothing changes.
        refused(admin, page, base + "/CLAIM/attributes", "already", "key", "figure", "type", "text");
        refused(admin, page, base + "/CLAIM/attributes", "needs+1+to", "key", "mood", "type", "choice", "choices", " , ");
        refused(admin, page, base + "/CLAIM/attributes", "Only+a+choice+has+choices", "key", "unit", "type", "text",
                "choices", "km");
        refused(admin, page, base + "/CLAIM/attributes", "needs+a+type", "key", "unit", "type", "colour");
        refused(admin, page, base + "/CLAIM/attributes", "attribute+key+is+1+to+50", "key", "Unit!", "type", "text");
        refused(admin, page, base + "/CLAIM/attributes/unit/remove", "has+no+attribute");
        labelsOfApi(project).body(CLAIM + ".attributes.key", equalTo(java.util.List.of("figure", "stance")));

        said = ProjectPagesTest.postForm(admin, page, base + "/CLAIM/attributes/figure/remove");
        given().urlEncodingEnabled(false).cookie("gloss-session", admin).get(said).then()
                .body(containsString("Attribute figure removed from Claim; spans keep the values they were given."))
                .body(not(containsString("data-attribute=\"figure\""))).body(containsString("data-attribute=\"stance\""));
        labelsOfApi(project).body(CLAIM + ".attributes.key", equalTo(java.util.List.of("stance")));
        given().cookie("gloss-session", TestAccounts.session("lp-editor")).redirects().follow(false)
                .contentType(ContentType.URLENC).formParam("_csrf", ProjectPagesTest.csrf(page)).formParam("key", "unit")
                .formParam("type", "text").post(base + "/CLAIM/attributes").then().statusCode(403);
    }

    /** The project's labels as the API answers them. */
    static io.restassured.response.ValidatableResponse labelsOfApi(long project) {
        return given().auth().preemptive().basic("lp-admin", TestAccounts.PASSWORD).get("/api/projects/" + project + "/labels")
                .then().statusCode(200);
    }

    /** Posts the form as the page would and expects 303 back to the page with {@code refused=} holding {@code reason}. */
    static void refused(String session, String page, String path, String reason, String... fields) {
        var request = given().cookie("gloss-session", session).redirects().follow(false)
                .header("Referer", io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                        + path.substring(0, path.indexOf("/labels") + "/labels".length()))
                .contentType(ContentType.URLENC).formParam("_csrf", ProjectPagesTest.csrf(page));
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        request.post(path).then().statusCode(303).header("Location", containsString("refused="))
                .header("Location", containsString(reason));
    }

    @Test
    void anAdminStartsAProjectWithTheNewsPresetOrEmpty() {
        accounts.ensure("lp-admin", "admin");
        String admin = TestAccounts.session("lp-admin");
        given().cookie("gloss-session", admin).get("/").then().statusCode(200)
                .body(containsString("href=\"/projects/new\""));
        String form = given().cookie("gloss-session", admin).get("/projects/new").then().statusCode(200)
                .body(containsString("value=\"news\" checked")).extract().asString();
        String name = "Harbour desk " + java.util.UUID.randomUUID();
        String location = ProjectPagesTest.postForm(admin, form, "/projects/new", "name", name, "preset", "news");
        String labels = given().urlEncodingEnabled(false).cookie("gloss-session", admin).get(location).then().statusCode(200)
                .body(containsString("created; here are its labels.")).body(containsString("data-label=\"CLAIM\""))
                .body(containsString("data-label=\"ACTOR\"")).body(containsString("data-label=\"LOCATION\"")).extract().asString();
        long id = Long.parseLong(location.replaceAll(".*/projects/(\\d+)/labels.*", "$1"));
        given().cookie("gloss-session", admin).get("/projects/" + id + "/settings").then()
                .body(containsString("What to tag"));
        given().auth().preemptive().basic("lp-admin", TestAccounts.PASSWORD).queryParam("entity", "project").queryParam("id", id)
                .get("/api/audit").then().statusCode(200).body("items[0].action", equalTo("create"))
                .body("items[0].after.name", equalTo(name));

        String empty = ProjectPagesTest.postForm(admin, form, "/projects/new", "name", name + " (empty)", "preset", "empty");
        given().urlEncodingEnabled(false).cookie("gloss-session", admin).get(empty).then().statusCode(200)
                .body(containsString("no labels yet"));
        given().auth().preemptive().basic("lp-admin", TestAccounts.PASSWORD).contentType(ContentType.JSON)
                .body(java.util.Map.of("name", name + " (api)", "preset", "sports")).post("/api/projects").then()
                .statusCode(400).body("field", equalTo("preset"));
    }
}
