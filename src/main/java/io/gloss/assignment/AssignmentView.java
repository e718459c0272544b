package io.gloss.assignment;

import java.time.Instant;

/** An assignment as the API shows it (api.md). */
public record AssignmentView(long id, long projectId, long articleId, String username, AssignmentState state,
        Instant updated) {

    public static AssignmentView of(Assignment a) {
        return new AssignmentView(a.id, a.projectId, a.articleId, a.username, a.state, a.updatedAt);
    }
}
