package io.gloss.agreement;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.gloss.SharedCorpus;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/projects/{id}/agreement}: which articles and spans it reads (two DONE
 * assignees at least; their live spans, whatever the status; nobody else's), the numbers, the
 * filters and who may ask.
 */
@QuarkusTest
class AgreementResourceTest {

    static final String A = "agr-a";
    static final String B = "agr-b";
    static final String C = "agr-c";
    static final String REVIEWER = "agr-reviewer";

    @Inject
    AgreementFixture fixture;

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    long project;
    long corpus;
    long kyiv;
    String corpusText;
    static final String KYIV = "Zelensky spoke in Kyiv on Monday.";

    /**
     * The corpus article (a and b done, c in progress) and a short one (a and b done, alike), and
     * a third only a marked done. a: ACTOR "Volodymyr Zelensky", LOCATION "Russia", "Kursk";
     * b: ACTOR "Ukrainian President Volodymyr Zelensky", LOCATION "Russia", "Kursk region".
     */
    @BeforeEach
    void fixture() throws IOException {
        project = fixture.project(REVIEWER, A, B, C);
        corpusText = Files.readString(SharedCorpus.files().get(0), StandardCharsets.UTF_8);
        corpus = data.article(project, "Corpus", corpusText);
        kyiv = data.article(project, "Kyiv", KYIV);
        long alone = data.article(project, "Alone", KYIV + " Again.");
        fixture.tag(A, corpus, "ACTOR", corpusText, 101, 119);
        fixture.tag(A, corpus, "LOCATION", corpusText, 61, 67);
        long kursk = fixture.tag(A, corpus, "LOCATION", corpusText, 182, 187);
        fixture.tag(B, corpus, "ACTOR", corpusText, 81, 119);
        fixture.tag(B, corpus, "LOCATION", corpusText, 61, 67);
        fixture.tag(B, corpus, "LOCATION", corpusText, 182, 194);
        fixture.tag(C, corpus, "ACTOR", corpusText, 81, 90);
        long deleted = fixture.tag(A, corpus, "CLAIM", corpusText, 0, 50);
        accounts.as(A).delete("/api/annotations/" + deleted).then().statusCode(204);
        accounts.as(REVIEWER).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/annotations/" + kursk + "/decision").then().statusCode(200);
        for (String editor : List.of(A, B)) {
            fixture.tag(editor, kyiv, "ACTOR", KYIV, 0, 8);
            fixture.tag(editor, kyiv, "LOCATION", KYIV, 18, 22);
            fixture.done(project, corpus, editor);
            fixture.done(project, kyiv, editor);
        }
        fixture.inProgress(project, corpus, C);
        fixture.tag(A, alone, "ACTOR", KYIV, 0, 8);
        fixture.done(project, alone, A);
    }

    /** The same articles through the computation alone, for κ and αu. */
    AgreementReport expected(List<String> labels) {
        AgreementAccumulator accumulator = new AgreementAccumulator(labels, ArticleOrder.ALPHA_U, 50);
        Map<String, List<Span>> corpusSpans = Map.of(
                A, List.of(new Span("ACTOR", 101, 119), new Span("LOCATION", 61, 67), new Span("LOCATION", 182, 187)),
                B, List.of(new Span("ACTOR", 81, 119), new Span("LOCATION", 61, 67), new Span("LOCATION", 182, 194)));
        List<Span> kyivSpans = List.of(new Span("ACTOR", 0, 8), new Span("LOCATION", 18, 22));
        accumulator.add(AgreementAccumulatorTest.article(corpus, corpusText, corpusSpans));
        accumulator.add(AgreementAccumulatorTest.article(kyiv, KYIV, Map.of(A, kyivSpans, B, kyivSpans)));
        return accumulator.report();
    }

    /** Decimals read as doubles, not floats. */
    RequestSpecification as(String username) {
        return accounts.as(username).config(RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    @Test
    void theNumbersOverArticlesTwoMarkedDone() {
        AgreementReport expected = expected(List.of("CLAIM", "ACTOR", "LOCATION"));
        as(REVIEWER).get("/api/projects/" + project + "/agreement").then().statusCode(200)
                .body("articles", equalTo(2))
                .body("annotators", contains(A, B))
                // 10 spans; "Russia" and both of the short article's match exactly, all by overlap.
                .body("overall.f1Exact", closeTo(2.0 * 3 / 10, 1e-9))
                .body("overall.f1Overlap", closeTo(1.0, 1e-9))
                .body("overall.kappa", closeTo(expected.overall().kappa(), 1e-9))
                .body("overall.alphaU", closeTo(expected.overall().alphaU(), 1e-9))
                .body("perLabel.CLAIM.alphaU", nullValue())
                .body("perLabel.CLAIM.kappa", nullValue())
                .body("perLabel.CLAIM.f1Exact", nullValue())
                .body("perLabel.LOCATION.f1Exact", closeTo(2.0 * 2 / 6, 1e-9))
                .body("perLabel.ACTOR.f1Exact", closeTo(2.0 * 1 / 4, 1e-9))
                .body("pairs", hasSize(1))
                .body("pairs[0].a", equalTo(A))
                .body("pairs[0].b", equalTo(B))
                .body("pairs[0].articles", equalTo(2))
                .body("pairs[0].kappa", closeTo(expected.overall().kappa(), 1e-9))
                .body("perArticle.articleId", contains((int) corpus, (int) kyiv))
                .body("perArticle[1].alphaU", closeTo(1.0, 1e-9))
                .body("perArticle[0].annotators", contains(A, B));
    }

    @Test
    void labelsAndArticlesNarrowIt() {
        AgreementReport expected = expected(List.of("LOCATION"));
        as(REVIEWER).get("/api/projects/" + project + "/agreement?labels=location").then().statusCode(200)
                .body("perLabel.keySet()", contains("LOCATION"))
                .body("overall.f1Exact", closeTo(2.0 * 2 / 6, 1e-9))
                .body("overall.kappa", closeTo(expected.overall().kappa(), 1e-9));
        as(REVIEWER).get("/api/projects/" + project + "/agreement?articleIds=" + kyiv).then().statusCode(200)
                .body("articles", equalTo(1))
                .body("overall.f1Exact", closeTo(1.0, 1e-9))
                .body("overall.kappa", closeTo(1.0, 1e-9));
        as(REVIEWER).get("/api/projects/" + project + "/agreement?sort=f1Exact&limit=1").then().statusCode(200)
                .body("perArticle.articleId", contains((int) corpus));
    }

    @Test
    void badParametersAre400() {
        String path = "/api/projects/" + project + "/agreement";
        as(REVIEWER).get(path + "?labels=NOPE").then().statusCode(400).body("field", equalTo("labels"));
        as(REVIEWER).get(path + "?articleIds=1,x").then().statusCode(400).body("field", equalTo("articleIds"));
        as(REVIEWER).get(path + "?sort=size").then().statusCode(400).body("field", equalTo("sort"));
    }

    @Test
    void reviewersAndAdminsOnlyAndOnlyTheirProjects() {
        accounts.as(A).get("/api/projects/" + project + "/agreement").then().statusCode(403);
        accounts.ensure("agr-out-reviewer", "reviewer");
        accounts.as("agr-out-reviewer").get("/api/projects/" + project + "/agreement").then().statusCode(404);
        accounts.ensure("agr-admin", "admin");
        accounts.as("agr-admin").get("/api/projects/" + project + "/agreement").then().statusCode(200);
    }

    @Test
    void aProjectWithoutTwoDoneIsAllNull() {
        long empty = fixture.project(REVIEWER, A);
        as(REVIEWER).get("/api/projects/" + empty + "/agreement").then().statusCode(200)
                .body("articles", equalTo(0))
                .body("annotators", hasSize(0))
                .body("overall.alphaU", nullValue())
                .body("overall.kappa", nullValue())
                .body("overall.f1Exact", nullValue())
                .body("overall.f1Overlap", nullValue())
                .body("pairs", hasSize(0))
                .body("perArticle", hasSize(0));
    }
}
