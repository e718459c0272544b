import { test } from "node:test";
import assert from "node:assert/strict";
import { ended, parseDatasetEvent, percent, progressText } from "./datasetBuild.js";

const event = (dataset: unknown): string => JSON.stringify({ type: "updated", dataset });

test("a dataset event about the page's dataset gives its state and progress", () => {
  const build = parseDatasetEvent(event({ id: 7, state: "RUNNING", progress: 0.4567, articlesDone: 4567, articlesTotal: 10000 }), 7);
  assert.deepEqual(build, { state: "RUNNING", progress: 0.4567, articlesDone: 4567, articlesTotal: 10000 });
  assert.equal(percent(build!), 45);
  assert.equal(progressText(build!), "45% · 4567 of 10000 articles");
  assert.equal(ended(build!), false);
});

test("another dataset's events, and data the page does not understand, are ignored", () => {
  assert.equal(parseDatasetEvent(event({ id: 8, state: "RUNNING", progress: 0.5 }), 7), null);
  assert.equal(parseDatasetEvent(event({ id: "7", state: "RUNNING", progress: 0.5 }), 7), null);
  assert.equal(parseDatasetEvent(event({ id: 7, progress: 0.5 }), 7), null);
  assert.equal(parseDatasetEvent(JSON.stringify({ type: "created", annotation: { id: 7 } }), 7), null);
  assert.equal(parseDatasetEvent("not json", 7), null);
  assert.equal(parseDatasetEvent("null", 7), null);
});

test("counts missing from an event (api.md pins only id, state, progress) read as zero", () => {
  assert.deepEqual(parseDatasetEvent(event({ id: 7, state: "QUEUED", progress: 0 }), 7),
    { state: "QUEUED", progress: 0, articlesDone: 0, articlesTotal: 0 });
});

test("DONE and FAILED end the build; the bar never passes 100", () => {
  const done = { state: "DONE", progress: 1, articlesDone: 3, articlesTotal: 3 };
  assert.equal(ended(done), true);
  assert.equal(ended({ ...done, state: "FAILED", progress: 0.2 }), true);
  assert.equal(ended({ ...done, state: "QUEUED" }), false);
  assert.equal(percent({ ...done, progress: 1.7 }), 100);
});
