package io.gloss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yml as Compose itself reads it ({@code docker compose config}, or Debian's
 * {@code docker-compose config}: the client alone validates and resolves the file, no Docker
 * engine needed), checked against what the app actually reads; and docker/Caddyfile as Caddy
 * reads it ({@code caddy adapt}, which validates and prints its JSON configuration, no server).
 */
class DeploymentFilesTest {

    static final Path COMPOSE_FILE = Paths.get("docker", "compose.yml");
    static final Path CADDY_FILE = Paths.get("docker", "Caddyfile");
    /** The replicas of the app; each is the one definition {@code x-app} merged in. */
    static final List<String> REPLICAS = List.of("app1", "app2");
    /** The variable that gives every replica the key of the CSRF tokens (docs/operations.md). */
    static final String SESSION_KEY = "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY";
    /** Keys the application reads in code: {@code @ConfigProperty(name = "quarkus.oidc.tenant-enabled")}, {@code getValue("gloss.data-dir")}. */
    static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:gloss|quarkus)\\.[a-z0-9.\\-]+)\"");

    static JsonNode config;

    static JsonNode caddy;

    @BeforeAll
    static void composeConfig() throws Exception {
        List<String> command = new ArrayList<>(composeCommand());
        command.addAll(List.of("-f", COMPOSE_FILE.toString(), "config"));
        config = new YAMLMapper().readTree(run(command));
        caddy = new ObjectMapper().readTree(run(List.of(caddyCommand(), "adapt", "--config", CADDY_FILE.toString(),
                "--adapter", "caddyfile")));
    }

    /** The command's standard output; it must end well within a minute, with status 0. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("deployment-files", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 60 s");
            }
            assertEquals(0, process.exitValue(), String.join(" ", command) + " refused the file:\n"
                    + Files.readString(errors) + out);
            return out;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** Caddy's own command, which reads a Caddyfile exactly as the proxy of docker/compose.yml will. */
    static String caddyCommand() {
        try {
            Process process = new ProcessBuilder("caddy", "version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return "caddy";
            }
            process.destroyForcibly();
        } catch (IOException e) {
            // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return fail("Caddy is not installed, so " + CADDY_FILE + " cannot be validated. Install it (Debian: "
                + "apt-get install --no-install-recommends caddy; .ci/run does); the test runs no server.");
    }

    /** The Compose plugin if there is one, else the standalone docker-compose; neither is a failure. */
    static List<String> composeCommand() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                Process process = new ProcessBuilder(version).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return candidate;
                }
                process.destroyForcibly();
            } catch (IOException e) {
                // not installed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("Neither the Compose plugin (`docker compose`) nor `docker-compose` is installed, so "
                + COMPOSE_FILE + " cannot be validated. Install one (Debian: apt-get install --no-install-recommends "
                + "docker-compose; .ci/run does); no Docker engine is needed.");
    }

    @Test
    void theAppIsConfiguredOnlyThroughKeysItReads() throws IOException {
        for (String replica : REPLICAS) {
            checkEnvironment(replica);
        }
    }

    private void checkEnvironment(String service) throws IOException {
        JsonNode environment = config.path("services").path(service).path("environment");
        Set<String> variables = new TreeSet<>();
        if (environment.isArray()) { // "KEY=value" list form
            environment.forEach(entry -> variables.add(entry.asText().split("=", 2)[0]));
        } else {
            environment.fieldNames().forEachRemaining(variables::add);
        }
        assertFalse(variables.isEmpty(), "the " + service + " service has no environment: " + config.path("services").path(service));

        TreeMap<String, String> known = new TreeMap<>();
        for (String key : knownKeys()) {
            known.put(envName(key), key);
        }
        List<String> unknown = variables.stream().filter(v -> !known.containsKey(v)).toList();
        assertEquals(List.of(), unknown, "environment variables of the " + service + " service in " + COMPOSE_FILE
                + " that match no key of application.properties or of the code (the app would ignore them)");

        // The switches docs/operations.md documents for this setup are there.
        assertTrue(variables.containsAll(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_TENANT_ENABLED", "QUARKUS_OIDC_AUTH_SERVER_URL",
                "QUARKUS_OIDC_CREDENTIALS_SECRET")), variables.toString());
        assertTrue(environment.path("QUARKUS_DATASOURCE_JDBC_URL").asText().startsWith("jdbc:postgresql://postgres:5432/"),
                environment.toString());
    }

    @Test
    void postgresAndKeycloakAreReadyBeforeTheAppAndKeepTheirData() throws IOException {
        JsonNode services = config.path("services");
        assertEquals(Set.of("app1", "app2", "proxy", "postgres", "keycloak"), fieldNames(services));
        for (String name : List.of("app1", "app2", "proxy", "postgres", "keycloak")) {
            assertTrue(services.path(name).path("healthcheck").has("test"), name + " has no healthcheck");
            assertFalse(services.path(name).path("volumes").isEmpty(), name + " keeps no data in a volume");
        }
        for (String replica : REPLICAS) {
            JsonNode dependsOn = services.path(replica).path("depends_on");
            for (String name : List.of("postgres", "keycloak")) {
                assertEquals("service_healthy", dependsOn.path(name).path("condition").asText(), replica + " waits for " + name);
            }
        }
        // The realm gloss is imported from docker/keycloak, and the client secret the app uses by
        // default is the one of that realm's client gloss.
        assertTrue(services.path("keycloak").path("volumes").toString().contains("/opt/keycloak/data/import"),
                services.path("keycloak").toString());
        assertTrue(services.path("keycloak").path("command").toString().contains("--import-realm"));
        JsonNode realm = new ObjectMapper().readTree(Paths.get("docker", "keycloak", "gloss-realm.json").toFile());
        String secret = null;
        for (JsonNode client : realm.path("clients")) {
            if ("gloss".equals(client.path("clientId").asText())) {
                secret = client.path("secret").asText();
            }
        }
        for (String replica : REPLICAS) {
            JsonNode appEnvironment = services.path(replica).path("environment");
            assertEquals(secret, appEnvironment.path("QUARKUS_OIDC_CREDENTIALS_SECRET").asText());
            assertTrue(appEnvironment.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText().endsWith("/realms/" + realm.path("realm").asText()));
        }
    }

    @Test
    void theReplicasAreOneDefinitionWithOneDatabaseAndOneSessionKey() throws IOException {
        JsonNode services = config.path("services");
        JsonNode first = services.path(REPLICAS.get(0));
        for (String replica : REPLICAS) {
            assertEquals(first, services.path(replica), replica + " differs from " + REPLICAS.get(0)
                    + ": every replica must be the same app, or a request would answer differently by where it lands");
            assertTrue(services.path(replica).path("ports").isEmpty(), replica + " is reached through the proxy only");
        }
        JsonNode environment = first.path("environment");
        assertTrue(environment.path("QUARKUS_DATASOURCE_JDBC_URL").asText().startsWith("jdbc:postgresql://postgres:5432/"),
                "the replicas share the PostgreSQL service: " + environment);
        // The same key on each replica, from the compose file, not generated into each data directory.
        assertTrue(environment.path(SESSION_KEY).asText().length() >= 32, SESSION_KEY + " is set, 32 characters or more: " + environment);
        // One definition merged into each replica (x-app), not copies that could drift apart.
        String file = Files.readString(COMPOSE_FILE);
        assertEquals(1, occurrences(file, "QUARKUS_DATASOURCE_JDBC_URL:"), "one definition of the app in " + COMPOSE_FILE);
        assertEquals(1, occurrences(file, SESSION_KEY + ":"), "one definition of the app in " + COMPOSE_FILE);
        assertTrue(file.contains("${GLOSS_SESSION_KEY:-"), "the key comes from GLOSS_SESSION_KEY");
    }

    @Test
    void theProxyBalancesOverEveryReplicaAndPassesEventsUnbuffered() {
        JsonNode server = caddy.path("apps").path("http").path("servers").elements().next();
        JsonNode handler = server.path("routes").path(0).path("handle").path(0);
        assertEquals("reverse_proxy", handler.path("handler").asText(), caddy.toString());
        Set<String> upstreams = new TreeSet<>();
        handler.path("upstreams").forEach(upstream -> upstreams.add(upstream.path("dial").asText()));
        Set<String> replicas = new TreeSet<>();
        for (String replica : REPLICAS) {
            JsonNode exposed = config.path("services").path(replica).path("expose");
            assertEquals("8080", exposed.path(0).asText(), replica + " serves on Quarkus' port 8080");
            replicas.add(replica + ":8080");
        }
        assertEquals(replicas, upstreams, "the proxy sends requests to every replica");
        assertEquals(-1, handler.path("flush_interval").asInt(), "event streams go out unbuffered");
        assertEquals("/q/health/ready", handler.path("health_checks").path("active").path("uri").asText(),
                "a replica that is not ready leaves the rotation");
        assertEquals("round_robin", handler.path("load_balancing").path("selection_policy").path("policy").asText());

        JsonNode proxy = config.path("services").path("proxy");
        assertTrue(proxy.path("image").asText().startsWith("caddy:2"), proxy.toString());
        assertTrue(proxy.path("volumes").toString().contains("/etc/caddy/Caddyfile"), "the proxy reads " + CADDY_FILE);
        assertEquals(List.of(":8080"), List.of(server.path("listen").path(0).asText()));
        assertTrue(proxy.path("ports").toString().contains("8080"), "the proxy is published: " + proxy.path("ports"));
        // The replicas read X-Forwarded-For (the login throttle counts per client), from the proxy alone.
        for (String replica : REPLICAS) {
            assertEquals("proxy", config.path("services").path(replica).path("environment")
                    .path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText());
        }
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * The keys of application.properties (any profile), the gloss.* / quarkus.* keys named in the
     * code, and those of its {@code @ConfigMapping} interfaces.
     */
    static Set<String> knownKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Paths.get("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }
        for (String key : properties.stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        Path root = Paths.get("src", "main", "java");
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher m = KEY_IN_CODE.matcher(code);
                while (m.find()) {
                    keys.add(m.group(1));
                }
                if (code.contains("@ConfigMapping(")) {
                    String className = root.relativize(source).toString().replace(".java", "").replace(File.separatorChar, '.');
                    keys.addAll(mappedKeys(className));
                }
            }
        }
        assertTrue(keys.contains("gloss.demo.enabled") && keys.contains("quarkus.datasource.jdbc.url"), keys.toString());
        return keys;
    }

    /** A mapping's keys: its prefix and each method's name, in kebab case as SmallRye Config names them. */
    static List<String> mappedKeys(String className) {
        Class<?> mapping;
        try {
            mapping = Class.forName(className, false, DeploymentFilesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return fail(className + " declares a @ConfigMapping but is not on the test class path");
        }
        String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
        return Arrays.stream(mapping.getMethods()).filter(method -> !method.isDefault() && !Modifier.isStatic(method.getModifiers()))
                .map(method -> method.isAnnotationPresent(WithName.class) ? method.getAnnotation(WithName.class).value()
                        : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT))
                .map(key -> prefix + "." + key).toList();
    }

    /** MicroProfile Config's environment name of a key: quarkus.datasource.jdbc.url → QUARKUS_DATASOURCE_JDBC_URL. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void mappedKeysAreNamedAsSmallRyeConfigNamesThem() {
        assertEquals(List.of("gloss.review.count-limit"), mappedKeys("io.gloss.review.ReviewConfig"));
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertEquals("QUARKUS_DATASOURCE_JDBC_URL", envName("quarkus.datasource.jdbc.url"));
        assertEquals("GLOSS_IMPORT_MAX_ARTICLE_CHARS", envName("gloss.import.max-article-chars"));
    }
}
