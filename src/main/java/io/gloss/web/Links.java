package io.gloss.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Links that carry a page's filters: the one place a query string is built. */
public final class Links {

    private Links() {
    }

    /**
     * {@code path?key=value&...} with the non-null parameters, in the map's order, URL-encoded;
     * after a query already in {@code path}, they follow it ({@code &key=value}).
     */
    public static String withQuery(String path, Map<String, String> params) {
        StringBuilder href = new StringBuilder(path);
        char separator = path.indexOf('?') < 0 ? '?' : '&';
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getValue() != null) {
                href.append(separator).append(p.getKey()).append('=')
                        .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return href.toString();
    }
}
