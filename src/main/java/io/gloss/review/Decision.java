package io.gloss.review;

import io.gloss.annotation.AnnotationStatus;
import io.gloss.web.GlossException;
import java.util.Locale;

/** What a reviewer decides. */
public enum Decision {
    APPROVE(AnnotationStatus.APPROVED),
    REJECT(AnnotationStatus.REJECTED);

    public final AnnotationStatus result;

    Decision(AnnotationStatus result) {
        this.result = result;
    }

    public static Decision parse(String value) {
        if (value != null) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the message below
            }
        }
        throw GlossException.badRequest("decision", "decision must be APPROVE or REJECT.");
    }
}
