package io.gloss.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/** How article text is made canonical once, at import: the only place that changes a text. */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** NFC, and every CRLF or lone CR becomes LF. A trailing newline is kept as it is. */
    public static String normalize(String text) {
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(lf, Normalizer.Form.NFC);
    }

    /**
     * Where {@code raw[start:end)} (code points, as a file that carries offsets counts them) lies in
     * {@code normalize(raw)}: {@code {start, end}}, or null when normalising moves the span's edges
     * (a CR LF cut in two, a combining mark composed with a character outside the span). Offsets
     * into a text with CR LF or decomposed accents stay usable, without a second copy of the text.
     */
    public static int[] spanAfterNormalizing(String raw, String normalized, int start, int end) {
        if (raw.equals(normalized)) {
            return new int[] {start, end};
        }
        String covered = normalize(Offsets.slice(raw, start, end));
        int from = Offsets.length(normalize(Offsets.slice(raw, 0, start)));
        int to = from + Offsets.length(covered);
        if (to > Offsets.length(normalized) || !Offsets.slice(normalized, from, to).equals(covered)) {
            return null;
        }
        return new int[] {from, to};
    }

    /** Strict UTF-8 decoding: malformed bytes are an error, never replaced silently. */
    public static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        // A byte-order mark is an encoding artefact, not text.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public static String sha256(String normalized) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
