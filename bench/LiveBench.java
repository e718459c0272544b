import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gloss' live fan-out, measured from outside (bench/live.sh runs it; JDK 17, no dependencies).
 *
 * <pre>
 * java bench/LiveBench.java latency --streams URL --creates URL --project P --article A --text FILE
 *      --token T --stream-token T2 --listeners N --rate R --duration S --offset K --label L --out FILE
 *      [--stream-article A] [--retry-ms 3000] [--author live-editor]
 * java bench/LiveBench.java hold --streams URL --project P --stream-token T2 --listeners N
 * </pre>
 *
 * {@code latency} opens N event streams of the project (of one article with {@code --stream-article})
 * on the {@code --streams} instance, then
 * creates annotations on the {@code --creates} instance at R a second for S seconds (as
 * {@code --token}'s user, {@code --author}, live-editor unless told: nobody else may create as
 * them), and times every one of its own annotations' {@code created} events on every stream
 * three ways: from the annotation's {@code created} (the server's clock, on this same machine:
 * set in the create's transaction just before its last statements and the commit, so a close
 * upper bound of commit → event), from the create request's send (a loose upper bound: it adds
 * the request's queueing, authentication and work) and from its 201's arrival here (a lower
 * bound, below zero when the event overtook the answer). Events of other writers (a wrk load
 * beside it) are counted, not timed. Prints one line and appends a row to {@code --out}.
 * {@code hold} opens N streams, prints {@code READY N} and keeps them open until it is killed.
 */
public class LiveBench {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java bench/LiveBench.java latency|hold --streams URL ... (see the comment at the top)");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, not " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Options o = new Options(options);
        switch (args[0]) {
            case "latency" -> latency(o);
            case "hold" -> hold(o);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    record Options(Map<String, String> values) {
        String get(String key) {
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("missing --" + key);
            }
            return value;
        }

        String get(String key, String otherwise) {
            return values.getOrDefault(key, otherwise);
        }

        int integer(String key, String otherwise) {
            return Integer.parseInt(get(key, otherwise));
        }
    }

    // ---------------------------------------------------------------- streams

    /** Counts of every stream together. */
    static final class Totals {
        final AtomicLong events = new AtomicLong();
        final AtomicInteger ended = new AtomicInteger();
        /** (annotation id, receive nanos, receive wall-clock epoch nanos) of the creating user's own created events. */
        final ConcurrentLinkedQueue<long[]> mine = new ConcurrentLinkedQueue<>();
    }

    private static final byte[] DATA_CREATED = "data: {\"type\":\"created\",\"annotation\":{\"id\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID_LINE = "id: ".getBytes(StandardCharsets.US_ASCII);

    /**
     * One listener, as a browser's EventSource is: when the server ends its stream (it closes a
     * stream whose client reads slower than the desk writes) it comes back after the retry delay
     * with {@code Last-Event-ID}, and the server replays what it missed.
     */
    static final class Follower {
        private final HttpClient client;
        private final URI uri;
        private final String token;
        private final ScheduledExecutorService retry;
        private final long retryMs;
        final Totals totals;
        final byte[] authorMarker;
        volatile long lastId = -1;
        private volatile boolean stopped;
        private volatile Stream current;

        Follower(HttpClient client, URI uri, String token, ScheduledExecutorService retry, long retryMs, Totals totals,
                String author) {
            this.client = client;
            this.uri = uri;
            this.token = token;
            this.retry = retry;
            this.retryMs = retryMs;
            this.totals = totals;
            this.authorMarker = ("\"author\":\"" + author + "\"").getBytes(StandardCharsets.UTF_8);
        }

        /** Completes with the answer's headers; an answer other than 200 goes nowhere. */
        CompletableFuture<HttpResponse<Void>> connect() {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Token " + token)
                    .header("Accept", "text/event-stream");
            if (lastId >= 0) {
                request.header("Last-Event-ID", Long.toString(lastId));
            }
            Stream stream = new Stream(this);
            current = stream;
            return client.sendAsync(request.build(),
                    info -> info.statusCode() == 200 ? stream : HttpResponse.BodySubscribers.replacing(null));
        }

        /** The stream ended or never opened: back after the retry delay, from the last id. */
        void ended() {
            totals.ended.incrementAndGet();
            if (!stopped) {
                retry.schedule(() -> connect().whenComplete((response, error) -> {
                    if (error != null || response.statusCode() != 200) {
                        ended();
                    }
                }), retryMs, TimeUnit.MILLISECONDS);
            }
        }

        void stop() {
            stopped = true;
            Stream stream = current;
            if (stream != null) {
                stream.cancel();
            }
        }
    }

    /**
     * One connection's {@code text/event-stream}, parsed as bytes arrive: a line at a time, in a
     * buffer it reuses, because a thousand streams under a create load receive hundreds of
     * thousands of events a second on the same two cores as the server, and a String per line
     * would cost the server its CPU. Only lines of the timed user's created events become more.
     */
    static final class Stream implements HttpResponse.BodySubscriber<Void> {
        private final Follower follower;
        private final Totals totals;
        private final byte[] authorMarker;
        private byte[] line = new byte[1024];
        private int length;
        private Flow.Subscription subscription;

        Stream(Follower follower) {
            this.follower = follower;
            this.totals = follower.totals;
            this.authorMarker = follower.authorMarker;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            long now = System.nanoTime();
            for (ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') {
                        line(now);
                        length = 0;
                    } else {
                        if (length == line.length) {
                            line = Arrays.copyOf(line, line.length * 2);
                        }
                        line[length++] = b;
                    }
                }
            }
        }

        private void line(long now) {
            if (startsWith(ID_LINE)) {
                totals.events.incrementAndGet();
                long id = 0;
                for (int i = ID_LINE.length; i < length && line[i] >= '0' && line[i] <= '9'; i++) {
                    id = id * 10 + (line[i] - '0');
                }
                follower.lastId = id;
            } else if (startsWith(DATA_CREATED) && contains(authorMarker)) {
                long id = 0;
                for (int i = DATA_CREATED.length; i < length && line[i] >= '0' && line[i] <= '9'; i++) {
                    id = id * 10 + (line[i] - '0');
                }
                totals.mine.add(new long[] {id, now, epochNanos(Instant.now())});
            }
        }

        private boolean startsWith(byte[] prefix) {
            if (length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (line[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private boolean contains(byte[] marker) {
            outer:
            for (int i = 0; i + marker.length <= length; i++) {
                for (int j = 0; j < marker.length; j++) {
                    if (line[i + j] != marker[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        @Override
        public void onError(Throwable throwable) {
            follower.ended();
        }

        @Override
        public void onComplete() {
            follower.ended();
        }

        /** Complete at once: the response's future then completes with the headers, which is "connected". */
        @Override
        public CompletionStage<Void> getBody() {
            return CompletableFuture.completedFuture(null);
        }

        void cancel() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }

    /** Opens n streams, 50 at a time, and returns once every one has answered 200. */
    static List<Follower> open(HttpClient client, Options o, int n, Totals totals, String author) throws Exception {
        String article = o.get("stream-article", "");
        URI uri = URI.create(o.get("streams") + (article.isEmpty() ? "/api/projects/" + o.get("project") : "/api/articles/" + article)
                + "/events");
        ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reconnect");
            t.setDaemon(true);
            return t;
        });
        long retryMs = Long.parseLong(o.get("retry-ms", "3000"));
        List<Follower> streams = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += 50) {
            List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 50); i++) {
                Follower follower = new Follower(client, uri, o.get("stream-token"), retry, retryMs, totals, author);
                streams.add(follower);
                answers.add(follower.connect());
            }
            for (CompletableFuture<HttpResponse<Void>> answer : answers) {
                int status = answer.get(60, TimeUnit.SECONDS).statusCode();
                if (status != 200) {
                    throw new IllegalStateException("an event stream answered " + status);
                }
            }
        }
        System.err.printf("  %d streams open in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        return streams;
    }

    static HttpClient client() {
        // HTTP/1.1: one connection per stream, as browsers' EventSource has (behind a proxy too).
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * The streams' client hands their bytes to the parser on its own selector thread: the parser
     * never blocks, and a hop to a pool thread per read cost this client more CPU than the parsing.
     */
    static HttpClient streamClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30))
                .executor(Runnable::run).build();
    }

    static void hold(Options o) throws Exception {
        Totals totals = new Totals();
        List<Follower> streams = open(streamClient(), o, o.integer("listeners", "1000"), totals, "-");
        System.out.println("READY " + streams.size());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    // ---------------------------------------------------------------- creates

    /** The create load's span scheme (bench/lua/create.lua): word g·7919 mod words, 1–4 words, one of three labels. */
    static final class Spans {
        private final String text;
        private final List<Integer> starts = new ArrayList<>();
        private static final String[] LABELS = {"CLAIM", "ACTOR", "LOCATION"};

        Spans(String text) {
            this.text = text;
            int at = 0;
            while (at < text.length()) {
                starts.add(at);
                int space = text.indexOf(' ', at);
                if (space < 0) {
                    break;
                }
                at = space + 1;
            }
        }

        String body(String article, long g) {
            int words = starts.size();
            int first = (int) ((g * 7919) % (words - 5));
            int length = 1 + (int) ((g / words) % 4);
            String label = LABELS[(int) ((g / (words * 4L)) % 3)];
            int s = starts.get(first);
            int e = starts.get(first + length) - 1;
            String quote = text.substring(s, e).replaceAll("[\\p{Punct}\\s]+$", "");
            return "{\"articleId\":" + article + ",\"label\":\"" + label + "\",\"start\":" + s + ",\"end\":"
                    + (s + quote.length()) + ",\"quote\":\"" + quote.replace("\\", "\\\\").replace("\"", "\\\"")
                            .replace("\n", "\\n") + "\"}";
        }
    }

    /** One create: when it was sent, when its answer arrived, what it made. */
    static final class Create {
        volatile long sent;
        volatile long answered;
        volatile long id = -1;
        /** The annotation's {@code created}, by the server's clock (the same machine's), to the microsecond, epoch nanos. */
        volatile long created;
        volatile String failure;
    }

    static void latency(Options o) throws Exception {
        int listeners = o.integer("listeners", "1");
        int rate = o.integer("rate", "20");
        int seconds = o.integer("duration", "20");
        long offset = Long.parseLong(o.get("offset", "0"));
        String author = o.get("author", "live-editor");
        Totals totals = new Totals();
        HttpClient streamClient = streamClient();
        List<Follower> streams = listeners > 0 ? open(streamClient, o, listeners, totals, author) : List.of();
        Thread.sleep(1000); // each stream's listener is registered just after its headers went out
        System.out.println("READY " + listeners);
        System.out.flush();

        // Creates from a client of their own, so that a thousand busy streams do not delay their answers' timing.
        HttpClient createClient = client();
        Spans spans = new Spans(Files.readString(Path.of(o.get("text"))));
        String article = o.get("article");
        URI createUri = URI.create(o.get("creates") + "/api/annotations");
        int total = rate * seconds;
        Create[] creates = new Create[total];
        CountDownLatch answered = new CountDownLatch(total);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        long eventsBefore = totals.events.get();
        long t0 = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            Create c = new Create();
            creates[i] = c;
            HttpRequest request = HttpRequest.newBuilder(createUri).header("Authorization", "Token " + o.get("token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(spans.body(article, offset + i))).build();
            c.sent = System.nanoTime();
            createClient.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                c.answered = System.nanoTime();
                try {
                    if (response == null) {
                        c.failure = error.toString();
                    } else if (response.statusCode() == 201) {
                        c.created = createdOf(response.body());
                        c.id = idOf(response.body());
                    } else {
                        c.failure = response.statusCode() + " " + response.body();
                    }
                } catch (RuntimeException e) {
                    c.failure = e.toString();
                } finally {
                    answered.countDown();
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        answered.await(seconds + 60L, TimeUnit.SECONDS);
        long createSeconds = System.nanoTime() - t0;
        clock.shutdownNow();
        long expected = 0;
        for (Create c : creates) {
            if (c != null && c.id >= 0) {
                expected++;
            }
        }
        expected *= listeners;
        // The last events of the run, and the replays of streams that came back, get time to arrive.
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5) + TimeUnit.MILLISECONDS.toNanos(
                Long.parseLong(o.get("retry-ms", "3000")));
        while (totals.mine.size() < expected && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }
        long elapsed = System.nanoTime() - t0;
        long eventsDuring = totals.events.get() - eventsBefore;
        int disconnections = totals.ended.get();
        streams.forEach(Follower::stop);

        Map<Long, Create> byId = new HashMap<>();
        int created = 0;
        int failed = 0;
        String firstFailure = null;
        for (Create c : creates) {
            if (c != null && c.id >= 0) {
                byId.put(c.id, c);
                created++;
            } else {
                failed++;
                if (firstFailure == null) {
                    firstFailure = c == null ? "not sent" : c.failure;
                }
            }
        }
        if (firstFailure != null) {
            System.err.println("  a create failed: " + firstFailure);
        }
        List<long[]> mine = new ArrayList<>(totals.mine); // replays may still be arriving
        long[] fromCreated = new long[mine.size()];
        long[] fromSend = new long[mine.size()];
        long[] fromAnswer = new long[mine.size()];
        int n = 0;
        for (long[] event : mine) {
            Create c = byId.get(event[0]);
            if (c != null) {
                fromCreated[n] = event[2] - c.created;
                fromSend[n] = event[1] - c.sent;
                fromAnswer[n] = event[1] - c.answered;
                n++;
            }
        }
        fromCreated = Arrays.copyOf(fromCreated, n);
        fromSend = Arrays.copyOf(fromSend, n);
        fromAnswer = Arrays.copyOf(fromAnswer, n);
        Arrays.sort(fromCreated);
        Arrays.sort(fromSend);
        Arrays.sort(fromAnswer);
        long[] createMs = byId.values().stream().mapToLong(c -> c.answered - c.sent).sorted().toArray();

        double clientCpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        String label = o.get("label", "");
        String row = String.join("\t", label, String.valueOf(listeners), String.valueOf(created), String.valueOf(failed),
                ms(pct(fromCreated, 50)), ms(pct(fromCreated, 99)), ms(max(fromCreated)),
                ms(pct(fromSend, 50)), ms(pct(fromSend, 99)), ms(max(fromSend)),
                ms(pct(fromAnswer, 50)), ms(pct(fromAnswer, 99)), ms(max(fromAnswer)),
                String.valueOf(expected), String.valueOf(n), String.valueOf(disconnections),
                String.format("%.0f", eventsDuring / (elapsed / 1e9)), ms(pct(createMs, 50)), ms(pct(createMs, 99)),
                String.format("%.1f", clientCpu));
        System.out.printf("%s listeners=%d: created %d (%d failed, %.1f/s); event latency from created p50 %s p99 %s max %s ms,"
                + " from send p50 %s p99 %s max %s ms,"
                + " from 201 p50 %s p99 %s max %s ms; events timed %d of %d expected, disconnections %d (each stream came back with Last-Event-ID),"
                + " events delivered %s/s; create p50 %s p99 %s ms; this client used %.1f s of CPU%n",
                label, listeners, created, failed, created / (createSeconds / 1e9), ms(pct(fromCreated, 50)),
                ms(pct(fromCreated, 99)), ms(max(fromCreated)), ms(pct(fromSend, 50)), ms(pct(fromSend, 99)),
                ms(max(fromSend)), ms(pct(fromAnswer, 50)), ms(pct(fromAnswer, 99)), ms(max(fromAnswer)), n, expected,
                disconnections, String.format("%.0f", eventsDuring / (elapsed / 1e9)), ms(pct(createMs, 50)),
                ms(pct(createMs, 99)), clientCpu);
        String out = o.get("out", "");
        if (!out.isEmpty()) {
            Path file = Path.of(out);
            try {
                if (!Files.exists(file)) {
                    Files.writeString(file, "label\tlisteners\tcreated\tfailed\tcreated_p50_ms\tcreated_p99_ms\tcreated_max_ms\tsend_p50_ms\tsend_p99_ms\tsend_max_ms"
                            + "\tanswer_p50_ms\tanswer_p99_ms\tanswer_max_ms\tevents_expected\tevents_timed"
                            + "\tdisconnections\tevents_per_s\tcreate_p50_ms\tcreate_p99_ms\tclient_cpu_s\n");
                }
                Files.writeString(file, row + "\n", StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.exit(0); // the HTTP clients' threads would keep the JVM up
    }

    /** The id of a created annotation from its JSON, which starts with it. */
    static long idOf(String json) {
        int at = json.indexOf("\"id\":");
        if (at < 0) {
            return -1;
        }
        long id = 0;
        for (int i = at + 5; i < json.length() && Character.isDigit(json.charAt(i)); i++) {
            id = id * 10 + (json.charAt(i) - '0');
        }
        return id;
    }

    /** No figure: nothing was timed. */
    private static final long NONE = Long.MIN_VALUE;

    /** The {@code "created":"…Z"} of a created annotation's JSON, epoch nanos. */
    static long createdOf(String json) {
        int at = json.indexOf("\"created\":\"");
        if (at < 0) {
            throw new IllegalStateException("a created annotation without its time: " + json);
        }
        int from = at + 11;
        return epochNanos(Instant.parse(json.substring(from, json.indexOf('"', from))));
    }

    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return NONE;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static long max(long[] sorted) {
        return sorted.length == 0 ? NONE : sorted[sorted.length - 1];
    }

    /** Milliseconds; from the 201 they can be below zero: the event overtook the answer. */
    static String ms(long nanos) {
        return nanos == NONE ? "n/a" : String.format("%.1f", nanos / 1e6);
    }
}
