package io.gloss.dataset.format;

import io.gloss.entity.EntityLink;

/**
 * How the exports name the entity a span links to: by its Wikidata id where it has one, so that
 * other tools can resolve it, else by an id local to this Gloss project (entity ids never change;
 * a merged entity's spans link to the one it was merged into).
 */
final class EntityReference {

    /** Wikidata's concept IRI, the one its RDF and SPARQL use. */
    static final String WIKIDATA_IRI = "http://www.wikidata.org/entity/";

    private EntityReference() {
    }

    /** An IRI for W3C bodies: Wikidata's, else {@code urn:gloss:entity:<id>}. */
    static String iri(EntityLink entity) {
        return entity.qid() != null ? WIKIDATA_IRI + entity.qid() : "urn:gloss:entity:" + entity.id();
    }

    /** brat's normalization reference {@code DB:ID}: {@code Wikidata:Q…}, else {@code Gloss:entity-<id>}. */
    static String brat(EntityLink entity) {
        return entity.qid() != null ? "Wikidata:" + entity.qid() : "Gloss:entity-" + entity.id();
    }
}
