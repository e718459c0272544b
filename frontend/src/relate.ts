/**
 * Relations on the annotation page, without the DOM: which spans a relation from a span may point
 * to, which types fit two spans, and the keyboard's way of making one (`r` on a span, j/k through
 * the spans it may point to, Enter, and a digit when several types fit).
 */
import { textOrder } from "./spans.js";
import type { Annotation, Relation, RelationType } from "./types.js";

/** The types that may link a span labelled `from` to one labelled `to`, in the project's order. */
export function typesBetween(types: readonly RelationType[], from: string, to: string): RelationType[] {
  return types.filter((type) => type.from.includes(from) && type.to.includes(to));
}

/** The spans, in text order, that some type lets a relation from `source` point to. */
export function targetsOf(source: Annotation, spans: readonly Annotation[], types: readonly RelationType[]): Annotation[] {
  const outgoing = types.filter((type) => type.from.includes(source.label));
  const targets = new Map(spans.filter((span) => span.id !== source.id && span.id > 0
    && outgoing.some((type) => type.to.includes(span.label))).map((span) => [span.id, span]));
  return textOrder(targets.values()).map((id) => targets.get(id)!);
}

/** The relations whose two ends are both among the spans drawn (the others have nothing to point at). */
export function drawable(relations: Iterable<Relation>, drawn: { has(id: number): boolean }): Relation[] {
  return [...relations].filter((relation) => drawn.has(relation.fromId) && drawn.has(relation.toId));
}

/** The relations that start or end at a span: outgoing first, each group in the order they were made. */
export function relationsOf(spanId: number, relations: Iterable<Relation>): Relation[] {
  const all = [...relations].sort((a, b) => a.id - b.id);
  return [...all.filter((r) => r.fromId === spanId), ...all.filter((r) => r.toId === spanId && r.fromId !== spanId)];
}

/**
 * A relation in the making: its source and the spans it may point to; the target starts at the
 * first span after the source (a claim's actor usually follows it) and moves with j/k, wrapping.
 * Once a target is chosen and several types fit, `choices` holds them until a digit picks one.
 */
export class Relating {
  private index: number;
  choices: RelationType[] | null = null;

  constructor(readonly source: Annotation, readonly targets: readonly Annotation[], private readonly types: readonly RelationType[]) {
    const after = targets.findIndex((span) => span.start > source.start || (span.start === source.start && span.end > source.end));
    this.index = after === -1 ? 0 : after;
  }

  get target(): Annotation | undefined {
    return this.targets[this.index];
  }

  step(direction: 1 | -1): Annotation | undefined {
    if (this.targets.length === 0) return undefined;
    this.choices = null;
    this.index = (this.index + direction + this.targets.length) % this.targets.length;
    return this.target;
  }

  /** Makes a span the target (a click), if it is one the source may point to. */
  aim(spanId: number): boolean {
    const index = this.targets.findIndex((span) => span.id === spanId);
    if (index === -1) return false;
    this.index = index;
    this.choices = null;
    return true;
  }

  /** The types that fit the source and the current target. */
  fitting(): RelationType[] {
    const target = this.target;
    return target ? typesBetween(this.types, this.source.label, target.label) : [];
  }
}
