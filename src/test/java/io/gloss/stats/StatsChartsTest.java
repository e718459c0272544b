package io.gloss.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsChartsTest {

    @Test
    void linesShareOneScaleAndSpanThePlot() {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        StatsCharts.Throughput chart = StatsCharts.throughput(List.of(
                new ProjectStats.SeriesRow(monday, 4, 0, 0),
                new ProjectStats.SeriesRow(monday.plusDays(1), 2, 1, 1),
                new ProjectStats.SeriesRow(monday.plusDays(2), 0, 2, 0)));
        assertEquals(4, chart.max());
        // The plot runs from y 10 (the top, 4) to 176 (0); x from 36 to 630.
        assertEquals("36.0,10.0 333.0,93.0 630.0,176.0", chart.lines().get(0).points());
        assertEquals("36.0,176.0 333.0,134.5 630.0,93.0", chart.lines().get(1).points());
        assertEquals(List.of(6L, 3L, 1L), chart.lines().stream().map(StatsCharts.Line::total).toList());
        assertEquals(List.of("2026-11-30", "2026-12-01", "2026-12-02"), chart.ticks().stream().map(StatsCharts.Tick::text).toList());
    }

    @Test
    void anEmptyPeriodStillDrawsOnAScaleOfOne() {
        StatsCharts.Throughput chart = StatsCharts.throughput(List.of(new ProjectStats.SeriesRow(LocalDate.of(2026, 1, 5), 0, 0, 0)));
        assertEquals(1, chart.max());
        assertEquals("333.0,176.0", chart.lines().get(0).points(), "one bucket, in the middle, at zero");
        assertEquals(1, chart.ticks().size());
    }

    @Test
    void sharesArePercentOfTheWholeWithOneDecimal() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("ACTOR", 2L);
        counts.put("CLAIM", 1L);
        List<StatsCharts.Share> shares = StatsCharts.shares(counts, Map.of("ACTOR", "Actor"));
        assertEquals(List.of(66.7, 33.3), shares.stream().map(StatsCharts.Share::percent).toList());
        assertEquals(List.of(0.0, 66.7), shares.stream().map(StatsCharts.Share::offset).toList(), "stacked one after the other");
        assertEquals(List.of("Actor", "CLAIM"), shares.stream().map(StatsCharts.Share::name).toList());
        assertEquals(0.0, StatsCharts.percent(0, 0));
    }

    @Test
    void agreementDotsSitOnTheThroughputsBucketsOnAScaleToOne() {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        List<LocalDate> buckets = List.of(monday, monday.plusDays(1), monday.plusDays(2));
        StatsCharts.AgreementLine line = StatsCharts.agreement(buckets, List.of(
                new ProjectStats.AgreementRow(monday, 1.0, 2),
                new ProjectStats.AgreementRow(monday.plusDays(1), null, 1),
                new ProjectStats.AgreementRow(monday.plusDays(2), 0.5, 3)));
        assertEquals(0.0, line.low());
        assertEquals("36.0,10.0 630.0,93.0", line.points(), "1 at the top, 0.5 halfway; the undefined bucket has no dot");
        assertEquals(List.of("1.000", "0.500"), line.dots().stream().map(StatsCharts.Dot::alphaU).toList());

        StatsCharts.AgreementLine below = StatsCharts.agreement(buckets, List.of(new ProjectStats.AgreementRow(monday, -0.2, 1)));
        assertEquals(-0.5, below.low(), "below 0 the scale goes down to the next half");
        assertEquals(10 + 166 * 2 / 3.0, below.zeroY(), 0.05, "0 two thirds of the way down from 1 to -0.5");
    }
}
