/**
 * The shapes the annotation page and the review queue share: labels, statuses and decisions as
 * the JSON API and the pages' data carry them.
 */

/** The statuses of review (the queue's tabs). */
export type Status = "SUBMITTED" | "APPROVED" | "REJECTED";
/** Any status an annotation can have: a MERGED one repeats one a curator accepted. */
export type AnnotationStatus = Status | "MERGED";
export type Decision = "APPROVE" | "REJECT";

/** A label of a project's set (LabelView). */
export interface Label {
  key: string;
  name: string;
  color: string;
  shortcut: string | null;
  /** Retired: spans keep it, new ones cannot take it (not in the palette or the label list). */
  retired: boolean;
  description: string | null;
  /** Its spans link to an entity (actors, locations). */
  linksEntity?: boolean;
  /** What its spans carry besides their text (a claim's figure and unit). */
  attributes?: LabelAttribute[];
}

/** One attribute a label defines (LabelAttribute). */
export interface LabelAttribute {
  key: string;
  name: string;
  type: "number" | "text" | "choice";
  choices: string[] | null;
}

/** A span's values of its label's attributes. */
export type AttributeValues = Record<string, number | string>;

/** What an annotation shows of the entity it links to (EntityLink). */
export interface EntityLink {
  id: number;
  name: string;
  qid: string | null;
}

/** An entity as GET /api/projects/{id}/entities answers it (EntityView). */
export interface Entity extends EntityLink {
  type: string;
  aliases: string[];
  mentions: number;
}

/** An annotation as the JSON API returns it (AnnotationView). Offsets are code points. */
export interface Annotation {
  id: number;
  articleId: number;
  label: string;
  start: number;
  end: number;
  quote: string;
  note: string | null;
  status: AnnotationStatus;
  author: string;
  reviewer: string | null;
  comment: string | null;
  version: number;
  created: string;
  updated: string;
  entityId?: number | null;
  entity?: EntityLink | null;
  attributes?: AttributeValues;
  /** The source of the suggestion it was accepted from (OCCURRENCE, ENTITY, MODEL, IMPORT); null when made by hand. */
  origin?: string | null;
}

/** What proposed a suggestion. */
export type SuggestionSource = "OCCURRENCE" | "ENTITY" | "MODEL" | "IMPORT";

/** A span the machine proposes to the editor (SuggestionView): offsets in code points; `score` from 0 to 1, or null. */
export interface Suggestion {
  id: number;
  label: string;
  start: number;
  end: number;
  quote: string;
  source: SuggestionSource;
  score: number | null;
  entityId: number | null;
}

/** A kind of relation of the project: which labels each end may carry (RelationTypeView). */
export interface RelationType {
  id: number;
  key: string;
  name: string;
  from: string[];
  to: string[];
}

/** A typed, directed link between two spans of one article, as the JSON API returns it (RelationView). */
export interface Relation {
  id: number;
  articleId: number;
  /** The relation type's key. */
  type: string;
  fromId: number;
  toId: number;
  note: string | null;
  status: AnnotationStatus;
  author: string;
  reviewer: string | null;
  comment: string | null;
  version: number;
}

/**
 * The review rule's sentences, from the server (ReviewRules), so that the page says what the
 * server would. `alreadyDecided` has the placeholders {status} and {decidedBy}.
 */
export interface ReviewRules {
  notReviewer: string;
  ownAnnotation: string;
  ownLabel: string;
  alreadyDecided: string;
}

export const STATUS_NAMES: Record<AnnotationStatus, string> = {
  SUBMITTED: "Submitted",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  MERGED: "Merged",
};
