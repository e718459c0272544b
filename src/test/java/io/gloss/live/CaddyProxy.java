package io.gloss.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * docker/Caddyfile run by a real Caddy in front of instances on this machine: the file as it is,
 * but listening on a free port of 127.0.0.1 and with the instances' addresses for the compose
 * file's replicas, so the test exercises the deployment's own proxy settings.
 */
final class CaddyProxy implements AutoCloseable {

    static final Path CADDY_FILE = Path.of("docker", "Caddyfile");
    /** What the compose file's Caddyfile says, replaced here: the site's address (a line of its own), and the upstreams. */
    static final String LISTEN = "\n:8080 {";
    static final String UPSTREAMS = "reverse_proxy app1:8080 app2:8080";

    private final int port;
    private final Path log;
    private final Process process;
    /** Kills Caddy if the test JVM ends before {@link #close()}. */
    private final Thread killAtExit;

    private CaddyProxy(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
        this.killAtExit = new Thread(process::destroyForcibly, "caddy-kill");
        Runtime.getRuntime().addShutdownHook(killAtExit);
    }

    /** Starts Caddy before {@code instances} and waits until it accepts connections. */
    static CaddyProxy start(Path workDir, List<GlossInstance> instances) throws IOException, InterruptedException {
        String caddyfile = Files.readString(CADDY_FILE);
        if (!caddyfile.contains(LISTEN) || !caddyfile.contains(UPSTREAMS)) {
            throw new IllegalStateException(CADDY_FILE + " no longer says '" + LISTEN.strip() + "' and '" + UPSTREAMS
                    + "': change CaddyProxy with it");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = workDir.resolve("caddy");
        Files.createDirectories(dir);
        // No admin endpoint (its fixed port 2019 may be taken), storage in the work folder.
        Path config = dir.resolve("Caddyfile");
        Files.writeString(config, "{\n\tadmin off\n}\n\n" + caddyfile
                .replace(LISTEN, "\nhttp://127.0.0.1:" + port + " {") // plain HTTP, as ":8080" is
                .replace(UPSTREAMS, "reverse_proxy " + instances.stream().map(i -> "127.0.0.1:" + i.port())
                        .collect(Collectors.joining(" "))));
        Path log = dir.resolve("caddy.log");
        ProcessBuilder builder = new ProcessBuilder("caddy", "run", "--config", config.toString(), "--adapter", "caddyfile")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Caddy is not installed (Debian: apt-get install --no-install-recommends caddy; "
                    + ".ci/run does)", e);
        }
        CaddyProxy proxy = new CaddyProxy(port, log, process);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Caddy ended with status " + process.exitValue() + ":\n" + proxy.log());
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return proxy;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        proxy.close();
        throw new IllegalStateException("Caddy did not listen within 30 s:\n" + proxy.log());
    }

    int port() {
        return port;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        Runtime.getRuntime().removeShutdownHook(killAtExit);
    }
}
