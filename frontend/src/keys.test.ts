import { test } from "node:test";
import assert from "node:assert/strict";
import { actionFor, type KeyContext, type KeyPress, relatingActionFor, shortcutMap } from "./keys.js";
import type { Label } from "./types.js";

const actor: Label = { key: "ACTOR", name: "Actor", color: "#2e86ab", shortcut: "a", retired: false, description: null };
const jolly: Label = { key: "JOLLY", name: "Jolly", color: "#2e86ab", shortcut: "J", retired: false, description: null };
const context: KeyContext = { reviewer: false, focus: "other", spanSelected: false, textSelected: false, shortcuts: shortcutMap([actor]) };

function press(key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  return { key, shift: false, alt: false, ctrl: false, meta: false, ...modifiers };
}

test("label keys tag, case-insensitively; Ctrl and Cmd combinations are the browser's", () => {
  assert.deepEqual(actionFor(press("a"), context), { kind: "label", label: actor });
  assert.deepEqual(actionFor(press("A", { shift: true }), context), { kind: "label", label: actor });
  assert.equal(actionFor(press("a", { ctrl: true }), context), null);
  assert.equal(actionFor(press("c", { meta: true }), context), null);
});

test("for reviewers Shift+A and Shift+R decide instead", () => {
  const reviewer = { ...context, reviewer: true };
  assert.deepEqual(actionFor(press("A", { shift: true }), reviewer), { kind: "decide", decision: "APPROVE" });
  assert.deepEqual(actionFor(press("R", { shift: true }), reviewer), { kind: "decide", decision: "REJECT" });
  assert.deepEqual(actionFor(press("a"), reviewer), { kind: "label", label: actor });
});

test("j/k and Alt+arrows step through spans; a label on j wins over stepping", () => {
  assert.deepEqual(actionFor(press("j"), context), { kind: "step", direction: 1 });
  assert.deepEqual(actionFor(press("k"), context), { kind: "step", direction: -1 });
  assert.deepEqual(actionFor(press("ArrowUp", { alt: true }), context), { kind: "step", direction: -1 });
  assert.deepEqual(actionFor(press("j"), { ...context, shortcuts: shortcutMap([jolly]) }), { kind: "label", label: jolly });
});

test("Shift+arrows move the selected span's end, with Alt its start", () => {
  const onSpan: KeyContext = { ...context, focus: "span", spanSelected: true };
  assert.deepEqual(actionFor(press("ArrowRight", { shift: true }), onSpan), { kind: "moveEdge", edge: "end", direction: 1 });
  assert.deepEqual(actionFor(press("ArrowLeft", { shift: true, alt: true }), onSpan), { kind: "moveEdge", edge: "start", direction: -1 });
  assert.equal(actionFor(press("ArrowRight", { shift: true }), { ...onSpan, textSelected: true }), null, "a text selection is the browser's to extend");
  assert.equal(actionFor(press("ArrowRight"), onSpan), null);
});

test("on the article text the arrows move a caret word by word, Shift extends it", () => {
  const onText: KeyContext = { ...context, focus: "text" };
  assert.deepEqual(actionFor(press("ArrowRight"), onText), { kind: "caret", direction: 1, extend: false });
  assert.deepEqual(actionFor(press("ArrowLeft", { shift: true }), onText), { kind: "caret", direction: -1, extend: true });
  assert.equal(actionFor(press("ArrowRight"), context), null, "elsewhere the arrows scroll");
});

test("Enter opens a focused span; Delete removes the selected one unless text is selected", () => {
  assert.deepEqual(actionFor(press("Enter"), { ...context, focus: "span" }), { kind: "open" });
  assert.equal(actionFor(press("Enter"), context), null);
  assert.deepEqual(actionFor(press("Delete"), { ...context, spanSelected: true }), { kind: "delete" });
  assert.equal(actionFor(press("Backspace"), { ...context, spanSelected: true, textSelected: true }), null);
  assert.deepEqual(actionFor(press("Escape"), context), { kind: "escape" });
  assert.deepEqual(actionFor(press("?", { shift: true }), context), { kind: "help" });
});

test("r starts a relation from the selected span, unless text is selected or a label takes the letter", () => {
  assert.equal(actionFor(press("r"), context), null);
  assert.deepEqual(actionFor(press("r"), { ...context, spanSelected: true }), { kind: "relate" });
  assert.equal(actionFor(press("r"), { ...context, spanSelected: true, textSelected: true }), null);
  const rumour: Label = { ...actor, key: "RUMOUR", shortcut: "r" };
  assert.deepEqual(actionFor(press("r"), { ...context, spanSelected: true, shortcuts: shortcutMap([rumour]) }),
    { kind: "label", label: rumour });
});

test("while relating, j/k and Alt+arrows aim, Enter confirms, digits choose a type, Esc gives up; other keys do nothing", () => {
  assert.deepEqual(relatingActionFor(press("j")), { kind: "aim", direction: 1 });
  assert.deepEqual(relatingActionFor(press("k")), { kind: "aim", direction: -1 });
  assert.deepEqual(relatingActionFor(press("ArrowUp", { alt: true })), { kind: "aim", direction: -1 });
  assert.deepEqual(relatingActionFor(press("Enter")), { kind: "confirm" });
  assert.deepEqual(relatingActionFor(press("2")), { kind: "choose", index: 1 });
  assert.deepEqual(relatingActionFor(press("Escape")), { kind: "cancel" });
  assert.equal(relatingActionFor(press("0")), null);
  assert.equal(relatingActionFor(press("a")), null);
  assert.equal(relatingActionFor(press("j", { ctrl: true })), null);
});

test("on a focused suggestion Enter and its label's key accept, x rejects; n / Shift+N step through suggestions", () => {
  const onSuggestion: KeyContext = { ...context, focus: "suggestion" };
  assert.deepEqual(actionFor(press("Enter"), onSuggestion), { kind: "acceptSuggestion", label: null });
  assert.deepEqual(actionFor(press("a"), onSuggestion), { kind: "acceptSuggestion", label: actor });
  assert.deepEqual(actionFor(press("x"), onSuggestion), { kind: "rejectSuggestion" });
  assert.equal(actionFor(press("x"), context), null, "x does nothing elsewhere");
  assert.deepEqual(actionFor(press("n"), context), { kind: "stepSuggestion", direction: 1 });
  assert.deepEqual(actionFor(press("N", { shift: true }), onSuggestion), { kind: "stepSuggestion", direction: -1 });
});

test("o labels the selected span's other occurrences in the article, Shift+O in the project", () => {
  const selected: KeyContext = { ...context, focus: "span", spanSelected: true };
  assert.deepEqual(actionFor(press("o"), selected), { kind: "occurrences", scope: "article" });
  assert.deepEqual(actionFor(press("O", { shift: true }), selected), { kind: "occurrences", scope: "project" });
  assert.equal(actionFor(press("o"), context), null, "without a selected span");
  assert.equal(actionFor(press("o"), { ...selected, textSelected: true }), null);
});
