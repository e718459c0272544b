package io.gloss.article;

import java.util.ArrayList;
import java.util.List;

/** What a bulk import did: {@code {imported, duplicates, errors:[{line, message}]}}. */
public record ImportReport(int imported, int duplicates, List<LineError> errors, List<Long> ids) {

    public record LineError(int line, String message) {
    }

    static final class Builder {
        int imported;
        int duplicates;
        final List<LineError> errors = new ArrayList<>();
        final List<Long> ids = new ArrayList<>();

        ImportReport build() {
            return new ImportReport(imported, duplicates, List.copyOf(errors), List.copyOf(ids));
        }
    }
}
