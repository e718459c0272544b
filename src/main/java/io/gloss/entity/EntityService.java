package io.gloss.entity;

import io.gloss.audit.AuditService;
import io.gloss.auth.CurrentUser;
import io.gloss.db.Timestamps;
import io.gloss.project.Label;
import io.gloss.project.Project;
import io.gloss.project.ProjectService;
import io.gloss.web.GlossException;
import io.gloss.web.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A project's entities: found by near spellings, created (often from a span), renamed, merged by
 * reviewers and deleted by admins, every change audited. The spans linked to them are answered by
 * {@link EntityMentions}.
 */
@ApplicationScoped
public class EntityService {

    static final int MAX_NAME_CHARS = 300;
    static final int MAX_ALIASES = 100;
    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]{0,15}");

    /** {@code POST /api/projects/{id}/entities} body. */
    public record NewEntity(String name, String type, List<String> aliases, String qid) {
    }

    /** {@code PUT /api/entities/{id}} body: absent fields keep their value, {@code aliases} replaces the list, a blank {@code qid} removes it. */
    public record EntityChange(String name, String type, List<String> aliases, String qid) {
    }

    /** {@code POST /api/entities/{id}/merge} body. */
    public record MergeRequest(Long into) {
    }

    @Inject
    ProjectService projects;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditService audit;

    @Inject
    EntityMentions mentions;

    @Inject
    Event<EntityRelinking> relinking;

    /** The project's entities, or with {@code q} those whose name or an alias is near it, best first. */
    @Transactional
    public List<EntityView> list(Long projectId, String q) {
        Project project = projects.require(projectId);
        List<NamedEntity> entities = NamedEntity.ofProject(project.id);
        Map<Long, List<String>> aliases = EntityAlias.ofAll(entities.stream().map(e -> e.id).toList());
        if (q != null && !q.isBlank()) {
            String query = Texts.limit("q", Texts.requirePlainText("q", q), MAX_NAME_CHARS);
            entities = NameSearch.rank(query, entities, e -> names(e, aliases));
        }
        return views(entities, aliases);
    }

    /** An entity the current user may see; otherwise 404, the same whether it does not exist or is another project's. */
    @Transactional
    public NamedEntity require(Long id) {
        NamedEntity entity = id == null ? null : NamedEntity.findById(id);
        if (entity == null || !projects.canSee(entity.projectId)) {
            throw GlossException.notFound("Entity " + id);
        }
        return entity;
    }

    @Transactional
    public EntityView get(Long id) {
        return view(require(id));
    }

    @Transactional
    public EntityView create(Long projectId, NewEntity input) {
        Project project = projects.requireWritable(projectId);
        if (input == null) {
            throw GlossException.badRequest("name", "Send an entity: {name, type, aliases, qid}.");
        }
        String name = name(input.name());
        String type = type(project.id, input.type());
        NamedEntity twin = NamedEntity.named(project.id, type, name);
        if (twin != null) {
            throw GlossException.conflict("duplicate", "The project has the " + type + " " + name + " already.")
                    .with("existingId", twin.id);
        }
        NamedEntity entity = new NamedEntity();
        entity.projectId = project.id;
        entity.name = name;
        entity.type = type;
        entity.qid = qid(input.qid());
        entity.createdBy = currentUser.username();
        entity.createdAt = Timestamps.now();
        entity.updatedAt = entity.createdAt;
        entity.persist();
        for (String alias : aliases(input.aliases(), name)) {
            EntityAlias.of(entity.id, alias).persist();
        }
        EntityView created = view(entity);
        audit.record(project.id, "entity", entity.id, "create", null, created);
        return created;
    }

    @Transactional
    public EntityView update(Long id, EntityChange change) {
        NamedEntity entity = require(id);
        projects.requireWritable(entity.projectId);
        if (change == null) {
            throw GlossException.badRequest("name", "Send the fields to change: {name, type, aliases, qid}.");
        }
        EntityView before = view(entity);
        if (change.name() != null) {
            entity.name = name(change.name());
        }
        if (change.type() != null) {
            entity.type = type(entity.projectId, change.type());
        }
        if (change.qid() != null) {
            entity.qid = qid(change.qid());
        }
        if (change.aliases() != null) {
            EntityAlias.deleteOf(entity.id);
            for (String alias : aliases(change.aliases(), entity.name)) {
                EntityAlias.of(entity.id, alias).persist();
            }
        }
        entity.updatedAt = Timestamps.now();
        EntityView after = view(entity);
        audit.record(entity.projectId, "entity", entity.id, "update", before, after);
        return after;
    }

    /** Deletes the entity and its aliases; the spans linked to it stay, unlinked. */
    @Transactional
    public void delete(Long id) {
        NamedEntity entity = require(id);
        projects.requireWritable(entity.projectId);
        EntityView before = view(entity);
        mentions.relink(entity.id, null);
        relinking.fire(new EntityRelinking(entity.id, null));
        EntityAlias.deleteOf(entity.id);
        entity.delete();
        audit.record(entity.projectId, "entity", entity.id, "delete", before, null);
    }

    /**
     * Merges a duplicate into another entity of the project: its spans link to {@code into}, its
     * name and aliases become aliases of {@code into} (which keeps its own Wikidata id, or takes
     * the duplicate's), and the duplicate is gone. Both changes are audited.
     */
    @Transactional
    public EntityView merge(Long id, MergeRequest request) {
        NamedEntity from = require(id);
        projects.requireWritable(from.projectId);
        if (request == null || request.into() == null) {
            throw GlossException.badRequest("into", "into is required: the id of the entity to merge this one into.");
        }
        NamedEntity into = NamedEntity.findById(request.into());
        if (into == null || !into.projectId.equals(from.projectId)) {
            throw GlossException.badRequest("into", "This project has no entity " + request.into() + " to merge into.");
        }
        if (into.id.equals(from.id)) {
            throw GlossException.badRequest("into", "An entity cannot be merged into itself.");
        }
        EntityView fromBefore = view(from);
        EntityView intoBefore = view(into);
        mentions.relink(from.id, into.id);
        relinking.fire(new EntityRelinking(from.id, into.id));
        List<String> moved = new ArrayList<>(fromBefore.aliases());
        moved.add(0, from.name);
        EntityAlias.deleteOf(from.id);
        for (String alias : moved) {
            addAlias(into, alias);
        }
        if (into.qid == null) {
            into.qid = from.qid;
        }
        into.updatedAt = Timestamps.now();
        from.delete();
        EntityView merged = view(into);
        audit.record(from.projectId, "entity", from.id, "merge", fromBefore, merged);
        audit.record(into.projectId, "entity", into.id, "update", intoBefore, merged);
        return merged;
    }

    /** The project of an entity the current user may see. */
    @Transactional
    public Project projectOf(Long id) {
        return Project.findById(require(id).projectId);
    }

    /** The spans linked to the entity that the current user may see. */
    @Transactional
    public List<Mention> mentions(Long id) {
        return mentions.of(require(id));
    }

    /**
     * The entity a span of the project links to, for the annotation being written: 400 naming
     * {@code entityId} unless it is one of the project's. A quote that is neither its name nor an
     * alias yet becomes an alias: aliases grow from linked spans.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public NamedEntity linkSpan(long projectId, long entityId, String quote) {
        NamedEntity entity = NamedEntity.findById(entityId);
        if (entity == null || entity.projectId != projectId) {
            throw GlossException.badRequest("entityId", "This project has no entity " + entityId + ".");
        }
        String alias = quote == null ? "" : quote.strip().replaceAll("\\s+", " ");
        if (!alias.isEmpty() && alias.length() <= MAX_NAME_CHARS) {
            addAlias(entity, alias);
        }
        return entity;
    }

    private static void addAlias(NamedEntity entity, String alias) {
        if (!alias.equals(entity.name) && EntityAlias.of(entity.id).stream().noneMatch(a -> a.alias.equals(alias))) {
            EntityAlias.of(entity.id, alias).persist();
        }
    }

    private EntityView view(NamedEntity entity) {
        return views(List.of(entity), EntityAlias.ofAll(List.of(entity.id))).get(0);
    }

    private List<EntityView> views(List<NamedEntity> entities, Map<Long, List<String>> aliases) {
        Map<Long, Long> counts = mentions.counts(entities.stream().map(e -> e.id).toList());
        return entities.stream()
                .map(e -> EntityView.of(e, aliases.getOrDefault(e.id, List.of()), counts.getOrDefault(e.id, 0L))).toList();
    }

    private static List<String> names(NamedEntity entity, Map<Long, List<String>> aliases) {
        List<String> names = new ArrayList<>(aliases.getOrDefault(entity.id, List.of()));
        names.add(0, entity.name);
        return names;
    }

    private static String name(String value) {
        String name = Texts.optional("name", value == null ? null : value.strip().replaceAll("\\s+", " "), MAX_NAME_CHARS);
        if (name == null) {
            throw GlossException.badRequest("name", "An entity needs a name.");
        }
        return name;
    }

    /** The key of one of the project's labels that link entities. */
    private static String type(long projectId, String value) {
        String key = value == null ? "" : value.strip();
        List<Label> linking = Label.ofProject(projectId).stream().filter(l -> l.linksEntity && l.retiredAt == null).toList();
        String keys = String.join(", ", linking.stream().map(l -> l.key).toList());
        if (linking.stream().noneMatch(l -> l.key.equals(key))) {
            throw GlossException.badRequest("type", key.isEmpty() ? "type is required: the key of a label whose spans link to entities (" + keys + ")."
                    : "An entity's type is the key of a label whose spans link to entities (" + keys + "), not \"" + Texts.excerpt(key) + "\".");
        }
        return key;
    }

    private static String qid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String qid = value.strip();
        if (!QID.matcher(qid).matches()) {
            throw GlossException.badRequest("qid", "A Wikidata id is Q followed by digits, e.g. Q3874799; not \"" + Texts.excerpt(qid) + "\".");
        }
        return qid;
    }

    /** The aliases, stripped, each once, without blanks or the name itself. */
    private static Set<String> aliases(List<String> values, String name) {
        Set<String> aliases = new LinkedHashSet<>();
        if (values == null) {
            return aliases;
        }
        if (values.size() > MAX_ALIASES) {
            throw GlossException.badRequest("aliases", "An entity has at most " + MAX_ALIASES + " aliases.");
        }
        for (String value : values) {
            String alias = value == null ? null : Texts.optional("aliases", value.strip().replaceAll("\\s+", " "), MAX_NAME_CHARS);
            if (alias != null && !alias.equals(name)) {
                aliases.add(alias);
            }
        }
        return aliases;
    }
}
