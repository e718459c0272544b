package io.gloss.preannotated;

import io.gloss.article.ArticleInput;
import io.gloss.article.ImportReport;
import io.gloss.article.JsonLinesImporter;
import io.gloss.article.SpanInput;
import io.gloss.article.SpanTarget;
import io.gloss.dataset.format.BratReader;
import io.gloss.web.GlossException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A brat zip as articles with their spans: each {@code .txt} is an article (a text the project
 * has already is that article, and gets the spans), each {@code .ann}'s {@code T} lines its spans.
 * Documents go through the JSON Lines importer, in batches that commit on their own, so a
 * document is imported whole (its article and every span) or refused with the reason.
 */
@ApplicationScoped
public class BratImport {

    @Inject
    JsonLinesImporter importer;

    /** The report's {@code line} is the document's position in the zip, by name; its message starts with the file. */
    public ImportReport importZip(long projectId, byte[] zip, SpanTarget target, String username) {
        Map<String, BratReader.Document> documents = BratReader.documents(zip);
        return importer.importUnits(projectId, new ArrayList<>(documents.keySet()),
                name -> document(documents.get(name)), target, username);
    }

    private static JsonLinesImporter.Document document(BratReader.Document document) {
        String name = document.name();
        if (document.text() == null) {
            throw GlossException.badRequest("txt", name + ".ann: the zip has no " + name + ".txt, the text its offsets count in.");
        }
        List<SpanInput> spans = new ArrayList<>();
        if (document.ann() != null) {
            try {
                BratReader.spans(document.ann(), document.text())
                        .forEach(span -> spans.add(new SpanInput(span.start(), span.end(), span.label(), span.text())));
            } catch (GlossException e) {
                throw GlossException.badRequest("ann", name + ".ann " + e.getMessage());
            }
        }
        return new JsonLinesImporter.Document(name + ".ann", ArticleInput.fromFile(name + ".txt", document.text()), spans);
    }
}
