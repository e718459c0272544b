package io.gloss.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Numbers with huge exponents, fractions where whole numbers belong, numbers that are no numbers: 400s naming the field. */
@QuarkusTest
class HostileNumbersTest {

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;

    @BeforeEach
    void fixture() {
        accounts.ensure("numbers-admin", "admin", "reviewer", "editor");
        project = data.project("numbers-admin");
    }

    private Response dataset(String split, String seed) {
        return accounts.as("numbers-admin").contentType(ContentType.JSON)
                .body("{\"projectId\":" + project + ",\"name\":\"n\",\"format\":\"jsonl\",\"split\":" + split
                        + (seed == null ? "" : ",\"seed\":" + seed) + "}")
                .post("/api/datasets");
    }

    @Test
    void splitFractionsWithHugeExponentsAreRefusedAtOnceWithAShortAnswer() {
        // Cheapest first: on unbounded parsing the later ones take seconds and gigabytes.
        for (String fraction : List.of("1e-999999999", "1e2147483647", "1e999999999", "1e1900000000", "\"1e999999999\"")) {
            long started = System.nanoTime();
            Response r = dataset("{\"train\":" + fraction + ",\"dev\":0,\"test\":0}", null);
            assertEquals(400, r.statusCode(), fraction + ": " + r.asString());
            assertEquals("split.train", r.jsonPath().getString("field"), fraction);
            assertTrue(r.asString().length() < 300, fraction + ": an answer of " + r.asString().length() + " characters");
            assertTrue(System.nanoTime() - started < 2_000_000_000L, fraction + " took more than 2 s");
        }
    }

    @Test
    void aFractionThatIsNoNumberIsNamedAsSuch() {
        dataset("{\"train\":\"Infinity\",\"dev\":0,\"test\":0}", null).then().statusCode(400)
                .body("field", equalTo("split.train")).body("message", containsString("number"))
                .body("message", not(containsString("JSON object")));
        dataset("{\"train\":NaN,\"dev\":0,\"test\":0}", null).then().statusCode(400);
    }

    @Test
    void wholeNumbersOutOfRangeOrWithAFractionNameTheirField() {
        dataset("{\"train\":1,\"dev\":0,\"test\":0}", "1e30").then().statusCode(400).body("field", equalTo("seed"))
                .body("message", not(containsString("1e30")));
        long article = data.article(project, "Numbers", "Kyiv spoke.");
        for (String start : List.of("0.5", "99999999999", "1e999999999")) {
            accounts.as("numbers-admin").contentType(ContentType.JSON)
                    .body("{\"articleId\":" + article + ",\"label\":\"LOCATION\",\"start\":" + start
                            + ",\"end\":4,\"quote\":\"Kyiv\"}")
                    .post("/api/annotations").then().statusCode(400).body("field", equalTo("start"));
        }
        accounts.as("numbers-admin").contentType(ContentType.JSON).body(Map.of("ids", List.of(1.5), "decision", "APPROVE"))
                .post("/api/decisions").then().statusCode(400).body("field", equalTo("ids.0"));
    }

    @Test
    void numericQueryParametersThatAreNoNumbersAre400sNot404s() {
        for (String query : List.of("/api/projects?limit=abc", "/api/projects?limit=1e999",
                "/api/projects/" + project + "/articles?limit=99999999999", "/api/review/queue?article=abc",
                "/api/audit?id=" + "9".repeat(500))) {
            Response r = accounts.as("numbers-admin").get(query);
            assertEquals(400, r.statusCode(), query + ": " + r.asString());
            assertTrue(r.jsonPath().getString("message").length() < 200, query);
            assertFalse(r.jsonPath().getString("field").isEmpty(), query);
        }
    }

    @Test
    void theDatasetFormRefusesHugeNumbersWithoutEchoingThem() {
        String admin = TestAccounts.session("numbers-admin");
        String token = csrf(given().cookie("gloss-session", admin).get("/projects/" + project + "/datasets").asString());
        String long9 = "9".repeat(2_000); // longer form fields are refused by Quarkus (413)
        for (String train : List.of("1e-999999999", "1e2147483647", "1e999999999", long9)) {
            Response r = given().cookie("gloss-session", admin).contentType(ContentType.URLENC)
                    .formParam("_csrf", token).formParam("name", "n").formParam("format", "jsonl")
                    .formParam("statuses", "APPROVED").formParam("train", train).formParam("dev", "0")
                    .formParam("test", "0").formParam("seed", "0")
                    .post("/projects/" + project + "/datasets");
            String page = r.asString();
            assertEquals(400, r.statusCode(), train.length() > 20 ? "long" : train);
            assertTrue(page.contains("train"), "the message names the field");
            assertFalse(page.contains("seed must be") || page.contains("The seed"), "the message blames the seed");
            assertTrue(page.length() < 250_000, "a page of " + page.length() + " characters");
            assertTrue(page.indexOf(long9) == page.lastIndexOf(long9), "the long number is echoed in a message");
        }
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "a CSRF field");
        return m.group(1);
    }
}
