import { test } from "node:test";
import assert from "node:assert/strict";
import {
  acceptLane, type Candidate, type CurationBody, draw, emptyText, lanes, openOthers, type Outcome, pick, reject, sameUnit, summary, type Unit,
} from "./curationLanes.js";

function body(outcome: Outcome): CurationBody {
  assert.ok("body" in outcome, JSON.stringify(outcome));
  return outcome.body;
}

function candidate(label: string, start: number, end: number, given: [number, string, string?][]): Candidate {
  return {
    label, start, end,
    annotationIds: given.map(([id]) => id),
    annotators: [...new Set(given.map(([, author]) => author))].sort(),
    annotations: given.map(([id, author, status]) => ({ id, author, status: status ?? "SUBMITTED" })),
    accepted: given.some(([, , status]) => status === "APPROVED"),
  };
}

const disputed: Unit = {
  start: 10, end: 22, state: "DISPUTED",
  candidates: [candidate("LOCATION", 10, 15, [[1, "ann"]]), candidate("LOCATION", 10, 22, [[2, "bob"], [3, "cy"]])],
};

test("a unit has one lane per annotator of the article, empty for one who gave nothing, then any other author", () => {
  const unitLanes = lanes(disputed, ["ann", "bob", "dan"]);
  assert.deepEqual(unitLanes.map((lane) => lane.annotator), ["ann", "bob", "dan", "cy"]);
  assert.deepEqual(unitLanes[1].candidates.map((c) => c.end), [22]);
  assert.deepEqual(unitLanes[2].candidates, []);
});

test("a lane's key accepts its span (its own annotation first) and rejects the unit's other open spans", () => {
  const [, bob] = lanes(disputed, ["ann", "bob", "cy"]);
  assert.deepEqual(acceptLane(disputed, bob, "rev"),
    { body: { accept: [2], reject: [1], comment: "Curation chose bob's span." } });
  const cy = lanes(disputed, ["ann", "bob", "cy"])[2];
  assert.deepEqual(body(acceptLane(disputed, cy, "rev")).accept, [3]);
});

test("four-eyes: the curator's own annotation is never the one accepted, nor rejected", () => {
  const mine: Unit = { ...disputed, candidates: [candidate("ACTOR", 10, 15, [[5, "rev"]]), disputed.candidates[1]] };
  const [revLane] = lanes(mine, ["rev", "bob"]);
  assert.match((acceptLane(mine, revLane, "rev") as { refused: string }).refused, /four-eyes/);
  assert.equal(pick(candidate("ACTOR", 0, 1, [[7, "rev"], [8, "bob"]]), "rev"), 8);
  assert.deepEqual(openOthers([mine], "rev"), [2, 3]);
});

test("an approved annotation is the one a candidate keeps", () => {
  assert.equal(pick(candidate("ACTOR", 0, 1, [[7, "ann"], [8, "bob", "APPROVED"]]), "rev", "ann"), 8);
});

test("a lane without spans rejects the unit, and x needs something open", () => {
  const empty = { annotator: "dan", candidates: [] };
  assert.deepEqual(body(acceptLane(disputed, empty, "rev")).reject, [1, 2, 3]);
  assert.deepEqual(reject(disputed, "rev", "Not a place"), { body: { accept: [], reject: [1, 2, 3], comment: "Not a place" } });
  const decided: Unit = { ...disputed, candidates: [candidate("LOCATION", 10, 15, [[1, "ann", "REJECTED"]])] };
  assert.ok("refused" in reject(decided, "rev", "no"));
});

test("drawing an identical span accepts it; a new one is created and the touched units' spans rejected", () => {
  const same = draw([disputed], { label: "LOCATION", start: 10, end: 22, quote: "q" }, "rev");
  assert.deepEqual(same, { body: { accept: [2], reject: [1], comment: "Curation drew this span." } });
  const fresh = draw([disputed], { label: "LOCATION", start: 8, end: 15, quote: "q" }, "rev");
  assert.ok("body" in fresh);
  assert.deepEqual(fresh.body.draw, { label: "LOCATION", start: 8, end: 15, quote: "q" });
  assert.deepEqual(fresh.body.reject, [1, 2, 3]);
  assert.deepEqual(fresh.body.accept, []);
  const mine = draw([{ ...disputed, candidates: [candidate("ACTOR", 10, 15, [[5, "rev"]])] }],
    { label: "ACTOR", start: 10, end: 15, quote: "q" }, "rev");
  assert.ok("refused" in mine);
});

test("the summary counts units by state, and the shown unit stays where it was", () => {
  const agreed: Unit = { ...disputed, start: 0, end: 5, state: "AGREED" };
  assert.equal(summary([agreed, disputed, { ...disputed, state: "CURATED" }]), "1 agreed, 1 disputed, 1 curated");
  assert.equal(summary([]), "");
  assert.equal(sameUnit([agreed, disputed], disputed), 1);
  assert.equal(sameUnit([agreed], { ...disputed, start: 40, end: 50 }), 0);
  assert.equal(sameUnit([], disputed), 0);
});

test("the empty page says why: nobody done yet, or nothing given", () => {
  assert.equal(emptyText({ annotators: [], units: [], assigned: true }), "No annotator has marked this article done yet.");
  assert.equal(emptyText({ annotators: [], units: [], assigned: false }), "Nothing to curate: the annotators gave no spans here.");
  assert.equal(emptyText({ annotators: ["ann"], units: [disputed], assigned: true }), "");
});
