package io.gloss.search;

import java.util.Set;

/**
 * Where one person's search looks, and what it may show them: the projects they may see, and in
 * the blind ones among them (for an editor) only their own spans, or anyone's on the articles
 * whose assignment they marked DONE. The filters of the query: a label (its ids in those
 * projects), a status, an author, an entity; null for none.
 */
record SearchScope(Set<Long> projects, Set<Long> blindProjects, String me, Set<Long> doneArticles,
        Set<Long> labels, String status, String author, Long entity) {

    boolean isEmpty() {
        return projects.isEmpty() || labels != null && labels.isEmpty();
    }

    boolean filtersAnnotations() {
        return labels != null || status != null || author != null || entity != null;
    }

    /** The same places and visibility, without the filters. */
    SearchScope withoutFilters() {
        return new SearchScope(projects, blindProjects, me, doneArticles, null, null, null, null);
    }
}
