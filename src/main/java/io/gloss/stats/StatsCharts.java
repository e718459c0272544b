package io.gloss.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's charts as geometry the page draws in SVG (plain Java, no JavaScript needed to
 * see them): the throughput lines of a period's buckets, agreement on the same buckets, and bars of shares (articles done, spans
 * by status, the label mix). Coordinates are in the SVG's own units; the page scales it to fit.
 */
public final class StatsCharts {

    /** The throughput chart's size in SVG units; the y axis leaves room on the left for its labels. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 200;
    static final int LEFT = 36;
    static final int TOP = 10;
    static final int BOTTOM = 24;

    /** One line of the throughput chart: its name, its SVG points ("x,y x,y …"), its total over the period. */
    public record Line(String key, String name, String points, long total) {
    }

    /** A label under the x axis at {@code x}. */
    public record Tick(double x, String text) {
    }

    /** The throughput chart: lines over the buckets, the y axis' top value, ticks under the x axis. */
    public record Throughput(List<Line> lines, long max, List<Tick> ticks, double plotBottom) {
    }

    /**
     * One part of a share chart: its name, its count, its share of the whole in percent (0–100, one
     * decimal) and where it starts when the parts are stacked in one bar (the shares before it).
     */
    public record Share(String key, String name, long count, double percent, double offset) {
    }

    /** One bucket's agreement: where its dot is drawn, and what its title says. */
    public record Dot(double x, double y, LocalDate bucket, String alphaU, long articles) {
    }

    /**
     * The agreement chart: a line through the dots of the buckets with a defined αu, on a scale
     * from {@code low} (0, or lower in steps of 0.5 when αu fell below 0) to 1 at the top.
     */
    public record AgreementLine(String points, List<Dot> dots, double low, double zeroY, double plotBottom) {
    }

    private StatsCharts() {
    }

    /**
     * Agreement per bucket on the throughput chart's x positions (so that the two read together):
     * {@code buckets} are the period's, {@code rows} those with completed articles.
     */
    public static AgreementLine agreement(List<LocalDate> buckets, List<ProjectStats.AgreementRow> rows) {
        double low = 0;
        for (ProjectStats.AgreementRow row : rows) {
            if (row.alphaU() != null) {
                low = Math.min(low, Math.floor(row.alphaU() * 2) / 2);
            }
        }
        List<Dot> dots = new ArrayList<>();
        StringBuilder points = new StringBuilder();
        for (ProjectStats.AgreementRow row : rows) {
            int i = buckets.indexOf(row.bucket());
            if (row.alphaU() == null || i < 0) {
                continue;
            }
            Dot dot = new Dot(round(x(i, buckets.size())), round(y(row.alphaU(), low, 1)), row.bucket(),
                    String.format(Locale.ROOT, "%.3f", row.alphaU()), row.articles());
            dots.add(dot);
            points.append(points.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", dot.x(), dot.y()));
        }
        return new AgreementLine(points.toString(), dots, low, round(y(0, low, 1)), HEIGHT - BOTTOM);
    }

    /** The y of {@code value} on a scale from {@code low} (the plot's bottom) to {@code high} (its top). */
    private static double y(double value, double low, double high) {
        return TOP + (HEIGHT - BOTTOM - TOP) * (1 - (value - low) / (high - low));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Created, approved and rejected per bucket, on one scale (the largest count of any of them, at least 1). */
    public static Throughput throughput(List<ProjectStats.SeriesRow> series) {
        long max = 1;
        for (ProjectStats.SeriesRow row : series) {
            max = Math.max(max, Math.max(row.created(), Math.max(row.approved(), row.rejected())));
        }
        double plotBottom = HEIGHT - BOTTOM;
        List<Line> lines = List.of(
                line("created", "Created", series, max, ProjectStats.SeriesRow::created),
                line("approved", "Approved", series, max, ProjectStats.SeriesRow::approved),
                line("rejected", "Rejected", series, max, ProjectStats.SeriesRow::rejected));
        List<Tick> ticks = new ArrayList<>();
        if (!series.isEmpty()) {
            // First, middle and last buckets: enough to read the period without crowding.
            for (int i : new int[] {0, series.size() / 2, series.size() - 1}) {
                Tick tick = new Tick(x(i, series.size()), series.get(i).bucket().toString());
                if (ticks.stream().noneMatch(t -> t.x() == tick.x())) {
                    ticks.add(tick);
                }
            }
        }
        return new Throughput(lines, max, ticks, plotBottom);
    }

    /** Shares of a whole, in the order given; a whole of 0 gives 0 % each. */
    public static List<Share> shares(Map<String, Long> counts, Map<String, String> names) {
        long whole = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Share> shares = new ArrayList<>();
        long before = 0;
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            shares.add(new Share(count.getKey(), names.getOrDefault(count.getKey(), count.getKey()), count.getValue(),
                    percent(count.getValue(), whole), percent(before, whole)));
            before += count.getValue();
        }
        return shares;
    }

    /** {@code part} of {@code whole} in percent, one decimal; 0 for an empty whole. */
    public static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private interface Count {
        long of(ProjectStats.SeriesRow row);
    }

    private static Line line(String key, String name, List<ProjectStats.SeriesRow> series, long max, Count count) {
        StringBuilder points = new StringBuilder();
        long total = 0;
        for (int i = 0; i < series.size(); i++) {
            long value = count.of(series.get(i));
            total += value;
            double y = y(value, 0, max);
            if (i > 0) {
                points.append(' ');
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f", x(i, series.size()), y));
        }
        return new Line(key, name, points.toString(), total);
    }

    /** The x of bucket {@code i} of {@code n}: spread over the plot's width, a single bucket in its middle. */
    private static double x(int i, int n) {
        double plotWidth = WIDTH - LEFT - 10;
        return n == 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * i / (n - 1);
    }
}
