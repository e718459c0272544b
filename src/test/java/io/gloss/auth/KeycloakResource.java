package io.gloss.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Keycloak for the tests, from its own distribution ({@code keycloak-quarkus-dist}, unpacked
 * by the build into {@code target/keycloak}): {@code kc.sh start-dev --import-realm} on a free
 * port, with the realm of {@code docker/keycloak/gloss-realm.json}.
 *
 * <p>It starts once per test run, lazily, when the first application that uses this resource
 * starts; Quarkus stops and restarts the application between test profiles, but Keycloak lives
 * on until the JVM ends (a shutdown hook stops it by its PID, child processes included). The
 * running server is recorded in a system property, so a copy of this class loaded by another
 * class loader finds it too.
 *
 * <p>The imported realm is the one of {@code docker/}, with two test-only additions: the client
 * {@code gloss} also accepts redirects to {@code http://localhost:<any port>} (the application
 * under test listens on a random port), and a client {@value #SHORT_LIVED_CLIENT} whose access
 * tokens live {@value #SHORT_LIVED_SECONDS} seconds, so that a test sees a token expire.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "gloss";
    public static final String CLIENT = "gloss";
    public static final String SHORT_LIVED_CLIENT = "gloss-short-lived";
    public static final String SHORT_LIVED_SECRET = "short-lived-test-secret";
    public static final int SHORT_LIVED_SECONDS = 2;

    /** {@code <pid> <port> <client secret>} of the Keycloak this JVM started. */
    private static final String RUNNING = "gloss.keycloak.running";

    @Override
    public Map<String, String> start() {
        String[] running = ensureStarted();
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", "http://localhost:" + running[1] + "/realms/" + REALM,
                "quarkus.oidc.credentials.secret", running[2]);
    }

    @Override
    public void stop() {
        // Keycloak outlives the application: the shutdown hook stops it at the end of the run.
    }

    private static String[] ensureStarted() {
        // Test resources are started one at a time; the system property is shared by class loaders.
        synchronized (System.class) {
            String known = System.getProperty(RUNNING);
            if (known != null) {
                String[] running = known.split(" ");
                if (ProcessHandle.of(Long.parseLong(running[0])).map(ProcessHandle::isAlive).orElse(false)) {
                    return running;
                }
            }
            String[] started = launch();
            System.setProperty(RUNNING, String.join(" ", started));
            return started;
        }
    }

    private static String[] launch() {
        Path home = Paths.get(System.getProperty("gloss.keycloak.home", "target/keycloak/keycloak-26.7.3")).toAbsolutePath();
        Path realmFile = Paths.get(System.getProperty("gloss.keycloak.realm", "docker/keycloak/gloss-realm.json")).toAbsolutePath();
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ": the Maven build unpacks it "
                    + "(./mvnw -B verify, or ./mvnw -B process-test-classes once); -Dgloss.keycloak.skip=true skips the Keycloak test");
        }
        Path pidFile = home.getParent().resolve("keycloak.pid");
        Path log = home.getParent().resolve("keycloak.log");
        stopLeftover(pidFile, home);

        int port = freePort();
        String secret;
        try {
            // A fresh data directory (file database, imported realm) for every run.
            Path data = home.resolve("data");
            deleteTree(data);
            Files.createDirectories(data.resolve("import"));
            secret = writeTestRealm(realmFile, data.resolve("import").resolve(REALM + "-realm.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak's data directory under " + home, e);
        }

        ProcessBuilder builder = new ProcessBuilder("bash", kcSh.toString(), "start-dev",
                "--http-port=" + port, "--import-realm")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Configuration meant for Gloss (QUARKUS_OIDC_..., QUARKUS_HTTP_PORT) must not reach the
        // Keycloak server, itself a Quarkus application.
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("KC_"));
        long begin = System.nanoTime();
        Process process;
        try {
            process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + kcSh, e);
        }
        ProcessHandle handle = process.toHandle();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopTree(handle);
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // best effort at exit
            }
        }, "stop-keycloak"));

        waitUntilReady(process, port, log, begin);
        System.out.printf("Keycloak %s ready on port %d after %d s (pid %d, log %s)%n",
                home.getFileName(), port, Duration.ofNanos(System.nanoTime() - begin).toSeconds(), process.pid(), log);
        return new String[] {Long.toString(process.pid()), Integer.toString(port), secret};
    }

    /** The realm of docker/ plus the test-only additions; returns the secret of the client gloss. */
    static String writeTestRealm(Path source, Path target) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = (ObjectNode) json.readTree(source.toFile());
        ArrayNode clients = (ArrayNode) realm.get("clients");
        ObjectNode gloss = null;
        for (JsonNode client : clients) {
            if (CLIENT.equals(client.path("clientId").asText())) {
                gloss = (ObjectNode) client;
            }
        }
        if (gloss == null || !gloss.hasNonNull("secret")) {
            throw new IllegalStateException(source + " has no confidential client " + CLIENT);
        }
        // Keycloak matches a trailing * as a prefix: any port of localhost.
        ((ArrayNode) gloss.get("redirectUris")).add("http://localhost:*");

        ObjectNode shortLived = gloss.deepCopy();
        shortLived.put("clientId", SHORT_LIVED_CLIENT);
        shortLived.put("name", "Gloss tests: tokens that expire at once");
        shortLived.put("secret", SHORT_LIVED_SECRET);
        shortLived.put("standardFlowEnabled", false);
        shortLived.putArray("redirectUris");
        shortLived.putObject("attributes").put("access.token.lifespan", Integer.toString(SHORT_LIVED_SECONDS));
        clients.add(shortLived); // keeps the audience mapper: its tokens are meant for gloss

        json.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), realm);
        return gloss.get("secret").asText();
    }

    private static void waitUntilReady(Process process, int port, Path log, long begin) {
        long timeout = Long.getLong("gloss.keycloak.start-timeout-seconds", 180);
        URI wellKnown = URI.create("http://localhost:" + port + "/realms/" + REALM + "/.well-known/openid-configuration");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " before it was ready. The end of " + log + ":\n" + tail(log));
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            if (Duration.ofNanos(System.nanoTime() - begin).toSeconds() > timeout) {
                stopTree(process.toHandle());
                throw new IllegalStateException("Keycloak was not ready after " + timeout + " s (" + wellKnown
                        + "; raise -Dgloss.keycloak.start-timeout-seconds on a slow machine). The end of " + log + ":\n" + tail(log));
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
        }
    }

    /** Stops kc.sh and the java process it runs (or became), gracefully first. */
    static void stopTree(ProcessHandle root) {
        List<ProcessHandle> all = Stream.concat(root.descendants(), Stream.of(root)).toList();
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (ProcessHandle p : all) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** A Keycloak left running by an aborted earlier run (its JVM killed): stopped by its recorded PID. */
    private static void stopLeftover(Path pidFile, Path home) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> old = ProcessHandle.of(pid);
            boolean ours = old.flatMap(p -> p.info().commandLine()).map(cmd -> cmd.contains(home.toString())).orElse(false);
            if (ours) {
                System.out.println("Stopping the Keycloak left over by an earlier run, pid " + pid);
                stopTree(old.get());
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // nothing to stop
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
