package io.gloss.recommender;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.annotation.Annotation;
import io.gloss.annotation.AnnotationStatus;
import io.gloss.article.Article;
import io.gloss.project.Label;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Measures the recommender (bench/recommender.sh): a project of 10,000 approved spans on
 * generated articles ({@link BenchText}), trained through the API; the heap while it trains; GET
 * suggestions of a 20,000-character article; precision, recall and F1 per label on the held-out
 * split; and a learning curve (F1 on 100 fixed test articles against the approved spans learnt
 * from). Too slow for the suite; not a *Test, so Surefire runs it only when named.
 */
@QuarkusTest
class RecommenderBench {

    static final int SPANS = Integer.getInteger("bench.spans", 10_000);

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Test
    void tenThousandApprovedSpans() throws Exception {
        accounts.ensure("bench-admin", "admin");
        accounts.ensure("bench-editor", "editor");
        BenchText generator = new BenchText(21, 2_000, 1_000);
        List<TrainingArticle> articles = new ArrayList<>();
        int spans = 0;
        while (spans < SPANS) {
            TrainingArticle article = generator.article(articles.size() + 1, 1_500);
            List<LabelledSpan> kept = article.spans().subList(0, Math.min(article.spans().size(), SPANS - spans));
            articles.add(new TrainingArticle(article.id(), article.text(), kept));
            spans += kept.size();
        }
        List<TrainingArticle> test = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            test.add(generator.article(1_000_000 + i, 1_500));
        }
        TrainingArticle big = generator.article(2_000_000, 20_000);

        long project = data.project("bench-editor");
        store(project, articles);
        long bigId = data.article(project, "Twenty thousand", big.text());
        System.out.printf("RECOMMENDER-BENCH project: %d articles, %d approved spans, %d characters; article of %d characters%n",
                articles.size(), spans, articles.stream().mapToInt(a -> a.text().length()).sum(), big.text().length());

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        accounts.as("bench-admin").post("/api/projects/" + project + "/recommender/train").then().statusCode(202);
        JsonPath trained;
        do {
            Thread.sleep(200);
            trained = accounts.as("bench-admin").get("/api/projects/" + project + "/recommender").then().extract().jsonPath();
        } while (!trained.getString("state").equals("TRAINED") && !trained.getString("state").equals("FAILED"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        // The model is stored (TRAINED) before its spans are proposed on every article, the big one last.
        while (QuarkusTransaction.requiringNew().call(() -> RecommenderModel.<RecommenderModel>findById(project).suggestedUpTo) < bigId) {
            Thread.sleep(200);
        }
        double proposed = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.out.printf("RECOMMENDER-BENCH training (split model + kept model): %.1f s; its suggestions on %d articles"
                + " stored after %.1f s; heap %d MB before, peak %d MB (+%d MB)%n", seconds, articles.size() + 1, proposed,
                baseline >> 20, peak.get() >> 20, (peak.get() - baseline) >> 20);
        System.out.printf("RECOMMENDER-BENCH state %s, trainedOn %d, held-out evaluation %s%n", trained.getString("state"),
                trained.getInt("trainedOn"), trained.getMap("evaluation"));

        // A personal token, as scripts use: a password (Basic) costs its hash on every request, most of the time measured.
        String token = accounts.as("bench-editor").contentType(ContentType.JSON).body(Map.of("name", "bench"))
                .post("/api/me/tokens").then().statusCode(201).extract().path("token");
        long[] floor = timed("/api/me", token);
        System.out.printf("RECOMMENDER-BENCH floor: GET /api/me median %.1f ms, p95 %.1f ms%n", floor[25] / 1e6, floor[47] / 1e6);
        String path = "/api/articles/" + bigId + "/suggestions";
        int items = accounts.as("bench-editor").get(path).then().statusCode(200).extract().jsonPath().getList("items").size();
        long[] times = timed(path, token);
        System.out.printf("RECOMMENDER-BENCH GET suggestions, %d characters, %d suggestions: median %.1f ms, p95 %.1f ms%n",
                big.text().length(), items, times[25] / 1e6, times[47] / 1e6);

        NameFinder kept = NameFinder.read(QuarkusTransaction.requiringNew()
                .call(() -> RecommenderModel.<RecommenderModel>findById(project).model));
        long[] finds = new long[10];
        for (int i = 0; i < finds.length; i++) {
            long start = System.nanoTime();
            kept.find(big.text());
            finds[i] = System.nanoTime() - start;
        }
        Arrays.sort(finds);
        System.out.printf("RECOMMENDER-BENCH the model on %d characters (done when it is trained, not per request): median %.1f ms%n",
                big.text().length(), finds[5] / 1e6);

        NameFinder.Settings settings = new NameFinder.Settings(100, 1);
        for (int n : new int[] {250, 500, 1_000, 2_500, 5_000, SPANS}) {
            List<TrainingArticle> first = new ArrayList<>();
            int taken = 0;
            for (TrainingArticle article : articles) {
                if (taken >= n) {
                    break;
                }
                first.add(article);
                taken += article.spans().size();
            }
            long start = System.nanoTime();
            NameFinder model = NameFinder.train(NameFinder.samples(first), settings);
            double train = (System.nanoTime() - start) / 1e9;
            Evaluation evaluation = Evaluation.of(test, model);
            System.out.printf("RECOMMENDER-BENCH curve %d spans: train %.1f s, P %.3f R %.3f F1 %.3f, ACTOR F1 %.3f, LOCATION F1 %.3f%n",
                    taken, train, evaluation.precision(), evaluation.recall(), evaluation.f1(),
                    evaluation.perLabel().get("ACTOR").f1(), evaluation.perLabel().get("LOCATION").f1());
        }
        assertEquals("TRAINED", trained.getString("state"));
    }

    /** 50 GETs with the token after 20 untimed, in nanoseconds, sorted. */
    private static long[] timed(String path, String token) {
        for (int i = 0; i < 20; i++) {
            given().header("Authorization", "Token " + token).get(path).then().statusCode(200);
        }
        long[] times = new long[50];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            given().header("Authorization", "Token " + token).get(path).then().statusCode(200);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times;
    }

    /** The articles and their spans, approved, written straight to the database: 10,000 through the API would take a quarter of an hour. */
    private static void store(long project, List<TrainingArticle> articles) {
        for (int from = 0; from < articles.size(); from += 50) {
            List<TrainingArticle> batch = articles.subList(from, Math.min(articles.size(), from + 50));
            QuarkusTransaction.requiringNew().run(() -> {
                Label actor = Label.require(project, "ACTOR");
                Label location = Label.require(project, "LOCATION");
                Instant now = Instant.now();
                for (TrainingArticle generated : batch) {
                    Article article = new Article();
                    article.project = io.gloss.project.Project.findById(project);
                    article.title = "Generated " + generated.id();
                    article.text = generated.text();
                    article.length = generated.text().length();
                    article.sha256 = io.gloss.text.TextNormalizer.sha256(generated.text());
                    article.createdBy = "bench";
                    article.createdAt = now;
                    article.persist();
                    for (LabelledSpan span : generated.spans()) {
                        Annotation a = new Annotation();
                        a.article = article;
                        a.projectId = project;
                        a.label = span.label().equals("ACTOR") ? actor : location;
                        a.start = span.start();
                        a.end = span.end();
                        a.quote = generated.text().substring(span.start(), span.end());
                        a.status = AnnotationStatus.APPROVED;
                        a.author = "bench-editor";
                        a.reviewer = "bench-admin";
                        a.createdAt = now;
                        a.updatedAt = now;
                        a.statusChangedAt = now;
                        a.persist();
                    }
                }
            });
        }
    }
}
