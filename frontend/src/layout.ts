/**
 * Turns possibly overlapping annotation spans into properly nested pieces
 * that can be rendered as nested elements.
 *
 * All positions here are UTF-16 indexes (convert server offsets with
 * TextOffsets first). Spans may nest, cross, or coincide. Spans are stacked
 * outermost first, by (start asc, end desc, id asc). When a span crosses the
 * end of an enclosing one, it is split into adjacent pieces, exactly as an
 * HTML serializer would close tags down to the common prefix of the open
 * stack and reopen the rest.
 */

export interface Span {
  id: number;
  start: number;
  end: number;
}

/** A maximal stretch of text covered by the same spans (ids outermost first). */
export interface Run {
  from: number;
  to: number;
  ids: number[];
}

export interface TextNode {
  kind: "text";
  from: number;
  to: number;
}

/** One piece of a span's element. `first`/`last` say whether it starts/ends the whole span. */
export interface SpanNode {
  kind: "span";
  id: number;
  from: number;
  to: number;
  first: boolean;
  last: boolean;
  children: LayoutNode[];
}

export type LayoutNode = TextNode | SpanNode;

/** Stacking order: outermost first. Also the order of spans in the text. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || a.id - b.id;
}

/**
 * Checks the spans, drops empty ones (they cover no character and so cannot
 * be drawn), and sorts the rest outermost first.
 */
function sortedSpans(textLength: number, spans: readonly Span[]): Span[] {
  const seen = new Set<number>();
  for (const span of spans) {
    if (seen.has(span.id)) throw new RangeError(`duplicate span id ${span.id}`);
    seen.add(span.id);
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end)
        || span.start < 0 || span.end > textLength || span.start > span.end) {
      throw new RangeError(`span ${span.id} [${span.start}, ${span.end}) is outside 0..${textLength}`);
    }
  }
  return spans.filter((span) => span.start < span.end).sort(compareSpans);
}

/**
 * Splits [0, textLength) at every span boundary. The runs tile the text in
 * order; uncovered text gets a run with no ids.
 */
export function computeRuns(textLength: number, spans: readonly Span[]): Run[] {
  const sorted = sortedSpans(textLength, spans);
  const cuts = new Set<number>([0, textLength]);
  for (const span of sorted) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const boundaries = [...cuts].sort((a, b) => a - b);

  const runs: Run[] = [];
  // Open spans in stacking order. Spans opening at a boundary start after
  // every span already open, so appending them in sorted order keeps the
  // stack sorted; only removals need a pass over it.
  let open: Span[] = [];
  let next = 0;
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const from = boundaries[i];
    open = open.filter((span) => span.end > from);
    while (next < sorted.length && sorted[next].start === from) open.push(sorted[next++]);
    runs.push({ from, to: boundaries[i + 1], ids: open.map((span) => span.id) });
  }
  return runs;
}

/**
 * The nested tree to render: text leaves inside span pieces. Reading the
 * text leaves in order gives [0, textLength) exactly once; the ancestors of a
 * leaf are the spans covering it, outermost first.
 */
export function layoutTree(textLength: number, spans: readonly Span[]): LayoutNode[] {
  const byId = new Map(spans.map((span) => [span.id, span]));
  const roots: LayoutNode[] = [];
  const open: SpanNode[] = [];
  const childrenOfTop = (): LayoutNode[] => (open.length ? open[open.length - 1].children : roots);
  const closeDownTo = (depth: number, at: number): void => {
    while (open.length > depth) {
      const node = open.pop()!;
      node.to = at;
      node.last = at === byId.get(node.id)!.end;
    }
  };

  for (const run of computeRuns(textLength, spans)) {
    // Keep the open pieces the run shares with the previous run; close the rest.
    let common = 0;
    while (common < open.length && common < run.ids.length && open[common].id === run.ids[common]) {
      common++;
    }
    closeDownTo(common, run.from);
    for (const id of run.ids.slice(common)) {
      const node: SpanNode = {
        kind: "span", id, from: run.from, to: run.to,
        first: run.from === byId.get(id)!.start, last: false, children: [],
      };
      childrenOfTop().push(node);
      open.push(node);
    }
    childrenOfTop().push({ kind: "text", from: run.from, to: run.to });
  }
  closeDownTo(0, textLength);
  return roots;
}
