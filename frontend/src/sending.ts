/**
 * The annotation page's requests to the JSON API: create, revise, delete, decide; relate two spans
 * and delete a relation. Each answers the annotation (AnnotationView) or relation (RelationView) as
 * the server stored it; a refusal is an ApiError with its sentence.
 */
import { ApiError, send } from "./requests.js";
import type { Annotation, AttributeValues, Decision, Entity, Relation, Suggestion } from "./types.js";

/** Body of POST /api/annotations. */
export interface NewAnnotation {
  articleId: number;
  label: string;
  start: number;
  end: number;
  quote: string;
  note: string | null;
}

/** What to revise of an annotation: its label, its span (offsets and quote), its note, its entity (null: unlink), its attributes. */
export interface Revision {
  label?: string;
  start?: number;
  end?: number;
  quote?: string;
  note?: string | null;
  entityId?: number | null;
  attributes?: AttributeValues;
}

/**
 * Body of PUT /api/annotations/{id}: every field as it is unless revised, the version read, and
 * `resubmit`, which alone sends a rejected annotation back to review (editing it does not).
 */
export function revisionBody(annotation: Annotation, revision: Revision, resubmit: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    label: revision.label ?? annotation.label,
    start: revision.start ?? annotation.start,
    end: revision.end ?? annotation.end,
    quote: revision.quote ?? annotation.quote,
    // Sent as typed: an empty note clears it, whereas null would mean "leave the note as it is".
    note: revision.note !== undefined ? revision.note : annotation.note,
    version: annotation.version,
    resubmit,
  };
  // Left out, the server keeps the link and the values; sent, null unlinks and the values replace all.
  if (revision.entityId !== undefined) body.entityId = revision.entityId;
  if (revision.attributes !== undefined) body.attributes = revision.attributes;
  return body;
}

/**
 * A span as the page draws it while its POST is under way: what was sent, by the person, with a
 * negative id no stored annotation has (`isPending`), until the server's answer replaces it.
 */
export function pendingAnnotation(body: NewAnnotation, author: string, id: number): Annotation {
  return {
    ...body, id, status: "SUBMITTED", author, reviewer: null, comment: null, version: 0, created: "", updated: "",
  };
}

/** Whether the page drew this span before the server stored it. */
export function isPending(annotation: Pick<Annotation, "id">): boolean {
  return annotation.id < 0;
}

export class Sending {
  constructor(private readonly csrf: string) {}

  async create(body: NewAnnotation): Promise<Annotation> {
    return (await (await send(this.csrf, "POST", "/api/annotations", body)).json()) as Annotation;
  }

  async revise(annotation: Annotation, revision: Revision, resubmit = false): Promise<Annotation> {
    const response = await send(this.csrf, "PUT", `/api/annotations/${annotation.id}`, revisionBody(annotation, revision, resubmit));
    return (await response.json()) as Annotation;
  }

  /** The project's entities whose name or an alias is near `q`, best first. */
  async entities(projectId: number, q: string): Promise<Entity[]> {
    const response = await send(this.csrf, "GET", `/api/projects/${projectId}/entities?q=${encodeURIComponent(q)}`);
    return ((await response.json()) as { items: Entity[] }).items;
  }

  /** A new entity named as the span, of its label's type; one of that name and type already there is taken instead. */
  async entityFor(projectId: number, name: string, type: string): Promise<number> {
    try {
      const response = await send(this.csrf, "POST", `/api/projects/${projectId}/entities`, { name, type });
      return ((await response.json()) as Entity).id;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409) throw error;
      const same = (await this.entities(projectId, name)).find((e) => e.name === name.trim() && e.type === type);
      if (!same) throw error;
      return same.id;
    }
  }

  async remove(annotation: Annotation): Promise<void> {
    await send(this.csrf, "DELETE", `/api/annotations/${annotation.id}`);
  }

  async decide(annotation: Annotation, decision: Decision, comment: string | null): Promise<Annotation> {
    const response = await send(this.csrf, "POST", `/api/annotations/${annotation.id}/decision`,
      { decision, comment, version: annotation.version });
    return (await response.json()) as Annotation;
  }

  /** POST /api/relations: a relation of type `type` from one span to another. */
  async relate(type: string, fromId: number, toId: number): Promise<Relation> {
    const response = await send(this.csrf, "POST", "/api/relations", { type, fromId, toId, note: null });
    return (await response.json()) as Relation;
  }

  async removeRelation(relation: Relation): Promise<void> {
    await send(this.csrf, "DELETE", `/api/relations/${relation.id}`);
  }

  /** The article's suggestions the editor has still to decide, in text order. */
  async suggestions(articleId: number): Promise<Suggestion[]> {
    const response = await send(this.csrf, "GET", `/api/articles/${articleId}/suggestions`);
    return ((await response.json()) as { items: Suggestion[] }).items;
  }

  /** Accepting a suggestion makes the editor's annotation. */
  async acceptSuggestion(id: number): Promise<Annotation> {
    return (await (await send(this.csrf, "POST", `/api/suggestions/${id}/accept`)).json()) as Annotation;
  }

  async rejectSuggestion(id: number): Promise<void> {
    await send(this.csrf, "POST", `/api/suggestions/${id}/reject`);
  }

  /** Accepts every open suggestion of a label on the article: the annotations made. */
  async acceptAllSuggestions(articleId: number, label: string): Promise<Annotation[]> {
    const response = await send(this.csrf, "POST", `/api/articles/${articleId}/suggestions/accept?label=${encodeURIComponent(label)}`);
    return ((await response.json()) as { items: Annotation[] }).items;
  }

  /** "Label all occurrences" of a span: how many suggestions were made. */
  async labelOccurrences(annotationId: number, scope: "article" | "project"): Promise<number> {
    const response = await send(this.csrf, "POST", `/api/annotations/${annotationId}/occurrences`, { scope });
    return ((await response.json()) as { created: number }).created;
  }
}
