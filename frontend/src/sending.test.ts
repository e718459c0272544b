import { test } from "node:test";
import assert from "node:assert/strict";
import { isPending, pendingAnnotation, revisionBody } from "./sending.js";
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

test("a span being saved is drawn as sent, by the person, SUBMITTED, with an id no stored span has", () => {
  const body = { articleId: 3, label: "CLAIM", start: 1, end: 4, quote: "abc", note: null };
  const pending = pendingAnnotation(body, "ana", -2);
  assert.deepEqual(pending, { ...body, id: -2, status: "SUBMITTED", author: "ana", reviewer: null, comment: null,
    version: 0, created: "", updated: "" });
  assert.equal(isPending(pending), true);
  assert.equal(isPending(annotation), false);
});
