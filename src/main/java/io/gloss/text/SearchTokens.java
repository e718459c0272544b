package io.gloss.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The words search sees, with their places in code points. A word is a run of letters and digits;
 * each code point is folded on its own (compatibility decomposition, combining marks dropped,
 * lower case, every decimal digit an ASCII one), so "Zelenskyy", "ZELENSKYY" and "Zelénskyy" are
 * one word and "ﬁle" is "file". Marks and format characters (a soft hyphen, a zero-width
 * joiner) join the word they stand in; anything else separates words, so "Russia-Ukraine" is
 * two and "3,000" is "3" "000".
 *
 * <p>The folded text ({@link #fold}) is what both databases index: PostgreSQL reads it with its
 * {@code simple} configuration, the embedded default's Lucene index with a whitespace tokenizer.
 * Folding in one place is what makes them find the same things. A text's first {@link #MAX_WORDS}
 * words are searchable (PostgreSQL keeps word positions up to 16,383, and phrases need them) and
 * a word longer than {@link #MAX_WORD_BYTES} UTF-8 bytes is none (PostgreSQL skips them). One
 * limit stays PostgreSQL's own: it keeps the first 256 places of a word in a text, so a phrase
 * through a later occurrence of a word that common is found by the H2 default only.
 */
public final class SearchTokens {

    public static final int MAX_WORDS = 16_383;
    public static final int MAX_WORD_BYTES = 2_047;

    /** A folded word and where it stands in the text, {@code text[start:end]} in code points. */
    public record Token(String word, int start, int end) {
    }

    private SearchTokens() {
    }

    /** The searchable words of {@code text}, in order; none for null. */
    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Words words = new Words(text);
        while (words.next()) {
            tokens.add(new Token(words.word().toString(), words.start(), words.end()));
        }
        return tokens;
    }

    /**
     * The words of {@link #tokens} one at a time, each folded into one buffer that the next
     * reuses: for a caller that reads every word of a long text and keeps few of them (a search
     * result's snippet), without a String and a Token per word.
     */
    public static final class Words {
        private final String text;
        /** Whether a word starting with this folded char is wanted; null: every word is. */
        private final IntPredicate wanted;
        private final StringBuilder word = new StringBuilder();
        private int index;
        private int point;
        private int count;
        private int start;
        private int end;
        private int startIndex;
        private int endIndex;
        private boolean skipped;
        /** The UTF-8 length of a skipped word's fold, counted as it is read (the limit applies to it too). */
        private int skippedBytes;

        public Words(String text) {
            this(text, null);
        }

        /**
         * The words of {@code text}, but a word whose first folded char {@code wanted} refuses is
         * only read past, not folded: it is still a word (it counts towards {@link #MAX_WORDS},
         * has its place), {@link #skipped} says so, and its {@link #word} is empty. Most words of
         * a text are none a query mentions, and folding them was most of a snippet's time.
         */
        public Words(String text, IntPredicate wanted) {
            this.text = text == null ? "" : text;
            this.wanted = wanted;
        }

        /** Moves to the next searchable word; false after the last one. */
        public boolean next() {
            while (count < MAX_WORDS && read()) {
                if ((skipped ? skippedBytes : utf8Length(word)) <= MAX_WORD_BYTES) {
                    count++;
                    return true;
                }
            }
            return false;
        }

        /** Reads the next run of letters and digits into {@code word}; false at the end of the text. */
        private boolean read() {
            word.setLength(0);
            start = -1;
            skipped = false;
            skippedBytes = 0;
            while (index < text.length()) {
                int cp = text.codePointAt(index);
                int at = index;
                index += Character.charCount(cp);
                point++;
                // ASCII, most of a text, folds to itself in lower case or to nothing, and joins no word.
                boolean ascii = cp < 0x80;
                if (!ascii && joinsWord(Character.getType(cp))) {
                    continue;
                }
                String folded = ascii ? null : foldPoint(cp);
                if (ascii ? !isAsciiLetterOrDigit(cp) : folded.isEmpty()) {
                    if (start >= 0) {
                        return true;
                    }
                    continue;
                }
                if (start < 0) {
                    start = point - 1;
                    startIndex = at;
                    skipped = wanted != null && !wanted.test(ascii ? lowerCase(cp) : folded.charAt(0));
                }
                if (skipped) {
                    skippedBytes += ascii ? 1 : utf8Length(folded);
                    // The rest of a skipped word in ASCII letters and digits, at a char each.
                    int run = index;
                    while (run < text.length() && isAsciiLetterOrDigit(text.charAt(run))) {
                        run++;
                    }
                    point += run - index;
                    skippedBytes += run - index;
                    index = run;
                } else if (ascii) {
                    word.append(lowerCase(cp));
                } else {
                    word.append(folded);
                }
                end = point;
                endIndex = index;
            }
            return start >= 0;
        }

        /** Whether {@code wanted} refused the word: it was not folded. */
        public boolean skipped() {
            return skipped;
        }

        /** The folded word (empty when {@link #skipped}); it changes with {@link #next}. */
        public CharSequence word() {
            return word;
        }

        /** Where the word starts in the text, in code points. */
        public int start() {
            return start;
        }

        /** Where it ends (exclusive), in code points. */
        public int end() {
            return end;
        }

        /** Where it starts, in chars of the String. */
        public int startIndex() {
            return startIndex;
        }

        /** Where it ends (exclusive), in chars of the String. */
        public int endIndex() {
            return endIndex;
        }
    }

    /** The folded words of {@code text} joined by single spaces: the text both databases index. */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder();
        for (Token token : tokens(text)) {
            if (!folded.isEmpty()) {
                folded.append(' ');
            }
            folded.append(token.word());
        }
        return folded.toString();
    }

    private static int utf8Length(CharSequence word) {
        int bytes = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static char lowerCase(int asciiCp) {
        return (char) (asciiCp >= 'A' && asciiCp <= 'Z' ? asciiCp + ('a' - 'A') : asciiCp);
    }

    private static boolean isAsciiLetterOrDigit(int cp) {
        return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
    }

    private static boolean joinsWord(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT;
    }

    /**
     * What each code point of the Basic Multilingual Plane folds to, filled as they are met:
     * folding is a Unicode normalization per code point, and a text repeats the same few hundred
     * (quotes, dashes, accented letters) thousands of times. Writes race harmlessly: each thread
     * would store an equal String, and Strings are safe to publish so.
     */
    private static final String[] FOLDED = new String[0x10000];

    /** The letters and digits a code point beyond ASCII folds to; empty for a separator. */
    private static String foldPoint(int cp) {
        if (cp >= FOLDED.length) {
            return foldOnce(cp);
        }
        String folded = FOLDED[cp];
        if (folded == null) {
            folded = foldOnce(cp);
            FOLDED[cp] = folded;
        }
        return folded;
    }

    private static String foldOnce(int cp) {
        String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder();
        decomposed.codePoints().forEach(c -> {
            if (Character.isDigit(c)) {
                kept.append((char) ('0' + Character.digit(c, 10)));
            } else if (Character.isLetter(c)) {
                kept.appendCodePoint(Character.toLowerCase(c));
            }
        });
        return kept.toString();
    }
}
