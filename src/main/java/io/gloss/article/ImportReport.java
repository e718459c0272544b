package io.gloss.article;

import java.util.ArrayList;
import java.util.List;

/**
 * What a bulk import did: {@code {imported, duplicates, spans, errors:[{line, message}], ids}};
 * {@code spans}: how many imported spans were stored (as suggestions or submitted annotations).
 */
public record ImportReport(int imported, int duplicates, int spans, List<LineError> errors, List<Long> ids) {

    public record LineError(int line, String message) {
    }

    public static final class Builder {
        public int imported;
        public int duplicates;
        public int spans;
        public final List<LineError> errors = new ArrayList<>();
        public final List<Long> ids = new ArrayList<>();

        public ImportReport build() {
            return new ImportReport(imported, duplicates, spans, List.copyOf(errors), List.copyOf(ids));
        }
    }
}
