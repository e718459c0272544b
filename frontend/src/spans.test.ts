import { test } from "node:test";
import assert from "node:assert/strict";
import { TextOffsets } from "./offsets.js";
import { assignLanes, isDrawable, MAX_LANES, moveEdge, stepThrough, textOrder } from "./spans.js";

test("only spans inside the text that cover a character can be drawn", () => {
  assert.ok(isDrawable({ id: 1, start: 0, end: 3 }, 3));
  assert.ok(!isDrawable({ id: 1, start: 0, end: 4 }, 3));
  assert.ok(!isDrawable({ id: 1, start: 2, end: 2 }, 3));
  assert.ok(!isDrawable({ id: 1, start: -1, end: 2 }, 3));
  assert.ok(!isDrawable({ id: 1, start: 0.5, end: 2 }, 3));
});

test("text order is by start, the longer span first, then id", () => {
  assert.deepEqual(textOrder([{ id: 3, start: 5, end: 8 }, { id: 2, start: 0, end: 4 }, { id: 1, start: 0, end: 9 }]), [1, 2, 3]);
});

test("stepping through spans stops at the ends and starts from either end", () => {
  assert.equal(stepThrough([4, 5, 6], 5, 1), 6);
  assert.equal(stepThrough([4, 5, 6], 6, 1), 6);
  assert.equal(stepThrough([4, 5, 6], 4, -1), 4);
  assert.equal(stepThrough([4, 5, 6], null, 1), 4);
  assert.equal(stepThrough([4, 5, 6], 9, -1), 6);
  assert.equal(stepThrough([], null, 1), null);
});

test("overlapping spans get different lanes; a span after them reuses the first free lane", () => {
  const lanes = assignLanes([
    { id: 1, start: 0, end: 11 }, // Alpha Bravo
    { id: 2, start: 6, end: 19 }, // Bravo Charlie (crosses 1)
    { id: 3, start: 6, end: 11 }, // Bravo (inside both)
    { id: 4, start: 12, end: 19 }, // Charlie: 1 and 3 have ended
  ]);
  assert.equal(lanes.get(1), 0);
  assert.equal(lanes.get(2), 1);
  assert.equal(lanes.get(3), 2);
  assert.equal(lanes.get(4), 0);
});

test("lanes stop at the last one the page has room for", () => {
  const nested = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, start: i, end: 20 - i }));
  const lanes = assignLanes(nested);
  assert.equal(lanes.get(1), 0);
  assert.equal(lanes.get(7), MAX_LANES - 1);
});

test("a span's edges move word by word and never leave it empty", () => {
  const text = new TextOffsets("Reports named Alpha Bravo Charlie as units.");
  const bravo = { start: 20, end: 25 };
  assert.equal(text.slice(bravo.start, bravo.end), "Bravo");
  const grown = moveEdge(text, bravo, "end", 1)!;
  assert.equal(text.slice(grown.start, grown.end), "Bravo Charlie");
  const earlier = moveEdge(text, bravo, "start", -1)!;
  assert.equal(text.slice(earlier.start, earlier.end), "Alpha Bravo");
  const shrunk = moveEdge(text, grown, "start", 1)!;
  assert.equal(text.slice(shrunk.start, shrunk.end), "Charlie");
  assert.equal(moveEdge(text, bravo, "start", 1), null, "the start cannot pass the end");
  assert.equal(moveEdge(text, bravo, "end", -1), null, "the end cannot pass the start");
  const back = moveEdge(text, grown, "end", -1)!;
  assert.equal(text.slice(back.start, back.end), "Bravo");
  assert.equal(moveEdge(text, { start: 0, end: 7 }, "start", -1), null, "nowhere to go");
});
