package io.gloss.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right type that Gloss refuses (text that is not Unicode, a number out of
 * bounds). A {@link MismatchedInputException}, so that Quarkus hands it to {@link ErrorMapper}
 * unwrapped; its message is a sentence for a person that names the field.
 */
public class RefusedInputException extends MismatchedInputException {

    private final String field;

    RefusedInputException(JsonParser parser, String field, String sentence, Class<?> type) {
        super(parser, sentence, type);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The value's place in the body, dotted like {@code split.train} or {@code labels.0}. */
    static String field(JsonParser parser) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? "body" : pointer.substring(1).replace('/', '.');
    }
}
