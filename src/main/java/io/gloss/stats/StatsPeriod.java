package io.gloss.stats;

import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The days a statistics request covers, {@code from} through {@code to} (both included, UTC
 * days), and how its series is cut: per UTC day, or per ISO week (Monday to Sunday, named by its
 * Monday). Plain Java, so that the bucketing is tested with fixed instants.
 */
public record StatsPeriod(LocalDate from, LocalDate to, Bucket bucket) {

    /** The default period: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;
    /** The most buckets a series may have: a year of days. */
    static final int MAX_BUCKETS = 366;

    public enum Bucket {
        DAY, WEEK;

        /** The bucket's first day for a day. */
        LocalDate start(LocalDate day) {
            return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        LocalDate next(LocalDate start) {
            return this == DAY ? start.plusDays(1) : start.plusWeeks(1);
        }
    }

    /** From the query's text; a bad value is a 400 naming its parameter. {@code today} is the UTC day of the request. */
    public static StatsPeriod parse(String from, String to, String bucket, LocalDate today) {
        Bucket cut = parseBucket(bucket);
        LocalDate last = isBlank(to) ? today : date("to", to);
        LocalDate first = isBlank(from) ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (last.isBefore(first)) {
            throw GlossException.badRequest("to", "to (" + last + ") must not be before from (" + first + ").");
        }
        StatsPeriod period = new StatsPeriod(first, last, cut);
        long buckets = cut == Bucket.DAY ? ChronoUnit.DAYS.between(first, last) + 1
                : ChronoUnit.WEEKS.between(cut.start(first), cut.start(last)) + 1;
        if (buckets > MAX_BUCKETS) {
            throw GlossException.badRequest("from", "from and to span " + buckets + " " + cut.name().toLowerCase(Locale.ROOT)
                    + "s; at most " + MAX_BUCKETS + " buckets are allowed: narrow the period or use bucket=week.");
        }
        return period;
    }

    /** The bucket a UTC day falls in, named by its first day. */
    public LocalDate bucketOf(LocalDate day) {
        return bucket.start(day);
    }

    /** Every bucket of the period in order, empty ones included; a week may start before {@code from}. */
    public List<LocalDate> buckets() {
        List<LocalDate> all = new ArrayList<>();
        for (LocalDate b = bucket.start(from); !b.isAfter(to); b = bucket.next(b)) {
            all.add(b);
        }
        return all;
    }

    private static Bucket parseBucket(String bucket) {
        if (isBlank(bucket)) {
            return Bucket.DAY;
        }
        return switch (bucket.strip().toLowerCase(Locale.ROOT)) {
            case "day" -> Bucket.DAY;
            case "week" -> Bucket.WEEK;
            default -> throw GlossException.badRequest("bucket",
                    "bucket must be day or week, not \"" + Texts.excerpt(bucket) + "\".");
        };
    }

    private static LocalDate date(String name, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            date = null;
        }
        // Years beyond four digits parse, but neither database stores them.
        if (date == null || date.getYear() < 1 || date.getYear() > 9999) {
            throw GlossException.badRequest(name, name + " must be a date such as 2026-03-31, not \"" + Texts.excerpt(value) + "\".");
        }
        return date;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
