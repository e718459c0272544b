package io.gloss.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the last form did, carried by Post/Redirect/Get to the page it lands on: {@code ?said=}
 * (done) or {@code ?refused=} (not done, and why). The layout shows both, so every page does
 * ({@code inject:notice}); the page's script then drops them from the address, so a reload
 * shows them no more. A notice is shown only when the browser says the address came from this
 * site ({@code Sec-Fetch-Site}), so a link from elsewhere cannot put words on our pages.
 */
@RequestScoped
@Named("notice")
public class Notice {

    static final String SAID = "said";
    static final String REFUSED = "refused";
    /** Longer texts are cut: a notice is a sentence or two. */
    static final int MAX_LENGTH = 300;

    @Inject
    CurrentVertxRequest current;

    public String said() {
        return read(SAID);
    }

    public String refused() {
        return read(REFUSED);
    }

    /** 303 to {@code path} (it may end in a #fragment), saying what was done there. */
    public static Response seeOther(String path, String said) {
        int hash = path.indexOf('#');
        String fragment = hash < 0 ? "" : path.substring(hash);
        String page = hash < 0 ? path : path.substring(0, hash);
        return Response.seeOther(URI.create(Links.withQuery(page, Map.of(SAID, cut(said))) + fragment)).build();
    }

    /** 303 back to the page a refused form was on (its other parameters kept), saying why. */
    static Response refusedTo(String path, Map<String, String> query, String reason) {
        Map<String, String> params = new LinkedHashMap<>(query);
        params.remove(SAID);
        params.put(REFUSED, cut(reason));
        return Response.seeOther(URI.create(Links.withQuery(path, params))).build();
    }

    private String read(String name) {
        HttpServerRequest request = current.getCurrent() == null ? null : current.getCurrent().request();
        if (request == null) {
            return null;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return null;
        }
        String value = request.getParam(name);
        return value == null || value.isBlank() ? null : cut(value);
    }

    private static String cut(String text) {
        return TemplateExtensions.shorten(text, MAX_LENGTH);
    }
}
