/**
 * Word boundaries in an article, in code points (the server's offsets): a selection snapped to
 * whole words without the spaces and punctuation at its edges, and the steps of a caret that
 * moves word by word. A word is a run of letters, marks and digits, with apostrophes and hyphens
 * inside it ("region's", "Kyiv-based").
 */
import type { TextOffsets } from "./offsets.js";

/** A range of code points, start inclusive, end exclusive. */
export interface CodePointRange {
  start: number;
  end: number;
}

const WORD = /^[\p{L}\p{M}\p{N}]$/u;
const JOINER = /^['’\-‐]$/u;

/** A selection longer than this (code points) is probably a slip of the mouse: the page warns. */
export const LONG_SELECTION = 500;

function charAt(text: TextOffsets, at: number): string {
  return at >= 0 && at < text.codePointLength ? text.slice(at, at + 1) : "";
}

/** True when the code point at `at` belongs to a word (a joiner only between two word characters). */
export function isWordChar(text: TextOffsets, at: number): boolean {
  const c = charAt(text, at);
  if (WORD.test(c)) return true;
  return JOINER.test(c) && WORD.test(charAt(text, at - 1)) && WORD.test(charAt(text, at + 1));
}

/**
 * The selection snapped to words: an edge inside a word moves out to the word's edge, then
 * spaces and punctuation at either edge are dropped. A selection of punctuation only is kept as it
 * was (the person meant those characters); null when nothing but whitespace is left.
 */
export function snapToWords(text: TextOffsets, range: CodePointRange): CodePointRange | null {
  let { start, end } = range;
  while (start > 0 && isWordChar(text, start) && isWordChar(text, start - 1)) start--;
  while (end < text.codePointLength && isWordChar(text, end - 1) && isWordChar(text, end)) end++;
  let from = start;
  let to = end;
  while (from < to && !isWordChar(text, from)) from++;
  while (to > from && !isWordChar(text, to - 1)) to--;
  if (from < to) return { start: from, end: to };
  return text.slice(range.start, range.end).trim() === "" ? null : range;
}

/** The start of the next word after `at` (the text's end when there is none). */
export function nextWordStart(text: TextOffsets, at: number): number {
  let i = at;
  while (i < text.codePointLength && isWordChar(text, i)) i++;
  while (i < text.codePointLength && !isWordChar(text, i)) i++;
  return i;
}

/** The start of the word before `at` (or of the word `at` is inside); 0 when there is none. */
export function previousWordStart(text: TextOffsets, at: number): number {
  let i = at;
  while (i > 0 && !isWordChar(text, i - 1)) i--;
  while (i > 0 && isWordChar(text, i - 1)) i--;
  return i;
}

/** The end of the word at or after `at` (the text's end when there is none). */
export function wordEnd(text: TextOffsets, at: number): number {
  let i = at;
  while (i < text.codePointLength && !isWordChar(text, i)) i++;
  while (i < text.codePointLength && isWordChar(text, i)) i++;
  return i;
}

/** The end of the word before `at` (0 when there is none): where a span's end moves back to. */
export function previousWordEnd(text: TextOffsets, at: number): number {
  let i = at;
  while (i > 0 && isWordChar(text, i - 1)) i--;
  while (i > 0 && !isWordChar(text, i - 1)) i--;
  return i;
}

/** The word that covers `at`, or the next one; null past the last word. */
export function wordAt(text: TextOffsets, at: number): CodePointRange | null {
  let start = at;
  if (!isWordChar(text, start)) start = nextWordStart(text, start);
  else while (start > 0 && isWordChar(text, start - 1)) start--;
  if (start >= text.codePointLength) return null;
  return { start, end: wordEnd(text, start) };
}

/** Why a selection deserves a second look before it is saved, or null: very long, or across paragraphs. */
export function selectionWarning(text: TextOffsets, range: CodePointRange): string | null {
  const length = range.end - range.start;
  if (length > LONG_SELECTION) {
    return `That span is ${length.toLocaleString("en")} characters long: check it is the one you meant (Esc clears it).`;
  }
  if (/\n\s*\n/.test(text.slice(range.start, range.end))) {
    return "That span crosses a paragraph break: check it is the one you meant.";
  }
  return null;
}
