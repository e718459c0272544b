package io.gloss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.article.ImportConfig;
import io.gloss.auth.LoginThrottleConfig;
import io.gloss.auth.SessionConfig;
import io.gloss.demo.DemoConfig;
import io.gloss.demo.FirstAdminConfig;
import io.gloss.review.ReviewConfig;
import io.gloss.web.HttpBodyConfig;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The settings' mappings as Quarkus builds them at start, without starting it: with its
 * converters ({@code 60s}, {@code 4M}) and Bean Validation. application.properties must load
 * as it is, and a bad value must stop the start with a message naming its key.
 */
class ConfigMappingsTest {

    static final List<Class<?>> MAPPINGS = List.of(HttpBodyConfig.class, SessionConfig.class, LoginThrottleConfig.class,
            ImportConfig.class, ReviewConfig.class, DemoConfig.class, FirstAdminConfig.class);

    @Test
    void applicationPropertiesLoad() throws IOException {
        SmallRyeConfig config = config(Map.of());
        ImportConfig imports = config.getConfigMapping(ImportConfig.class);
        assertEquals(500, imports.batchSize());
        assertEquals(2_000_000, imports.maxArticleChars());
        assertEquals(4L << 20, imports.backgroundBytes().asLongValue());
        assertEquals(Paths.get("./data/imports"), imports.dir());
        HttpBodyConfig bodies = config.getConfigMapping(HttpBodyConfig.class);
        assertEquals(Duration.ofSeconds(60), bodies.bodyTimeout());
        assertEquals(24L << 20, bodies.bufferedBodiesPerClient().asLongValue());
        assertEquals(1000, config.getConfigMapping(ReviewConfig.class).countLimit());
        assertEquals("gloss-session", config.getConfigMapping(SessionConfig.class).cookieName());
        // Empty in application.properties: no password, so random demo passwords and no admin.
        assertTrue(config.getConfigMapping(DemoConfig.class).password().isEmpty());
        assertTrue(config.getConfigMapping(FirstAdminConfig.class).password().isEmpty());
    }

    @Test
    void aBadValueStopsTheStartNamingItsKey() {
        refused("gloss.import.batch-size", "-5");
        refused("gloss.import.batch-size", "0");
        refused("gloss.import.max-article-chars", "0");
        refused("gloss.import.background-lines", "-1");
        refused("gloss.import.errors-kept", "-1");
        refused("gloss.review.count-limit", "0");
        refused("gloss.http.body-timeout", "soon");
        refused("gloss.http.body-timeout", "0s");
        refused("gloss.http.buffered-bodies-max", "a lot");
        refused("gloss.session.cookie-name", " ");
    }

    private static void refused(String key, String value) {
        ConfigValidationException failure = assertThrows(ConfigValidationException.class, () -> config(Map.of(key, value)),
                key + "=" + value + " was accepted");
        assertTrue(failure.getMessage().contains(key), key + "=" + value + " failed without naming it: " + failure.getMessage());
    }

    /** application.properties (default profile) under the given values, as an environment would set them. */
    private static SmallRyeConfig config(Map<String, String> overrides) throws IOException {
        Path properties = Paths.get("src", "main", "resources", "application.properties");
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                    .addDefaultInterceptors() // ${gloss.data-dir}
                    .addDiscoveredConverters() // Quarkus' own, as at start
                    .withSources(new PropertiesConfigSource(properties.toUri().toURL(), 250))
                    .withSources(new PropertiesConfigSource(overrides, "overrides", 300))
                    .withValidator((BeanValidationConfigValidator) validation::getValidator);
            MAPPINGS.forEach(builder::withMapping);
            return builder.build();
        }
    }
}
