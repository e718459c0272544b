package io.gloss.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void keepsNonNullParametersInOrderAndEncodesThem() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("author", "anna maria");
        params.put("label", null);
        params.put("after", "1735689600000000.42");
        params.put("q", "“Kyiv” & co");
        assertEquals("/review?author=anna+maria&after=1735689600000000.42&q=%E2%80%9CKyiv%E2%80%9D+%26+co",
                Links.withQuery("/review", params));
        assertEquals("/audit", Links.withQuery("/audit", Map.of()));
    }
}
