package io.gloss.audit;

import java.util.Collection;
import java.util.Map;

/**
 * The names of projects and articles, which the audit trail shows instead of bare ids. Declared
 * here and answered by the feature that owns those records, which sits above this one.
 */
public interface RecordNames {

    /** Each project's name; ids of projects that no longer exist are left out. */
    Map<Long, String> projects(Collection<Long> ids);

    /** Each article's title; ids of articles that no longer exist are left out. */
    Map<Long, String> articles(Collection<Long> ids);
}
