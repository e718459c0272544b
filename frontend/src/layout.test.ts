import { test } from "node:test";
import assert from "node:assert/strict";
import { compareSpans, computeRuns, layoutTree, type LayoutNode, type Span, type SpanNode } from "./layout.js";

/** Per character: the ids of the tree's span ancestors of that character, outermost first. */
function coverageFromTree(textLength: number, roots: LayoutNode[]): number[][] {
  const coverage: (number[] | undefined)[] = new Array(textLength);
  let cursor = 0;
  const visit = (node: LayoutNode, stack: number[]): void => {
    if (node.kind === "text") {
      assert.equal(node.from, cursor, "text leaves are contiguous and in order");
      assert.ok(node.to > node.from, "no empty text leaves");
      for (let i = node.from; i < node.to; i++) coverage[i] = stack;
      cursor = node.to;
      return;
    }
    assert.ok(node.children.length > 0, `piece of span ${node.id} has content`);
    assert.equal(node.from, firstLeafFrom(node), `piece of span ${node.id} starts at its content`);
    for (const child of node.children) visit(child, [...stack, node.id]);
    assert.equal(node.to, cursor, `piece of span ${node.id} ends at its content`);
  };
  for (const root of roots) visit(root, []);
  assert.equal(cursor, textLength, "text leaves cover the whole text");
  return coverage.map((ids) => ids ?? []);
}

function firstLeafFrom(node: LayoutNode): number {
  return node.kind === "text" ? node.from : firstLeafFrom(node.children[0]);
}

/** Brute force: per character, the ids of spans containing it, in stacking order. */
function coverageBruteForce(textLength: number, spans: Span[]): number[][] {
  const ordered = [...spans].sort(compareSpans);
  return Array.from({ length: textLength }, (_, i) =>
    ordered.filter((span) => span.start <= i && i < span.end).map((span) => span.id));
}

/** All pieces of each span, in text order. */
function piecesById(roots: LayoutNode[]): Map<number, SpanNode[]> {
  const pieces = new Map<number, SpanNode[]>();
  const visit = (node: LayoutNode): void => {
    if (node.kind === "text") return;
    pieces.set(node.id, [...(pieces.get(node.id) ?? []), node]);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return pieces;
}

/** Each span is drawn as adjacent pieces tiling exactly its range, flagged first/last. */
function assertPiecesTileSpans(roots: LayoutNode[], spans: Span[]): void {
  const pieces = piecesById(roots);
  for (const span of spans) {
    const own = pieces.get(span.id) ?? [];
    if (span.start === span.end) {
      assert.equal(own.length, 0, `empty span ${span.id} is not drawn`);
      continue;
    }
    assert.ok(own.length > 0, `span ${span.id} is drawn`);
    assert.equal(own[0].from, span.start, `span ${span.id} starts right`);
    assert.equal(own[own.length - 1].to, span.end, `span ${span.id} ends right`);
    own.forEach((piece, i) => {
      if (i > 0) assert.equal(piece.from, own[i - 1].to, `pieces of span ${span.id} are adjacent`);
      assert.equal(piece.first, i === 0, `first flag of span ${span.id} piece ${i}`);
      assert.equal(piece.last, i === own.length - 1, `last flag of span ${span.id} piece ${i}`);
    });
  }
}

function check(textLength: number, spans: Span[]): LayoutNode[] {
  const roots = layoutTree(textLength, spans);
  assert.deepEqual(coverageFromTree(textLength, roots), coverageBruteForce(textLength, spans));
  assertPiecesTileSpans(roots, spans);
  return roots;
}

/** Compact rendering of a tree, e.g. "[1:ab[2:c]]d", for readable expectations. */
function show(text: string, roots: LayoutNode[]): string {
  const render = (node: LayoutNode): string =>
    node.kind === "text"
      ? text.slice(node.from, node.to)
      : `[${node.id}:${node.children.map(render).join("")}]`;
  return roots.map(render).join("");
}

test("no spans: one text leaf; empty text: nothing", () => {
  assert.deepEqual(layoutTree(5, []), [{ kind: "text", from: 0, to: 5 }]);
  assert.deepEqual(layoutTree(0, []), []);
  assert.deepEqual(computeRuns(5, []), [{ from: 0, to: 5, ids: [] }]);
});

test("disjoint spans sit side by side", () => {
  const text = "abcdefghij";
  const roots = check(10, [{ id: 2, start: 6, end: 9 }, { id: 1, start: 1, end: 3 }, { id: 3, start: 3, end: 5 }]);
  assert.equal(show(text, roots), "a[1:bc][3:de]f[2:ghi]j");
});

test("nested spans become nested elements", () => {
  const text = "abcdefghij";
  const roots = check(10, [{ id: 1, start: 2, end: 5 }, { id: 2, start: 0, end: 10 }, { id: 3, start: 3, end: 4 }]);
  assert.equal(show(text, roots), "[2:ab[1:c[3:d]e]fghij]");
});

test("crossing spans: the later span is split at the end of the earlier one", () => {
  const text = "0123456789ABCDEFGHIJ";
  const roots = check(20, [{ id: 7, start: 5, end: 15 }, { id: 4, start: 0, end: 10 }]);
  assert.equal(show(text, roots), "[4:01234[7:56789]][7:ABCDE]FGHIJ");
  const b = piecesById(roots).get(7)!;
  assert.deepEqual(b.map((p) => [p.from, p.to, p.first, p.last]), [[5, 10, true, false], [10, 15, false, true]]);
  assert.deepEqual(computeRuns(20, [{ id: 4, start: 0, end: 10 }, { id: 7, start: 5, end: 15 }]), [
    { from: 0, to: 5, ids: [4] },
    { from: 5, to: 10, ids: [4, 7] },
    { from: 10, to: 15, ids: [7] },
    { from: 15, to: 20, ids: [] },
  ]);
});

test("identical ranges nest by id, smaller id outermost", () => {
  const text = "abcdef";
  const roots = check(6, [{ id: 9, start: 1, end: 4 }, { id: 3, start: 1, end: 4 }]);
  assert.equal(show(text, roots), "a[3:[9:bcd]]ef");
});

test("same start: the longer span is outermost, so neither is split", () => {
  const text = "abcdef";
  const roots = check(6, [{ id: 1, start: 0, end: 2 }, { id: 2, start: 0, end: 6 }]);
  assert.equal(show(text, roots), "[2:[1:ab]cdef]");
});

test("a chain of crossings splits each span only where needed", () => {
  const text = "abcdefghij";
  const spans = [{ id: 1, start: 0, end: 4 }, { id: 2, start: 2, end: 6 }, { id: 3, start: 5, end: 9 }];
  const roots = check(10, spans);
  assert.equal(show(text, roots), "[1:ab[2:cd]][2:e[3:f]][3:ghi]j");
});

test("spans touching the text edges and each other", () => {
  const text = "abcd";
  const roots = check(4, [{ id: 1, start: 0, end: 2 }, { id: 2, start: 2, end: 4 }, { id: 3, start: 0, end: 4 }]);
  assert.equal(show(text, roots), "[3:[1:ab][2:cd]]");
});

test("empty spans are skipped, invalid ones rejected", () => {
  check(4, [{ id: 1, start: 2, end: 2 }, { id: 2, start: 1, end: 3 }]);
  assert.throws(() => layoutTree(4, [{ id: 1, start: 3, end: 5 }]), RangeError);
  assert.throws(() => layoutTree(4, [{ id: 1, start: -1, end: 2 }]), RangeError);
  assert.throws(() => layoutTree(4, [{ id: 1, start: 3, end: 2 }]), RangeError);
  assert.throws(() => layoutTree(4, [{ id: 1, start: 0, end: 1 }, { id: 1, start: 2, end: 3 }]), RangeError);
});

test("the input array is not reordered", () => {
  const spans = [{ id: 2, start: 5, end: 6 }, { id: 1, start: 0, end: 1 }];
  layoutTree(10, spans);
  assert.deepEqual(spans.map((s) => s.id), [2, 1]);
});

function randomSpans(seed: number, count: number, textLength: number, maxLength: number): Span[] {
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor(random() * textLength);
    const end = Math.min(textLength, start + 1 + Math.floor(random() * maxLength));
    return { id: i + 1, start, end };
  });
}

test("small random layouts match brute force", () => {
  for (let seed = 1; seed <= 200; seed++) {
    check(30, randomSpans(seed, seed % 12, 30, 12));
  }
});

test("1,000 random spans over a 20k text: right coverage, computed fast", () => {
  const textLength = 20_000;
  const spans = randomSpans(42, 1000, textLength, 400);
  const began = performance.now();
  const roots = layoutTree(textLength, spans);
  const elapsed = performance.now() - began;
  assert.ok(elapsed < 500, `layout took ${elapsed.toFixed(1)} ms`);
  assert.deepEqual(coverageFromTree(textLength, roots), coverageBruteForce(textLength, spans));
  assertPiecesTileSpans(roots, spans);
});
