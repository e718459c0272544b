package io.gloss.dataset.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON output shared by the JSON formats and the manifest: UTF-8, keys in the order the code
 * writes them, no separator between top-level values (callers write {@code \n} themselves),
 * and U+2028/U+2029 escaped so that no reader that splits on Unicode line breaks (Python's
 * {@code str.splitlines}) can cut a JSON line in two.
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
     * Switches Jackson's custom escapes on only for the rare string that holds U+2028 or U+2029:
     * with custom escapes every string takes Jackson's slow path, which was most of an export's
     * time. Every string value goes through {@link #writeString(String)}.
     */
    private static final class LineSeparatorEscaping extends JsonGeneratorDelegate {

        LineSeparatorEscaping(JsonGenerator generator) {
            super(generator, false);
        }

        @Override
        public void writeString(String text) throws IOException {
            if (text != null && (text.indexOf(0x2028) >= 0 || text.indexOf(0x2029) >= 0)) {
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

    private static final class LineSeparatorEscapes extends CharacterEscapes {
        private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();
        private static final SerializedString LS = new SerializedString("\\u2028");
        private static final SerializedString PS = new SerializedString("\\u2029");

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 ? LS : ch == 0x2029 ? PS : null;
        }
    }
}
