package io.gloss.assignment;

/**
 * Where an editor stands on an article given to them: ASSIGNED until their first span,
 * IN_PROGRESS while they work, DONE once they say so; DONE freezes their spans on the article
 * until an admin reopens it.
 */
public enum AssignmentState {
    ASSIGNED,
    IN_PROGRESS,
    DONE;

    /** Parses a state a client sent; anything else is a 400 naming the three. */
    public static AssignmentState parse(String field, String value) {
        if (value != null) {
            for (AssignmentState state : values()) {
                if (state.name().equalsIgnoreCase(value.strip())) {
                    return state;
                }
            }
        }
        throw io.gloss.web.GlossException.badRequest(field, field + " must be ASSIGNED, IN_PROGRESS or DONE.");
    }
}
