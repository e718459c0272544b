package io.gloss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile.jvm builds the app from a fresh clone ({@code docker compose up --build}
 * needs no build on the host): without a Docker engine, the test reads the Dockerfile's stages
 * and checks that the build stage copies only what git tracks, that .dockerignore (read with
 * Docker's rules: the last matching pattern wins, a pattern matches a path or any folder above
 * it) sends it every file of the sources and none of the host's build output, and that the image
 * takes the app from the build stage, never from the host.
 */
class DockerImageSourcesTest {

    static final Path DOCKERFILE = Paths.get("docker", "Dockerfile.jvm");

    record Copy(String stage, List<String> flags, List<String> sources) {
    }

    /** The Dockerfile's COPY instructions with their stage (the name after AS, or the image). */
    static List<Copy> copies() throws IOException {
        List<Copy> copies = new ArrayList<>();
        String stage = null;
        for (String line : Files.readAllLines(DOCKERFILE)) {
            List<String> words = Arrays.asList(line.trim().split("\\s+"));
            if (words.get(0).equals("FROM")) {
                stage = words.size() >= 4 && words.get(2).equalsIgnoreCase("AS") ? words.get(3) : words.get(1);
            } else if (words.get(0).equals("COPY")) {
                List<String> flags = words.subList(1, words.size()).stream().filter(w -> w.startsWith("--")).toList();
                List<String> paths = words.subList(1 + flags.size(), words.size());
                copies.add(new Copy(stage, flags, paths.subList(0, paths.size() - 1)));
            }
        }
        return copies;
    }

    /** Whether Docker leaves {@code file} (relative, with /) out of the build context. */
    static boolean ignored(List<String> patterns, String file) {
        boolean ignored = false;
        for (String raw : patterns) {
            boolean negated = raw.startsWith("!");
            String pattern = (negated ? raw.substring(1) : raw).replaceAll("/+$", "");
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            for (Path path = Paths.get(file); path != null; path = path.getParent()) {
                if (matcher.matches(path)) {
                    ignored = !negated;
                    break;
                }
            }
        }
        return ignored;
    }

    static List<String> dockerignore() throws IOException {
        return Files.readAllLines(Paths.get(".dockerignore")).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static List<String> tracked() throws IOException, InterruptedException {
        return DeploymentFilesTest.run(List.of("git", "ls-files")).lines().toList();
    }

    @Test
    void theBuildStageCopiesTheSourcesThatGitTracksAndDockerSends() throws Exception {
        List<Copy> copies = copies();
        List<String> patterns = dockerignore();
        List<String> tracked = tracked();
        List<Copy> build = copies.stream().filter(c -> "build".equals(c.stage())).toList();
        assertFalse(build.isEmpty(), "a stage named build copies the sources: " + copies);
        List<String> copied = new ArrayList<>();
        for (Copy copy : build) {
            for (String source : copy.sources()) {
                String prefix = source.replaceAll("/+$", "");
                List<String> files = tracked.stream().filter(f -> f.equals(prefix) || f.startsWith(prefix + "/")).toList();
                assertFalse(files.isEmpty(), source + " is copied but git tracks nothing there: a fresh clone lacks it");
                for (String file : files) {
                    assertFalse(ignored(patterns, file), file + " is copied by the build stage but .dockerignore leaves it out");
                }
                copied.addAll(files);
            }
        }
        for (String needed : List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties", "frontend/package.json",
                "frontend/package-lock.json", "frontend/.npmrc", "frontend/tsconfig.json", "src/main/resources/application.properties")) {
            assertTrue(copied.contains(needed), needed + " is what `./mvnw package` reads; the build stage must copy it");
        }
        assertTrue(copied.stream().anyMatch(f -> f.startsWith("src/main/java/")) && copied.stream().anyMatch(f -> f.startsWith("frontend/src/")));
        for (String output : List.of("target/quarkus-app/quarkus-run.jar", "frontend/node_modules/typescript/package.json",
                "frontend/dist/annotate.js", "bench/work/gloss.mv.db", ".git/HEAD")) {
            assertTrue(ignored(patterns, output), output + " is the host's, never the image's");
        }
    }

    @Test
    void theImageTakesTheAppFromTheBuildStage() throws IOException {
        List<Copy> copies = copies();
        List<Copy> fromHost = copies.stream().filter(c -> !"build".equals(c.stage()))
                .filter(c -> c.flags().stream().noneMatch(f -> f.equals("--from=build"))).toList();
        assertEquals(List.of(), fromHost, "the runtime stage copies from the build stage only");
        assertTrue(copies.stream().anyMatch(c -> c.flags().contains("--from=build")
                && c.sources().equals(List.of("/src/target/quarkus-app/"))), copies.toString());
        String dockerfile = Files.readString(DOCKERFILE);
        assertTrue(dockerfile.contains("./mvnw -B package"), "built by the project's own Maven wrapper");
    }
}
