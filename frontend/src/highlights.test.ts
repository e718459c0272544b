import { test } from "node:test";
import assert from "node:assert/strict";
import { badgeOf, shortName, titleOf } from "./highlights.js";
import type { Annotation } from "./types.js";

const span: Annotation = {
  id: 7, articleId: 3, label: "LOCATION", start: 4, end: 9, quote: "Kyiv", note: null, status: "SUBMITTED",
  author: "ana", reviewer: null, comment: null, version: 1, created: "", updated: "",
};

test("badges carry a short name and a mark for the status", () => {
  assert.equal(shortName("ACTOR"), "ACTOR");
  assert.equal(shortName("LOCATION"), "LOC");
  assert.equal(badgeOf(span), "LOC");
  assert.equal(badgeOf({ ...span, status: "APPROVED" }), "LOC ✓");
  assert.equal(badgeOf({ ...span, status: "REJECTED" }), "LOC ✗");
});

test("the tooltip says label, status with reviewer and comment, note and author", () => {
  assert.equal(titleOf(span, "Location"), "Location — Submitted — by ana");
  assert.equal(titleOf({ ...span, status: "REJECTED", reviewer: "rita", comment: "No", note: "n" }, "Location"),
    "Location — Rejected by rita: “No” — n — by ana");
});
