import { test } from "node:test";
import assert from "node:assert/strict";
import { finished, type ImportJob, percent, summary } from "./importJob.js";

const running: ImportJob = {
  state: "RUNNING", progress: 0.4567, linesRead: 45_670, linesTotal: 100_000, imported: 45_000, duplicates: 600, errorCount: 70,
  spans: 0,
};

test("the line under the bar counts lines, imports, duplicates and refusals", () => {
  assert.equal(summary(running), "45% · line 45670 of 100000 · 45000 imported, 600 duplicates, 70 refused");
  assert.equal(summary({ ...running, spans: 1200 }), "45% · line 45670 of 100000 · 45000 imported, 600 duplicates, 70 refused · 1200 spans");
});

test("percent is whole and never past 100", () => {
  assert.equal(percent({ progress: 0 }), 0);
  assert.equal(percent({ progress: 0.999 }), 99);
  assert.equal(percent({ progress: 1 }), 100);
  assert.equal(percent({ progress: 1.2 }), 100);
});

test("only DONE and FAILED end the polling", () => {
  assert.equal(finished({ state: "QUEUED" }), false);
  assert.equal(finished(running), false);
  assert.equal(finished({ state: "DONE" }), true);
  assert.equal(finished({ state: "FAILED" }), true);
});
