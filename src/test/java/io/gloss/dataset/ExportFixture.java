package io.gloss.dataset;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.agroal.api.AgroalDataSource;
import io.gloss.SharedCorpus;
import io.gloss.TestData;
import io.gloss.article.Article;
import io.gloss.article.ArticleInput;
import io.gloss.article.ArticleService;
import io.gloss.project.Label;
import io.gloss.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Projects, articles and annotations for the export tests. Annotations are inserted with JDBC
 * in their final status (as the bench generator and ReviewQueueTest do): the exports only read
 * them, and the review workflow has tests of its own.
 */
@ApplicationScoped
public class ExportFixture {

    /** Ids far above what the sequences hand out in a test run, and apart from ReviewQueueTest's. */
    private static final AtomicLong NEXT_ID = new AtomicLong(70_000_000);

    /** Texts that break naive offset code: astral emoji, combining marks, CRLF input, right-to-left script. */
    public static final List<String> TRICKY = List.of(
            "Президент 🇺🇦 Volodymyr Zelensky said “two soldiers” were held in Kyiv — café 👩‍👩‍👧 ok.\nKursk next.",
            "Cafe\u0301 owners met Zelens\u030Cky\r\nin Kyiv.\r\nThe end.\r\n",
            "قال الرئيس زيلينسكي إن جنديين أسرا في كورسك. Zelensky 🇺🇦 spoke in Kyiv. הנשיא זלנסקי דיבר.",
            "🙂🙂 Kyiv 🙂 Kursk 👍🏽 done; Zelensky’s aides in Kyiv.");

    /** The same kinds of text without astral characters, where UTF-16 and code points agree (DKPro readers). */
    public static final List<String> TRICKY_BMP = List.of(
            "Президент Volodymyr Zelensky said “two soldiers” were held in Kyiv — café ok.\nKursk next.",
            "Cafe\u0301 owners met Zelens\u030Cky\r\nin Kyiv.\r\nThe end.\r\n",
            "قال الرئيس زيلينسكي إن جنديين أسرا في كورسك. Zelensky spoke in Kyiv. הנשיא זלנסקי דיבר.");

    /** Spans the fixture tags in every article: names, places, quoted claims, and a few awkward ones. */
    static final Map<String, Pattern> TAGS = Map.of(
            "ACTOR", Pattern.compile("Zelensk(?:yy|iy|y|i)|Zelenšky|زيلينسكي|זלנסקי|two soldiers|Volodymyr Zelensky"),
            "LOCATION", Pattern.compile("Kyiv|Kursk|كورسك|🇺🇦|👩‍👩‍👧"),
            "CLAIM", Pattern.compile("“[^”]{1,80}”|Zelenšky\\nin Kyiv"));

    @Inject
    TestData data;

    @Inject
    ArticleService articles;

    @Inject
    AgroalDataSource dataSource;

    public long project(String... members) {
        return data.project(members);
    }

    public long article(long projectId, String title, String text) {
        return data.article(projectId, title, text);
    }

    public long article(long projectId, String title, String text, String published, String url) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Project project = Project.findById(projectId);
            return articles.create(project, new ArticleInput(title, "test", url, null, published, null, null, text), "fixture").id;
        });
    }

    /** The stored (normalised) text. */
    public String text(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> Article.<Article>findById(articleId).text);
    }

    /** The shared corpus and the given texts as articles of the project; returns their ids. */
    public List<Long> articles(long projectId, boolean withCorpus, List<String> texts) throws IOException {
        List<Long> ids = new ArrayList<>();
        if (withCorpus) {
            for (Path file : SharedCorpus.files()) {
                ids.add(article(projectId, file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            ids.add(article(projectId, "Tricky " + i, texts.get(i)));
        }
        return ids;
    }

    /** Tags every {@link #TAGS} match of the article with the given status; returns the annotation ids. */
    public List<Long> tagAll(long projectId, long articleId, String status, String author) throws SQLException {
        String text = text(articleId);
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<String, Pattern> tag : TAGS.entrySet()) {
            Matcher m = tag.getValue().matcher(text);
            while (m.find()) {
                int start = text.codePointCount(0, m.start());
                int end = start + text.codePointCount(m.start(), m.end());
                ids.add(insert(projectId, articleId, tag.getKey(), start, end, m.group(), status, author,
                        status.equals("SUBMITTED") ? null : "fx-reviewer", null));
            }
        }
        return ids;
    }

    /** One annotation, straight into the table; the quote must be the text at [start, end). */
    public long insert(long projectId, long articleId, String labelKey, int start, int end, String quote, String status,
            String author, String reviewer, String note) throws SQLException {
        long labelId = QuarkusTransaction.requiringNew().call(() ->
                Label.<Label>find("project.id = ?1 and key = ?2", projectId, labelKey).firstResult().id);
        long id = NEXT_ID.getAndIncrement();
        String sql = "insert into annotation (id, article_id, label_id, project_id, start_offset, end_offset, quote, note, "
                + "status, author, reviewer, version, created_at, updated_at, status_changed_at) "
                + "values (?,?,?,?,?,?,?,?,?,?,?,0,?,?,?)";
        Timestamp at = Timestamp.from(Instant.parse("2025-01-02T03:04:05.123456Z").plusSeconds(id % 1000));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setLong(2, articleId);
            ps.setLong(3, labelId);
            ps.setLong(4, projectId);
            ps.setInt(5, start);
            ps.setInt(6, end);
            ps.setString(7, quote);
            ps.setString(8, note);
            ps.setString(9, status);
            ps.setString(10, author);
            ps.setString(11, reviewer);
            ps.setTimestamp(12, at);
            ps.setTimestamp(13, at);
            ps.setTimestamp(14, at);
            ps.executeUpdate();
        }
        return id;
    }

    public void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        }
    }

    /** POSTs the definition (as the security context of the calling test) and waits for the build to end. */
    public static JsonPath build(Map<String, Object> definition) {
        long id = given().contentType(ContentType.JSON).body(definition).post("/api/datasets").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        return await(id);
    }

    public static JsonPath await(long id) {
        return await(id, RestAssured::given);
    }

    /** The dataset once DONE or FAILED, read with the requests {@code as} makes (a test's own login). */
    public static JsonPath await(long id, Supplier<RequestSpecification> as) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath dataset = as.get().get("/api/datasets/" + id).then().statusCode(200).extract().jsonPath();
            String state = dataset.getString("state");
            if (state.equals("DONE") || state.equals("FAILED")) {
                return dataset;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        fail("dataset " + id + " was not built within 60 s");
        return null;
    }

    public static JsonPath built(Map<String, Object> definition) {
        JsonPath dataset = build(definition);
        assertEquals("DONE", dataset.getString("state"), () -> "build failed: " + dataset.getString("error"));
        return dataset;
    }

    public static byte[] download(long datasetId, String name) {
        return given().get("/api/datasets/" + datasetId + "/files/" + name).then().statusCode(200).extract().asByteArray();
    }

    /** Python's {@code text[start:end]}. */
    public static String slice(String text, int start, int end) {
        int[] cps = text.codePoints().toArray();
        return new String(cps, start, end - start);
    }
}
