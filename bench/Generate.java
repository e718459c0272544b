import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gloss bench data generator: writes a project of N articles (4–20 k characters of realistic
 * words) and M annotations (overlaps included, mixed statuses) straight into Gloss' database,
 * bypassing the API so that a million rows take minutes. Run by bench/generate.sh, which puts
 * the JDBC drivers on the classpath.
 *
 *   java Generate.java <jdbc-url> <user> <password> <project-id> <articles> <annotations> <author> <seed>
 *   java Generate.java --scan <jdbc-url> <user> <password> <project-id>    (plain SELECT of the spans, timed)
 *   java Generate.java --agreement <jdbc-url> <user> <password> <project-id> <articles> <seed> <annotator>...
 *       (news-length articles, each marked done by every annotator, with their spans: see {@link #agreement})
 *
 * Words come from the sample corpus (../shared/corpus), so the texts have the length and letter
 * mix of news, without copying its sentences. Texts are ASCII plus curly quotes and dashes, one
 * UTF-16 unit per code point, so load scripts can slice quotes by offset.
 */
public class Generate {

    static final int BATCH = 1000;
    /** Who decides the generated spans; the first also stands in the annotation's reviewer column. */
    static final String[] REVIEWERS = {"bench-reviewer", "bench-reviewer-2", "bench-reviewer-3", "bench-reviewer-4"};
    /** The mean wait from submission to decision, in seconds: six hours, exponentially spread. */
    static final double MEAN_WAIT = 6 * 3600;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--scan")) {
            scan(args[1], args[2], args[3], Long.parseLong(args[4]));
            return;
        }
        if (args.length > 0 && args[0].equals("--agreement")) {
            agreement(args[1], args[2], args[3], Long.parseLong(args[4]), Integer.parseInt(args[5]), new Random(Long.parseLong(args[6])),
                    java.util.Arrays.copyOfRange(args, 7, args.length));
            return;
        }
        String url = args[0], user = args[1], password = args[2];
        long projectId = Long.parseLong(args[3]);
        int articles = Integer.parseInt(args[4]);
        long annotations = Long.parseLong(args[5]);
        String author = args[6];
        Random random = new Random(Long.parseLong(args[7]));
        List<String> words = words(Path.of(System.getProperty("gloss.corpus", "../shared/corpus")));
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            long[] labels = labels(c, projectId);
            long articleBase = nextId(c, "article");
            long annotationBase = nextId(c, "annotation");
            long perArticle = Math.max(1, annotations / Math.max(1, articles));
            long made = 0;
            Random decisions = new Random(Long.parseLong(args[7]) + 1);
            long[] transitionId = {nextId(c, "annotation_transition")};
            String[] statuses = {"SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED",
                "APPROVED", "APPROVED", "APPROVED", "REJECTED"};
            Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
            try (PreparedStatement art = c.prepareStatement("insert into article (id, project_id, title, source, body, length, sha256, "
                    + "created_by, created_at) values (?,?,?,?,?,?,?,?,?)");
                 PreparedStatement ann = c.prepareStatement("insert into annotation (id, article_id, label_id, project_id, "
                    + "start_offset, end_offset, quote, status, author, reviewer, version, created_at, updated_at, "
                    + "status_changed_at) values (?,?,?,?,?,?,?,?,?,?,0,?,?,?)");
                 PreparedStatement tr = c.prepareStatement("insert into annotation_transition (id, annotation_id, from_status, "
                    + "to_status, actor, at) values (?,?,?,?,?,?)")) {
                for (int i = 0; i < articles; i++) {
                    long articleId = articleBase + i;
                    String text = article(words, random, 4_000 + random.nextInt(16_001));
                    addArticle(art, articleId, projectId,
                            "Bench article " + (i + 1) + ": " + text.substring(0, Math.min(60, text.indexOf('.') + 1)), text, t0);
                    long here = i == articles - 1 ? annotations - made : perArticle;
                    List<int[]> spans = spans(text, random, (int) here);
                    for (int[] s : spans) {
                        String status = statuses[random.nextInt(statuses.length)];
                        Instant at = t0.plusSeconds(made);
                        // Decisions from their own random numbers, so that the texts and spans stay as they were.
                        Instant decidedAt = status.equals("SUBMITTED") ? at : at.plusSeconds(wait(decisions));
                        String reviewer = REVIEWERS[decisions.nextInt(REVIEWERS.length)];
                        addAnnotation(ann, annotationBase + made, articleId, labels[random.nextInt(labels.length)], projectId,
                                s, text, status, author, at, decidedAt);
                        addTransitions(tr, transitionId, annotationBase + made, status, author, at, decidedAt, reviewer);
                        if (++made % BATCH == 0) {
                            art.executeBatch();
                            ann.executeBatch();
                            tr.executeBatch();
                            c.commit();
                        }
                    }
                    if (i % 200 == 199) {
                        art.executeBatch();
                        ann.executeBatch();
                        tr.executeBatch();
                        c.commit();
                        System.err.printf("  %d/%d articles, %d annotations, %.0f s%n", i + 1, articles, made,
                                (System.nanoTime() - started) / 1e9);
                    }
                }
                art.executeBatch();
                ann.executeBatch();
                tr.executeBatch();

                // Two articles for the load scripts: one to create annotations on (ASCII only, so
                // that Lua's byte offsets are code points), one with exactly 1,000 annotations.
                long loadArticle = articleBase + articles;
                long pageArticle = loadArticle + 1;
                // 200 k characters: ~34,000 words × 4 lengths × 3 labels of distinct spans to create.
                String loadText = article(words, random, 200_000, false);
                String pageText = article(words, random, 20_000, true);
                for (long id : new long[] {loadArticle, pageArticle}) {
                    String text = id == loadArticle ? loadText : pageText;
                    addArticle(art, id, projectId,
                            id == loadArticle ? "Bench load article" : "Bench page article (1,000 annotations)", text, t0);
                }
                art.executeBatch();
                for (int[] s : spans(pageText, random, 1_000)) {
                    addAnnotation(ann, annotationBase + made, pageArticle, labels[random.nextInt(labels.length)], projectId,
                            s, pageText, "SUBMITTED", author, t0.plusSeconds(made), t0.plusSeconds(made));
                    addTransitions(tr, transitionId, annotationBase + made, "SUBMITTED", author, t0.plusSeconds(made), null, null);
                    made++;
                }
                ann.executeBatch();
                tr.executeBatch();
                articles += 2;
                System.out.println("LOAD_ARTICLE=" + loadArticle);
                System.out.println("PAGE_ARTICLE=" + pageArticle);
                if (RARE_RATE > 0) {
                    // Invented words for bench/search.sh: one of about a dozen articles, one of a few hundred.
                    System.out.println("RARE_WORD=" + invented(Math.max(2, (int) (articles * RARE_RATE * 12_000 / 7 / 12 / Math.log(INVENTED)))));
                    System.out.println("MID_WORD=" + invented(Math.max(2, (int) (articles * RARE_RATE * 12_000 / 7 / 300 / Math.log(INVENTED)))));
                }
            }
            // Panache's pooled sequences must hand out ids above what was written here.
            try (Statement s = c.createStatement()) {
                s.execute("alter sequence article_SEQ restart with " + (articleBase + articles + 100));
                s.execute("alter sequence annotation_SEQ restart with " + (annotationBase + made + 100));
                s.execute("alter sequence annotation_transition_SEQ restart with " + (transitionId[0] + 100));
            }
            c.commit();
            // Statistics, as autovacuum (PostgreSQL) would gather after a bulk load sooner or later:
            // without them the planner takes a million rows for a handful and picks scans.
            try (Statement s = c.createStatement()) {
                s.execute("analyze");
            }
            c.commit();
            System.err.printf("generated %d articles and %d annotations in %.1f s%n", articles, made,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * A project for the agreement bench: {@code articles} articles of 2.5–5 k characters (news
     * length), each with 8–15 reference spans, and every annotator assigned to every article and
     * DONE, with their own version of the spans: each reference span kept as it is (82 %), left
     * out (8 %), with its last word dropped or the next one added (6 %) or another label (4 %),
     * and now and then a span of their own. The assignment rows are written like the rest, marked
     * done through January 2025.
     */
    static void agreement(String url, String user, String password, long projectId, int articles, Random random,
            String[] annotators) throws Exception {
        List<String> words = words(Path.of(System.getProperty("gloss.corpus", "../shared/corpus")));
        long started = System.nanoTime();
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            long[] labels = labels(c, projectId);
            long articleBase = nextId(c, "article");
            long annotationBase = nextId(c, "annotation");
            long assignmentBase = nextId(c, "assignment");
            long made = 0;
            long assigned = 0;
            try (PreparedStatement art = c.prepareStatement("insert into article (id, project_id, title, source, body, length, sha256, "
                    + "created_by, created_at) values (?,?,?,?,?,?,?,?,?)");
                 PreparedStatement ann = c.prepareStatement("insert into annotation (id, article_id, label_id, project_id, "
                    + "start_offset, end_offset, quote, status, author, reviewer, version, created_at, updated_at, "
                    + "status_changed_at) values (?,?,?,?,?,?,?,?,?,?,0,?,?,?)");
                 PreparedStatement asg = c.prepareStatement("insert into assignment (id, project_id, article_id, username, state, "
                    + "version, created_at, updated_at) values (?,?,?,?,'DONE',0,?,?)")) {
                for (int i = 0; i < articles; i++) {
                    long articleId = articleBase + i;
                    String text = article(words, random, 2_500 + random.nextInt(2_501));
                    addArticle(art, articleId, projectId,
                            "Agreement article " + (i + 1) + ": " + text.substring(0, Math.min(60, text.indexOf('.') + 1)), text, t0);
                    List<int[]> reference = spans(text, random, 8 + random.nextInt(8));
                    long[] referenceLabels = reference.stream().mapToLong(s -> labels[random.nextInt(labels.length)]).toArray();
                    for (String annotator : annotators) {
                        java.util.Set<String> mine = new java.util.HashSet<>();
                        for (int s = 0; s < reference.size(); s++) {
                            int[] span = reference.get(s).clone();
                            long label = referenceLabels[s];
                            double r = random.nextDouble();
                            if (r < 0.08) {
                                continue;
                            } else if (r < 0.14) {
                                int space = text.lastIndexOf(' ', span[1] - 1);
                                int next = text.indexOf(' ', span[1] + 1);
                                span[1] = space > span[0] ? space : next > 0 ? next : span[1];
                            } else if (r < 0.18) {
                                label = labels[(java.util.Arrays.binarySearch(labels, label) + 1) % labels.length];
                            }
                            if (mine.add(span[0] + ":" + span[1] + ":" + label)) {
                                addAnnotation(ann, annotationBase + made++, articleId, label, projectId, span, text, "SUBMITTED",
                                        annotator, t0, t0);
                            }
                        }
                        for (int[] own : spans(text, random, random.nextInt(3) == 0 ? 1 : 0)) {
                            long label = labels[random.nextInt(labels.length)];
                            if (mine.add(own[0] + ":" + own[1] + ":" + label)) {
                                addAnnotation(ann, annotationBase + made++, articleId, label, projectId, own, text, "SUBMITTED",
                                        annotator, t0, t0);
                            }
                        }
                        asg.setLong(1, assignmentBase + assigned++);
                        asg.setLong(2, projectId);
                        asg.setLong(3, articleId);
                        asg.setString(4, annotator);
                        asg.setTimestamp(5, Timestamp.from(t0));
                        // Marked done through January 2025, evenly: the statistics' agreement over time has a month of days.
                        asg.setTimestamp(6, Timestamp.from(t0.plusSeconds(31L * 86_400 * i / articles)));
                        asg.addBatch();
                    }
                    if (i % 200 == 199 || i == articles - 1) {
                        art.executeBatch();
                        ann.executeBatch();
                        asg.executeBatch();
                        c.commit();
                        System.err.printf("  %d/%d articles, %d annotations, %.0f s%n", i + 1, articles, made,
                                (System.nanoTime() - started) / 1e9);
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("alter sequence article_SEQ restart with " + (articleBase + articles + 100));
                s.execute("alter sequence annotation_SEQ restart with " + (annotationBase + made + 100));
                s.execute("alter sequence assignment_SEQ restart with " + (assignmentBase + assigned + 100));
                s.execute("analyze");
            }
            c.commit();
            System.err.printf("generated %d articles, %d annotations and %d assignments in %.1f s%n", articles, made, assigned,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** One article row on the batch. */
    static void addArticle(PreparedStatement art, long id, long projectId, String title, String text, Instant at)
            throws Exception {
        art.setLong(1, id);
        art.setLong(2, projectId);
        art.setString(3, title);
        art.setString(4, "bench");
        art.setString(5, text);
        art.setInt(6, text.length());
        art.setString(7, sha256(text));
        art.setString(8, "bench");
        art.setTimestamp(9, Timestamp.from(at));
        art.addBatch();
    }

    /** One annotation row on the batch: the span {@code s} of {@code text}, created at {@code at}, in its status since {@code statusAt}. */
    static void addAnnotation(PreparedStatement ann, long id, long articleId, long labelId, long projectId, int[] s,
            String text, String status, String author, Instant at, Instant statusAt) throws SQLException {
        ann.setLong(1, id);
        ann.setLong(2, articleId);
        ann.setLong(3, labelId);
        ann.setLong(4, projectId);
        ann.setInt(5, s[0]);
        ann.setInt(6, s[1]);
        ann.setString(7, text.substring(s[0], s[1]));
        ann.setString(8, status);
        ann.setString(9, author);
        ann.setString(10, status.equals("SUBMITTED") ? null : REVIEWERS[0]);
        ann.setTimestamp(11, Timestamp.from(at));
        ann.setTimestamp(12, Timestamp.from(statusAt));
        ann.setTimestamp(13, Timestamp.from(statusAt));
        ann.addBatch();
    }

    /**
     * The annotation's history on the batch, as the review queue writes it: its submission by the
     * author when made, and for a decided one the decision by one of {@link #REVIEWERS} at {@code decidedAt}.
     */
    static void addTransitions(PreparedStatement tr, long[] nextId, long annotationId, String status, String author,
            Instant at, Instant decidedAt, String reviewer) throws SQLException {
        addTransition(tr, nextId[0]++, annotationId, null, "SUBMITTED", author, at);
        if (!status.equals("SUBMITTED")) {
            addTransition(tr, nextId[0]++, annotationId, "SUBMITTED", status, reviewer, decidedAt);
        }
    }

    private static void addTransition(PreparedStatement tr, long id, long annotationId, String from, String to, String actor,
            Instant at) throws SQLException {
        tr.setLong(1, id);
        tr.setLong(2, annotationId);
        tr.setString(3, from);
        tr.setString(4, to);
        tr.setString(5, actor);
        tr.setTimestamp(6, Timestamp.from(at));
        tr.addBatch();
    }

    /**
     * Reads what an export reads, as plainly as JDBC can: every article of the project once, in id
     * order, and every live span in article order, two streams side by side. The floor for export speed.
     */
    static void scan(String url, String user, String password, long projectId) throws Exception {
        // Twice, as the export is measured warm too; the first read also pays for this JVM's start.
        for (String round : List.of("first", "again")) {
            scanOnce(url, user, password, projectId, round);
        }
    }

    static void scanOnce(String url, String user, String password, long projectId, String round) throws Exception {
        long started = System.nanoTime();
        long articles = 0, spans = 0, chars = 0;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement pa = c.prepareStatement("select id, body from article where project_id = ? order by id");
                 PreparedStatement ps = c.prepareStatement("select article_id, start_offset, end_offset, quote, status "
                         + "from annotation where project_id = ? and deleted_at is null order by article_id, start_offset")) {
                pa.setFetchSize(200);
                ps.setFetchSize(1000);
                pa.setLong(1, projectId);
                ps.setLong(1, projectId);
                try (ResultSet ra = pa.executeQuery(); ResultSet rs = ps.executeQuery()) {
                    while (ra.next()) {
                        articles++;
                        chars += ra.getString(2).length();
                    }
                    while (rs.next()) {
                        spans++;
                        chars += rs.getString(4).length();
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("scan (%s): %d articles and %d spans, %.1f MB of text in %.2f s (%.1f MB/s)%n",
                round, articles, spans, chars / 1e6, seconds, chars / 1e6 / seconds);
    }

    static long[] labels(Connection c, long projectId) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from label where project_id = ? order by id")) {
            ps.setLong(1, projectId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("project " + projectId + " has no labels");
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    static long wait(Random random) {
        return (long) (-Math.log(1 - random.nextDouble()) * MEAN_WAIT);
    }

    static long nextId(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
            r.next();
            return r.getLong(1) + 1_000;
        }
    }

    static List<String> words(Path corpus) throws Exception {
        List<String> words = new ArrayList<>();
        Pattern word = Pattern.compile("[A-Za-z][A-Za-z'-]{0,20}");
        try (var files = Files.list(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Matcher m = word.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    words.add(m.group());
                }
            }
        }
        if (words.isEmpty()) {
            throw new IllegalStateException("no words found in " + corpus);
        }
        return words;
    }

    /**
     * With {@code -Dgloss.rare-words=RATE} (bench/search.sh: 0.02), that share of the words are
     * invented instead ({@link #invented}), ranked by a Zipf law over {@link #INVENTED} words: rank r
     * turns up about 1/r as often as rank 1, so search has rare words to find as well as the few
     * hundred corpus words, which are in nearly every article. Off (0) by default: the other
     * benches' data stays as it was.
     */
    static final double RARE_RATE = Double.parseDouble(System.getProperty("gloss.rare-words", "0"));
    static final int INVENTED = 100_000;
    private static final String[] SYLLABLES = syllables();

    private static String[] syllables() {
        List<String> s = new ArrayList<>();
        for (char c : "bdfgklmnprstvz".toCharArray()) {
            for (char v : "aeiou".toCharArray()) {
                s.add("" + c + v);
            }
        }
        return s.toArray(String[]::new);
    }

    /** 1..INVENTED, rank r with a probability proportional to 1/r. */
    static int zipfRank(Random random) {
        return (int) Math.min(INVENTED, Math.floor(Math.pow(INVENTED + 1, random.nextDouble())));
    }

    /** The invented word of a rank: its syllables in base 70, always three, then an "x" (no corpus word looks so). */
    static String invented(int rank) {
        StringBuilder w = new StringBuilder();
        int r = rank;
        for (int i = 0; i < 3; i++) {
            w.append(SYLLABLES[r % SYLLABLES.length]);
            r /= SYLLABLES.length;
        }
        return w.append('x').toString();
    }

    /** Sentences of 8–28 words drawn from the corpus vocabulary, with curly quotes and dashes now and then. */
    static String article(List<String> words, Random random, int length) {
        return article(words, random, length, true);
    }

    static String article(List<String> words, Random random, int length, boolean typography) {
        StringBuilder sb = new StringBuilder(length + 200);
        while (sb.length() < length) {
            int n = 8 + random.nextInt(21);
            for (int i = 0; i < n; i++) {
                String w = RARE_RATE > 0 && random.nextDouble() < RARE_RATE ? invented(zipfRank(random))
                        : words.get(random.nextInt(words.size()));
                if (i == 0) {
                    w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
                } else {
                    sb.append(' ');
                }
                if (typography && random.nextInt(40) == 0) {
                    w = "\u201C" + w + "\u201D";
                }
                sb.append(w);
                if (typography && i > 2 && i < n - 2 && random.nextInt(30) == 0) {
                    sb.append(" \u2014");
                }
            }
            sb.append(random.nextInt(12) == 0 ? ".\n\n" : ". ");
        }
        return sb.toString().strip();
    }

    /** Spans on word boundaries, 1–6 words, overlapping each other now and then. */
    static List<int[]> spans(String text, Random random, int count) {
        List<int[]> spans = new ArrayList<>(count);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        int attempts = 0;
        while (spans.size() < count && attempts++ < count * 20) {
            int start = random.nextInt(text.length() - 1);
            while (start > 0 && text.charAt(start - 1) != ' ') {
                start--;
            }
            int end = start;
            int wordsIn = 1 + random.nextInt(6);
            for (int w = 0; w < wordsIn && end < text.length(); w++) {
                end = text.indexOf(' ', end + 1);
                if (end < 0) {
                    end = text.length();
                }
            }
            while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1)) && text.charAt(end - 1) != '\u201D') {
                end--;
            }
            if (end <= start || !seen.add(((long) start << 32) | end)) {
                continue;
            }
            spans.add(new int[] {start, end});
        }
        return spans;
    }

    static String sha256(String text) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d);
    }
}
