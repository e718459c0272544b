package io.gloss.dataset.format;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gloss.dataset.DatasetFile;
import io.gloss.dataset.ExportArticle;
import io.gloss.dataset.ExportRelation;
import io.gloss.dataset.ExportSpan;
import io.gloss.dataset.Split;
import io.gloss.text.Tokenizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * CoNLL-2003-style IOB2, one file a split ({@code train.conll}, {@code dev.conll},
 * {@code test.conll}, for the splits that may receive articles): {@code -DOCSTART- -X- -X- O}
 * and a blank line before each article, then one token a line, {@code token POS chunk tag} with
 * {@code -X-} for the POS and chunk columns Gloss does not tag, and a blank line after each
 * sentence. A sentence break is not written inside a span, so that no entity is cut in two.
 * Tokens come from {@link Tokenizer}; spans that the tokens cannot hold exactly are listed in
 * the manifest ({@code misaligned}, {@code overlapping}) and left out of the files.
 */
public final class ConllWriter implements FormatWriter {

    static final String DOCSTART = "-DOCSTART- -X- -X- O\n\n";
    static final String PLACEHOLDER = "-X-";

    private final Map<Split, HashedFile> files = new EnumMap<>(Split.class);
    private final Map<Split, Writer> writers = new EnumMap<>(Split.class);
    private final ScratchList misaligned;
    private final ScratchList overlapping;
    private long tokens;
    private long sentences;
    private long written;

    public ConllWriter(ExportContext context) {
        try {
            for (Split split : context.splits()) {
                HashedFile file = context.create(split.key() + ".conll");
                files.put(split, file);
                writers.put(split, new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 1 << 16));
            }
            misaligned = new ScratchList(context.scratch("conll-misaligned"));
            overlapping = new ScratchList(context.scratch("conll-overlapping"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void article(ExportArticle article, List<ExportSpan> spans, List<ExportRelation> relations) throws IOException {
        Writer out = writers.get(article.split());
        Tokenizer.Tokens tokenized = Tokenizer.tokenize(article.text());
        IobTagger.Result result = IobTagger.tag(tokenized, spans);
        out.write(DOCSTART);
        for (int t = 0; t < tokenized.count(); t++) {
            boolean inside = result.tags()[t] != null && result.tags()[t].startsWith("I-");
            if (t > 0 && tokenized.sentence()[t] != tokenized.sentence()[t - 1] && !inside) {
                out.write('\n');
                sentences++;
            }
            out.write(article.text().slice(tokenized.start()[t], tokenized.end()[t]));
            out.write(' ');
            out.write(PLACEHOLDER);
            out.write(' ');
            out.write(PLACEHOLDER);
            out.write(' ');
            out.write(result.tags()[t] == null ? "O" : result.tags()[t]);
            out.write('\n');
        }
        if (tokenized.count() > 0) {
            out.write('\n');
            sentences++;
        }
        tokens += tokenized.count();
        written += result.written();
        for (IobTagger.Rejected rejected : result.misaligned()) {
            misaligned.add(json -> rejected(json, rejected));
        }
        for (IobTagger.Rejected rejected : result.overlapping()) {
            overlapping.add(json -> rejected(json, rejected));
        }
    }

    private static void rejected(JsonGenerator json, IobTagger.Rejected rejected) throws IOException {
        ExportSpan span = rejected.span();
        json.writeStartObject();
        json.writeNumberField("annotation", span.id());
        json.writeNumberField("article", span.articleId());
        json.writeNumberField("start", span.start());
        json.writeNumberField("end", span.end());
        json.writeStringField("label", span.label());
        json.writeStringField("text", span.text());
        json.writeStringField("reason", rejected.reason());
        json.writeEndObject();
    }

    @Override
    public List<DatasetFile> finish() throws IOException {
        List<DatasetFile> described = new ArrayList<>();
        for (Map.Entry<Split, Writer> entry : writers.entrySet()) {
            entry.getValue().close();
            described.add(files.get(entry.getKey()).describe());
        }
        return described;
    }

    @Override
    public void describe(JsonGenerator manifest) throws IOException {
        manifest.writeObjectFieldStart("tokenizer");
        manifest.writeStringField("name", Tokenizer.NAME);
        manifest.writeStringField("java", String.valueOf(Runtime.version().feature()));
        manifest.writeStringField("columns", "token POS chunk tag; POS and chunk are " + PLACEHOLDER + " (not tagged)");
        manifest.writeStringField("scheme", "IOB2; one label a token: of nested or overlapping spans the outermost, "
                + "then first-starting, is kept and the others are listed under overlapping");
        manifest.writeEndObject();
        manifest.writeObjectFieldStart("conll");
        manifest.writeNumberField("tokens", tokens);
        manifest.writeNumberField("sentences", sentences);
        manifest.writeNumberField("spansWritten", written);
        manifest.writeNumberField("misaligned", misaligned.count());
        manifest.writeNumberField("overlapping", overlapping.count());
        manifest.writeEndObject();
        manifest.writeFieldName("overlapping");
        overlapping.copyTo(manifest);
    }

    @Override
    public void misaligned(JsonGenerator manifest) throws IOException {
        misaligned.copyTo(manifest);
    }

    @Override
    public void abort() {
        for (Writer writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the build has failed already; its directory is removed
            }
        }
    }

    @Override
    public void close() throws IOException {
        misaligned.close();
        overlapping.close();
    }
}
