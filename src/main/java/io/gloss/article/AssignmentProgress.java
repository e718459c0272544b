package io.gloss.article;

import java.util.List;
import java.util.Map;

/**
 * How far each article's assigned editors have got, for the article list ("2 of 3 done").
 * Assignments are a feature above articles: the assignment package answers, articles only ask.
 */
public interface AssignmentProgress {

    /** Progress per article id; an article nobody is assigned to may be absent. {@code me}: whose state is "mine". */
    Map<Long, ArticleSummary.Progress> perArticle(List<Long> articleIds, String me);
}
