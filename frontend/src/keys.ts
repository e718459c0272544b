/**
 * The annotation page's keyboard map without the DOM: what a key press means where it is pressed.
 * annotate.ts first skips keys typed into fields; the page's keyboard help lists the same keys.
 */
import type { Edge } from "./spans.js";
import type { Decision, Label } from "./types.js";

export type PageAction =
  | { kind: "help" }
  | { kind: "decide"; decision: Decision }
  /** Focus and select the next (1) or previous (-1) span in text order. */
  | { kind: "step"; direction: 1 | -1 }
  | { kind: "escape" }
  /** Show the focused span's details. */
  | { kind: "open" }
  | { kind: "delete" }
  /** Start a relation from the selected span. */
  | { kind: "relate" }
  | { kind: "label"; label: Label }
  /** Move an edge of the selected span by a word. */
  | { kind: "moveEdge"; edge: Edge; direction: 1 | -1 }
  /** Focus the next (1) or previous (-1) suggestion in text order. */
  | { kind: "stepSuggestion"; direction: 1 | -1 }
  /** Accept the focused suggestion: Enter (null), or a label's key (that label). */
  | { kind: "acceptSuggestion"; label: Label | null }
  | { kind: "rejectSuggestion" }
  /** Propose the selected span's label at the other occurrences of its quote, in the article or the whole project. */
  | { kind: "occurrences"; scope: "article" | "project" }
  /** Move the keyboard caret (a selected word) by a word, or with `extend` grow or shrink the selection by one. */
  | { kind: "caret"; direction: 1 | -1; extend: boolean };

export interface KeyPress {
  key: string;
  shift: boolean;
  alt: boolean;
  ctrl: boolean;
  meta: boolean;
}

export interface KeyContext {
  reviewer: boolean;
  /** Where the focus is: on a span's highlight, on a suggestion, on the article text itself, or elsewhere on the page. */
  focus: "span" | "suggestion" | "text" | "other";
  /** A span is selected (its details are open). */
  spanSelected: boolean;
  /** Some article text is selected (a new span in the making). */
  textSelected: boolean;
  /** Label shortcuts, lower case. */
  shortcuts: ReadonlyMap<string, Label>;
}

function arrowDirection(key: string): 1 | -1 | null {
  if (key === "ArrowRight") return 1;
  if (key === "ArrowLeft") return -1;
  return null;
}

/** The action of a key press, or null when the key is not the page's (the browser does its usual). */
export function actionFor(press: KeyPress, context: KeyContext): PageAction | null {
  if (press.ctrl || press.meta) return null;
  if (press.key === "?") return { kind: "help" };
  // Shift+A / Shift+R decide on the selected annotation; for reviewers they are not label keys.
  if (press.shift && !press.alt && (press.key === "A" || press.key === "R") && context.reviewer) {
    return { kind: "decide", decision: press.key === "A" ? "APPROVE" : "REJECT" };
  }
  const arrow = arrowDirection(press.key);
  if (arrow !== null) {
    if (press.shift && context.focus === "span" && context.spanSelected && !context.textSelected) {
      return { kind: "moveEdge", edge: press.alt ? "start" : "end", direction: arrow };
    }
    if (context.focus === "text" && !press.alt) return { kind: "caret", direction: arrow, extend: press.shift };
    return null;
  }
  if (press.alt) {
    if (press.key === "ArrowDown" || press.key === "ArrowUp") return { kind: "step", direction: press.key === "ArrowDown" ? 1 : -1 };
    return null;
  }
  // A focused suggestion takes Enter, x and the label keys (which accept it, or say it is another label).
  if (context.focus === "suggestion") {
    if (press.key === "Enter") return { kind: "acceptSuggestion", label: null };
    if (press.key === "x" || press.key === "X") return { kind: "rejectSuggestion" };
    const label = context.shortcuts.get(press.key.toLowerCase());
    if (label) return { kind: "acceptSuggestion", label };
  }
  switch (press.key) {
    case "Escape":
      return { kind: "escape" };
    case "Enter":
      return context.focus === "span" ? { kind: "open" } : null;
    case "Delete":
    case "Backspace":
      return context.spanSelected && !context.textSelected ? { kind: "delete" } : null;
  }
  // Label shortcuts take precedence over j/k and r, in case a project assigns those letters.
  const label = context.shortcuts.get(press.key.toLowerCase());
  if (label) return { kind: "label", label };
  if (press.key === "j" || press.key === "k") return { kind: "step", direction: press.key === "j" ? 1 : -1 };
  if (press.key === "r" && context.spanSelected && !context.textSelected) return { kind: "relate" };
  if (press.key === "n" || press.key === "N") return { kind: "stepSuggestion", direction: press.shift ? -1 : 1 };
  if ((press.key === "o" || press.key === "O") && context.spanSelected && !context.textSelected) {
    return { kind: "occurrences", scope: press.shift ? "project" : "article" };
  }
  return null;
}

/** While a relation is being made: move its target, confirm it, pick a type by its number, or give up. */
export type RelatingAction =
  | { kind: "aim"; direction: 1 | -1 }
  | { kind: "confirm" }
  | { kind: "choose"; index: number }
  | { kind: "cancel" };

/** The action of a key press while a relation is being made (`r`); null for keys that do nothing then. */
export function relatingActionFor(press: KeyPress): RelatingAction | null {
  if (press.ctrl || press.meta) return null;
  if (press.key === "Escape") return { kind: "cancel" };
  if (press.key === "Enter") return { kind: "confirm" };
  if (press.alt) {
    if (press.key === "ArrowDown" || press.key === "ArrowUp") return { kind: "aim", direction: press.key === "ArrowDown" ? 1 : -1 };
    return null;
  }
  if (press.key === "j" || press.key === "k") return { kind: "aim", direction: press.key === "j" ? 1 : -1 };
  if (/^[1-9]$/.test(press.key)) return { kind: "choose", index: Number(press.key) - 1 };
  return null;
}

/** Label shortcuts by lower-case key, for {@link KeyContext.shortcuts}. */
export function shortcutMap(labels: readonly Label[]): Map<string, Label> {
  const shortcuts = new Map<string, Label>();
  for (const label of labels) {
    if (label.shortcut) shortcuts.set(label.shortcut.toLowerCase(), label);
  }
  return shortcuts;
}
