package io.gloss.dataset;

/** A dataset's build as the project's event stream reports it (api.md: {@code {id, state, progress}}). */
public record DatasetEvent(long id, DatasetState state, double progress) {

    static DatasetEvent of(Dataset dataset) {
        return new DatasetEvent(dataset.id, dataset.state, dataset.progress());
    }
}
