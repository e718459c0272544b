package io.gloss.recommender;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * News-like text made up by the bench, with its names known: invented people (ACTOR) and places
 * (LOCATION), from syllables, in sentences from a few templates. Seeded: every run makes the same
 * articles. No sentence of the shared corpus is copied.
 */
final class BenchText {

    private static final String[] SYLLABLES = {"ka", "lo", "mir", "va", "sen", "dra", "to", "bel", "ri", "nan", "os", "te",
        "gar", "lu", "vik", "mo", "san", "ef", "dor", "il", "pra", "zu", "hem", "ta"};

    /** {A}: an actor, {L}: a place; the rest is filler a model must learn to leave alone. */
    private static final String[] TEMPLATES = {
        "{A} said the talks in {L} would resume next week.",
        "Officials in {L} confirmed that {A} had left for {L} on Monday.",
        "According to {A}, the agreement signed in {L} remains in force.",
        "{A} and {A} discussed the harvest, the budget and the new bridge.",
        "The ministry did not comment on the figures published on Friday.",
        "Reports from {L} suggest that the plan was delayed by heavy rain.",
        "{A}'s spokesman said the delegation from {L} arrived late.",
        "Prices rose again in March, analysts said, and may rise further.",
        "A court in {L} will hear the case of {A} in the spring.",
        "Thousands gathered in central {L} to hear {A} speak.",
        "The company said it would open two factories, one near {L}.",
        "Asked about the vote, {A} declined to answer."};

    private final Random random;
    private final List<String> actors = new ArrayList<>();
    private final List<String> places = new ArrayList<>();

    BenchText(long seed, int actors, int places) {
        random = new Random(seed);
        for (int i = 0; i < actors; i++) {
            this.actors.add(word(2) + " " + word(2 + random.nextInt(2)));
        }
        for (int i = 0; i < places; i++) {
            this.places.add(random.nextInt(4) == 0 ? "Port " + word(3) : word(2 + random.nextInt(2)));
        }
    }

    private String word(int syllables) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** An article of at least {@code length} characters: paragraphs of sentences, with its names as spans. */
    TrainingArticle article(long id, int length) {
        StringBuilder text = new StringBuilder();
        List<LabelledSpan> spans = new ArrayList<>();
        while (text.length() < length) {
            String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
            int from = 0;
            for (int at = template.indexOf('{'); at >= 0; at = template.indexOf('{', from)) {
                text.append(template, from, at);
                boolean actor = template.charAt(at + 1) == 'A';
                String name = actor ? actors.get(random.nextInt(actors.size())) : places.get(random.nextInt(places.size()));
                spans.add(LabelledSpan.approved(text.length(), text.length() + name.length(), actor ? "ACTOR" : "LOCATION"));
                text.append(name);
                from = at + 3;
            }
            text.append(template.substring(from)).append(random.nextInt(5) == 0 ? "\n\n" : " ");
        }
        return new TrainingArticle(id, text.toString().strip(), spans);
    }
}
