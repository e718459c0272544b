package io.gloss.suggestion;

import io.gloss.SharedCorpus;
import io.gloss.TestAccounts;
import io.gloss.TestData;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shared corpus as articles of a project, with the texts as stored, and where a pattern matches in them. */
final class CorpusArticles {

    /** A match: {@code text[start:end]} in code points. */
    record Place(int start, int end, String quote) {
    }

    final List<Long> ids = new ArrayList<>();
    final List<String> texts = new ArrayList<>();

    private CorpusArticles() {
    }

    /** Every corpus file as an article of the project, in file order; {@code reader} reads each back as stored (normalised). */
    static CorpusArticles into(long project, TestData data, TestAccounts accounts, String reader) throws IOException {
        CorpusArticles corpus = new CorpusArticles();
        for (Path file : SharedCorpus.files()) {
            long id = data.article(project, file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            corpus.ids.add(id);
            corpus.texts.add(accounts.as(reader).get("/api/articles/" + id).then().statusCode(200).extract().path("text"));
        }
        return corpus;
    }

    /** Where the pattern matches in each article, in code points: a reading of the texts independent of the server's. */
    List<List<Place>> places(Pattern pattern) {
        List<List<Place>> all = new ArrayList<>();
        for (String text : texts) {
            List<Place> places = new ArrayList<>();
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int start = text.codePointCount(0, m.start());
                places.add(new Place(start, start + m.group().codePointCount(0, m.group().length()), m.group()));
            }
            all.add(places);
        }
        return all;
    }

    /** The places of a suggestions listing ({@code GET /api/articles/{id}/suggestions}) from one source, or all (null). */
    static List<Place> listed(JsonPath listed, String source) {
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < listed.getList("items").size(); i++) {
            String at = "items[" + i + "].";
            if (source == null || listed.getString(at + "source").equals(source)) {
                places.add(new Place(listed.getInt(at + "start"), listed.getInt(at + "end"), listed.getString(at + "quote")));
            }
        }
        return places;
    }
}
