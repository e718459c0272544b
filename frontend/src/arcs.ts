/**
 * Where the annotation page draws relations, without the DOM: each relation is an arc from the top
 * of its source span's first line to the top of its target's, with an arrowhead at the target.
 * Arcs that overlap on a line are stacked: a narrower one stays low, a wider one that spans it
 * rises above, so that no two overlapping arcs share a height and every one stays readable.
 */

export interface Point {
  x: number;
  y: number;
}

/** One relation's ends as measured on the page: the top middle of each span's first line. */
export interface ArcEnds {
  id: number;
  from: Point;
  to: Point;
}

/** Pixels between the text line and the lowest arc's top, and between two stacked arcs. */
export const ARC_BASE = 14;
export const ARC_STEP = 8;
/** Arcs stack at most this high; any more overlapping arcs share the top height. */
export const MAX_ARC_LEVEL = 6;
/** Ends closer than this (a span inside the other) are drawn as a loop, not a flat line. */
const LOOP_WIDTH = 16;

/** Ends within this many pixels vertically are on one line. */
const SAME_LINE = 4;

function row(arc: ArcEnds): number {
  return Math.round(Math.min(arc.from.y, arc.to.y) / SAME_LINE);
}

function extent(arc: ArcEnds): [number, number] {
  return [Math.min(arc.from.x, arc.to.x), Math.max(arc.from.x, arc.to.x)];
}

/**
 * The height level of each arc (0 lowest): arcs rising from one line whose horizontal extents
 * overlap never share a level; narrower arcs are placed first, so they take the lower levels.
 */
export function arcLevels(arcs: readonly ArcEnds[]): Map<number, number> {
  const order = [...arcs].sort((a, b) => {
    const [al, ar] = extent(a);
    const [bl, br] = extent(b);
    return (ar - al) - (br - bl) || al - bl || a.id - b.id;
  });
  const placed = new Map<number, Array<{ left: number; right: number; level: number }>>();
  const levels = new Map<number, number>();
  for (const arc of order) {
    const [left, right] = extent(arc);
    const onRow = placed.get(row(arc)) ?? [];
    const taken = new Set(onRow.filter((other) => other.left <= right && left <= other.right).map((other) => other.level));
    let level = 0;
    while (taken.has(level) && level < MAX_ARC_LEVEL) level++;
    onRow.push({ left, right, level });
    placed.set(row(arc), onRow);
    levels.set(arc.id, level);
  }
  return levels;
}

/** The SVG path of an arc at a level, and where its label sits (the top of the curve). */
export function arcShape(arc: ArcEnds, level: number): { path: string; label: Point } {
  const { from, to } = arc;
  const top = Math.min(from.y, to.y) - ARC_BASE - level * ARC_STEP;
  // A cubic with both control points at `top` peaks three quarters of the way up to it.
  const peak = (from.y + to.y + 6 * top) / 8;
  let spread = 0;
  if (Math.abs(to.x - from.x) < LOOP_WIDTH) spread = to.x >= from.x ? LOOP_WIDTH : -LOOP_WIDTH;
  const round = (value: number): string => String(Math.round(value * 10) / 10);
  const path = `M${round(from.x)},${round(from.y)} C${round(from.x - spread)},${round(top)} `
    + `${round(to.x + spread)},${round(top)} ${round(to.x)},${round(to.y)}`;
  return { path, label: { x: (from.x + to.x) / 2, y: peak } };
}
