/**
 * The annotation page's requests to the JSON API: create, revise, delete, decide. Each answers the
 * annotation as the server stored it (AnnotationView); a refusal is an ApiError with its sentence.
 */
import { send } from "./requests.js";
import type { Annotation, Decision } from "./types.js";

/** Body of POST /api/annotations. */
export interface NewAnnotation {
  articleId: number;
  label: string;
  start: number;
  end: number;
  quote: string;
  note: string | null;
}

/** What to revise of an annotation: its label, its span (offsets and quote), its note. */
export interface Revision {
  label?: string;
  start?: number;
  end?: number;
  quote?: string;
  note?: string | null;
}

/**
 * Body of PUT /api/annotations/{id}: every field as it is unless revised, the version read, and
 * `resubmit`, which alone sends a rejected annotation back to review (editing it does not).
 */
export function revisionBody(annotation: Annotation, revision: Revision, resubmit: boolean): Record<string, unknown> {
  return {
    label: revision.label ?? annotation.label,
    start: revision.start ?? annotation.start,
    end: revision.end ?? annotation.end,
    quote: revision.quote ?? annotation.quote,
    // Sent as typed: an empty note clears it, whereas null would mean "leave the note as it is".
    note: revision.note !== undefined ? revision.note : annotation.note,
    version: annotation.version,
    resubmit,
  };
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

  async remove(annotation: Annotation): Promise<void> {
    await send(this.csrf, "DELETE", `/api/annotations/${annotation.id}`);
  }

  async decide(annotation: Annotation, decision: Decision, comment: string | null): Promise<Annotation> {
    const response = await send(this.csrf, "POST", `/api/annotations/${annotation.id}/decision`,
      { decision, comment, version: annotation.version });
    return (await response.json()) as Annotation;
  }
}
