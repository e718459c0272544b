/**
 * The review queue's live changes without the DOM: which annotations belong on the page (its
 * filters), what an event of a project's stream does to the rows shown (a row to read from the
 * server, to add or to show as changed; a row to mark as gone, and why), and which events were
 * taken already, since a replay after a reconnection may repeat them. Counts are not kept here:
 * the page reads them again from the server after changes that may move them (see `countsStale`),
 * so an event can never be counted twice or a count drift from the queue.
 *
 * review.ts wires it to the page; queueLive.test.ts tests it.
 */
import type { Change } from "./live.js";
import type { Status } from "./queue.js";

/** An annotation as an event carries it (GET /api/annotations/{id}), in the fields the queue reads. */
export interface QueueAnnotation {
  id: number;
  articleId: number;
  label: string;
  /** MERGED: a curator merged it into an identical span someone else gave (never a tab of the queue). */
  status: Status | "MERGED";
  author: string;
  reviewer: string | null;
  comment: string | null;
  version: number;
}

/** The page's filters, as the server read the rows with them (label keys in capitals); null: any. */
export interface QueueFilter {
  status: Status;
  label: string | null;
  article: number | null;
  author: string | null;
}

/** Whether an annotation (not deleted) belongs in the queue under these filters. */
export function matches(filter: QueueFilter, annotation: QueueAnnotation): boolean {
  return annotation.status === filter.status
    && (filter.label === null || annotation.label === filter.label)
    && (filter.article === null || annotation.articleId === filter.article)
    && (filter.author === null || annotation.author === filter.author);
}

/**
 * Whether a change of this annotation can move the counts under these filters: its article and
 * author never change, so one of another article or author never counts; its status and label do.
 */
export function concerns(filter: QueueFilter, annotation: QueueAnnotation): boolean {
  return (filter.article === null || annotation.articleId === filter.article)
    && (filter.author === null || annotation.author === filter.author);
}

/** Why a row shown no longer belongs in the queue. */
export type Gone =
  | { why: "approved" | "rejected" | "merged"; by: string | null; comment: string | null }
  | { why: "deleted" }
  | { why: "back-to-review" }
  | { why: "relabelled"; label: string };

export function goneOf(filter: QueueFilter, annotation: QueueAnnotation, deleted: boolean): Gone {
  if (deleted) return { why: "deleted" };
  if (annotation.status === filter.status) return { why: "relabelled", label: annotation.label };
  if (annotation.status === "SUBMITTED") return { why: "back-to-review" };
  const why = annotation.status === "APPROVED" ? "approved" : annotation.status === "MERGED" ? "merged" : "rejected";
  return { why, by: annotation.reviewer, comment: annotation.comment };
}

/** The sentence on a gone row; `labelName` gives a label key's name. */
export function goneSentence(gone: Gone, me: string, labelName: (key: string) => string): string {
  switch (gone.why) {
    case "approved":
    case "rejected":
    case "merged": {
      const verb = { approved: "Approved", rejected: "Rejected", merged: "Merged into an identical span in curation" }[gone.why];
      const by = gone.by === null ? "" : gone.by === me ? " by you" : ` by ${gone.by}`;
      return gone.comment ? `${verb}${by}: “${gone.comment}”.` : `${verb}${by}.`;
    }
    case "deleted":
      return "Deleted by its author.";
    case "back-to-review":
      return "Changed and back in review.";
    case "relabelled":
      return `Relabelled ${labelName(gone.label)}: no longer matches the label filter.`;
  }
}

/** What the page does after events: rows to mark as gone, and rows to read (to add or refresh). */
export interface Work {
  leave: Array<{ id: number; gone: Gone }>;
  fetch: Array<{ projectId: number; annotation: QueueAnnotation }>;
}

/** A row on the page: the version it shows, and whether it is marked gone. */
interface Shown {
  version: number;
  gone: boolean;
}

/** The latest an event said of an annotation. */
interface Latest {
  projectId: number;
  annotation: QueueAnnotation;
  deleted: boolean;
}

/**
 * The queue page's rows as the events change them. Events are taken once: by cursor per project
 * (a replay repeats cursors) and by version per annotation (the rows rendered may already be newer
 * than an event replayed from before them, and the reviewer's own decisions come back as events).
 */
export class LiveQueue {
  private readonly cursors = new Map<number, number>();
  private readonly latest = new Map<number, Latest>();
  private readonly shown = new Map<number, Shown>();
  private readonly touched = new Set<number>();
  private stale = false;

  /**
   * `rows`: the rows rendered; `cursors`: each project's cursor at render; `appendable`: the page
   * is the queue's last, so a newcomer (which enters the queue last, oldest first) belongs on it.
   */
  constructor(private readonly filter: QueueFilter, rows: ReadonlyArray<{ id: number; version: number }>,
    cursors: Readonly<Record<string, string>>, private readonly appendable: boolean) {
    for (const row of rows) this.shown.set(row.id, { version: row.version, gone: false });
    for (const [project, cursor] of Object.entries(cursors)) this.cursors.set(Number(project), Number(cursor));
  }

  /** An event of a project's stream; false when taken before (or older than what the page shows). */
  receive(projectId: number, cursor: string, change: Change<QueueAnnotation>): boolean {
    if (cursor !== "") {
      const at = Number(cursor);
      if (at <= (this.cursors.get(projectId) ?? -1)) return false;
      this.cursors.set(projectId, at);
    }
    const annotation = change.annotation;
    const known = this.latest.get(annotation.id);
    if (known?.deleted) return false; // ids are never reused
    const deleted = change.type === "deleted";
    // A deletion carries the annotation as it was: its version is not newer.
    const newest = Math.max(known?.annotation.version ?? -1, this.shown.get(annotation.id)?.version ?? -1);
    if (!deleted && annotation.version <= newest) return false;
    this.latest.set(annotation.id, { projectId, annotation, deleted });
    this.touched.add(annotation.id);
    if (concerns(this.filter, annotation)) this.stale = true;
    return true;
  }

  /** The work the events since the last call ask for. Rows to leave are marked gone at once. */
  work(): Work {
    const work: Work = { leave: [], fetch: [] };
    for (const id of this.touched) {
      const { projectId, annotation, deleted } = this.latest.get(id)!;
      const shown = this.shown.get(id);
      if (!deleted && matches(this.filter, annotation)) {
        if (shown ? shown.gone || shown.version < annotation.version : this.appendable) work.fetch.push({ projectId, annotation });
      } else if (shown && !shown.gone) {
        shown.gone = true;
        work.leave.push({ id, gone: goneOf(this.filter, annotation, deleted) });
      }
    }
    this.touched.clear();
    return work;
  }

  /**
   * A row read from the server: whether the page shows it (adds it, or refreshes the one there).
   * Not when an event has meanwhile said it left (the read may have come just before that change).
   */
  place(id: number, version: number): boolean {
    const latest = this.latest.get(id);
    if (latest?.deleted) return false;
    if (latest && latest.annotation.version > version && !matches(this.filter, latest.annotation)) return false;
    const shown = this.shown.get(id);
    if (shown && !shown.gone && shown.version >= version) return false;
    this.shown.set(id, { version, gone: false });
    return true;
  }

  /** The reviewer's own decision took the row off the page: as gone, should it come back it is read again. */
  removed(id: number): void {
    const shown = this.shown.get(id);
    if (shown) shown.gone = true;
  }

  /**
   * The row's version after the reviewer's own relabel, whose event is then no news. Under a label
   * filter the relabel moves the counts, which are read again.
   */
  changed(id: number, version: number): void {
    const shown = this.shown.get(id);
    if (shown && version > shown.version) shown.version = version;
    if (this.filter.label !== null) this.stale = true;
  }

  isGone(id: number): boolean {
    return this.shown.get(id)?.gone ?? false;
  }

  /** Rows shown that still wait (not gone). */
  get open(): number {
    let open = 0;
    for (const shown of this.shown.values()) if (!shown.gone) open++;
    return open;
  }

  /** Whether events since the last call may have moved the counts (then the page reads them again). */
  countsStale(): boolean {
    const stale = this.stale;
    this.stale = false;
    return stale;
  }
}
