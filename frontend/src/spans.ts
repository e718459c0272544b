/**
 * The annotation page's span model without the DOM: which annotations can be drawn, their order in
 * the text, the lanes that keep overlapping spans apart, and a span's boundaries moved word by word.
 * Offsets here are code points, as the server sends them (layout.ts works in UTF-16 after them).
 */
import { compareSpans, type Span } from "./layout.js";
import type { TextOffsets } from "./offsets.js";
import { nextWordStart, previousWordEnd, previousWordStart, wordEnd, type CodePointRange } from "./words.js";

/** Overlaps deeper than this share the last lane: the page's line height has room for so many underlines. */
export const MAX_LANES = 4;

/** True when a span's offsets can be drawn over a text of `length` code points. */
export function isDrawable(span: Span, length: number): boolean {
  const { start, end } = span;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= length && start < end;
}

/** The ids in text order (outermost first where spans start together). */
export function textOrder(spans: Iterable<Span>): number[] {
  return [...spans].sort(compareSpans).map((span) => span.id);
}

/**
 * The id after (1) or before (-1) `current` in `order`, stopping at the ends; the first (or last)
 * when `current` is not in it; null when `order` is empty.
 */
export function stepThrough(order: readonly number[], current: number | null, direction: 1 | -1): number | null {
  if (order.length === 0) return null;
  const index = current === null ? -1 : order.indexOf(current);
  if (index === -1) return direction === 1 ? order[0] : order[order.length - 1];
  return order[Math.min(order.length - 1, Math.max(0, index + direction))];
}

/**
 * A lane for each span such that spans that overlap never share one (while lanes last): each span
 * takes the lowest lane free at its start, outermost spans first, so a span keeps its lane along its
 * whole length however others cross it. Lanes from 0, at most MAX_LANES - 1.
 */
export function assignLanes(spans: readonly Span[]): Map<number, number> {
  const lanes = new Map<number, number>();
  const laneEnds: number[] = []; // where the last span in each lane ends
  for (const span of [...spans].sort(compareSpans)) {
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(span.end);
    } else {
      laneEnds[lane] = span.end;
    }
    lanes.set(span.id, Math.min(lane, MAX_LANES - 1));
  }
  return lanes;
}

export type Edge = "start" | "end";

/**
 * The span with one edge moved by a word (`direction` 1: right, -1: left), or null when that would
 * leave it empty or it cannot move further.
 */
export function moveEdge(text: TextOffsets, span: CodePointRange, edge: Edge, direction: 1 | -1): CodePointRange | null {
  let { start, end } = span;
  if (edge === "start") start = direction === 1 ? nextWordStart(text, start) : previousWordStart(text, start);
  else end = direction === 1 ? wordEnd(text, end) : previousWordEnd(text, end);
  if (start >= end || (start === span.start && end === span.end)) return null;
  return { start, end };
}
