package io.gloss.claim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The claims board, grouped in plain Java from rows the database gave ({@link ClaimQueries}). A
 * claim's subjects are the entities linked to the spans it relates to (the targets of its live
 * relations: ATTRIBUTED_TO an actor, LOCATED_IN a place) and to the linked spans inside its own
 * quote; a claim with several subjects is on the board under each. A subject's claims are in the
 * order of their articles' publication date (undated last), then article, then offset; subjects
 * whose figures disagree come first, then by name.
 */
public final class ClaimBoard {

    static final String ATTRIBUTED_TO = "ATTRIBUTED_TO";
    static final String LOCATED_IN = "LOCATED_IN";

    /** A CLAIM span with its article and the figure and unit it states (either may be null). */
    public record ClaimRow(long annotationId, long articleId, String title, String source, String published, int start,
            int end, String quote, BigDecimal figure, String unit) {
    }

    /** A span the claim relates to, through a relation of type {@code type}. */
    public record RelationRow(long claimId, String type, long annotationId, String quote, Long entityId) {
    }

    /** A span linked to an entity, where it lies. */
    public record LinkedSpan(long annotationId, long articleId, int start, int end, Long entityId) {
    }

    /** An entity a claim is about, as the board names it. */
    public record Subject(long id, String name, String type, String qid) {
    }

    /** The other end of a claim's relation: the span, and its entity's id and name when it links one. */
    // A name of its own in /q/openapi, where another record is named the same: a stable one for clients.
    @Schema(name = "ClaimEnd")
    public record End(long annotationId, String quote, Long entityId, String entity) {

        /** What the page shows: the entity's name, else the span's words. */
        public String shown() {
            return entity != null ? entity : quote;
        }
    }

    public record Claim(long annotationId, long articleId, String title, String source, String published, String quote,
            BigDecimal figure, String unit, List<End> attributedTo, List<End> locatedIn) {
    }

    public record Item(Subject subject, List<Claim> claims, List<BigDecimal> figures, boolean conflict) {
    }

    private static final Comparator<ClaimRow> BY_DATE = Comparator
            .comparing(ClaimRow::published, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparingLong(ClaimRow::articleId).thenComparingInt(ClaimRow::start).thenComparingInt(ClaimRow::end)
            .thenComparingLong(ClaimRow::annotationId);

    private ClaimBoard() {
    }

    /**
     * The board: every subject with at least one claim ({@code only}: that entity alone, or null).
     * {@code subjects} names the entities; a link to an entity missing from it is ignored.
     */
    public static List<Item> build(List<ClaimRow> claims, List<RelationRow> relations, List<LinkedSpan> linked,
            Map<Long, Subject> subjects, Long only) {
        Map<Long, List<RelationRow>> relationsOf = new HashMap<>();
        relations.forEach(r -> relationsOf.computeIfAbsent(r.claimId(), k -> new ArrayList<>()).add(r));
        Map<Long, List<LinkedSpan>> linkedIn = new HashMap<>();
        linked.forEach(s -> linkedIn.computeIfAbsent(s.articleId(), k -> new ArrayList<>()).add(s));

        Map<Long, List<ClaimRow>> bySubject = new LinkedHashMap<>();
        Map<Long, Claim> shown = new HashMap<>();
        for (ClaimRow row : claims.stream().sorted(BY_DATE).toList()) {
            List<RelationRow> own = relationsOf.getOrDefault(row.annotationId(), List.of());
            Set<Long> about = new LinkedHashSet<>();
            own.forEach(r -> about.add(r.entityId()));
            for (LinkedSpan s : linkedIn.getOrDefault(row.articleId(), List.of())) {
                if (s.start() >= row.start() && s.end() <= row.end()) {
                    about.add(s.entityId());
                }
            }
            for (Long entity : about) {
                if (entity != null && subjects.containsKey(entity) && (only == null || only.equals(entity))) {
                    bySubject.computeIfAbsent(entity, k -> new ArrayList<>()).add(row);
                }
            }
            shown.put(row.annotationId(), new Claim(row.annotationId(), row.articleId(), row.title(), row.source(),
                    row.published(), row.quote(), row.figure(), row.unit(), ends(own, ATTRIBUTED_TO, subjects),
                    ends(own, LOCATED_IN, subjects)));
        }
        List<Item> items = new ArrayList<>();
        bySubject.forEach((entity, rows) -> {
            List<Claim> list = rows.stream().map(r -> shown.get(r.annotationId())).toList();
            items.add(new Item(subjects.get(entity), list, figures(list), conflict(list)));
        });
        items.sort(Comparator.comparing((Item i) -> !i.conflict())
                .thenComparing(i -> i.subject().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparingLong(i -> i.subject().id()));
        return items;
    }

    /** The distinct figures, in the order the claims state them first. */
    static List<BigDecimal> figures(List<Claim> claims) {
        Set<BigDecimal> figures = new LinkedHashSet<>();
        claims.stream().map(Claim::figure).filter(f -> f != null).forEach(f -> figures.add(canonical(f)));
        return List.copyOf(figures);
    }

    /** Two claims of one unit (compared ignoring case and spaces around; no unit is a unit too) state different figures. */
    static boolean conflict(List<Claim> claims) {
        Map<String, Set<BigDecimal>> byUnit = new HashMap<>();
        for (Claim c : claims) {
            if (c.figure() != null) {
                String unit = c.unit() == null ? "" : c.unit().strip().toLowerCase(Locale.ROOT);
                byUnit.computeIfAbsent(unit, k -> new LinkedHashSet<>()).add(canonical(c.figure()));
            }
        }
        return byUnit.values().stream().anyMatch(f -> f.size() > 1);
    }

    /** 3000, 3000.0 and 3E+3 are one figure. */
    static BigDecimal canonical(BigDecimal figure) {
        BigDecimal stripped = figure.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static List<End> ends(List<RelationRow> relations, String type, Map<Long, Subject> subjects) {
        return relations.stream().filter(r -> r.type().equals(type)).map(r -> {
            Subject s = r.entityId() == null ? null : subjects.get(r.entityId());
            return new End(r.annotationId(), r.quote(), s == null ? null : s.id(), s == null ? null : s.name());
        }).toList();
    }
}
