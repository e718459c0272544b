package io.gloss.dataset.format;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gloss.dataset.DatasetFile;
import io.gloss.dataset.ExportArticle;
import io.gloss.dataset.ExportRelation;
import io.gloss.dataset.ExportSpan;
import java.io.IOException;
import java.util.List;

/**
 * Writes one export format as the articles stream by. Writers never touch the database: the
 * builder hands them each article of the selection once, in id order, with its spans in
 * {@link ExportSpan#ORDER} and the relations between them in {@link ExportRelation#ORDER}, and
 * they write (and hash) their files as they go.
 */
public interface FormatWriter extends AutoCloseable {

    /**
     * One article of the selection, its selected spans (possibly none) and the relations whose
     * two ends are among them; formats without relations ignore those.
     */
    void article(ExportArticle article, List<ExportSpan> spans, List<ExportRelation> relations) throws IOException;

    /** Closes every file and returns what was written, for the manifest and the database. */
    List<DatasetFile> finish() throws IOException;

    /** Closes the files after a failure, without reporting them. */
    void abort();

    /** Releases scratch files once the manifest has been written (or the build has failed). */
    @Override
    default void close() throws IOException {
    }

    /** Format-specific fields of the manifest (the tokenizer of CoNLL, for example). */
    default void describe(JsonGenerator manifest) throws IOException {
    }

    /** The manifest's {@code misaligned} list: spans this format could not hold exactly. */
    default void misaligned(JsonGenerator manifest) throws IOException {
        manifest.writeStartArray();
        manifest.writeEndArray();
    }
}
