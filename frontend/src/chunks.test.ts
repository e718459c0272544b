import { test } from "node:test";
import assert from "node:assert/strict";
import { chunkKey, chunksOf } from "./chunks.js";
import { layoutTree, type LayoutNode } from "./layout.js";

/** The text each leaf of a chunk covers, in order. */
function leaves(nodes: readonly LayoutNode[]): Array<[number, number]> {
  return nodes.flatMap((node) => node.kind === "text" ? [[node.from, node.to] as [number, number]] : leaves(node.children));
}

const text = "One para.\n\nTwo para here.\n\nThree.\nFour\n";

test("chunks tile the text and end after line breaks once long enough", () => {
  const chunks = chunksOf(text, layoutTree(text.length, []), 10);
  assert.deepEqual(chunks.map((c) => text.slice(c.from, c.to)), ["One para.\n\n", "Two para here.\n\n", "Three.\nFour\n"]);
  for (const chunk of chunks) assert.deepEqual(leaves(chunk.nodes), [[chunk.from, chunk.to]]);
});

test("a span across a paragraph break keeps both paragraphs in one chunk", () => {
  const across = { id: 1, start: text.indexOf("para."), end: text.indexOf("here") };
  const chunks = chunksOf(text, layoutTree(text.length, [across]), 1);
  assert.equal(text.slice(chunks[0].from, chunks[0].to), "One para.\n\nTwo para here.\n\n");
  const covered = chunks.flatMap((c) => leaves(c.nodes));
  assert.deepEqual(covered.map(([f, t]) => text.slice(f, t)).join(""), text);
});

test("one chunk for a text without breaks, and for an empty text", () => {
  assert.equal(chunksOf("no breaks", layoutTree(9, []), 1).length, 1);
  assert.deepEqual(chunksOf("", [], 1).map((c) => [c.from, c.to]), [[0, 0]]);
});

test("a chunk's key changes when a span in it changes, not when one elsewhere does", () => {
  const spans = [{ id: 1, start: 0, end: 3 }, { id: 2, start: 11, end: 14 }];
  const looks = new Map([[1, "CLAIM"], [2, "ACTOR"]]);
  const keys = () => chunksOf(text, layoutTree(text.length, spans), 5).map((c) => chunkKey(c, (id) => looks.get(id)!));
  const before = keys();
  looks.set(2, "LOCATION");
  const after = keys();
  assert.equal(after[0], before[0]);
  assert.notEqual(after[1], before[1]);
  assert.equal(after[2], before[2]);
});
