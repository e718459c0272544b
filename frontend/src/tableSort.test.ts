import { test } from "node:test";
import assert from "node:assert/strict";
import { nextDirection, sortedOrder } from "./tableSort.js";

test("numbers sort as numbers, empty cells last either way, ties in their order", () => {
  const values = ["10", "9", "", "10", "0.5"];
  assert.deepEqual(sortedOrder(values, true, 1), [4, 1, 0, 3, 2]);
  assert.deepEqual(sortedOrder(values, true, -1), [0, 3, 1, 4, 2]);
});

test("text sorts as a person reads it, case and accents aside", () => {
  assert.deepEqual(sortedOrder(["émile", "Zoe", "adam", "Emil"], false, 1), [2, 3, 0, 1]);
  assert.deepEqual(sortedOrder(["b", "A", "c"], false, 1), [1, 0, 2]);
  assert.deepEqual(sortedOrder(["editor10", "editor2"], false, 1), [1, 0], "numbers inside names in their order");
});

test("a new numeric column starts with the biggest; the same column turns over", () => {
  assert.equal(nextDirection(false, 1, true), -1);
  assert.equal(nextDirection(false, -1, false), 1);
  assert.equal(nextDirection(true, -1, true), 1);
});
