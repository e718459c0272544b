package io.gloss.project;

import java.util.List;

/**
 * What a span of a label may carry besides its text: a claim's {@code figure} (a number) and its
 * {@code unit} (text). {@code type} is {@code number}, {@code text} or {@code choice}; only a
 * choice has {@code choices}.
 */
public record LabelAttribute(String key, String name, String type, List<String> choices) {

    public static final String NUMBER = "number";
    public static final String TEXT = "text";
    public static final String CHOICE = "choice";
}
