package io.gloss.text;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figure a quote states, for a claim's {@code figure} attribute: the first number in it,
 * written in digits ("about 3,000" → 3000, "1.5 million" → 1500000) or in English words
 * ("two" → 2, "a dozen" → 12, "twenty-five" → 25, "two hundred" → 200). Plain Java.
 */
public final class FigureInQuote {

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("dozen", 12));

    private static final Map<String, Long> SCALES = Map.of("hundred", 100L, "thousand", 1_000L, "million", 1_000_000L,
            "billion", 1_000_000_000L);

    /** Digits with thousands separators (3,000; a no-break space too) or a decimal point, then perhaps a scale word. */
    private static final Pattern DIGITS = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:[,\u00a0\u202f]\\d{3})+|\\d+)(\\.\\d+)?(?:\\s*(hundred|thousand|million|billion|bn)\\b)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private FigureInQuote() {
    }

    /** The quote's first figure, or empty when it states none. */
    public static Optional<BigDecimal> read(String quote) {
        if (quote == null) {
            return Optional.empty();
        }
        Matcher digits = DIGITS.matcher(quote);
        Optional<Found> inDigits = digits.find() ? Optional.of(new Found(digits.start(), fromDigits(digits))) : Optional.empty();
        Optional<Found> inWords = fromWords(quote);
        Optional<Found> first = inDigits.isEmpty() ? inWords
                : inWords.isPresent() && inWords.get().at() < inDigits.get().at() ? inWords : inDigits;
        return first.map(f -> f.value().stripTrailingZeros()).map(v -> v.scale() < 0 ? v.setScale(0) : v);
    }

    private record Found(int at, BigDecimal value) {
    }

    private static BigDecimal fromDigits(Matcher m) {
        BigDecimal value = new BigDecimal(m.group(1).replaceAll("[,\u00a0\u202f]", "") + (m.group(2) == null ? "" : m.group(2)));
        String scale = m.group(3) == null ? null : m.group(3).toLowerCase(Locale.ROOT);
        long times = scale == null ? 1 : switch (scale) {
            case "bn" -> 1_000_000_000L;
            default -> SCALES.get(scale);
        };
        return value.multiply(BigDecimal.valueOf(times));
    }

    /**
     * The first run of number words: units and tens add up ("twenty-five"), scales multiply what
     * came before them ("two hundred thousand"), "a" or "an" before a scale or "dozen" is one.
     */
    private static Optional<Found> fromWords(String quote) {
        Matcher words = WORD.matcher(quote);
        int start = -1;
        long total = 0;
        long current = 0;
        boolean pendingA = false;
        int pendingAt = -1;
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT);
            boolean joined = start >= 0 && between(quote, words.start());
            if (start >= 0 && !joined) {
                break;
            }
            if (UNITS.containsKey(word)) {
                if (start < 0) {
                    start = pendingA ? pendingAt : words.start();
                }
                current = ("dozen".equals(word) ? Math.max(current, 1) * 12 : current + UNITS.get(word));
                pendingA = false;
            } else if (SCALES.containsKey(word) && (start >= 0 || pendingA)) {
                if (start < 0) {
                    start = pendingAt;
                }
                long scale = SCALES.get(word);
                current = Math.max(current, 1) * scale;
                if (scale >= 1_000) {
                    total += current;
                    current = 0;
                }
                pendingA = false;
            } else if (start >= 0 && "and".equals(word)) {
                continue;
            } else if (start >= 0) {
                break;
            } else {
                pendingA = "a".equals(word) || "an".equals(word);
                pendingAt = words.start();
            }
        }
        return start < 0 ? Optional.empty() : Optional.of(new Found(start, BigDecimal.valueOf(total + current)));
    }

    /** Whether only spaces or a hyphen stand between the previous word and this one ("twenty-five"). */
    private static boolean between(String quote, int at) {
        int i = at - 1;
        while (i >= 0 && (quote.charAt(i) == ' ' || quote.charAt(i) == '-')) {
            i--;
        }
        return i < at - 1 && i >= 0 && Character.isLetter(quote.charAt(i));
    }
}
