package io.gloss.dataset;

import io.gloss.annotation.AnnotationStatus;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * A validated, normalised dataset definition: what the manifest echoes and what the build reads.
 * Lists are sorted and free of duplicates, fractions have no trailing zeros, so that two equal
 * selections always produce the same manifest.
 *
 * @param labels label keys, or null for every label of the project
 * @param articleIds article ids, or null for every article of the project
 * @param csvEscapeFormulas CSV only (true for other formats): cells that start like a formula get a leading {@code '}
 */
public record DatasetDefinition(long projectId, String name, DatasetFormat format, List<AnnotationStatus> statuses,
        List<String> labels, List<Long> articleIds, String publishedFrom, String publishedTo, SplitPlan split,
        boolean csvEscapeFormulas) {

    static DatasetDefinition of(Dataset d) {
        return new DatasetDefinition(d.projectId, d.name, DatasetFormat.parse(d.format).orElseThrow(),
                Arrays.stream(d.statuses.split(",")).map(AnnotationStatus::valueOf).toList(),
                d.labelKeys == null ? null : List.of(d.labelKeys.split(",")),
                d.articleIds == null ? null : Arrays.stream(d.articleIds.split(",")).map(Long::valueOf).toList(),
                d.publishedFrom, d.publishedTo,
                new SplitPlan(plain(d.splitTrain), plain(d.splitDev), plain(d.splitTest), d.seed), d.csvEscapeFormulas);
    }

    void applyTo(Dataset d) {
        d.projectId = projectId;
        d.name = name;
        d.format = format.key();
        d.statuses = String.join(",", statuses.stream().map(Enum::name).toList());
        d.labelKeys = labels == null ? null : String.join(",", labels);
        d.articleIds = articleIds == null ? null : String.join(",", articleIds.stream().map(String::valueOf).toList());
        d.publishedFrom = publishedFrom;
        d.publishedTo = publishedTo;
        d.splitTrain = split.train();
        d.splitDev = split.dev();
        d.splitTest = split.test();
        d.seed = split.seed();
        d.csvEscapeFormulas = csvEscapeFormulas;
    }

    /** 0.800000000 as 0.8, 1.000000000 as 1: databases pad numerics to their scale. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
