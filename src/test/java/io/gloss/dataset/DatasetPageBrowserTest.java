package io.gloss.dataset;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.gloss.ChromiumPerClass;
import io.gloss.SystemChromium;
import io.gloss.TestAccounts;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dataset page follows its build from the project's event stream (no polling): the bar
 * moves, the files appear when it ends, and a page that was offline meanwhile catches up from
 * its cursor once the stream is back.
 */
@QuarkusTest
class DatasetPageBrowserTest {

    static final String REVIEWER = "dataset-page-reviewer";
    static final int ARTICLES = 8;

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @TestHTTPResource("/")
    URL base;

    @Inject
    ExportFixture fx;

    @Inject
    TestAccounts accounts;

    @Inject
    ExportReader reader;

    ExportReader real;
    long projectId;
    /** The build waits at its first batch until the page is open, and before its last until let go. */
    final CountDownLatch pageOpen = new CountDownLatch(1);
    final CountDownLatch finish = new CountDownLatch(1);

    @BeforeEach
    void fixture() throws Exception {
        accounts.ensure(REVIEWER, "reviewer");
        projectId = fx.project(REVIEWER);
        real = ClientProxy.unwrap(reader);
        QuarkusMock.installMockForType(new ExportReader() {
            @Override
            public int count(DatasetDefinition d) {
                return ARTICLES;
            }

            @Override
            public List<Long> nextBatch(DatasetDefinition d, long afterId) {
                return afterId < ARTICLES ? List.of(afterId + 1) : List.of();
            }

            @Override
            public List<ArticleRow> articles(List<Long> ids) {
                try {
                    (ids.get(0) == 1 ? pageOpen : ids.get(0) == ARTICLES ? finish : new CountDownLatch(0))
                            .await(20, TimeUnit.SECONDS);
                    Thread.sleep(300); // slow enough for progress events, one a second at most
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ids.stream().map(id -> new ArticleRow(id, "Title " + id, null, null, null, "Text " + id)).toList();
            }

            @Override
            public Stream<SpanRow> spans(DatasetDefinition d, List<Long> articleIds) {
                return Stream.empty();
            }
        }, ExportReader.class);
    }

    @AfterEach
    void restore() {
        pageOpen.countDown();
        finish.countDown();
        QuarkusMock.installMockForType(real, ExportReader.class);
    }

    @Test
    void theBarFollowsTheBuildAndTheFilesAppearWhenItEnds() {
        long id = create();
        List<String> datasetReads = new CopyOnWriteArrayList<>();
        Page page = open(id, datasetReads);
        assertEquals(0, ((Number) page.evaluate("() => document.getElementById('build-progress').value")).intValue());
        pageOpen.countDown();
        page.waitForFunction("() => document.getElementById('build-progress').value > 0");
        assertThat(page.locator("#build-text")).containsText("of " + ARTICLES + " articles");
        assertThat(page.locator("#build-state")).hasText("RUNNING");
        assertEquals(List.of(), datasetReads, "the page asks the stream, not the dataset");
        finish.countDown();
        assertThat(page.locator(".files a[href$='/files/dataset.jsonl']")).isVisible();
        assertThat(page.locator("#build-state")).hasText("DONE");
    }

    @Test
    void aPageOfflineWhileTheBuildEndedCatchesUpFromItsCursor() {
        long id = create();
        String events = "**/api/projects/" + projectId + "/events*";
        Page page = chromium.watchedPage(chromium.newContext(), REVIEWER, List.of());
        SystemChromium.logIn(page, base.toString(), REVIEWER);
        page.route(events, route -> route.abort());
        page.navigate(base + "datasets/" + id);
        assertThat(page.locator("#connection")).hasText("Offline — reconnecting…");
        pageOpen.countDown();
        finish.countDown();
        awaitDone(id);
        page.unroute(events);
        // Back online, the stream replays what the page missed, the end of the build among it.
        assertThat(page.locator(".files a[href$='/files/dataset.jsonl']")).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    }

    private void awaitDone(long id) {
        for (int i = 0; i < 400; i++) {
            if ("DONE".equals(accounts.as(REVIEWER).get("/api/datasets/" + id).then().statusCode(200).extract()
                    .jsonPath().getString("state"))) {
                return;
            }
            pause();
        }
        throw new AssertionError("dataset " + id + " was not built within 20 s");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long create() {
        return accounts.as(REVIEWER).contentType(ContentType.JSON)
                .body(Map.of("projectId", projectId, "name", "Followed", "format", "jsonl"))
                .post("/api/datasets").then().statusCode(202).extract().jsonPath().getLong("id");
    }

    private Page open(long id, List<String> datasetReads) {
        Page page = chromium.watchedPage(chromium.newContext(), REVIEWER, List.of());
        SystemChromium.logIn(page, base.toString(), REVIEWER);
        page.onRequest(request -> {
            if (request.url().contains("/api/datasets/" + id)) {
                datasetReads.add(request.url());
            }
        });
        page.navigate(base + "datasets/" + id);
        page.waitForSelector("#build[data-live=open]");
        return page;
    }
}
