package io.gloss.dataset.format;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gloss.dataset.DatasetFile;
import io.gloss.dataset.ExportArticle;
import io.gloss.dataset.ExportRelation;
import io.gloss.dataset.ExportSpan;
import io.gloss.dataset.Split;
import io.gloss.dataset.format.HuggingFaceCard.ClassLabel;
import io.gloss.dataset.format.HuggingFaceCard.Field;
import io.gloss.dataset.format.HuggingFaceCard.Sequence;
import io.gloss.dataset.format.HuggingFaceCard.SplitFile;
import io.gloss.dataset.format.HuggingFaceCard.Value;
import io.gloss.text.Tokenizer;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CoNLL-2003-style IOB2, one file a split ({@code train.conll}, {@code dev.conll},
 * {@code test.conll}, for the splits that may receive articles): {@code -DOCSTART- -X- O O}
 * (the form spaCy's {@code convert} splits documents at) and a blank line before each article,
 * then one token a line, {@code token POS chunk tag} with {@code -X-} for the POS and chunk
 * columns Gloss does not tag, and a blank line after each sentence. A sentence break is not
 * written inside a span, so that no entity is cut in two. Tokens come from {@link Tokenizer};
 * spans that the tokens cannot hold exactly are listed in the manifest ({@code misaligned},
 * {@code overlapping}) and left out of the files.
 *
 * <p>The same sentences go to the token-classification files of Hugging Face
 * ({@code train.jsonl}, {@code validation.jsonl}, {@code test.jsonl}: one sentence a line,
 * {@code {"id","article","tokens","ner_tags"}} with the tags as class ids into {@link #tags}),
 * declared by a {@link HuggingFaceCard}.
 */
public final class ConllWriter implements FormatWriter {

    static final String DOCSTART = "-DOCSTART- -X- O O\n\n";
    static final String PLACEHOLDER = "-X-";

    private final ExportContext context;
    private final Map<Split, HashedFile> files = new EnumMap<>(Split.class);
    private final Map<Split, Writer> writers = new EnumMap<>(Split.class);
    private final Map<Split, HashedFile> sentenceFiles = new EnumMap<>(Split.class);
    private final Map<Split, JsonGenerator> sentenceJson = new EnumMap<>(Split.class);
    private final Map<Split, Long> sentencesBySplit = new EnumMap<>(Split.class);
    /** The tag names in class-id order: {@code O}, then {@code B-} and {@code I-} of each label in the project's order. */
    private final List<String> tags;
    private final Map<String, Integer> tagIds = new HashMap<>();
    private final ScratchList misaligned;
    private final ScratchList overlapping;
    private long tokens;
    private long sentences;
    private long written;

    public ConllWriter(ExportContext context) {
        this.context = context;
        tags = tags(HuggingFaceCard.labelKeys(context));
        for (int i = 0; i < tags.size(); i++) {
            tagIds.put(tags.get(i), i);
        }
        try {
            for (Split split : context.splits()) {
                HashedFile file = context.create(split.key() + ".conll");
                files.put(split, file);
                writers.put(split, new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 1 << 16));
                HashedFile sentenceFile = context.create(HuggingFaceCard.splitFile(split));
                sentenceFiles.put(split, sentenceFile);
                sentenceJson.put(split, Json.generator(new BufferedOutputStream(sentenceFile, 1 << 16)));
                sentencesBySplit.put(split, 0L);
            }
            misaligned = new ScratchList(context.scratch("conll-misaligned"));
            overlapping = new ScratchList(context.scratch("conll-overlapping"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> tags(List<String> labels) {
        List<String> tags = new ArrayList<>(List.of("O"));
        for (String label : labels) {
            tags.add("B-" + label);
            tags.add("I-" + label);
        }
        return tags;
    }

    @Override
    public void article(ExportArticle article, List<ExportSpan> spans, List<ExportRelation> relations) throws IOException {
        Writer out = writers.get(article.split());
        Tokenizer.Tokens tokenized = Tokenizer.tokenize(article.text());
        IobTagger.Result result = IobTagger.tag(tokenized, spans);
        out.write(DOCSTART);
        int sentenceStart = 0;
        int sentence = 0;
        for (int t = 0; t < tokenized.count(); t++) {
            boolean inside = result.tags()[t] != null && result.tags()[t].startsWith("I-");
            if (t > 0 && tokenized.sentence()[t] != tokenized.sentence()[t - 1] && !inside) {
                out.write('\n');
                sentence(article, sentence++, tokenized, result, sentenceStart, t);
                sentenceStart = t;
            }
            out.write(article.text().slice(tokenized.start()[t], tokenized.end()[t]));
            out.write(' ');
            out.write(PLACEHOLDER);
            out.write(' ');
            out.write(PLACEHOLDER);
            out.write(' ');
            out.write(tag(result, t));
            out.write('\n');
        }
        if (tokenized.count() > 0) {
            out.write('\n');
            sentence(article, sentence, tokenized, result, sentenceStart, tokenized.count());
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

    private static String tag(IobTagger.Result result, int token) {
        return result.tags()[token] == null ? "O" : result.tags()[token];
    }

    /**
     * Tokens {@code from} (inclusive) to {@code to}, the article's sentence number {@code index}, as one
     * line of the split's token-classification file.
     */
    private void sentence(ExportArticle article, int index, Tokenizer.Tokens tokenized, IobTagger.Result result, int from,
            int to) throws IOException {
        sentences++;
        JsonGenerator json = sentenceJson.get(article.split());
        json.writeStartObject();
        json.writeStringField("id", article.id() + "-" + index);
        json.writeNumberField("article", article.id());
        json.writeArrayFieldStart("tokens");
        for (int t = from; t < to; t++) {
            json.writeString(article.text().slice(tokenized.start()[t], tokenized.end()[t]));
        }
        json.writeEndArray();
        json.writeArrayFieldStart("ner_tags");
        for (int t = from; t < to; t++) {
            json.writeNumber(tagIds.get(tag(result, t)));
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        sentencesBySplit.merge(article.split(), 1L, Long::sum);
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
        List<SplitFile> splits = new ArrayList<>();
        for (Map.Entry<Split, Writer> entry : writers.entrySet()) {
            Split split = entry.getKey();
            entry.getValue().close();
            described.add(files.get(split).describe());
            described.addAll(Json.finish(sentenceJson.get(split), sentenceFiles.get(split)));
            splits.add(new SplitFile(split, HuggingFaceCard.splitFile(split), sentencesBySplit.get(split)));
        }
        ClassLabel tagNames = new ClassLabel(tags);
        described.add(HuggingFaceCard.write(context, "Gloss tokens", List.of(new Field("id", new Value("string")),
                new Field("article", new Value("int64")), new Field("tokens", new Sequence(new Value("string"))),
                new Field("ner_tags", new Sequence(tagNames))), splits, card(splits)));
        return described;
    }

    private String card(List<SplitFile> splits) {
        return """
                # Gloss tokens

                Token classification (named-entity style) from spans annotated in Gloss: one sentence a line,
                `tokens` and their IOB2 `ner_tags` as class ids, the same sentences and tags as the `.conll`
                files beside them (which spaCy's `convert` reads, one document an article).

                ```python
                from datasets import load_dataset
                ds = load_dataset("path/to/this/folder")
                tags = [%s]  # a tag is a class id into this list
                example = ds["train"][0]
                print(list(zip(example["tokens"], [tags[t] for t in example["ner_tags"]])))
                ```

                Tokens: %s. Spans the tokens cannot hold exactly, or that overlap a longer one, are not
                tagged; `manifest.json` lists each under `misaligned` or `overlapping`.

                %s""".formatted(String.join(", ", tags.stream().map(HuggingFaceCard::quote).toList()), Tokenizer.NAME,
                HuggingFaceCard.splitTable(splits, "sentences"));
    }

    @Override
    public void describe(JsonGenerator manifest) throws IOException {
        manifest.writeObjectFieldStart("tokenizer");
        manifest.writeStringField("name", Tokenizer.NAME);
        manifest.writeStringField("java", String.valueOf(Runtime.version().feature()));
        manifest.writeStringField("columns", "token POS chunk tag; POS and chunk are " + PLACEHOLDER + " (not tagged)");
        manifest.writeStringField("documents", DOCSTART.strip() + " and a blank line before each article: spaCy's "
                + "`convert -c ner` makes one Doc an article; the .jsonl files hold the same sentences for Hugging Face");
        manifest.writeStringField("scheme", "IOB2; one label a token: of nested or overlapping spans the outermost, "
                + "then first-starting, is kept and the others are listed under overlapping");
        manifest.writeEndObject();
        manifest.writeObjectFieldStart("conll");
        manifest.writeNumberField("tokens", tokens);
        manifest.writeNumberField("sentences", sentences);
        manifest.writeNumberField("spansWritten", written);
        manifest.writeNumberField("misaligned", misaligned.count());
        manifest.writeNumberField("overlapping", overlapping.count());
        manifest.writeArrayFieldStart("tags");
        for (String tag : tags) {
            manifest.writeString(tag);
        }
        manifest.writeEndArray();
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
        sentenceJson.forEach((split, json) -> Json.abort(json, sentenceFiles.get(split)));
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
