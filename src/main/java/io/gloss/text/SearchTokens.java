package io.gloss.text;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

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
        if (text == null) {
            return tokens;
        }
        StringBuilder word = new StringBuilder();
        int start = -1;
        int end = -1;
        int point = 0;
        for (int i = 0; i < text.length() && tokens.size() < MAX_WORDS; point++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (joinsWord(type)) {
                continue;
            }
            String folded = foldPoint(cp);
            if (folded.isEmpty()) {
                add(tokens, word, start, end);
                start = -1;
                continue;
            }
            if (start < 0) {
                start = point;
            }
            word.append(folded);
            end = point + 1;
        }
        add(tokens, word, start, end);
        return tokens;
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

    private static void add(List<Token> tokens, StringBuilder word, int start, int end) {
        if (word.isEmpty()) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        if (tokens.size() < MAX_WORDS && w.getBytes(StandardCharsets.UTF_8).length <= MAX_WORD_BYTES) {
            tokens.add(new Token(w, start, end));
        }
    }

    private static boolean joinsWord(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT;
    }

    /** The letters and digits a code point folds to; empty for a separator. */
    private static String foldPoint(int cp) {
        if (cp < 0x80) {
            return Character.isLetterOrDigit(cp) ? String.valueOf((char) Character.toLowerCase(cp)) : "";
        }
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
