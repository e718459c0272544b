package io.gloss.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A change committed by another instance sharing the PostgreSQL database reaches this instance's
 * streams through LISTEN/NOTIFY alone: the test writes it as another instance would (its log row
 * under the project's counter, and the NOTIFY), on a connection of its own, so nothing in this
 * JVM's commit path knows of it.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "quarkus.datasource.db-kind", matches = "postgresql")
class PostgresFanOutTest {

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
            SseClient.Event event = stream.next("annotation", Duration.ofSeconds(5));
            assertNotNull(event, "the other instance's change arrives");
            assertEquals(String.valueOf(cursor), event.id());
            assertEquals("{\"type\":\"created\",\"annotation\":{\"id\":424242,\"articleId\":" + articleId + "}}", event.data());
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
