package io.gloss.web;

import java.net.URI;
import java.net.URISyntaxException;

/** The page a request came from, as its {@code Referer} header names it; a browser may send none or garbage. */
public final class Referer {

    private Referer() {
    }

    /** The header read as a URI; null when there is none or it cannot be read (never an error to the person). */
    public static URI parse(String header) {
        if (header == null) {
            return null;
        }
        try {
            return new URI(header);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
