package io.gloss.dataset.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.SharedCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Export JSON: U+0085, U+2028 and U+2029 escaped wherever they occur, everything else written as UTF-8. */
class JsonTest {

    @Test
    void lineSeparatorsAreEscapedOtherTextIsNot() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.generator(bytes)) {
            json.writeStartObject();
            json.writeStringField("a", "one\u2028two");
            json.writeStringField("b", "“curly” — 🇺🇦");
            json.writeFieldName("c");
            json.writeString("three\u2029four \"quoted\"");
            json.writeStringField("d", "after the separators: “still raw”");
            json.writeStringField("e", "next\u0085line");
            json.writeEndObject();
        }
        String line = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("{\"a\":\"one\\u2028two\",\"b\":\"“curly” — 🇺🇦\",\"c\":\"three\\u2029four \\\"quoted\\\"\","
                + "\"d\":\"after the separators: “still raw”\",\"e\":\"next\\u0085line\"}", line);
        assertEquals(Map.of("a", "one\u2028two", "b", "“curly” — 🇺🇦", "c", "three\u2029four \"quoted\"",
                "d", "after the separators: “still raw”", "e", "next\u0085line"), new ObjectMapper().readValue(line, Map.class));
    }

    @Test
    void longStringsAreEscapedExactlyAsJacksonEscapesThem() throws IOException {
        StringBuilder controls = new StringBuilder("every control:");
        for (char c = 0; c < 0x20; c++) {
            controls.append(c).append(' ');
        }
        controls.append("\" quote \\ backslash \u007F delete “curly” — dash 🇺🇦 flag é e\u0301 ").append("x".repeat(Json.LONG_STRING));
        List<String> texts = new ArrayList<>(List.of(controls.toString(), "plain ascii ".repeat(20), "ü".repeat(100)));
        for (Path file : SharedCorpus.files()) {
            texts.add(Files.readString(file, StandardCharsets.UTF_8));
            texts.add(Files.readString(file, StandardCharsets.UTF_8).replace("\n", "\r\n"));
        }
        JsonFactory plain = JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
        for (String text : texts) {
            ByteArrayOutputStream jackson = new ByteArrayOutputStream();
            try (JsonGenerator json = plain.createGenerator(jackson)) {
                json.writeString(text);
            }
            byte[] quoted = jackson.toByteArray();
            assertArrayEquals(Arrays.copyOfRange(quoted, 1, quoted.length - 1), Json.escapedUtf8(text),
                    text.substring(0, 40));
        }
        // Line separators, which Jackson leaves raw, and lone surrogates, which it reports.
        assertEquals("a\\u2028b\\u2029c\\u0085d", new String(Json.escapedUtf8("a\u2028b\u2029c\u0085d"), StandardCharsets.UTF_8));
        assertNull(Json.escapedUtf8("broken \uD83C pair"));
        assertNull(Json.escapedUtf8("ends high \uD83C"));
        assertNull(Json.escapedUtf8("\uDDE6 low first"));
    }
}
