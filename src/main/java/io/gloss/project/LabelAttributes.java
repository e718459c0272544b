package io.gloss.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gloss.web.GlossException;
import io.gloss.web.Numbers;
import io.gloss.web.Texts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A label's attribute definitions and the values spans give them, both kept as JSON text (the
 * columns {@code label.attributes} and {@code annotation.attributes}): checked here, on the way
 * in, so that what is stored always fits the definitions it was written against.
 */
public final class LabelAttributes {

    static final int MAX_ATTRIBUTES = 20;
    static final int MAX_CHOICES = 50;
    static final int MAX_NAME_CHARS = 100;
    public static final int MAX_TEXT_CHARS = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of(LabelAttribute.NUMBER, LabelAttribute.TEXT, LabelAttribute.CHOICE);

    private LabelAttributes() {
    }

    /** The definitions an admin sends, checked: keys unique, types known, choices only (and always) for a choice. */
    static List<LabelAttribute> check(List<LabelAttribute> input) {
        if (input.size() > MAX_ATTRIBUTES) {
            throw GlossException.badRequest("attributes", "A label has at most " + MAX_ATTRIBUTES + " attributes.");
        }
        List<LabelAttribute> checked = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (LabelAttribute a : input) {
            String key = a == null || a.key() == null ? "" : a.key().strip();
            if (!key.matches("[a-z][a-z0-9_]{0,49}")) {
                throw GlossException.badRequest("attributes", "An attribute key is 1 to 50 small letters, digits or underscores, starting with a letter (e.g. figure); not \""
                        + Texts.excerpt(key) + "\".");
            }
            if (!keys.add(key)) {
                throw GlossException.badRequest("attributes", "The attribute " + key + " is defined twice.");
            }
            String type = a.type() == null ? "" : a.type().strip();
            if (!TYPES.contains(type)) {
                throw GlossException.badRequest("attributes", "The attribute " + key + " needs a type: number, text or choice.");
            }
            String name = Texts.optional("attributes", a.name(), MAX_NAME_CHARS);
            checked.add(new LabelAttribute(key, name == null ? key : name, type, choices(key, type, a.choices())));
        }
        return checked;
    }

    private static List<String> choices(String key, String type, List<String> values) {
        if (!LabelAttribute.CHOICE.equals(type)) {
            if (values != null && !values.isEmpty()) {
                throw GlossException.badRequest("attributes", "Only a choice has choices; " + key + " is a " + type + ".");
            }
            return null;
        }
        Set<String> choices = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            String choice = Texts.optional("attributes", value, MAX_NAME_CHARS);
            if (choice != null) {
                choices.add(choice);
            }
        }
        if (choices.isEmpty() || choices.size() > MAX_CHOICES) {
            throw GlossException.badRequest("attributes", "The choice " + key + " needs 1 to " + MAX_CHOICES + " choices.");
        }
        return List.copyOf(choices);
    }

    /** A label's definitions, from its column. */
    public static List<LabelAttribute> of(Label label) {
        if (label.attributes == null) {
            return List.of();
        }
        try {
            return JSON.readValue(label.attributes, new TypeReference<List<LabelAttribute>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("label.attributes of label " + label.id + " is not JSON", e);
        }
    }

    static String write(List<LabelAttribute> definitions) {
        return definitions.isEmpty() ? null : json(definitions);
    }

    /**
     * A span's values, checked against its label's definitions and in their order: a number is a
     * JSON number, a text a string, a choice one of its choices; null drops the key. Any other key
     * or value is a 400 naming it ({@code field}: {@code attributes.<key>}).
     */
    public static Map<String, Object> values(Label label, Map<String, JsonNode> input) {
        Map<String, LabelAttribute> definitions = new LinkedHashMap<>();
        of(label).forEach(a -> definitions.put(a.key(), a));
        for (String key : input.keySet()) {
            if (!definitions.containsKey(key)) {
                throw GlossException.badRequest("attributes." + Texts.excerpt(key), "The label " + label.name
                        + (definitions.isEmpty() ? " has no attributes" : " has the attributes " + String.join(", ", definitions.keySet()))
                        + "; not \"" + Texts.excerpt(key) + "\".");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (LabelAttribute a : definitions.values()) {
            JsonNode node = input.get(a.key());
            if (node != null && !node.isNull()) {
                values.put(a.key(), value(a, node));
            }
        }
        return values;
    }

    private static Object value(LabelAttribute a, JsonNode node) {
        String field = "attributes." + a.key();
        switch (a.type()) {
            case LabelAttribute.NUMBER -> {
                BigDecimal number = node.isNumber() && (!node.isFloatingPointNumber() || Double.isFinite(node.doubleValue()))
                        ? node.decimalValue() : null;
                if (number == null || !Numbers.bounded(number)) {
                    throw GlossException.badRequest(field, a.key() + " is a number, e.g. 3000; not " + Texts.excerpt(node.toString()) + ".");
                }
                return number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number.stripTrailingZeros();
            }
            case LabelAttribute.TEXT -> {
                if (!node.isTextual()) {
                    throw GlossException.badRequest(field, a.key() + " is a text; send a string.");
                }
                return Texts.limit(field, Texts.requirePlainText(field, node.textValue()), MAX_TEXT_CHARS);
            }
            default -> {
                if (!node.isTextual() || !a.choices().contains(node.textValue())) {
                    throw GlossException.badRequest(field, a.key() + " is one of " + String.join(", ", a.choices()) + "; not "
                            + Texts.excerpt(node.toString()) + ".");
                }
                return node.textValue();
            }
        }
    }

    /** The values as the column keeps them: JSON text, null when there are none. */
    public static String write(Map<String, Object> values) {
        return values.isEmpty() ? null : json(values);
    }

    /** The values of a span, from its column: numbers, strings. */
    public static Map<String, Object> read(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("annotation.attributes is not JSON", e);
        }
    }

    /** The values a span keeps when it takes this label: those it defines, each still valid for it. */
    public static Map<String, Object> stillDefined(Label label, Map<String, Object> values) {
        Map<String, Object> kept = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            try {
                kept.putAll(values(label, Map.of(key, JSON.valueToTree(value))));
            } catch (GlossException e) {
                // a value the label does not define, or defines otherwise: dropped with the change
            }
        });
        return kept;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attributes could not be written as JSON", e);
        }
    }
}
