package io.gloss.dataset.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import io.gloss.dataset.DatasetFile;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * JSON output shared by the JSON formats and the manifest: UTF-8, keys in the order the code
 * writes them, no separator between top-level values (callers write {@code \n} themselves),
 * and the line breaks JSON allows raw inside strings (U+0085 NEL, U+2028, U+2029) escaped, so that
 * no reader that splits on Unicode line breaks (Python's {@code str.splitlines}) can cut a JSON
 * line apart. (The other breaks it splits on are controls, which JSON escapes anyway.)
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Emoji and other astral characters as UTF-8 bytes, not as escaped surrogate pairs.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();
    private static final CharacterEscapes LINE_SEPARATORS = new LineSeparatorEscapes();

    private Json() {
    }

    public static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out);
        generator.setRootValueSeparator(null);
        return new LineSeparatorEscaping(generator);
    }

    /**
     * A span's attribute values as a JSON object, in the map's order (exports sort the keys),
     * numbers exactly as stored, never in exponent form.
     */
    static void attributes(JsonGenerator json, Map<String, Object> attributes) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            json.writeFieldName(attribute.getKey());
            if (attribute.getValue() instanceof BigDecimal number) {
                json.writeNumber(number.toPlainString());
            } else {
                json.writeString((String) attribute.getValue());
            }
        }
        json.writeEndObject();
    }

    /** Ends a file written through {@link #generator}: the generator, then the file, then its description. */
    static List<DatasetFile> finish(JsonGenerator json, HashedFile file) throws IOException {
        json.close();
        file.close();
        return List.of(file.describe());
    }

    /** Closes a file written through {@link #generator} after its build has failed. */
    static void abort(JsonGenerator json, HashedFile file) {
        try {
            json.close();
            file.close();
        } catch (IOException ignored) {
            // the build has failed already; its directory is removed
        }
    }

    /**
     * Every string value goes through {@link #writeString(String)}. Long ones (article texts) are
     * escaped here and encoded to UTF-8 by the JDK, several times faster than Jackson's
     * per-character encoder, which was most of an export's time. Short ones go to Jackson, with
     * its custom escapes switched on only for the rare string holding a {@link #isLineBreak line
     * break} JSON leaves raw (custom escapes send every string down Jackson's slowest path).
     */
    private static final class LineSeparatorEscaping extends JsonGeneratorDelegate {

        LineSeparatorEscaping(JsonGenerator generator) {
            super(generator, false);
        }

        @Override
        public void writeString(String text) throws IOException {
            byte[] utf8 = text != null && text.length() >= LONG_STRING ? escapedUtf8(text) : null;
            if (utf8 != null) {
                delegate.writeRawUTF8String(utf8, 0, utf8.length);
            } else if (text != null && holdsRawLineBreak(text)) {
                delegate.setCharacterEscapes(LINE_SEPARATORS);
                try {
                    delegate.writeString(text);
                } finally {
                    delegate.setCharacterEscapes(null);
                }
            } else {
                delegate.writeString(text);
            }
        }

        @Override
        public void writeStringField(String fieldName, String value) throws IOException {
            writeFieldName(fieldName);
            writeString(value);
        }
    }

    private static boolean holdsRawLineBreak(String text) {
        return text.indexOf(0x85) >= 0 || text.indexOf(0x2028) >= 0 || text.indexOf(0x2029) >= 0;
    }

    /** The line breaks of {@code str.splitlines} that JSON does not escape by itself. */
    static boolean isLineBreak(char c) {
        return c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** Strings from this length on are escaped by {@link #escapedUtf8}. */
    static final int LONG_STRING = 64;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * The JSON string body of {@code text} in UTF-8, escaped as Jackson escapes (a backslash
     * before quotes and backslashes, the short forms of newline, tab and the like, other controls
     * as four hex digits) plus the {@link #isLineBreak line breaks} it leaves raw; null when the
     * text holds a lone surrogate, which Jackson reports rather than the JDK replacing it with "?".
     */
    static byte[] escapedUtf8(String text) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return null;
            }
            if (c >= 0x20 && c != '"' && c != '\\' && !isLineBreak(c)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 64);
            }
            out.append(text, copied, i).append('\\');
            switch (c) {
                case '"', '\\' -> out.append(c);
                case '\n' -> out.append('n');
                case '\r' -> out.append('r');
                case '\t' -> out.append('t');
                case '\b' -> out.append('b');
                case '\f' -> out.append('f');
                default -> out.append('u').append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                        .append(HEX[c & 15]);
            }
            copied = i + 1;
        }
        String escaped = out == null ? text : out.append(text, copied, text.length()).toString();
        return escaped.getBytes(StandardCharsets.UTF_8);
    }

    private static final class LineSeparatorEscapes extends CharacterEscapes {
        private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();
        private static final SerializedString NEL = new SerializedString("\\u0085");
        private static final SerializedString LS = new SerializedString("\\u2028");
        private static final SerializedString PS = new SerializedString("\\u2029");

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x85 -> NEL;
                case 0x2028 -> LS;
                case 0x2029 -> PS;
                default -> null;
            };
        }
    }
}
