import { test } from "node:test";
import assert from "node:assert/strict";
import { revisionBody } from "./sending.js";
import type { Annotation } from "./types.js";

const annotation: Annotation = {
  id: 7, articleId: 3, label: "ACTOR", start: 4, end: 9, quote: "Alpha", note: "first", status: "REJECTED",
  author: "ana", reviewer: "rita", comment: "no", version: 5, created: "", updated: "",
};

test("a revision sends every field as it is unless revised, with the version read", () => {
  assert.deepEqual(revisionBody(annotation, { label: "CLAIM" }, false), {
    label: "CLAIM", start: 4, end: 9, quote: "Alpha", note: "first", version: 5, resubmit: false,
  });
  assert.deepEqual(revisionBody(annotation, { start: 0, end: 9, quote: "xxx Alpha" }, false),
    { label: "ACTOR", start: 0, end: 9, quote: "xxx Alpha", note: "first", version: 5, resubmit: false });
});

test("an emptied note is sent empty (cleared) and a null note as null; resubmit only when asked", () => {
  assert.equal(revisionBody(annotation, { note: "" }, false).note, "");
  assert.equal(revisionBody(annotation, { note: null }, false).note, null);
  assert.equal(revisionBody(annotation, {}, true).resubmit, true);
});

test("the entity and the attributes are sent only when revised: left out, the server keeps them", () => {
  assert.equal("entityId" in revisionBody(annotation, { note: "x" }, false), false);
  assert.equal("attributes" in revisionBody(annotation, { note: "x" }, false), false);
  assert.equal(revisionBody(annotation, { entityId: null }, false).entityId, null);
  assert.deepEqual(revisionBody(annotation, { entityId: 4, attributes: { figure: 3000 } }, false),
    { label: "ACTOR", start: 4, end: 9, quote: "Alpha", note: "first", version: 5, resubmit: false, entityId: 4,
      attributes: { figure: 3000 } });
});
