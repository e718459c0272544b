package io.gloss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choices, checked without starting the app: a stand-in {@code java} in a made-up
 * JAVA_HOME prints the arguments and data directory it was given.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("gloss").toAbsolutePath();

    @TempDir
    Path dir;

    private Path jdk;
    private Path app;

    @BeforeEach
    void standIns() throws IOException {
        jdk = Files.createDirectories(dir.resolve("jdk"));
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"arg:$a\"; done\necho \"data:$GLOSS_DATA_DIR\"\n");
        assertTrue(java.toFile().setExecutable(true));
        app = Files.createDirectories(dir.resolve("app with a space"));
        Files.writeString(app.resolve("quarkus-run.jar"), "");
        Files.setLastModifiedTime(app.resolve("quarkus-run.jar"), FileTime.from(Instant.now().minusSeconds(60)));
    }

    private void jdkVersion(String runtimeVersion) throws IOException {
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"x\"\nJAVA_RUNTIME_VERSION=\"" + runtimeVersion + "\"\n");
    }

    private List<String> run(Path workingDir, Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(concat(List.of("bash", LAUNCHER.toString()), args)).directory(workingDir.toFile());
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().put("GLOSS_APP_DIR", app.toString());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("GLOSS_DATA_DIR");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out.lines().toList();
    }

    private List<String> run(String... args) throws Exception {
        return run(dir, Map.of(), args);
    }

    private static List<String> concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Arrays.stream(tail)).toList();
    }

    @Test
    void jdk17WritesItsArchiveOnceThenMapsItUntilTheJarsChange() throws Exception {
        jdkVersion("17.0.15+6-Debian-1deb12u1");
        Path archive = app.resolve("gloss-17.0.15+6-Debian-1deb12u1.jsa");
        List<String> first = run(dir, Map.of("JAVA_OPTS", "-Xmx1g -Dx=y"), "run");
        assertTrue(first.contains("arg:-XX:ArchiveClassesAtExit=" + archive), first.toString());
        assertTrue(first.containsAll(List.of("arg:-Xmx1g", "arg:-Dx=y", "arg:-jar", "arg:" + app.resolve("quarkus-run.jar"))), first.toString());
        // An idle server's heap is collected and given back; JAVA_OPTS comes later, so it can change that.
        int periodicGc = first.indexOf("arg:-XX:G1PeriodicGCInterval=10000");
        assertTrue(periodicGc >= 0 && periodicGc < first.indexOf("arg:-Xmx1g"), first.toString());

        Files.writeString(archive, "archive"); // as the JVM writes it when the app stops
        List<String> second = run("run");
        assertTrue(second.contains("arg:-XX:SharedArchiveFile=" + archive), second.toString());

        Files.setLastModifiedTime(app.resolve("quarkus-run.jar"), FileTime.from(Instant.now().plusSeconds(60)));
        List<String> afterBuild = run("run");
        assertTrue(afterBuild.contains("arg:-XX:ArchiveClassesAtExit=" + archive), afterBuild.toString());
        assertFalse(Files.exists(archive), "a cache older than the jars is dropped");
    }

    @Test
    void jdk25UsesItsAotCache() throws Exception {
        jdkVersion("25.0.3+9-LTS");
        Path cache = app.resolve("gloss-25.0.3+9-LTS.aot");
        assertTrue(run("run").contains("arg:-XX:AOTCacheOutput=" + cache));
        Files.writeString(cache, "cache");
        assertTrue(run("run").contains("arg:-XX:AOTCache=" + cache));
    }

    @Test
    void aJdkWithoutReleaseFileStartsWithoutCache() throws Exception {
        List<String> out = run("run");
        assertEquals(List.of("arg:-XX:G1PeriodicGCInterval=10000", "arg:-jar"), out.subList(0, 2), out.toString());
    }

    @Test
    void aRelativeDataDirectoryIsTakenFromWhereTheCommandWasTyped() throws Exception {
        Path typedIn = Files.createDirectories(dir.resolve("elsewhere"));
        List<String> out = run(typedIn, Map.of("GLOSS_DATA_DIR", "data2"), "run");
        assertTrue(out.contains("data:" + typedIn.toRealPath().resolve("data2")), out.toString());
    }

    @Test
    void helpWorksFromAnyDirectory() throws Exception {
        List<String> out = run("--help");
        assertEquals("# Gloss launcher: builds the app when needed and starts it.", out.get(0));
        assertTrue(out.stream().allMatch(line -> line.startsWith("#")), out.toString());
    }

    /**
     * The real JDK and H2 here: a file holding the pages of rows rewritten many times shrinks, and
     * keeps its rows; a second compact while the file is open elsewhere is refused with a reason.
     */
    @Test
    void compactGivesAnH2FilesFreeSpaceBackAndKeepsItsRows() throws Exception {
        Path lib = Files.createDirectories(app.resolve("lib/main"));
        Files.copy(Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                lib.resolve("com.h2database.h2-test.jar"));
        Path data = Files.createDirectories(dir.resolve("data"));
        String url = "jdbc:h2:file:" + data.resolve("gloss");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("create table note (id int primary key, body varchar(2000))");
            s.execute("insert into note select x, repeat('x', 1000) from system_range(1, 20000)");
            for (int round = 0; round < 5; round++) {
                s.execute("update note set body = repeat('" + round + "', 1000)");
            }
        }
        long before = Files.size(data.resolve("gloss.mv.db"));
        Map<String, String> realJdk = Map.of("JAVA_HOME", System.getProperty("java.home"), "GLOSS_DATA_DIR", data.toString());
        List<String> out = run(dir, realJdk, "compact");
        long after = Files.size(data.resolve("gloss.mv.db"));
        assertTrue(after < before / 2, before + " -> " + after + " bytes: " + out);
        assertTrue(out.get(out.size() - 1).startsWith("gloss: compacted " + data.resolve("gloss.mv.db")), out.toString());
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select count(*), min(body) from note")) {
            rows.next();
            assertEquals(20000, rows.getInt(1));
            assertEquals("4".repeat(1000), rows.getString(2));
            ProcessBuilder second = new ProcessBuilder("bash", LAUNCHER.toString(), "compact").redirectErrorStream(true);
            second.environment().putAll(realJdk);
            second.environment().put("GLOSS_APP_DIR", app.toString());
            Process busy = second.start();
            String said = new String(busy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, busy.waitFor(), said);
            assertTrue(said.contains("gloss: not compacted (is the app still running on " + data + "?)"), said);
        }
    }
}
