package io.gloss.annotation;

/**
 * The sentences of the review rule (domain.md: four eyes, only a SUBMITTED annotation is decided
 * on). The review service refuses with them, and the article page shows them before a reviewer
 * tries (it reads them from its page data), so both say the same thing in the same words.
 */
public final class ReviewRules {

    public static final String NOT_A_REVIEWER = "Only reviewers decide on annotations.";
    public static final String OWN_ANNOTATION = "You made this annotation, so another reviewer must decide on it (four-eyes rule).";
    public static final String OWN_LABEL = "You changed its label, so another reviewer must decide on it (four-eyes rule).";
    /** {@code {status}} is the annotation's status, {@code {decidedBy}} " (decided by NAME)" or nothing. */
    static final String ALREADY_DECIDED = "This annotation is {status}{decidedBy}; only a SUBMITTED annotation can be decided on.";

    /** The sentences as the article page's data carries them ({@code alreadyDecided} with its placeholders). */
    public record Sentences(String notReviewer, String ownAnnotation, String ownLabel, String alreadyDecided) {
    }

    public static final Sentences SENTENCES = new Sentences(NOT_A_REVIEWER, OWN_ANNOTATION, OWN_LABEL, ALREADY_DECIDED);

    private ReviewRules() {
    }

    /** Why an annotation that is no longer SUBMITTED cannot be decided on. */
    public static String alreadyDecided(AnnotationStatus status, String reviewer) {
        return ALREADY_DECIDED.replace("{status}", status.name())
                .replace("{decidedBy}", reviewer == null ? "" : " (decided by " + reviewer + ")");
    }
}
