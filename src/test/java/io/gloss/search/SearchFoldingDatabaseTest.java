package io.gloss.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gloss.SharedCorpus;
import io.gloss.db.Database;
import io.gloss.text.SearchTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/**
 * The promise both databases rest on: each reads the folded text into exactly the words, at
 * exactly the places, that {@link SearchTokens} found. On PostgreSQL its own {@code to_tsvector}
 * is asked; on H2 the Lucene analyzer the index uses.
 */
@QuarkusTest
class SearchFoldingDatabaseTest {

    static final String TRICKY = "Zelénska’s “talks” — Russia-Ukraine 3,000 km² ﬁle ١٢٣ 🙂 news\u00ADroom РОССИЯ 東京 naïve\r\nKYÏV";

    @Inject
    Database database;

    @Inject
    EntityManager em;

    @Test
    void theDatabaseReadsTheSameWordsAtTheSamePlaces() throws IOException {
        List<String> texts = new ArrayList<>(List.of(TRICKY));
        for (Path file : SharedCorpus.files()) {
            texts.add(Files.readString(file));
        }
        for (String text : texts) {
            String folded = SearchTokens.fold(text);
            assertEquals(expected(folded), database.isPostgres() ? postgres(folded) : lucene(folded));
        }
    }

    /** Each word with its places from 1, the first 256 as PostgreSQL keeps them. */
    private static Map<String, List<Integer>> expected(String folded) {
        Map<String, List<Integer>> places = new TreeMap<>();
        String[] words = folded.split(" ");
        for (int i = 0; i < words.length; i++) {
            List<Integer> at = places.computeIfAbsent(words[i], w -> new ArrayList<>());
            if (at.size() < 256) {
                at.add(i + 1);
            }
        }
        return places;
    }

    private Map<String, List<Integer>> postgres(String folded) {
        Map<String, List<Integer>> places = new TreeMap<>();
        List<?> rows = em.createNativeQuery("select lexeme, array_to_string(positions, ',') from unnest(to_tsvector('simple', ?1))")
                .setParameter(1, folded).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            List<Integer> at = new ArrayList<>();
            for (String p : ((String) r[1]).split(",")) {
                at.add(Integer.parseInt(p));
            }
            places.put((String) r[0], at);
        }
        return places;
    }

    private static Map<String, List<Integer>> lucene(String folded) throws IOException {
        Map<String, List<Integer>> places = new TreeMap<>();
        try (Analyzer analyzer = LuceneIndex.analyzer();
                TokenStream stream = analyzer.tokenStream("text", new StringReader(folded))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            int position = 0;
            while (stream.incrementToken()) {
                position++;
                List<Integer> at = places.computeIfAbsent(term.toString(), w -> new ArrayList<>());
                if (at.size() < 256) {
                    at.add(position);
                }
            }
            stream.end();
        }
        return places;
    }
}
