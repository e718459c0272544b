package io.gloss.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real Gloss server: the packaged app ({@code target/quarkus-app}) run with {@code java -jar}
 * in a process of its own, on a free port of 127.0.0.1, its output in a log file. Tests that need
 * several instances of one deployment start several; {@link #kill()} ends one as a crash would.
 */
final class GlossInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    /** Every process still running, killed when the test JVM ends however it ends. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "gloss-instances-kill"));
    }

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private GlossInstance(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * A copy of the packaged app in {@code workDir/quarkus-app}, re-augmented for {@code dbKind}:
     * Quarkus fixes the database kind at build time, and the jar is mutable for this (as
     * {@code ./gloss run --db=postgresql} does). The copy keeps the build's own app untouched.
     */
    static Path retarget(Path builtApp, Path workDir, String dbKind) throws IOException, InterruptedException {
        if (!Files.isRegularFile(builtApp.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(builtApp + " holds no packaged app: run `./mvnw package` first");
        }
        // Re-augmentation looks for the app by its folder's name: the copy must be called quarkus-app too.
        Path app = workDir.resolve("quarkus-app");
        deleteTree(app);
        Files.createDirectories(workDir);
        try (Stream<Path> files = Files.walk(builtApp)) {
            for (Path source : files.toList()) {
                Files.copy(source, app.resolve(builtApp.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path output = workDir.resolve("retarget.log");
        ProcessBuilder rebuild = new ProcessBuilder(java(), "-Dquarkus.launch.rebuild=true", "-jar",
                app.resolve("quarkus-run.jar").toString()).redirectErrorStream(true).redirectOutput(output.toFile());
        cleanEnvironment(rebuild.environment()).put("QUARKUS_DATASOURCE_DB_KIND", dbKind);
        Process process = rebuild.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Re-targeting the app to " + dbKind + " took over 3 minutes:\n" + Files.readString(output));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Re-targeting the app to " + dbKind + " failed:\n" + Files.readString(output));
        }
        return app;
    }

    /**
     * Starts {@code app} as instance {@code name} with these settings (environment variables, e.g.
     * {@code QUARKUS_DATASOURCE_JDBC_URL}) on a free port, its output in {@code logDir/<name>.log}
     * (appended to, so a restarted instance keeps its first life's log). Returns at once: see
     * {@link #awaitReady(Duration)}.
     */
    static GlossInstance start(String name, Path app, Map<String, String> settings, Path logDir) throws IOException {
        int port = freePort();
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx256m", "-jar", app.resolve("quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = cleanEnvironment(builder.environment());
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.putAll(settings);
        Process process = builder.start();
        RUNNING.add(process);
        return new GlossInstance(name, port, log, process);
    }

    /** Waits until the instance answers its readiness check; fails with its log if it dies or takes too long. */
    GlossInstance awaitReady(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Instance " + name + " ended with status " + process.exitValue()
                        + " before it was ready:\n" + log());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Instance " + name + " was not ready within " + timeout + ":\n" + log());
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process at once, as {@code kill -9} does: no shutdown hooks, nothing cleaned up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        RUNNING.remove(process);
    }

    /** Everything the instance printed so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path logFile() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** The environment without the test run's own Gloss and Quarkus settings, which would leak into the instance. */
    private static Map<String, String> cleanEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("GLOSS_"));
        return environment;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }
}
