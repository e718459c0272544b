package io.gloss.dataset;

import static io.gloss.dataset.ExportFixture.built;
import static io.gloss.dataset.ExportFixture.download;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Datasets' files in the database: chunks of gloss.datasets.chunk-size (1 KiB in tests), streamed
 * back byte for byte, removed with their dataset, and adopted from an older version's folders.
 */
@QuarkusTest
class DatasetStorageTest {

    @Inject
    ExportFixture fx;

    @Inject
    DatasetBuilder builder;

    @Inject
    DatasetStorage storage;

    @Inject
    DatasetConfig config;

    @Inject
    EntityManager em;

    long projectId;

    @BeforeEach
    void fixture() throws Exception {
        projectId = fx.project("store-reviewer");
        for (int i = 0; i < 6; i++) {
            long article = fx.article(projectId, "Article " + i, "Zelensky spoke in Kyiv. " + ("Words follow " + i + ". ").repeat(60));
            fx.insert(projectId, article, "ACTOR", 0, 8, "Zelensky", "APPROVED", "store-reviewer", "someone", null);
        }
    }

    @Test
    @TestSecurity(user = "store-reviewer", roles = "reviewer")
    void filesAreStoredInChunksAndDownloadByteForByte() throws Exception {
        JsonPath dataset = built(Map.of("projectId", projectId, "name", "Chunks", "format", "jsonl"));
        long id = dataset.getLong("id");
        List<Map<String, Object>> files = dataset.getList("files");
        boolean severalChunks = false;
        for (Map<String, Object> file : files) {
            String name = (String) file.get("name");
            long bytes = ((Number) file.get("bytes")).longValue();
            byte[] body = download(id, name);
            assertEquals(bytes, body.length, name);
            assertEquals(file.get("sha256"), sha256(body), name);
            long chunks = chunks(id, name);
            assertEquals(Math.max(1, (bytes + config.chunkSize() - 1) / config.chunkSize()), chunks, name);
            severalChunks |= chunks > 1;
            given().get("/api/datasets/" + id + "/files/" + name).then()
                    .header("Content-Length", String.valueOf(bytes))
                    .header("Content-Disposition", "attachment; filename=\"gloss-dataset-" + id + "-" + name + "\"");
        }
        assertTrue(severalChunks, "a file crosses a chunk boundary");
        // The manifest (which lists the other files) comes back inside the dataset, read from its chunks too.
        assertEquals(files.size() - 1, given().get("/api/datasets/" + id).then().statusCode(200).extract().jsonPath()
                .getList("manifest.files").size());
    }

    @Test
    @TestSecurity(user = "store-reviewer", roles = "reviewer")
    void deletingADatasetDeletesItsChunks() throws Exception {
        long id = built(Map.of("projectId", projectId, "name", "Gone", "format", "csv")).getLong("id");
        assertTrue(chunks(id, null) > 0);
        fx.execute("delete from dataset_file where dataset_id = ?", id);
        fx.execute("delete from dataset where id = ?", id);
        assertEquals(0, chunks(id, null));
    }

    @Test
    @TestSecurity(user = "store-reviewer", roles = "reviewer")
    void aDatasetAnOlderVersionKeptOnDiskIsMovedIntoTheDatabase() throws Exception {
        JsonPath dataset = built(Map.of("projectId", projectId, "name", "Upgraded", "format", "jsonl"));
        long id = dataset.getLong("id");
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String name : dataset.<String>getList("files.name")) {
            contents.put(name, download(id, name));
        }
        // As the older version left it: the files in <dir>/<id>/, nothing in the database.
        fx.execute("delete from dataset_chunk where dataset_id = ?", id);
        given().get("/api/datasets/" + id + "/files/dataset.jsonl").then().statusCode(404);
        Path folder = storage.legacyFolder(id);
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> file : contents.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        // And half a dataset that the older version's stop left behind.
        Path partial = folder.resolveSibling(id + ".partial");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("dataset.jsonl"), "half");
        builder.adoptLegacyFolders();
        assertTrue(Files.notExists(folder), "the folder is removed once its files are stored");
        assertTrue(Files.notExists(partial), "the half-built folder is removed");
        for (Map.Entry<String, byte[]> file : contents.entrySet()) {
            assertArrayEquals(file.getValue(), download(id, file.getKey()), file.getKey());
        }
    }

    private long chunks(long datasetId, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery("select count(*) from dataset_chunk where dataset_id = ?1"
                    + (name == null ? "" : " and name = ?2")).setParameter(1, datasetId);
            if (name != null) {
                query.setParameter(2, name);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
