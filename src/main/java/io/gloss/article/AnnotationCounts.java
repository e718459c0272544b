package io.gloss.article;

import java.util.List;
import java.util.Map;

/**
 * How many live annotations each article has, for the article list. Annotations are a feature
 * above articles, so it answers this (the annotation package implements it) and articles only ask.
 */
public interface AnnotationCounts {

    /** Counts per article id; an article without annotations may be absent. {@code me} is whose are "mine". */
    Map<Long, ArticleSummary.Counts> perArticle(List<Long> articleIds, String me);
}
