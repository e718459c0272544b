package io.gloss.dataset.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Export JSON: U+2028/U+2029 escaped wherever they occur, everything else written as UTF-8. */
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
            json.writeEndObject();
        }
        String line = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("{\"a\":\"one\\u2028two\",\"b\":\"“curly” — 🇺🇦\",\"c\":\"three\\u2029four \\\"quoted\\\"\","
                + "\"d\":\"after the separators: “still raw”\"}", line);
        assertEquals(Map.of("a", "one\u2028two", "b", "“curly” — 🇺🇦", "c", "three\u2029four \"quoted\"",
                "d", "after the separators: “still raw”"), new ObjectMapper().readValue(line, Map.class));
    }
}
