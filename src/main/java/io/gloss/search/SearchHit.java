package io.gloss.search;

import java.util.List;

/**
 * One result (api.md): an article or an annotation. {@code snippet} is a few lines around the
 * first match with {@code marks} on every match in it (code points of the snippet); {@code start}
 * and {@code end} place the hit in the article's text in code points (an annotation's span; for
 * an article the first match in its text, null where only its title matches). {@code score}
 * counts the places the query matches; results come newest first.
 */
public record SearchHit(String kind, long id, long articleId, long projectId, String title, String snippet,
        List<Snippet.Mark> marks, Integer start, Integer end, String label, String status, String author,
        double score) {
}
