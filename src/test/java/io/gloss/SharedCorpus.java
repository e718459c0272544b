package io.gloss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared sample corpus of real news articles, beside the repository (or -Dgloss.corpus-dir). */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("gloss.corpus-dir", "../shared/corpus"));
    }

    /** The corpus's articles (.txt), in name order. */
    public static List<Path> files() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The shared corpus is missing at " + dir().toAbsolutePath(), e);
        }
    }
}
