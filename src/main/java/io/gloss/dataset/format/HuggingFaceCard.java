package io.gloss.dataset.format;

import io.gloss.dataset.DatasetFile;
import io.gloss.dataset.Split;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code README.md}, the dataset card that makes a dataset's folder load with Hugging Face's
 * {@code datasets.load_dataset(<folder>)}: YAML front matter naming the per-split JSON Lines files
 * ({@code configs}) and declaring every column ({@code dataset_info.features}), so that a column
 * that is null in the first rows and text later (a note, a URL) is not guessed as null, and labels
 * and tags load as {@code ClassLabel}s with their names in order. The YAML is the shape the
 * library itself writes (its {@code Features._to_yaml_list}); every string is double-quoted.
 */
public final class HuggingFaceCard {

    static final String FILE = "README.md";

    /** A column's type, as the card's YAML declares it. */
    public sealed interface Feature {
    }

    /** A scalar: {@code int64}, {@code string}, {@code float64}. */
    public record Value(String dtype) implements Feature {
    }

    /** Class ids with their names, in order. */
    public record ClassLabel(List<String> names) implements Feature {
    }

    /** Named fields (an empty one is allowed: a span without attributes in the whole dataset). */
    public record Struct(List<Field> fields) implements Feature {
    }

    /** A list of structs, such as the spans of an article. */
    public record ListOf(Struct element) implements Feature {
    }

    /** A list of scalars or class ids, such as a sentence's tokens and tags. */
    public record Sequence(Feature element) implements Feature {
    }

    public record Field(String name, Feature type) {
    }

    /** One split's file and its number of records. */
    public record SplitFile(Split split, String file, long records) {
    }

    private HuggingFaceCard() {
    }

    /** The JSON Lines file of one split in a folder: {@code train.jsonl}, {@code validation.jsonl}, {@code test.jsonl}. */
    static String splitFile(Split split) {
        return split.huggingFace() + ".jsonl";
    }

    static DatasetFile write(ExportContext context, String title, List<Field> features, List<SplitFile> splits, String body)
            throws IOException {
        HashedFile file = context.create(FILE);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8))) {
            out.write("---\n");
            out.write("pretty_name: " + quote(title) + "\n");
            out.write("configs:\n- config_name: default\n  data_files:\n");
            for (SplitFile split : splits) {
                out.write("  - split: " + split.split().huggingFace() + "\n    path: " + quote(split.file()) + "\n");
            }
            out.write("dataset_info:\n  features:\n");
            fields(out, features, "  ");
            out.write("  splits:\n");
            for (SplitFile split : splits) {
                out.write("  - name: " + split.split().huggingFace() + "\n    num_examples: " + split.records() + "\n");
            }
            out.write("---\n\n");
            out.write(body);
        }
        return file.describe();
    }

    /** Each field as a YAML list item at {@code indent}. */
    private static void fields(Writer out, List<Field> fields, String indent) throws IOException {
        for (Field field : fields) {
            out.write(indent + "- name: " + quote(field.name()) + "\n");
            type(out, field.type(), indent + "  ");
        }
    }

    /** The keys that declare {@code type}, at {@code indent}, in the card's YAML. */
    private static void type(Writer out, Feature type, String indent) throws IOException {
        if (type instanceof Value value) {
            out.write(indent + "dtype: " + value.dtype() + "\n");
        } else if (type instanceof ClassLabel labels) {
            out.write(indent + "dtype:\n");
            classLabel(out, labels, indent + "  ");
        } else if (type instanceof Struct struct) {
            out.write(indent + "struct:" + (struct.fields().isEmpty() ? " []" : "") + "\n");
            fields(out, struct.fields(), indent);
        } else if (type instanceof ListOf list) {
            out.write(indent + "list:" + (list.element().fields().isEmpty() ? " []" : "") + "\n");
            fields(out, list.element().fields(), indent);
        } else if (type instanceof Sequence sequence && sequence.element() instanceof Value value) {
            out.write(indent + "sequence: " + value.dtype() + "\n");
        } else if (type instanceof Sequence sequence && sequence.element() instanceof ClassLabel labels) {
            out.write(indent + "sequence:\n");
            classLabel(out, labels, indent + "  ");
        } else {
            throw new IllegalArgumentException("The card cannot declare " + type);
        }
    }

    private static void classLabel(Writer out, ClassLabel labels, String indent) throws IOException {
        out.write(indent + "class_label:\n" + indent + "  names:" + (labels.names().isEmpty() ? " {}" : "") + "\n");
        for (int i = 0; i < labels.names().size(); i++) {
            out.write(indent + "    '" + i + "': " + quote(labels.names().get(i)) + "\n");
        }
    }

    /** Line breaks YAML would fold (NEL, LS, PS among them) and every control escaped, inside double quotes. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    /** The label keys of a selection, in the project's order: the names of the spans' {@code ClassLabel}. */
    static List<String> labelKeys(ExportContext context) {
        return context.labels().stream().map(ExportContext.LabelInfo::key).toList();
    }

    /** A Markdown table of a card's splits. */
    static String splitTable(List<SplitFile> splits, String unit) {
        StringBuilder table = new StringBuilder("| split | file | " + unit + " |\n|---|---|---|\n");
        for (SplitFile split : splits) {
            table.append("| ").append(split.split().huggingFace()).append(" | `").append(split.file()).append("` | ")
                    .append(split.records()).append(" |\n");
        }
        return table.toString();
    }
}
