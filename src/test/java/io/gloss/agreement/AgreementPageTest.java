package io.gloss.agreement;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agreement page: the heat map's numbers, the labels, the disputed articles first, the empty state, who may see it. */
@QuarkusTest
class AgreementPageTest {

    static final String TEXT = "Zelensky spoke in Kyiv on Monday.";

    @Inject
    AgreementFixture fixture;

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    /**
     * Three editors on two articles. "Calm": all three tag ACTOR "Zelensky" and LOCATION "Kyiv".
     * "Disputed": a and b tag "Zelensky" as ACTOR, c tags it as LOCATION. Pair a–b match on all
     * their 6 spans (F1 exact 1.00, green); a–c and b–c on 2 pairs of their 6 spans (F1 exact
     * 2·2/6 = 0.67, two thirds of the way from red to green: hue 80).
     */
    @Test
    void theHeatMapLabelsAndArticles() {
        long project = fixture.project("agp-reviewer", "agp-a", "agp-b", "agp-c");
        long calm = data.article(project, "Calm", TEXT);
        long disputed = data.article(project, "Disputed", TEXT + " ");
        for (String editor : List.of("agp-a", "agp-b", "agp-c")) {
            fixture.tag(editor, calm, "ACTOR", TEXT, 0, 8);
            fixture.tag(editor, calm, "LOCATION", TEXT, 18, 22);
            fixture.tag(editor, disputed, editor.equals("agp-c") ? "LOCATION" : "ACTOR", TEXT, 0, 8);
            fixture.done(project, calm, editor);
            fixture.done(project, disputed, editor);
        }
        String page = accounts.as("agp-reviewer").get("/projects/" + project + "/agreement?measure=f1Exact").then()
                .statusCode(200).extract().asString();
        String pairs = page.substring(page.indexOf("id=\"pairs\""), page.indexOf("id=\"labels\""));
        assertTrue(pairs.matches("(?s).*<th scope=\"row\">agp-a</th>\\s*<td class=\"self\"></td>"
                + "<td class=\"num\" style=\"background: hsl\\(120, 70%, 82%\\)\"[^>]*>1\\.00</td>"
                + "<td class=\"num\" style=\"background: hsl\\(80, 70%, 82%\\)\"[^>]*>0\\.67</td>.*"), pairs);
        String articles = page.substring(page.indexOf("id=\"disputed\""));
        assertTrue(articles.indexOf("/articles/" + disputed) < articles.indexOf("/articles/" + calm),
                "the disputed article first");
        assertThat(page, containsString("<strong>2</strong> articles"));
        assertThat(page, containsString("<strong aria-current=\"true\">F1 exact</strong>"));

        accounts.as("agp-a").get("/projects/" + project + "/agreement").then().statusCode(403);
        accounts.as("agp-reviewer").get("/projects/" + project).then().statusCode(200)
                .body(containsString("/projects/" + project + "/agreement"));
        accounts.as("agp-a").get("/projects/" + project).then().statusCode(200)
                .body(not(containsString("/projects/" + project + "/agreement")));
    }

    @Test
    void emptyUntilTwoMarkedAnArticleDone() {
        long project = fixture.project("agp-reviewer", "agp-a", "agp-b");
        long article = data.article(project, "Half done", TEXT);
        fixture.done(project, article, "agp-a");
        accounts.as("agp-reviewer").get("/projects/" + project + "/agreement").then().statusCode(200)
                .body(containsString("Agreement needs articles that at least two editors have marked done."))
                .body(not(containsString("id=\"pairs\"")));
    }
}
