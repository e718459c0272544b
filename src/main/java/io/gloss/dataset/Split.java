package io.gloss.dataset;

import java.util.Locale;

/** The part of a dataset an article belongs to; whole articles go to one part. */
public enum Split {
    TRAIN,
    DEV,
    TEST;

    /** The name used in files and the manifest: {@code train}, {@code dev}, {@code test}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The split's name in Hugging Face {@code datasets}: {@code train}, {@code validation}, {@code test}. */
    public String huggingFace() {
        return this == DEV ? "validation" : key();
    }
}
