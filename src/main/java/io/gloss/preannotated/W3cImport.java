package io.gloss.preannotated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.article.Article;
import io.gloss.article.CheckedSpan;
import io.gloss.article.ImportReport;
import io.gloss.article.ImportedSpans;
import io.gloss.article.SpanInput;
import io.gloss.article.SpanTarget;
import io.gloss.dataset.format.W3cReader;
import io.gloss.project.Label;
import io.gloss.web.GlossException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A JSON-LD array of Web Annotations as spans of the project's articles. A W3C file carries no
 * text, so each annotation's {@code source} must name an article the project has (its url); the
 * spans of one article are stored in one transaction, and a bad annotation fails only itself.
 */
@ApplicationScoped
public class W3cImport {

    private static final Logger LOG = Logger.getLogger(W3cImport.class);

    @Inject
    ObjectMapper json;

    @Inject
    ImportedSpans importedSpans;

    /** An annotation's place in the file (from 1) and its span. */
    private record Numbered(int line, W3cReader.Tagging tagging) {
    }

    /** The report's {@code line} is the annotation's position in the array, from 1. */
    public ImportReport importJson(long projectId, byte[] body, SpanTarget target) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw GlossException.badRequest("file", "The file is not JSON: a JSON-LD array of Web Annotations is expected.");
        }
        if (root == null || !root.isArray()) {
            throw GlossException.badRequest("file", "A JSON-LD array of Web Annotations is expected, as Gloss' W3C export writes.");
        }
        ImportReport.Builder report = new ImportReport.Builder();
        Map<String, List<Numbered>> bySource = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                W3cReader.Tagging tagging = W3cReader.read(root.get(i));
                if (tagging != null) {
                    bySource.computeIfAbsent(tagging.source(), s -> new ArrayList<>()).add(new Numbered(i + 1, tagging));
                }
            } catch (GlossException e) {
                report.errors.add(new ImportReport.LineError(i + 1, e.getMessage()));
            }
        }
        bySource.forEach((source, spans) -> {
            try {
                report.spans += QuarkusTransaction.requiringNew().call(() -> store(projectId, source, spans, target, report));
            } catch (RuntimeException e) {
                LOG.warnf(e, "The spans of %s could not be stored in project %d", source, projectId);
                spans.forEach(span -> report.errors.add(new ImportReport.LineError(span.line(),
                        "The span could not be stored; the server log has the details.")));
            }
        });
        report.errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return report.build();
    }

    /** One article's spans, checked against its text; returns how many were stored. */
    private int store(long projectId, String source, List<Numbered> spans, SpanTarget target, ImportReport.Builder report) {
        Article article = Article.findBySource(projectId, source).orElse(null);
        String refused = article == null ? "No article of this project has the url " + source + "; a W3C file carries no"
                + " text, so import the articles first."
                : article.retiredAt != null ? "The article " + source + " is retired; restore it to import its spans." : null;
        if (refused != null) {
            spans.forEach(span -> report.errors.add(new ImportReport.LineError(span.line(), refused)));
            return 0;
        }
        Map<String, Label> labels = new HashMap<>();
        List<CheckedSpan> checked = new ArrayList<>();
        for (Numbered numbered : spans) {
            W3cReader.Tagging tagging = numbered.tagging();
            SpanInput span = new SpanInput(tagging.start(), tagging.end(), tagging.label(), tagging.exact());
            try {
                checked.add(span.check(article.text, article, labels));
            } catch (GlossException e) {
                report.errors.add(new ImportReport.LineError(numbered.line(), e.getMessage()));
            }
        }
        return importedSpans.store(article, checked, target);
    }
}
