/**
 * The curation page's decisions, without the DOM: a unit's lanes (one per annotator) and the body
 * of POST /api/articles/{id}/curation that each key sends. The server applies the four-eyes rule;
 * these functions only avoid asking for what it would refuse, and say why instead.
 */

export type UnitState = "AGREED" | "DISPUTED" | "CURATED";

/** One annotation of a candidate. */
export interface Given {
  id: number;
  author: string;
  status: string;
}

/** A distinct (label, start, end) of a unit, as the API returns it. Offsets are code points. */
export interface Candidate {
  label: string;
  start: number;
  end: number;
  annotationIds: number[];
  annotators: string[];
  annotations: Given[];
  accepted: boolean;
}

export interface Unit {
  start: number;
  end: number;
  state: UnitState;
  candidates: Candidate[];
}

export interface Curation {
  annotators: string[];
  units: Unit[];
  /** The article has assignments: its annotators are those who marked their work DONE. */
  assigned: boolean;
}

/** One annotator's spans in a unit; none when they gave no span there (they disagree). */
export interface Lane {
  annotator: string;
  candidates: Candidate[];
}

export interface Drawn {
  label: string;
  start: number;
  end: number;
  quote: string;
}

export interface CurationBody {
  accept: number[];
  reject: number[];
  comment: string | null;
  draw?: Drawn;
}

/** A body to send, or the sentence that says why nothing is sent. */
export type Outcome = { body: CurationBody } | { refused: string };

/** The unit's lanes: the article's annotators in order, then anyone else who gave a span in it (a curator's drawn span). */
export function lanes(unit: Unit, annotators: readonly string[]): Lane[] {
  const names = [...annotators];
  for (const candidate of unit.candidates) {
    for (const name of candidate.annotators) if (!names.includes(name)) names.push(name);
  }
  return names.map((annotator) => ({
    annotator,
    candidates: unit.candidates.filter((candidate) => candidate.annotators.includes(annotator)),
  }));
}

/**
 * The annotation to accept for a candidate: one already approved, else a submitted one that is
 * not `me`'s (the `preferred` annotator's first); null when only `me` gave it (four-eyes).
 */
export function pick(candidate: Candidate, me: string, preferred?: string): number | null {
  const approved = candidate.annotations.find((given) => given.status === "APPROVED");
  if (approved) return approved.id;
  const open = candidate.annotations.filter((given) => given.status === "SUBMITTED" && given.author !== me);
  return (open.find((given) => given.author === preferred) ?? open[0])?.id ?? null;
}

/** The unit's annotations still waiting for a decision that `me` may reject, outside the `kept` candidates. */
export function openOthers(units: readonly Unit[], me: string, kept: readonly Candidate[] = []): number[] {
  return units.flatMap((unit) => unit.candidates)
    .filter((candidate) => !kept.includes(candidate))
    .flatMap((candidate) => candidate.annotations)
    .filter((given) => given.status === "SUBMITTED" && given.author !== me)
    .map((given) => given.id);
}

/**
 * The lane's key: accept each of its candidates and reject the unit's other open spans. A lane
 * without spans says nothing belongs here: every open span is rejected.
 */
export function acceptLane(unit: Unit, lane: Lane, me: string): Outcome {
  if (lane.candidates.length === 0) {
    return reject(unit, me, `Curation agreed with ${lane.annotator}: nothing belongs here.`);
  }
  const accept: number[] = [];
  for (const candidate of lane.candidates) {
    const id = pick(candidate, me, lane.annotator);
    if (id === null) {
      return { refused: `Only you gave ${candidate.label} here: another reviewer must accept it (four-eyes rule).` };
    }
    accept.push(id);
  }
  return { body: { accept, reject: openOthers([unit], me, lane.candidates), comment: `Curation chose ${lane.annotator}'s span.` } };
}

/** The x key: reject every open span of the unit, saying why. */
export function reject(unit: Unit, me: string, comment: string): Outcome {
  const ids = openOthers([unit], me);
  if (ids.length === 0) return { refused: "Nothing here waits for a decision you may take." };
  return { body: { accept: [], reject: ids, comment } };
}

/**
 * A span the curator drew, with a label: an identical candidate someone else gave is accepted
 * (and the overlapping units' other open spans rejected); otherwise the drawn span is created as
 * the curator's own, which waits in the review queue for another reviewer, and those spans are
 * rejected in its favour.
 */
export function draw(units: readonly Unit[], drawn: Drawn, me: string): Outcome {
  const touched = units.filter((unit) => unit.start < drawn.end && drawn.start < unit.end);
  const same = touched.flatMap((unit) => unit.candidates)
    .find((c) => c.label === drawn.label && c.start === drawn.start && c.end === drawn.end);
  const id = same ? pick(same, me) : null;
  if (same && id !== null) {
    return { body: { accept: [id], reject: openOthers(touched, me, [same]), comment: "Curation drew this span." } };
  }
  if (same && same.annotations.some((given) => given.author === me)) {
    return { refused: "You gave exactly this span already: another reviewer must accept it (four-eyes rule)." };
  }
  return {
    body: {
      accept: [],
      reject: openOthers(touched, me),
      comment: `Replaced in curation by ${me}'s span, which waits for another reviewer.`,
      draw: drawn,
    },
  };
}

/** What the page says instead of units, or "" when there are units. */
export function emptyText(curation: Curation): string {
  if (curation.assigned && curation.annotators.length === 0) return "No annotator has marked this article done yet.";
  return curation.units.length === 0 ? "Nothing to curate: the annotators gave no spans here." : "";
}

/** "2 agreed, 1 disputed, 3 curated" (the states with units only). */
export function summary(units: readonly Unit[]): string {
  const counts = new Map<UnitState, number>();
  for (const unit of units) counts.set(unit.state, (counts.get(unit.state) ?? 0) + 1);
  return (["AGREED", "DISPUTED", "CURATED"] as const)
    .filter((state) => counts.has(state))
    .map((state) => `${counts.get(state)} ${state.toLowerCase()}`)
    .join(", ");
}

/** The unit to show after the units changed: the one at the same place, else the nearest before it. */
export function sameUnit(units: readonly Unit[], previous: Unit | undefined): number {
  if (!previous || units.length === 0) return 0;
  const found = units.findIndex((unit) => unit.start < previous.end && previous.start < unit.end);
  if (found >= 0) return found;
  const before = units.filter((unit) => unit.start < previous.start).length;
  return Math.max(0, before - 1);
}
