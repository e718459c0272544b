import { test } from "node:test";
import assert from "node:assert/strict";
import { linkedPlace } from "./placeLink.js";

test("#a-<id> points to an annotation", () => {
  assert.deepEqual(linkedPlace("#a-42"), { kind: "annotation", id: 42 });
});

test("#at-<start>-<end> points to code points of the text", () => {
  assert.deepEqual(linkedPlace("#at-0-8"), { kind: "range", start: 0, end: 8 });
  assert.deepEqual(linkedPlace("#at-120-135"), { kind: "range", start: 120, end: 135 });
});

test("anything else points nowhere: empty or reversed ranges, other fragments, junk", () => {
  for (const hash of ["", "#", "#a-", "#a-x", "#at-5-5", "#at-9-3", "#at-1", "#at--1-3", "#at-1-2-3", "#article-text",
    "#at-1-99999999999999999999"]) {
    assert.equal(linkedPlace(hash), null, hash);
  }
});
