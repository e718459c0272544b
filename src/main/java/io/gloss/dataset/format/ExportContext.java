package io.gloss.dataset.format;

import io.gloss.dataset.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a writer needs besides the articles: where to write, the labels of the selection and the
 * relation types between them (for declarations such as brat's annotation.conf), the splits that
 * may receive articles and whether CSV cells that look like formulas are escaped.
 */
public record ExportContext(Path directory, List<LabelInfo> labels, List<RelationTypeInfo> relationTypes,
        Set<Split> splits, boolean csvEscapeFormulas) {

    /** A label of the selection, in the project's order. */
    public record LabelInfo(String key, String name, String color) {
    }

    /**
     * A relation type of the project, in the project's order, with the labels of the selection
     * each end may carry (types that cannot link two selected labels are left out).
     */
    public record RelationTypeInfo(String key, String name, List<String> from, List<String> to) {
    }

    /** A file in the dataset's directory, hashed as it is written. */
    public HashedFile create(String name) throws IOException {
        return HashedFile.create(directory, name);
    }

    /** A scratch file for lists too long to keep in memory; the builder removes it. */
    public Path scratch(String name) {
        return directory.resolve(".scratch-" + name);
    }
}
