import { test } from "node:test";
import assert from "node:assert/strict";
import { authorsOf, listed, matches } from "./overview.js";
import type { Annotation } from "./types.js";

function span(id: number, start: number, label: string, status: Annotation["status"], author: string): Annotation {
  return {
    id, articleId: 1, label, start, end: start + 3, quote: `q${id}`, note: null, status, author,
    reviewer: null, comment: null, version: 0, created: "", updated: "",
  };
}

const spans = [
  span(1, 20, "ACTOR", "SUBMITTED", "ben"),
  span(2, 5, "LOCATION", "APPROVED", "ana"),
  span(3, 10, "ACTOR", "REJECTED", "ana"),
];
const any = { label: "", status: "", author: "" };

test("filters by label, status and author; empty means any", () => {
  assert.ok(matches(spans[0], any));
  assert.ok(matches(spans[0], { ...any, label: "ACTOR", author: "ben" }));
  assert.ok(!matches(spans[0], { ...any, status: "APPROVED" }));
});

test("the list is in text order and says how many pass in all", () => {
  assert.deepEqual(listed(spans, any).rows.map((a) => a.id), [2, 3, 1]);
  assert.deepEqual(listed(spans, { ...any, label: "ACTOR" }).rows.map((a) => a.id), [3, 1]);
  const cut = listed(spans, any, 2);
  assert.deepEqual(cut.rows.map((a) => a.id), [2, 3]);
  assert.equal(cut.total, 3);
});

test("authors are listed once each, sorted", () => {
  assert.deepEqual(authorsOf(spans), ["ana", "ben"]);
});
