import { test } from "node:test";
import assert from "node:assert/strict";
import { SuggestionSet, suggestionTitle } from "./suggestions.js";
import type { Suggestion } from "./types.js";

function suggestion(id: number, label: string, start: number, end: number, extra: Partial<Suggestion> = {}): Suggestion {
  return { id, label, start, end, quote: "q", source: "ENTITY", score: 1, entityId: null, ...extra };
}

test("suggestions step in text order, from the first or last when none is focused", () => {
  const set = new SuggestionSet();
  set.replace([suggestion(3, "ACTOR", 40, 45), suggestion(1, "ACTOR", 2, 8), suggestion(2, "LOCATION", 10, 14)]);
  assert.deepEqual(set.ordered().map((s) => s.id), [1, 2, 3]);
  assert.equal(set.step(null, 1), 1);
  assert.equal(set.step(null, -1), 3);
  assert.equal(set.step(1, 1), 2);
  assert.equal(set.step(3, 1), 3, "stops at the end");
  assert.equal(new SuggestionSet().step(null, 1), null);
});

test("the suggestion at a point is the shortest over it; none between them", () => {
  const set = new SuggestionSet();
  set.replace([suggestion(1, "ACTOR", 0, 18), suggestion(2, "ACTOR", 10, 18)]);
  assert.equal(set.at(12)?.id, 2);
  assert.equal(set.at(3)?.id, 1);
  assert.equal(set.at(18), undefined, "end exclusive");
});

test("a span made at a suggestion's place and label settles it, not others", () => {
  const set = new SuggestionSet();
  set.replace([suggestion(1, "ACTOR", 0, 5), suggestion(2, "LOCATION", 0, 5), suggestion(3, "ACTOR", 0, 5, { source: "MODEL" }),
    suggestion(4, "ACTOR", 6, 9)]);
  assert.deepEqual(set.settle({ label: "ACTOR", start: 0, end: 5 }), [1, 3]);
  assert.deepEqual(set.ordered().map((s) => s.id), [2, 4]);
  assert.deepEqual([...set.countsByLabel()], [["LOCATION", 1], ["ACTOR", 1]]);
});

test("the title says what, from where, how sure, and the keys", () => {
  assert.equal(suggestionTitle(suggestion(1, "ACTOR", 0, 1, { quote: "Kyiv", source: "MODEL", score: 0.834 }), "Actor"),
    "Suggested Actor “Kyiv”, from the model (83% sure) — Enter or its label's key accepts, x rejects");
  assert.match(suggestionTitle(suggestion(1, "ACTOR", 0, 1, { source: "OCCURRENCE", score: 1 }), "Actor"),
    /^Suggested Actor “q”, from another occurrence of your span — /);
});
