import { test } from "node:test";
import assert from "node:assert/strict";
import { changeWarning, factsOf, type Viewer, whyNotDecide } from "./details.js";
import type { Annotation, ReviewRules } from "./types.js";

const rules: ReviewRules = {
  notReviewer: "Only reviewers decide.",
  ownAnnotation: "Your own: four eyes.",
  ownLabel: "Your label: four eyes.",
  alreadyDecided: "This annotation is {status}{decidedBy}; only a SUBMITTED annotation can be decided on.",
};
const span: Annotation = {
  id: 7, articleId: 3, label: "ACTOR", start: 4, end: 9, quote: "Alpha", note: null, status: "SUBMITTED",
  author: "ana", reviewer: null, comment: null, version: 1, created: "", updated: "",
};
const rita: Viewer = { username: "rita", reviewer: true, canAnnotate: false };

test("the review rule's sentences are the server's, filled in", () => {
  assert.equal(whyNotDecide(span, rita, rules), null);
  assert.equal(whyNotDecide(span, { ...rita, reviewer: false }, rules), "Only reviewers decide.");
  assert.equal(whyNotDecide(span, { ...rita, username: "ana" }, rules), "Your own: four eyes.");
  assert.equal(whyNotDecide({ ...span, status: "APPROVED", reviewer: "bo" }, rita, rules),
    "This annotation is APPROVED (decided by bo); only a SUBMITTED annotation can be decided on.");
  assert.equal(whyNotDecide({ ...span, status: "MERGED" }, rita, rules),
    "This annotation is MERGED; only a SUBMITTED annotation can be decided on.");
});

test("facts say status, author (you), reviewer and comment; the note only where it cannot be edited", () => {
  const rejected = { ...span, status: "REJECTED" as const, reviewer: "rita", comment: "Tag the region", note: "n" };
  assert.deepEqual(factsOf(rejected, { username: "ana", reviewer: false, canAnnotate: true }), [
    ["Status", "Rejected"], ["Author", "ana (you)"], ["Reviewer", "rita"], ["Reviewer comment", "Tag the region"],
  ]);
  assert.deepEqual(factsOf(span, rita), [["Status", "Submitted"], ["Author", "ana"], ["Note", "—"]]);
});

test("a change warns for approved and rejected spans only", () => {
  assert.match(changeWarning({ ...span, status: "APPROVED" }) ?? "", /back to review/);
  assert.match(changeWarning({ ...span, status: "REJECTED" }) ?? "", /resubmit/);
  assert.equal(changeWarning(span), null);
});
