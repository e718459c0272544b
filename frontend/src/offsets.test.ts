import { test } from "node:test";
import assert from "node:assert/strict";
import { TextOffsets } from "./offsets.js";

/** Reference model: the text as an array of code points (what Python indexes). */
function codePoints(text: string): string[] {
  return Array.from(text);
}

/** Every UTF-16 index and code-point index must agree with the brute-force model. */
function assertMatchesModel(text: string): void {
  const offsets = new TextOffsets(text);
  const cps = codePoints(text);
  assert.equal(offsets.codePointLength, cps.length, "code point length");
  assert.equal(offsets.utf16Length, text.length, "UTF-16 length");
  for (let c = 0; c <= cps.length; c++) {
    const utf16 = cps.slice(0, c).join("").length;
    assert.equal(offsets.toUtf16(c), utf16, `toUtf16(${c}) in ${JSON.stringify(text)}`);
    assert.equal(offsets.toCodePoint(utf16), c, `toCodePoint(${utf16}) in ${JSON.stringify(text)}`);
    assert.equal(offsets.toCodePoint(utf16, "up"), c, `toCodePoint(${utf16}, up)`);
    for (let d = c; d <= cps.length; d++) {
      assert.equal(offsets.slice(c, d), cps.slice(c, d).join(""), `slice(${c}, ${d})`);
    }
  }
}

test("ASCII text: code points and UTF-16 units coincide", () => {
  const offsets = new TextOffsets("Hello, world");
  assert.equal(offsets.codePointLength, 12);
  assert.equal(offsets.toUtf16(5), 5);
  assert.equal(offsets.toCodePoint(7), 7);
  assert.equal(offsets.slice(7, 12), "world");
  assertMatchesModel("Hello, world");
});

test("empty text has only position 0", () => {
  const offsets = new TextOffsets("");
  assert.equal(offsets.codePointLength, 0);
  assert.equal(offsets.toUtf16(0), 0);
  assert.equal(offsets.toCodePoint(0), 0);
  assert.equal(offsets.slice(0, 0), "");
  assert.throws(() => offsets.toUtf16(1), RangeError);
  assert.throws(() => offsets.toCodePoint(1), RangeError);
});

test("a flag is 4 UTF-16 units but 2 code points, and shifts what follows", () => {
  const text = "Kyiv 🇺🇦 today";
  const offsets = new TextOffsets(text);
  assert.equal(text.length, 15);
  assert.equal(offsets.codePointLength, 13);
  // "today" starts at UTF-16 10 but at code point 8.
  assert.equal(text.indexOf("today"), 10);
  assert.equal(offsets.toCodePoint(10), 8);
  assert.equal(offsets.toUtf16(8), 10);
  assert.equal(offsets.slice(8, 13), "today");
  assert.equal(offsets.slice(5, 7), "🇺🇦");
  assertMatchesModel(text);
});

test("mathematical letters outside the BMP count as one code point", () => {
  const text = "𝔘𝔫𝔦 code";
  const offsets = new TextOffsets(text);
  assert.equal(offsets.codePointLength, 8);
  assert.equal(offsets.slice(0, 3), "𝔘𝔫𝔦");
  assert.equal(offsets.slice(4, 8), "code");
  assert.equal(offsets.toUtf16(3), 6);
  assertMatchesModel(text);
});

test("a UTF-16 index inside a surrogate pair snaps outward", () => {
  const text = "a😀b"; // units: a, \ud83d, \ude00, b
  const offsets = new TextOffsets(text);
  assert.equal(offsets.toCodePoint(2, "down"), 1, "start of the emoji");
  assert.equal(offsets.toCodePoint(2, "up"), 2, "after the emoji");
  // A selection covering only the low half of the emoji widens to the whole emoji.
  assert.deepEqual(offsets.rangeToCodePoints(2, 3), { start: 1, end: 2 });
  // A selection covering only the high half widens the same way.
  assert.deepEqual(offsets.rangeToCodePoints(1, 2), { start: 1, end: 2 });
  // A collapsed position inside the pair becomes the whole pair, never a half.
  assert.deepEqual(offsets.rangeToCodePoints(2, 2), { start: 1, end: 2 });
  const { start, end } = offsets.rangeToCodePoints(0, 2);
  assert.equal(offsets.slice(start, end), "a😀");
});

test("positions outside a pair are not moved by either rounding", () => {
  const offsets = new TextOffsets("a😀b");
  for (const [unit, cp] of [[0, 0], [1, 1], [3, 2], [4, 3]]) {
    assert.equal(offsets.toCodePoint(unit, "down"), cp);
    assert.equal(offsets.toCodePoint(unit, "up"), cp);
  }
});

test("lone surrogates count as one code point each and are never snapped", () => {
  const text = "x\ud83dy\ude00z"; // high then low, but not adjacent: not a pair
  const offsets = new TextOffsets(text);
  assert.equal(offsets.codePointLength, 5);
  assert.equal(offsets.toCodePoint(2, "up"), 2);
  assert.equal(offsets.toCodePoint(4, "down"), 4);
  assertMatchesModel(text);
});

test("combining marks are separate code points (no grapheme clustering)", () => {
  const text = "cafe\u0301 ok"; // e + COMBINING ACUTE ACCENT
  const offsets = new TextOffsets(text);
  assert.equal(offsets.codePointLength, 8);
  assert.equal(offsets.slice(3, 5), "e\u0301");
  assert.equal(offsets.toCodePoint(6), 6);
  assertMatchesModel(text);
});

test("newlines, Cyrillic and Arabic are BMP: one unit per code point", () => {
  const text = "Первый абзац.\nمرحبا بالعالم\n\nEnd";
  const offsets = new TextOffsets(text);
  assert.equal(offsets.codePointLength, text.length);
  const arabic = text.indexOf("مرحبا");
  assert.equal(offsets.slice(arabic, arabic + 5), "مرحبا");
  assert.equal(offsets.slice(13, 14), "\n");
  assertMatchesModel(text);
});

test("boundaries 0 and length are valid, beyond them is not", () => {
  const text = "👩‍👩‍👧 family"; // ZWJ sequence: 5 code points, 8 units
  const offsets = new TextOffsets(text);
  assert.equal(offsets.toUtf16(0), 0);
  assert.equal(offsets.toCodePoint(0), 0);
  assert.equal(offsets.toUtf16(offsets.codePointLength), text.length);
  assert.equal(offsets.toCodePoint(text.length), offsets.codePointLength);
  assert.equal(offsets.slice(0, offsets.codePointLength), text);
  assert.throws(() => offsets.toUtf16(offsets.codePointLength + 1), RangeError);
  assert.throws(() => offsets.toCodePoint(text.length + 1), RangeError);
  assert.throws(() => offsets.toUtf16(-1), RangeError);
  assert.throws(() => offsets.toCodePoint(1.5), RangeError);
  assert.throws(() => offsets.slice(3, 2), RangeError);
  assertMatchesModel(text);
});

test("random mixed text agrees with Array.from slicing", () => {
  const alphabet = ["a", " ", "\n", "é", "e\u0301", "Ж", "م", "😀", "🇺🇦", "𝔘", "\ud83d", "\ude00"];
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let round = 0; round < 50; round++) {
    let text = "";
    const pieces = Math.floor(random() * 30);
    for (let i = 0; i < pieces; i++) text += alphabet[Math.floor(random() * alphabet.length)];
    assertMatchesModel(text);
  }
});

test("a 20k-unit article converts 2,000 offsets quickly", () => {
  const text = "Breaking 🇺🇦 news: 𝔘nicode café\n".repeat(700);
  const began = performance.now();
  const offsets = new TextOffsets(text);
  let checksum = 0;
  for (let i = 0; i < 2000; i++) {
    const cp = (i * 7919) % offsets.codePointLength;
    checksum += offsets.toCodePoint(offsets.toUtf16(cp)) - cp;
  }
  const elapsed = performance.now() - began;
  assert.equal(checksum, 0);
  assert.ok(elapsed < 200, `took ${elapsed.toFixed(1)} ms`);
});
