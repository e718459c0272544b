package io.gloss.suggestion;

/** A suggestion as the API shows it (api.md): offsets in code points, {@code label} the label's key. */
public record SuggestionView(Long id, String label, int start, int end, String quote, SuggestionSource source, Double score,
        Long entityId) {
}
