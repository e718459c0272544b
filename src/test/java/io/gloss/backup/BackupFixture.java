package io.gloss.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.gloss.project.ProjectPagesTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Projects worth backing up, their zips, and zips taken apart and put back together (altered). */
@ApplicationScoped
public class BackupFixture {

    static final String ADMIN = "bk-admin";
    static final String EDITOR = "bk-editor";
    static final String EDITOR2 = "bk-editor2";
    static final String REVIEWER = "bk-reviewer";
    /** TestData.article's author. */
    static final String FIXTURE = "fixture";

    @Inject
    TestAccounts accounts;

    @Inject
    TestData data;

    @Inject
    ObjectMapper json;

    void accounts() {
        accounts.ensure(ADMIN, "admin");
        accounts.ensure(EDITOR, "editor");
        accounts.ensure(EDITOR2, "editor");
        accounts.ensure(REVIEWER, "reviewer");
        accounts.ensure(FIXTURE, "editor");
    }

    RequestSpecification as(String user) {
        return accounts.as(user);
    }

    /** Two articles and one annotation: enough to restore. */
    long smallProject() {
        accounts();
        long project = data.project(EDITOR, REVIEWER);
        long article = data.article(project, "Small", "Zelensky spoke in Kyiv.");
        data.article(project, "Small two", "Biden met Scholz.");
        annotate(EDITOR, article, "ACTOR", "Zelensky spoke in Kyiv.", "Zelensky", null);
        return project;
    }

    /**
     * A project with something in every table a project fills: labels, members, articles with emoji
     * (and CRLF in the texts people type), annotations approved, rejected with a comment, edited,
     * deleted, merged by curation, an assignment, a built dataset, an import's report, audit events.
     */
    long richProject() {
        accounts();
        long project = data.project(EDITOR, EDITOR2, REVIEWER);
        String name = as(ADMIN).get("/api/projects/" + project).then().statusCode(200).extract().jsonPath().getString("name");
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("name", name, "description", "Line one, 🙂", "annotatorsPerArticle", 2))
                .put("/api/projects/" + project).then().statusCode(200);
        String first = "Zelensky spoke in Kyiv 🙂 on Monday.\nThen he left.";
        String second = "Biden met Scholz in Berlin.\nLater they spoke 🇺🇦.";
        long a1 = data.article(project, "Zelensky 🇺🇦 speaks", first);
        long a2 = data.article(project, "Second, with “quotes”", second);
        JsonPath approved = annotate(EDITOR, a1, "ACTOR", first, "Zelensky", null);
        as(REVIEWER).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE", "comment", "Right.\r\nGood."))
                .post("/api/annotations/" + approved.getLong("id") + "/decision").then().statusCode(200);
        JsonPath rejected = annotate(EDITOR, a1, "LOCATION", first, "Monday", "after 🙂");
        as(REVIEWER).contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "comment", "A day, not a place.\r\nSee 🙂 guidelines."))
                .post("/api/annotations/" + rejected.getLong("id") + "/decision").then().statusCode(200);
        JsonPath edited = annotate(EDITOR, a2, "LOCATION", second, "Berlin", "note\r\nwith CRLF");
        as(EDITOR).contentType(ContentType.JSON).body(Map.of("label", "CLAIM", "start", edited.getInt("start"),
                "end", edited.getInt("end"), "quote", "Berlin", "note", "changed", "version", edited.getInt("version")))
                .put("/api/annotations/" + edited.getLong("id")).then().statusCode(200);
        // A relation type and a decided relation: both ends' ids are rewritten on restore.
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("key", "MET_IN", "from", List.of("CLAIM"), "to", List.of("ACTOR")))
                .post("/api/projects/" + project + "/relation-types").then().statusCode(201);
        JsonPath they = annotate(EDITOR, a2, "ACTOR", second, "they", "the two leaders");
        long relation = as(EDITOR).contentType(ContentType.JSON).body(Map.of("type", "MET_IN", "fromId", edited.getLong("id"),
                "toId", they.getLong("id"), "note", "🙂")).post("/api/relations").then().statusCode(201).extract().jsonPath().getLong("id");
        as(REVIEWER).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/relations/" + relation + "/decision").then().statusCode(200);
        JsonPath deleted = annotate(EDITOR, a2, "ACTOR", second, "Scholz", null);
        as(EDITOR).delete("/api/annotations/" + deleted.getLong("id")).then().statusCode(204);
        annotate(EDITOR, a2, "ACTOR", second, "Biden", null);
        annotate(EDITOR2, a2, "ACTOR", second, "Biden", null);
        as(REVIEWER).post("/api/articles/" + a2 + "/curation/auto").then().statusCode(200);
        long kyiv = as(EDITOR).contentType(ContentType.JSON).body(Map.of("name", "Kyiv", "type", "LOCATION", "aliases", List.of("Kiev 🙂"),
                "qid", "Q1899")).post("/api/projects/" + project + "/entities").then().statusCode(201).extract().jsonPath().getLong("id");
        as(ADMIN).contentType(ContentType.JSON).body(Map.of("attributes", List.of(Map.of("key", "figure", "type", "number"))))
                .put("/api/projects/" + project + "/labels/LOCATION").then().statusCode(200);
        int kyivAt = first.codePointCount(0, first.indexOf("Kyiv"));
        as(EDITOR).contentType(ContentType.JSON).body(Map.of("articleId", a1, "label", "LOCATION", "start", kyivAt, "end", kyivAt + 4,
                "quote", "Kyiv", "entityId", kyiv, "attributes", Map.of("figure", 1.5)))
                .post("/api/annotations").then().statusCode(201);
        // A suggestion ("spoke" in the first article, from the span in the second) and its rejection.
        long spoke = annotate(EDITOR, a2, "CLAIM", second, "spoke", null).getLong("id");
        as(EDITOR).contentType(ContentType.JSON).body(Map.of("scope", "project"))
                .post("/api/annotations/" + spoke + "/occurrences").then().statusCode(200).body("created", is(1));
        long suggestion = as(EDITOR).get("/api/articles/" + a1 + "/suggestions").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        as(EDITOR).post("/api/suggestions/" + suggestion + "/reject").then().statusCode(204);
        accounts.assign(ADMIN, project, a1, EDITOR2);
        long dataset = as(ADMIN).contentType(ContentType.JSON).body(Map.of("projectId", project, "name", "approved", "format", "jsonl"))
                .post("/api/datasets").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitBuilt(dataset);
        String admin = TestAccounts.session(ADMIN);
        String page = given().cookie("gloss-session", admin).get("/projects/" + project).then().statusCode(200).extract().asString();
        ProjectPagesTest.postForm(admin, page, "/projects/" + project + "/import/text", "title", "Typed 🙂",
                "text", "Typed from the form.\r\nSecond line.");
        return project;
    }

    JsonPath annotate(String user, long article, String label, String text, String quote, String note) {
        return as(user).contentType(ContentType.JSON).body(TestData.span(article, text, quote, label, note)).post("/api/annotations").then().statusCode(201)
                .extract().jsonPath();
    }

    private void awaitBuilt(long dataset) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String state = as(ADMIN).get("/api/datasets/" + dataset).then().statusCode(200).extract().jsonPath().getString("state");
            if (state.equals("DONE")) {
                return;
            }
            assertTrue(!state.equals("FAILED"), "the dataset failed");
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        fail("dataset " + dataset + " was not built within 60 s");
    }

    byte[] backup(long project) {
        return as(ADMIN).get("/api/projects/" + project + "/backup").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
    }

    /** The zip's files by name, in order. */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The backup with one table's file changed and, when {@code reseal}, its manifest entry made to match again. */
    byte[] altered(byte[] zip, String table, UnaryOperator<List<String>> lines, boolean reseal) {
        Map<String, byte[]> files = unzip(zip);
        String file = table + ".jsonl";
        List<String> changed = lines.apply(List.of(new String(files.get(file), StandardCharsets.UTF_8).split("\n")));
        byte[] content = changed.isEmpty() ? new byte[0] : (String.join("\n", changed) + "\n").getBytes(StandardCharsets.UTF_8);
        files.put(file, content);
        if (reseal) {
            manifest(files, manifest -> {
                ObjectNode entry = (ObjectNode) manifest.path("tables").path(table);
                entry.put("rows", changed.size());
                entry.put("sha256", sha256(content));
            });
        }
        return zip(files);
    }

    void manifest(Map<String, byte[]> files, java.util.function.Consumer<ObjectNode> change) {
        try {
            ObjectNode manifest = (ObjectNode) json.readTree(files.get(BackupManifest.FILE_NAME));
            change.accept(manifest);
            files.put(BackupManifest.FILE_NAME, json.writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
