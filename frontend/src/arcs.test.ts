import { test } from "node:test";
import assert from "node:assert/strict";
import { ARC_BASE, ARC_STEP, arcLevels, arcShape, MAX_ARC_LEVEL } from "./arcs.js";

const on = (id: number, fromX: number, toX: number, y = 100) => ({ id, from: { x: fromX, y }, to: { x: toX, y } });

test("arcs that do not overlap share the lowest level", () => {
  const levels = arcLevels([on(1, 0, 50), on(2, 60, 120)]);
  assert.equal(levels.get(1), 0);
  assert.equal(levels.get(2), 0);
});

test("an arc spanning another rises above it, whichever comes first", () => {
  const levels = arcLevels([on(1, 0, 300), on(2, 40, 90), on(3, 100, 200), on(4, 20, 250)]);
  assert.equal(levels.get(2), 0);
  assert.equal(levels.get(3), 0);
  assert.equal(levels.get(4), 1);
  assert.equal(levels.get(1), 2);
});

test("arcs on different lines do not push each other up", () => {
  const levels = arcLevels([on(1, 0, 300, 100), on(2, 0, 300, 140)]);
  assert.equal(levels.get(1), 0);
  assert.equal(levels.get(2), 0);
});

test("however many overlap, arcs stay within the top level", () => {
  const arcs = Array.from({ length: 12 }, (_, i) => on(i + 1, 0, 100 + i));
  const levels = arcLevels(arcs);
  assert.equal(Math.max(...levels.values()), MAX_ARC_LEVEL);
});

test("an arc rises from both ends to its level, with its label at the top", () => {
  const { path, label } = arcShape(on(1, 10, 110), 1);
  const top = 100 - ARC_BASE - ARC_STEP;
  assert.equal(path, `M10,100 C10,${top} 110,${top} 110,100`);
  assert.equal(label.x, 60);
  assert.ok(label.y < 100 && label.y > top, `label at ${label.y}`);
});

test("ends nearly on top of each other (a span inside another) make a loop, not a flat line", () => {
  const { path } = arcShape(on(1, 50, 55), 0);
  assert.equal(path, `M50,100 C34,${100 - ARC_BASE} 71,${100 - ARC_BASE} 55,100`);
});

test("an arc between lines starts above the higher end", () => {
  const { path } = arcShape({ id: 1, from: { x: 300, y: 140 }, to: { x: 20, y: 100 } }, 0);
  assert.equal(path, `M300,140 C300,${100 - ARC_BASE} 20,${100 - ARC_BASE} 20,100`);
});
