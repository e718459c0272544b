package io.gloss.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A change committed by another instance sharing the PostgreSQL database reaches this instance's
 * streams through LISTEN/NOTIFY alone: the test writes it as another instance would (its log row
 * under the project's counter, and the NOTIFY), on a connection of its own, so nothing in this
 * JVM's commit path knows of it.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "quarkus.datasource.db-kind", matches = "postgresql")
class PostgresFanOutTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    TestData data;

    @Inject
    TestAccounts accounts;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aChangeCommittedElsewhereReachesThisInstancesStreams() throws Exception {
        accounts.ensure("fo-reviewer", "reviewer");
        long projectId = data.project("fo-reviewer");
        long articleId = data.article(projectId, "Elsewhere", "Kyiv said nothing.");
        URI events = URI.create(base.toString().replaceAll("/$", "") + "/api/projects/" + projectId + "/events");
        try (SseClient stream = SseClient.open(events, "fo-reviewer", null)) {
            long cursor = commitAsAnotherInstance(projectId, articleId);
            SseClient.Event event = stream.next("annotation", WAIT);
            assertNotNull(event, "the other instance's change arrives");
            assertEquals(String.valueOf(cursor), event.id());
            assertEquals("{\"type\":\"created\",\"annotation\":{\"id\":424242,\"articleId\":" + articleId + "}}", event.data());
        }
    }

    @Test
    void presenceCrossesBetweenInstances() throws Exception {
        accounts.ensure("fo-editor", "editor");
        long projectId = data.project("fo-editor");
        long articleId = data.article(projectId, "Together", "Kharkiv was quiet.");
        URI events = URI.create(base.toString().replaceAll("/$", "") + "/api/articles/" + articleId + "/events");
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(true);
            try (Statement listen = other.createStatement()) {
                listen.execute("LISTEN " + PostgresFanOut.PRESENCE_CHANNEL);
            }
            try (SseClient stream = SseClient.open(events, "fo-editor", null)) {
                assertEquals("{\"users\":[\"fo-editor\"]}", stream.next("presence", WAIT).data());
                assertTrue(announcedTo(other, articleId, "[\"fo-editor\"]"), "this instance tells the others who it has");

                notifyPresence(projectId, articleId, "[\"elsewhere\"]");
                assertEquals("{\"users\":[\"elsewhere\",\"fo-editor\"]}", stream.next("presence", WAIT).data());
                notifyPresence(projectId, articleId, "[]");
                assertEquals("{\"users\":[\"fo-editor\"]}", stream.next("presence", WAIT).data());
            }
            assertTrue(announcedTo(other, articleId, "[]"), "and that nobody is left when the stream closes");
        }
    }

    /** Waits for this instance's word on the article, as another instance's LISTEN connection receives it. */
    private boolean announcedTo(Connection other, long articleId, String users) throws Exception {
        PGConnection pg = other.unwrap(PGConnection.class);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            PGNotification[] notifications = pg.getNotifications(200);
            for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
                if (n.getParameter().contains("\"article\":" + articleId + ",\"users\":" + users)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void notifyPresence(long projectId, long articleId, String users) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement notify = c.prepareStatement("select pg_notify('gloss_presence', ?)")) {
            notify.setString(1, "{\"instance\":\"another-instance\",\"project\":" + projectId + ",\"article\":"
                    + articleId + ",\"users\":" + users + "}");
            notify.executeQuery();
        }
    }

    private long commitAsAnotherInstance(long projectId, long articleId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement counter = c.prepareStatement("insert into change_counter (project_id, last_cursor) "
                    + "values (?, 0) on conflict do nothing")) {
                counter.setLong(1, projectId);
                counter.executeUpdate();
            }
            try (PreparedStatement up = c.prepareStatement(
                    "update change_counter set last_cursor = last_cursor + 1 where project_id = ? returning last_cursor")) {
                up.setLong(1, projectId);
                ResultSet rs = up.executeQuery();
                rs.next();
                long cursor = rs.getLong(1);
                try (PreparedStatement insert = c.prepareStatement("insert into audit_event (id, project_id, entity, "
                        + "entity_id, action, actor, at, after_json, change_cursor, article_id) values "
                        + "(nextval('audit_event_SEQ'), ?, 'annotation', 424242, 'create', 'elsewhere', now(), ?, ?, ?)");
                        PreparedStatement notify = c.prepareStatement("select pg_notify('gloss_changes', ?)")) {
                    insert.setLong(1, projectId);
                    insert.setString(2, "{\"id\":424242,\"articleId\":" + articleId + "}");
                    insert.setLong(3, cursor);
                    insert.setLong(4, articleId);
                    insert.executeUpdate();
                    notify.setString(1, projectId + ":another-instance");
                    notify.executeQuery();
                }
                c.commit();
                return cursor;
            }
        }
    }
}
