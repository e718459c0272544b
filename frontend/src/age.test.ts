import { test } from "node:test";
import assert from "node:assert/strict";
import { since } from "./age.js";

const now = Date.parse("2026-12-05T12:00:00Z");
const ago = (seconds: number) => since(now - seconds * 1000, now);

test("ages are said in the largest whole unit, as the server says them", () => {
  assert.equal(ago(0), "just now");
  assert.equal(ago(59), "just now");
  assert.equal(ago(60), "1 min ago");
  assert.equal(ago(3599), "59 min ago");
  assert.equal(ago(3600), "1 h ago");
  assert.equal(ago(86_399), "23 h ago");
  assert.equal(ago(86_400), "1 d ago");
  assert.equal(ago(59 * 86_400), "59 d ago");
  assert.equal(ago(60 * 86_400), "2 months ago");
});

test("a time slightly in the future is just now", () => {
  assert.equal(ago(-30), "just now");
});
