package io.gloss.recommender;

import io.gloss.text.CodePointText;
import io.gloss.text.Tokenizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * OpenNLP's maximum-entropy name finder over the tokens of the CoNLL export ({@link Tokenizer}),
 * one model for every label of a project. Plain Java: approved spans and texts in, a model out;
 * a text in, its spans out, in code points.
 *
 * <p>A span becomes a name only when it starts and ends on token boundaries within one sentence,
 * and does not overlap a name kept before it (OpenNLP's names cannot overlap; the longer of two
 * spans starting together is kept): the rest are counted as {@link Samples#skipped}, as the
 * CoNLL export lists its misaligned spans.
 */
public final class NameFinder {

    /** The language OpenNLP stores in the model: unknown, as projects do not state one. */
    private static final String LANGUAGE = "und";

    /** Sentences as OpenNLP takes them, and how many spans could not be names. */
    public record Samples(List<NameSample> sentences, int names, int skipped) {
    }

    /** How the model learns: OpenNLP's iterations and feature cutoff. */
    public record Settings(int iterations, int cutoff) {
    }

    private final TokenNameFinderModel model;

    private NameFinder(TokenNameFinderModel model) {
        this.model = model;
    }

    /** Learns from the articles' spans ({@link #samples}); every label seen becomes a type the model finds. */
    public static NameFinder train(Samples samples, Settings settings) {
        if (samples.names() == 0) {
            throw new IllegalArgumentException("None of the approved spans lies on whole tokens within a sentence:"
                    + " there is nothing to learn from.");
        }
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        parameters.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        parameters.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        // One thread: training runs beside the requests of a small server.
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            return new NameFinder(NameFinderME.train(LANGUAGE, null,
                    ObjectStreamUtils.createObjectStream(samples.sentences()), parameters, new TokenNameFinderFactory()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NameFinder read(byte[] bytes) {
        try {
            return new NameFinder(new TokenNameFinderModel(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("The stored model cannot be read", e);
        }
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.serialize(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The spans the model finds in {@code text}, in text order, each with OpenNLP's probability. */
    public List<LabelledSpan> find(String text) {
        // NameFinderME keeps state between sentences: one per text, never shared between threads.
        NameFinderME finder = new NameFinderME(model);
        CodePointText cp = new CodePointText(text);
        Tokenizer.Tokens tokens = Tokenizer.tokenize(cp);
        List<LabelledSpan> found = new ArrayList<>();
        for (int first = 0; first < tokens.count(); ) {
            int end = sentenceEnd(tokens, first);
            String[] words = words(cp, tokens, first, end);
            Span[] names = finder.find(words);
            double[] probabilities = finder.probs(names);
            for (int i = 0; i < names.length; i++) {
                found.add(new LabelledSpan(tokens.start()[first + names[i].getStart()],
                        tokens.end()[first + names[i].getEnd() - 1], names[i].getType(), probabilities[i]));
            }
            first = end;
        }
        return found;
    }

    /** Each sentence of each article as a sample; the first of an article clears what the finder learnt of the last. */
    static Samples samples(List<TrainingArticle> articles) {
        List<NameSample> sentences = new ArrayList<>();
        int names = 0;
        int skipped = 0;
        for (TrainingArticle article : articles) {
            CodePointText cp = new CodePointText(article.text());
            Tokenizer.Tokens tokens = Tokenizer.tokenize(cp);
            List<LabelledSpan> spans = new ArrayList<>(article.spans());
            spans.sort(Comparator.comparingInt(LabelledSpan::start).thenComparing(s -> -s.end()));
            List<List<Span>> perSentence = new ArrayList<>();
            int lastEnd = -1;
            for (LabelledSpan span : spans) {
                int first = tokens.startingAt(span.start());
                int last = tokens.endingAt(span.end());
                boolean name = first >= 0 && last >= first && tokens.sentence()[first] == tokens.sentence()[last]
                        && span.start() >= lastEnd;
                if (name) {
                    lastEnd = span.end();
                    names++;
                    add(perSentence, tokens.sentence()[first], new Span(first, last + 1, span.label()));
                } else {
                    skipped++;
                }
            }
            boolean clear = true;
            for (int first = 0; first < tokens.count(); ) {
                int end = sentenceEnd(tokens, first);
                int sentence = tokens.sentence()[first];
                List<Span> inSentence = sentence < perSentence.size() ? perSentence.get(sentence) : List.of();
                Span[] relative = new Span[inSentence.size()];
                for (int i = 0; i < relative.length; i++) {
                    Span s = inSentence.get(i);
                    relative[i] = new Span(s.getStart() - first, s.getEnd() - first, s.getType());
                }
                sentences.add(new NameSample(words(cp, tokens, first, end), relative, clear));
                clear = false;
                first = end;
            }
        }
        return new Samples(sentences, names, skipped);
    }

    private static void add(List<List<Span>> perSentence, int sentence, Span span) {
        while (perSentence.size() <= sentence) {
            perSentence.add(new ArrayList<>());
        }
        perSentence.get(sentence).add(span);
    }

    /** The token after the last of the sentence that {@code first} begins. */
    private static int sentenceEnd(Tokenizer.Tokens tokens, int first) {
        int end = first + 1;
        while (end < tokens.count() && tokens.sentence()[end] == tokens.sentence()[first]) {
            end++;
        }
        return end;
    }

    private static String[] words(CodePointText cp, Tokenizer.Tokens tokens, int from, int to) {
        String[] words = new String[to - from];
        for (int i = from; i < to; i++) {
            words[i - from] = cp.slice(tokens.start()[i], tokens.end()[i]);
        }
        return words;
    }
}
