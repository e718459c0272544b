package io.gloss.dataset;

/**
 * A dataset's build as the project's event stream reports it: api.md's {@code {id, state,
 * progress}}, with the article counts the dataset page shows beside its bar.
 */
public record DatasetEvent(long id, DatasetState state, double progress, int articlesDone, int articlesTotal) {

    static DatasetEvent of(Dataset dataset) {
        return new DatasetEvent(dataset.id, dataset.state, dataset.progress(), dataset.articlesDone, dataset.articlesTotal);
    }
}
