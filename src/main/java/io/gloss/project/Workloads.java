package io.gloss.project;

import java.util.Map;

/**
 * What each project has given a user to annotate, for the home page. Assignments are a feature
 * above projects: the assignment package answers, the home page only asks.
 */
public interface Workloads {

    /** {@code toDo}: assigned, not started; {@code nextArticleId}: where "Next article" leads, null when nothing is open. */
    record Workload(int toDo, int inProgress, int done, Long nextArticleId) {
        public int open() {
            return toDo + inProgress;
        }
    }

    /** The user's workload per project id; projects with no assignment for them are absent. */
    Map<Long, Workload> of(String username);
}
