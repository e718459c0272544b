package io.gloss.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.dataset.format.BratWriter;
import io.gloss.text.CodePointText;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidatorImpl;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pieces of an export that need no database: code points, splits, brat fragments. */
class DatasetUnitTest {

    static ExportSpan span(long id, int start, int end, String label, CodePointText text) {
        return new ExportSpan(id, 1, start, end, label, text.slice(start, end), null, AnnotationStatus.APPROVED, "a",
                List.of("a"), "r", Instant.EPOCH, null, new java.util.TreeMap<>());
    }

    @Test
    void aReadAheadBelowOneIsRefusedWithTheKeyNamed() {
        // As Quarkus reads the mapping at start, with Hibernate Validator checking its constraints.
        SmallRyeConfigBuilder config = new SmallRyeConfigBuilder().addDiscoveredConverters()
                .withSources(new PropertiesConfigSource(Map.of("gloss.datasets.dir", "datasets",
                        "gloss.datasets.read-ahead", "0"), "DatasetUnitTest", 100))
                .withMapping(DatasetConfig.class).withValidator(new BeanValidationConfigValidatorImpl());
        ConfigValidationException refused = assertThrows(ConfigValidationException.class, config::build);
        assertTrue(refused.getMessage().contains("gloss.datasets.read-ahead must be greater than or equal to 1"),
                refused.getMessage());
    }

    @Test
    void progressEventsComeAtMostOnceASecondAndOnlyWhenTheCountMoved() {
        long second = 1_000_000_000L;
        ProgressThrottle throttle = new ProgressThrottle(java.time.Duration.ofSeconds(1), 0);
        assertFalse(throttle.due(5, second / 2), "within a second of the start");
        assertTrue(throttle.due(5, second));
        assertFalse(throttle.due(9, second + second / 2), "within a second of the last");
        assertFalse(throttle.due(5, 3 * second), "the same count as the last");
        assertTrue(throttle.due(9, 3 * second));
    }

    @Test
    void codePointTextConvertsBothWaysAroundAstralCharacters() {
        CodePointText text = new CodePointText("a🇺🇦b👩‍👩‍👧c");
        assertEquals(10, text.length());
        assertEquals("🇺🇦", text.slice(1, 3));
        assertEquals("b", text.slice(3, 4));
        assertEquals("👩‍👩‍👧", text.slice(4, 9));
        assertEquals(5, text.utf16(3));
        assertEquals(3, text.codePoint(5));
        CodePointText plain = new CodePointText("plain");
        assertEquals("lai", plain.slice(1, 4));
    }

    @Test
    void splitsAreAFunctionOfSeedAndArticleAloneAndFollowTheFractions() {
        SplitPlan plan = new SplitPlan(new BigDecimal("0.8"), new BigDecimal("0.1"), new BigDecimal("0.1"), 42);
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        for (long id = 1; id <= 20_000; id++) {
            counts.merge(plan.assign(id), 1, Integer::sum);
            assertEquals(plan.assign(id), new SplitPlan(plan.train(), plan.dev(), plan.test(), 42).assign(id));
        }
        assertEquals(16_000, counts.get(Split.TRAIN), 400);
        assertEquals(2_000, counts.get(Split.DEV), 200);
        assertEquals(2_000, counts.get(Split.TEST), 200);
        SplitPlan otherSeed = new SplitPlan(plan.train(), plan.dev(), plan.test(), 43);
        long moved = java.util.stream.LongStream.rangeClosed(1, 1000).filter(id -> plan.assign(id) != otherSeed.assign(id)).count();
        assertTrue(moved > 100, "another seed shuffles: " + moved);
        // Empty splits never receive an article.
        SplitPlan trainOnly = SplitPlan.DEFAULT;
        for (long id = 1; id <= 1000; id++) {
            assertEquals(Split.TRAIN, trainOnly.assign(id));
        }
        SplitPlan noDev = new SplitPlan(new BigDecimal("0.5"), BigDecimal.ZERO, new BigDecimal("0.5"), 1);
        for (long id = 1; id <= 1000; id++) {
            assertTrue(noDev.assign(id) != Split.DEV);
        }
    }

    @Test
    void bratFragmentsFollowLinesInCodePoints() {
        CodePointText text = new CodePointText("🙂 Zelenšky\n\nin Kyiv");
        ExportSpan across = span(1, 2, 19, "CLAIM", text);
        assertEquals("Zelenšky\n\nin Kyiv", across.text());
        assertEquals("2 10;12 19", BratWriter.fragments(text, across));
        assertEquals("12 14", BratWriter.fragments(text, span(2, 12, 14, "X", text)));
    }
}
