import { test } from "node:test";
import assert from "node:assert/strict";
import { TextOffsets } from "./offsets.js";
import {
  nextWordStart, previousWordEnd, previousWordStart, selectionWarning, snapToWords, wordAt, wordEnd,
} from "./words.js";

/** The range of `needle` in `text`, in code points. */
function at(text: string, needle: string): { start: number; end: number } {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const start = Array.from(text.slice(0, i)).length;
  return { start, end: start + Array.from(needle).length };
}

function snapped(text: string, selected: string): string | null {
  const offsets = new TextOffsets(text);
  const range = snapToWords(offsets, at(text, selected));
  return range && offsets.slice(range.start, range.end);
}

test("a selection keeps whole words without the spaces and punctuation at its edges", () => {
  const text = "Officials said that Volodymyr Zelensky, visited “Kyiv” on Tuesday.";
  assert.equal(snapped(text, " Volodymyr Zelensky, "), "Volodymyr Zelensky");
  assert.equal(snapped(text, "“Kyiv”"), "Kyiv");
  assert.equal(snapped(text, "Tuesday."), "Tuesday");
});

test("an edge inside a word moves out to the word's edge", () => {
  const text = "Officials said that Volodymyr Zelensky visited the front.";
  assert.equal(snapped(text, "odymyr Zelen"), "Volodymyr Zelensky");
  assert.equal(snapped(text, "d that V"), "said that Volodymyr");
});

test("apostrophes and hyphens inside words belong to them; astral characters count once", () => {
  const text = "🇺🇦 The region's Kyiv-based governor 👩‍👩‍👧 spoke.";
  assert.equal(snapped(text, "egion"), "region's");
  assert.equal(snapped(text, "v-bas"), "Kyiv-based");
  const offsets = new TextOffsets(text);
  assert.deepEqual(snapToWords(offsets, at(text, "🇺🇦 The")), at(text, "The"));
});

test("punctuation alone stays as selected; whitespace alone is nothing", () => {
  const text = "Yes — no.";
  assert.equal(snapped(text, "—"), "—");
  assert.equal(snapped(text, " "), null);
});

test("the caret steps word by word, both ways", () => {
  const text = "Alpha, Bravo  Charlie.";
  const offsets = new TextOffsets(text);
  assert.equal(nextWordStart(offsets, 0), at(text, "Bravo").start);
  assert.equal(nextWordStart(offsets, at(text, "Bravo").start), at(text, "Charlie").start);
  assert.equal(nextWordStart(offsets, at(text, "Charlie").start), offsets.codePointLength);
  assert.equal(previousWordStart(offsets, at(text, "Charlie").start), at(text, "Bravo").start);
  assert.equal(previousWordStart(offsets, at(text, "Bravo").start + 2), at(text, "Bravo").start);
  assert.equal(previousWordStart(offsets, 0), 0);
  assert.equal(wordEnd(offsets, at(text, "Bravo").start), at(text, "Bravo").end);
  assert.equal(wordEnd(offsets, at(text, "Alpha").end), at(text, "Bravo").end);
  assert.equal(previousWordEnd(offsets, at(text, "Charlie").end), at(text, "Bravo").end);
  assert.deepEqual(wordAt(offsets, 1), at(text, "Alpha"));
  assert.deepEqual(wordAt(offsets, at(text, "Alpha").end), at(text, "Bravo"));
  assert.equal(wordAt(offsets, offsets.codePointLength), null);
});

test("very long and cross-paragraph selections are warned about", () => {
  const long = "word ".repeat(200);
  const offsets = new TextOffsets(long);
  assert.match(selectionWarning(offsets, { start: 0, end: 501 }) ?? "", /501 characters/);
  assert.equal(selectionWarning(offsets, { start: 0, end: 500 }), null);
  const paragraphs = new TextOffsets("First paragraph.\n\nSecond one.");
  assert.match(selectionWarning(paragraphs, { start: 6, end: 24 }) ?? "", /paragraph/);
  assert.equal(selectionWarning(paragraphs, { start: 0, end: 15 }), null);
});
