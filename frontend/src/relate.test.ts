import { test } from "node:test";
import assert from "node:assert/strict";
import { drawable, Relating, relationsOf, targetsOf, typesBetween } from "./relate.js";
import type { Annotation, Relation, RelationType } from "./types.js";

const types: RelationType[] = [
  { id: 1, key: "ATTRIBUTED_TO", name: "Attributed to", from: ["CLAIM"], to: ["ACTOR"] },
  { id: 2, key: "LOCATED_IN", name: "Located in", from: ["CLAIM"], to: ["LOCATION"] },
  { id: 3, key: "MENTIONS", name: "Mentions", from: ["CLAIM"], to: ["ACTOR", "LOCATION"] },
];

function span(id: number, label: string, start: number, end: number): Annotation {
  return {
    id, articleId: 1, label, start, end, quote: `q${id}`, note: null, status: "SUBMITTED", author: "ana",
    reviewer: null, comment: null, version: 1, created: "", updated: "",
  };
}

function relation(id: number, fromId: number, toId: number): Relation {
  return {
    id, articleId: 1, type: "ATTRIBUTED_TO", fromId, toId, note: null, status: "SUBMITTED", author: "ana",
    reviewer: null, comment: null, version: 1,
  };
}

const actorBefore = span(1, "ACTOR", 0, 5);
const claim = span(2, "CLAIM", 10, 40);
const place = span(3, "LOCATION", 45, 50);
const otherClaim = span(4, "CLAIM", 60, 70);
const actorAfter = span(5, "ACTOR", 80, 85);
const pending = span(-1, "ACTOR", 90, 95);

test("the types between two labels are those that allow each end", () => {
  assert.deepEqual(typesBetween(types, "CLAIM", "ACTOR").map((t) => t.key), ["ATTRIBUTED_TO", "MENTIONS"]);
  assert.deepEqual(typesBetween(types, "CLAIM", "LOCATION").map((t) => t.key), ["LOCATED_IN", "MENTIONS"]);
  assert.deepEqual(typesBetween(types, "ACTOR", "CLAIM"), []);
});

test("a relation from a claim may point to actors and places in text order, never to itself, a claim or a span being saved", () => {
  const spans = [actorAfter, place, claim, otherClaim, actorBefore, pending];
  assert.deepEqual(targetsOf(claim, spans, types).map((s) => s.id), [1, 3, 5]);
  assert.deepEqual(targetsOf(actorBefore, spans, types), []);
});

test("relating starts at the first span after the source, and j/k wrap around", () => {
  const relating = new Relating(claim, targetsOf(claim, [actorBefore, claim, place, actorAfter], types), types);
  assert.equal(relating.target?.id, 3);
  assert.equal(relating.step(1)?.id, 5);
  assert.equal(relating.step(1)?.id, 1);
  assert.equal(relating.step(-1)?.id, 5);
});

test("a click aims at a span only if it can be the target, and a new target forgets the types offered", () => {
  const relating = new Relating(claim, [actorBefore, place], types);
  relating.choices = relating.fitting();
  assert.deepEqual(relating.choices.map((t) => t.key), ["LOCATED_IN", "MENTIONS"]);
  assert.equal(relating.aim(4), false);
  assert.equal(relating.aim(1), true);
  assert.equal(relating.choices, null);
  assert.deepEqual(relating.fitting().map((t) => t.key), ["ATTRIBUTED_TO", "MENTIONS"]);
});

test("the source's last span wraps the target to the first", () => {
  const relating = new Relating(otherClaim, [actorBefore, place], types);
  assert.equal(relating.target?.id, 1);
  assert.equal(new Relating(claim, [], types).target, undefined);
});

test("only relations with both ends drawn are drawn; a span's relations list outgoing first", () => {
  const relations = [relation(9, 4, 1), relation(7, 2, 1), relation(8, 2, 3), relation(6, 4, 2)];
  assert.deepEqual(drawable(relations, new Set([1, 2, 3])).map((r) => r.id), [7, 8]);
  assert.deepEqual(relationsOf(2, relations).map((r) => r.id), [7, 8, 6]);
  assert.deepEqual(relationsOf(5, relations), []);
});
