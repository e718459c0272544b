package io.gloss.agreement;

import io.gloss.text.Tokenizer;
import java.util.List;
import java.util.SortedMap;

/**
 * One article as the agreement sees it: its length and tokens in code points and, per annotator
 * who marked it done (by username, in order), their spans on it; an annotator who marked nothing
 * has an empty list, which is an opinion too ("nothing here").
 */
public record ArticleAnnotations(long articleId, String title, int length, Tokenizer.Tokens tokens,
        SortedMap<String, List<Span>> spans) {
}
