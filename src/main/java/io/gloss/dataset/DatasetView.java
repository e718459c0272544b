package io.gloss.dataset;

import java.time.Instant;
import java.util.List;

/**
 * A dataset as the API returns it (api.md), without the manifest, which the resource streams
 * from its file. {@code definition} has the shape of the POST body, so it can be sent back to
 * build the same dataset again.
 */
public record DatasetView(long id, long projectId, String name, String format, DatasetState state, double progress,
        int articlesDone, int articlesTotal, String error, String createdBy, Instant createdAt, Instant startedAt,
        Instant finishedAt, DatasetRequest definition, List<FileView> files) {

    public record FileView(String name, long bytes, String sha256) {
    }

    static DatasetView of(Dataset d) {
        DatasetDefinition def = d.definition();
        DatasetRequest definition = new DatasetRequest(def.projectId(), def.name(), def.format().key(),
                def.statuses().stream().map(Enum::name).toList(), def.labels(), def.articleIds(), def.publishedFrom(),
                def.publishedTo(), new DatasetRequest.SplitFractions(def.split().train(), def.split().dev(),
                        def.split().test()), def.split().seed(), def.csvEscapeFormulas());
        return new DatasetView(d.id, d.projectId, d.name, d.format, d.state, d.progress(), d.articlesDone, d.articlesTotal,
                d.errorMessage, d.createdBy, d.createdAt, d.startedAt, d.finishedAt, definition,
                d.files.stream().map(f -> new FileView(f.name, f.bytes, f.sha256)).toList());
    }

    /** Progress as a whole percentage, for the page. */
    public int percent() {
        return (int) Math.floor(progress * 100);
    }

    public boolean done() {
        return state == DatasetState.DONE;
    }

    public boolean failed() {
        return state == DatasetState.FAILED;
    }
}
