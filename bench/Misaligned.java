import io.gloss.text.CodePointText;
import io.gloss.text.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How many name-like spans the CoNLL tokenizer cannot hold: every capitalised run of letters in
 * the corpus ("Russia" in "Russia-Ukraine", "Kremlin" in "pro-Kremlin", "Zelensky" in
 * "Zelensky’s") stands for a span a person would tag as an actor or a location, and is counted
 * misaligned when its start or end is not a token boundary, as the CoNLL export decides.
 *
 *   java -cp target/classes bench/Misaligned.java ../shared/corpus
 */
public class Misaligned {

    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}]*");

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        long spans = 0;
        long misaligned = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            CodePointText points = new CodePointText(text);
            Tokenizer.Tokens tokens = Tokenizer.tokenize(points);
            Matcher name = NAME.matcher(text);
            while (name.find()) {
                int start = text.codePointCount(0, name.start());
                int end = start + text.codePointCount(name.start(), name.end());
                spans++;
                if (tokens.startingAt(start) < 0 || tokens.endingAt(end) < 0) {
                    misaligned++;
                    if (args.length > 1) {
                        int from = Math.max(0, name.start() - 15);
                        System.out.println(file.getFileName() + ": " + text.substring(from, Math.min(text.length(), name.end() + 15))
                                .replace('\n', ' ') + "  [" + name.group() + "]");
                    }
                }
            }
        }
        System.out.printf("%d files, %d name-like spans, %d misaligned (%.2f %%)%n", files.size(), spans, misaligned,
                100.0 * misaligned / spans);
    }
}
