package io.gloss.search;

import io.agroal.api.AgroalDataSource;
import io.gloss.db.Database;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The embedded H2 default's search index: Lucene, in {@code gloss.search.index-dir}, over the
 * folded words of articles and annotations and the fields search filters by. H2's triggers queue
 * every changed row (db/h2/V29); the queue goes into the index a batch at a time, and its rows are
 * deleted only once the index has committed them, so a crash loses nothing. A search first takes
 * in the newest batch: it finds what was just written, unless more than a batch of other rows was
 * queued after it (then once the background thread reaches it). A background thread drains the
 * rest, such as the whole database when the index belongs to another (a new or cleaned database,
 * or no index yet).
 */
@ApplicationScoped
public class LuceneIndex {

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);
    private static final String GENERATION = "generation";

    @Inject
    Database database;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "gloss.search.index-dir")
    Path directory;

    @ConfigProperty(name = "gloss.search.batch-size", defaultValue = "1000")
    int batchSize;

    /** Held while a batch of the queue goes into the index, and to open, start over or close it. */
    private final ReentrantLock draining = new ReentrantLock(true);
    private IndexWriter writer;
    private SearcherManager searchers;
    private final ScheduledExecutorService drainer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "gloss-search-index");
        thread.setDaemon(true);
        return thread;
    });

    void start(@Observes StartupEvent event) throws IOException, SQLException {
        if (!database.isH2()) {
            return;
        }
        Files.createDirectories(directory);
        writer = new IndexWriter(FSDirectory.open(directory),
                new IndexWriterConfig(analyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        searchers = new SearcherManager(writer, null);
        startOverIfAnotherDatabase();
        drainer.scheduleWithFixedDelay(this::drainQuietly, 0, 500, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws IOException, InterruptedException {
        if (writer == null) {
            return;
        }
        drainer.shutdown();
        drainer.awaitTermination(10, TimeUnit.SECONDS);
        draining.lock();
        try {
            searchers.close();
            writer.close();
            writer = null;
        } finally {
            draining.unlock();
        }
    }

    /** Splits the folded text at its spaces, and nowhere else: the words are {@link io.gloss.text.SearchTokens}'. */
    static Analyzer analyzer() {
        return new WhitespaceAnalyzer(4096);
    }

    /** The current searcher; give it back through {@link #release}. */
    IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Rows written and not in the index yet. */
    long pending() {
        try (Connection connection = dataSource.getConnection();
                Statement count = connection.createStatement();
                ResultSet rows = count.executeQuery("select count(*) from search_queue")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the search queue", e);
        }
    }

    /**
     * Takes the newest batch of the queue into the index: a search calls it so that it finds what
     * was just written, even behind a long queue (a rebuild, a bulk import) that the background
     * thread works through oldest first. The order is free because a queue row only names a row:
     * its current state is read when it is taken in. The lock is fair: a search waits for at most
     * the batch the background thread is taking in, never for the whole of a long queue.
     */
    void catchUp() {
        draining.lock();
        try {
            if (writer != null) { // null: stopping
                drainBatch(Newest.FIRST);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the search queue", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the search index", e);
        } finally {
            draining.unlock();
        }
    }

    private void drainQuietly() {
        try {
            boolean more = true;
            while (more) {
                draining.lock();
                try {
                    more = writer != null && drainBatch(Newest.LAST) == batchSize;
                } finally {
                    draining.unlock();
                }
            }
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warn("The search index could not take the latest changes; it tries again shortly", e);
        }
    }

    /** Which end of the queue a batch is taken from. */
    private enum Newest {
        FIRST("desc"), LAST("asc");

        final String order;

        Newest(String order) {
            this.order = order;
        }
    }

    /** The number of queue rows taken in. */
    private int drainBatch(Newest newest) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            List<Long> queueIds = new ArrayList<>();
            Set<Long> articles = new TreeSet<>();
            Set<Long> withSpans = new TreeSet<>();
            Set<Long> annotations = new TreeSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select id, kind, ref_id from search_queue order by id " + newest.order + " limit ?")) {
                select.setInt(1, batchSize);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        queueIds.add(rows.getLong(1));
                        String kind = rows.getString(2);
                        long ref = rows.getLong(3);
                        if (kind.equals(SearchKind.ANNOTATION.code())) {
                            annotations.add(ref);
                        } else {
                            articles.add(ref);
                            if (kind.equals(SearchQueueTrigger.ARTICLE_CHANGED)) {
                                withSpans.add(ref);
                            }
                        }
                    }
                }
            }
            if (queueIds.isEmpty()) {
                return 0;
            }
            annotations.addAll(ids(connection, "select id from annotation where article_id in (%s)", withSpans));
            indexArticles(connection, articles);
            indexAnnotations(connection, annotations);
            writer.commit();
            forEachChunk(queueIds, chunk -> update(connection, "delete from search_queue where id in (%s)", chunk));
            searchers.maybeRefresh();
            return queueIds.size();
        }
    }

    private void indexArticles(Connection connection, Set<Long> ids) throws SQLException, IOException {
        Set<Long> live = new TreeSet<>();
        for (List<Long> chunk : chunks(ids)) {
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("select id, project_id, search_text from article where retired_at is null"
                            + " and id in (" + join(chunk) + ")")) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    live.add(id);
                    Document doc = document(SearchKind.ARTICLE, id, rows.getLong(2), rows.getString(3));
                    writer.updateDocument(key(SearchKind.ARTICLE, id), doc);
                }
            }
        }
        deleteGone(SearchKind.ARTICLE, ids, live);
    }

    private void indexAnnotations(Connection connection, Set<Long> ids) throws SQLException, IOException {
        Set<Long> live = new TreeSet<>();
        for (List<Long> chunk : chunks(ids)) {
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("select n.id, n.project_id, n.search_text, n.article_id, n.label_id,"
                            + " n.status, n.author, n.entity_id from annotation n join article a on a.id = n.article_id"
                            + " where n.deleted_at is null and a.retired_at is null and n.id in (" + join(chunk) + ")")) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    live.add(id);
                    Document doc = document(SearchKind.ANNOTATION, id, rows.getLong(2), rows.getString(3));
                    doc.add(new LongPoint(LuceneSearch.ARTICLE, rows.getLong(4)));
                    long label = rows.getLong(5);
                    doc.add(new LongPoint(LuceneSearch.LABEL, label));
                    doc.add(new NumericDocValuesField(LuceneSearch.LABEL, label));
                    keyword(doc, LuceneSearch.STATUS, rows.getString(6));
                    keyword(doc, LuceneSearch.AUTHOR, rows.getString(7));
                    long entity = rows.getLong(8);
                    if (!rows.wasNull()) {
                        doc.add(new LongPoint(LuceneSearch.ENTITY, entity));
                    }
                    writer.updateDocument(key(SearchKind.ANNOTATION, id), doc);
                }
            }
        }
        deleteGone(SearchKind.ANNOTATION, ids, live);
    }

    private static Document document(SearchKind kind, long id, long projectId, String words) {
        Document doc = new Document();
        doc.add(new StringField(LuceneSearch.KEY, kind.code() + id, Store.NO));
        doc.add(new StringField(LuceneSearch.KIND, kind.code(), Store.NO));
        doc.add(new LongPoint(LuceneSearch.ID, id));
        doc.add(new NumericDocValuesField(LuceneSearch.ID, id));
        doc.add(new LongPoint(LuceneSearch.PROJECT, projectId));
        // Rows from before V28 have no words yet: SearchBackfill writes them, and the trigger queues them again.
        doc.add(new TextField(LuceneSearch.TEXT, words == null ? "" : words, Store.NO));
        return doc;
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    private static Term key(SearchKind kind, long id) {
        return new Term(LuceneSearch.KEY, kind.code() + id);
    }

    /** Deleted, retired or on a retired article: out of the index. */
    private void deleteGone(SearchKind kind, Set<Long> ids, Set<Long> live) throws IOException {
        for (long id : ids) {
            if (!live.contains(id)) {
                writer.deleteDocuments(key(kind, id));
            }
        }
    }

    /**
     * An index built from another database (or none) starts again: every row is queued, in the
     * same transaction that empties the queue, and the index is emptied and marked with this
     * database's generation. Should the process stop in between, the next start does it again.
     */
    void startOverIfAnotherDatabase() throws SQLException, IOException {
        draining.lock();
        try {
            startOver();
        } finally {
            draining.unlock();
        }
    }

    private void startOver() throws SQLException, IOException {
        String generation;
        try (Connection connection = dataSource.getConnection();
                Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("select generation from search_index_state")) {
            rows.next();
            generation = rows.getString(1);
        }
        Map<String, String> committed = writer.getLiveCommitData() == null ? Map.of()
                : toMap(writer.getLiveCommitData());
        if (generation.equals(committed.get(GENERATION))) {
            return;
        }
        LOG.infof("Building the search index in %s from the whole database", directory);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement queue = connection.createStatement()) {
                queue.executeUpdate("delete from search_queue");
                queue.executeUpdate("insert into search_queue (kind, ref_id) select '" + SearchKind.ARTICLE.code()
                        + "', id from article order by id");
                queue.executeUpdate("insert into search_queue (kind, ref_id) select '" + SearchKind.ANNOTATION.code()
                        + "', id from annotation order by id");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        writer.deleteAll();
        writer.setLiveCommitData(Map.of(GENERATION, generation).entrySet());
        writer.commit();
        searchers.maybeRefresh();
    }

    private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
        Map<String, String> map = new java.util.HashMap<>();
        entries.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private static List<Long> ids(Connection connection, String sql, Collection<Long> in) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (List<Long> chunk : chunks(in)) {
            try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery(sql.formatted(join(chunk)))) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void update(Connection connection, String sql, List<Long> in) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql.formatted(join(in)));
        }
    }

    private interface ChunkAction {
        void apply(List<Long> chunk) throws SQLException;
    }

    private static void forEachChunk(Collection<Long> ids, ChunkAction action) throws SQLException {
        for (List<Long> chunk : chunks(ids)) {
            action.apply(chunk);
        }
    }

    /** Ids are numbers the database gave, so they go into the SQL as text; 500 at a time keeps statements short. */
    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
