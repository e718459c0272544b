package io.gloss.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Search on the embedded H2 default, from {@link LuceneIndex}: the clauses as term, phrase and
 * prefix queries over the folded words, the scope and filters as exact matches, newest first.
 */
@ApplicationScoped
class LuceneSearch implements SearchEngine {

    static final String KEY = "key";
    static final String KIND = "kind";
    static final String ID = "id";
    static final String PROJECT = "project";
    static final String ARTICLE = "article";
    static final String LABEL = "label";
    static final String STATUS = "status";
    static final String AUTHOR = "author";
    static final String ENTITY = "entity";
    static final String TEXT = "text";
    /** A phrase ending in a prefix matches through at most this many words of the index that start so. */
    private static final int MAX_PREFIX_WORDS = 4096;

    @Inject
    LuceneIndex index;

    @Override
    public List<Long> find(SearchKind kind, SearchQuery query, SearchScope scope, long before, int limit) {
        index.catchUp();
        return withSearcher(searcher -> {
            BooleanQuery.Builder all = matching(searcher.getIndexReader(), kind, query, scope);
            if (before < Long.MAX_VALUE) {
                all.add(LongPoint.newRangeQuery(ID, Long.MIN_VALUE, before - 1), Occur.FILTER);
            }
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(all.build(), limit, new Sort(new SortField(ID, SortField.Type.LONG, true))).scoreDocs) {
                ids.add((Long) ((FieldDoc) hit).fields[0]);
            }
            return ids;
        });
    }

    @Override
    public Facets facets(SearchQuery query, SearchScope scope, int limit) {
        index.catchUp();
        return withSearcher(searcher -> {
            FacetCollector counts = new FacetCollector(limit);
            searcher.search(matching(searcher.getIndexReader(), SearchKind.ANNOTATION, query, scope).build(), counts);
            return counts.facets();
        });
    }

    @Override
    public long pending() {
        return index.pending();
    }

    private BooleanQuery.Builder matching(IndexReader reader, SearchKind kind, SearchQuery query, SearchScope scope)
            throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(new TermQuery(new Term(KIND, kind.code())), Occur.FILTER);
        all.add(LongPoint.newSetQuery(PROJECT, scope.projects()), Occur.FILTER);
        for (SearchQuery.Clause clause : query.clauses()) {
            all.add(clause(reader, clause), Occur.FILTER);
        }
        if (kind == SearchKind.ANNOTATION) {
            filters(all, scope);
        }
        return all;
    }

    private static void filters(BooleanQuery.Builder all, SearchScope scope) {
        if (!scope.blindProjects().isEmpty()) {
            Set<Long> open = new HashSet<>(scope.projects());
            open.removeAll(scope.blindProjects());
            BooleanQuery.Builder visible = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
            visible.add(LongPoint.newSetQuery(PROJECT, open), Occur.SHOULD);
            visible.add(new TermQuery(new Term(AUTHOR, scope.me())), Occur.SHOULD);
            visible.add(LongPoint.newSetQuery(ARTICLE, scope.doneArticles()), Occur.SHOULD);
            all.add(visible.build(), Occur.FILTER);
        }
        if (scope.labels() != null) {
            all.add(LongPoint.newSetQuery(LABEL, scope.labels()), Occur.FILTER);
        }
        if (scope.status() != null) {
            all.add(new TermQuery(new Term(STATUS, scope.status())), Occur.FILTER);
        }
        if (scope.author() != null) {
            all.add(new TermQuery(new Term(AUTHOR, scope.author())), Occur.FILTER);
        }
        if (scope.entity() != null) {
            all.add(LongPoint.newExactQuery(ENTITY, scope.entity()), Occur.FILTER);
        }
    }

    private static Query clause(IndexReader reader, SearchQuery.Clause clause) throws IOException {
        List<String> words = clause.words();
        if (words.size() == 1) {
            Term term = new Term(TEXT, words.get(0));
            return clause.prefix() ? new PrefixQuery(term) : new TermQuery(term);
        }
        if (!clause.prefix()) {
            return new PhraseQuery(TEXT, words.toArray(String[]::new));
        }
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
        for (int i = 0; i < words.size() - 1; i++) {
            phrase.add(new Term(TEXT, words.get(i)));
        }
        Term[] starting = wordsStarting(reader, words.get(words.size() - 1));
        if (starting.length == 0) {
            return new MatchNoDocsQuery("no word starts with " + words.get(words.size() - 1));
        }
        phrase.add(starting);
        return phrase.build();
    }

    private static Term[] wordsStarting(IndexReader reader, String prefix) throws IOException {
        List<Term> found = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, TEXT);
        if (terms == null) {
            return new Term[0];
        }
        TermsEnum each = terms.iterator();
        BytesRef start = new BytesRef(prefix);
        if (each.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return new Term[0];
        }
        for (BytesRef word = each.term(); word != null && found.size() < MAX_PREFIX_WORDS; word = each.next()) {
            String text = word.utf8ToString();
            if (!text.startsWith(prefix)) {
                break;
            }
            found.add(new Term(TEXT, text));
        }
        return found.toArray(Term[]::new);
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = index.acquire();
            try {
                return work.apply(searcher);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the search index", e);
        }
    }

    /**
     * Counts the label, status and author of the first {@code limit} matching annotations, in the
     * index's order, from its doc values; at the one after them it notes that more match and
     * stops the search.
     */
    private static final class FacetCollector extends SimpleCollector {
        private final int limit;
        private int counted;
        private boolean capped;
        private final Map<Long, Long> labels = new LinkedHashMap<>();
        private final Map<String, Long> statuses = new LinkedHashMap<>();
        private final Map<String, Long> authors = new LinkedHashMap<>();
        private NumericDocValues label;
        private SortedDocValues status;
        private SortedDocValues author;
        private Map<Integer, Long> statusOrds;
        private Map<Integer, Long> authorOrds;

        FacetCollector(int limit) {
            this.limit = limit;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            label = context.reader().getNumericDocValues(LABEL);
            status = context.reader().getSortedDocValues(STATUS);
            author = context.reader().getSortedDocValues(AUTHOR);
            statusOrds = new HashMap<>();
            authorOrds = new HashMap<>();
        }

        @Override
        public void collect(int doc) throws IOException {
            if (counted == limit) {
                capped = true;
                throw new CollectionTerminatedException();
            }
            counted++;
            if (label.advanceExact(doc)) {
                labels.merge(label.longValue(), 1L, Long::sum);
            }
            if (status.advanceExact(doc)) {
                statusOrds.merge(status.ordValue(), 1L, Long::sum);
            }
            if (author.advanceExact(doc)) {
                authorOrds.merge(author.ordValue(), 1L, Long::sum);
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        /** Ordinals are per segment: they become values as each segment ends. */
        private void flush() throws IOException {
            if (statusOrds != null) {
                for (Map.Entry<Integer, Long> e : statusOrds.entrySet()) {
                    statuses.merge(status.lookupOrd(e.getKey()).utf8ToString(), e.getValue(), Long::sum);
                }
                for (Map.Entry<Integer, Long> e : authorOrds.entrySet()) {
                    authors.merge(author.lookupOrd(e.getKey()).utf8ToString(), e.getValue(), Long::sum);
                }
            }
            statusOrds = null;
            authorOrds = null;
        }

        Facets facets() throws IOException {
            flush();
            return new Facets(labels, statuses, authors, capped);
        }
    }
}
