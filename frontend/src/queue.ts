/**
 * The review queue's logic that needs no DOM: which key does what (in the queue and in the label
 * chooser), where the current row goes when rows leave the list, how counts change, and the
 * sentences shown for the server's answers.
 * review.ts wires it to the page; queue.test.ts tests it.
 */

import type { Decision, Label, Status } from "./types.js";

export type { Decision, Status } from "./types.js";
export type Counts = Record<Status, number>;

export type QueueAction = "next" | "previous" | "toggle" | "approve" | "reject" | "open" | "relabel" | "compact" | "help";

const KEYS: Record<string, QueueAction> = {
  j: "next",
  k: "previous",
  x: "toggle",
  a: "approve",
  r: "reject",
  o: "open",
  e: "relabel",
  c: "compact",
  "?": "help",
};

/** The action of a key press, or null when the key is not a queue shortcut (or has a modifier). */
export function actionForKey(key: string, modifiers: { ctrl: boolean; meta: boolean; alt: boolean }): QueueAction | null {
  if (modifiers.ctrl || modifiers.meta || modifiers.alt) return null;
  // "?" needs Shift on most keyboards; the letters are only shortcuts unshifted, so that
  // Shift+A stays free (and Caps Lock does not fire decisions by surprise).
  return Object.prototype.hasOwnProperty.call(KEYS, key) ? KEYS[key] : null;
}

/** A label of a project's set, as the queue's page data embeds it (LabelView). */
export type QueueLabel = Pick<Label, "key" | "name" | "color" | "shortcut">;

/**
 * The label chosen by a key press in the label chooser, or null. Case-insensitive, as on the
 * annotation page; a key with a modifier chooses nothing.
 */
export function labelForKey<L extends QueueLabel>(labels: readonly L[], key: string,
  modifiers: { ctrl: boolean; meta: boolean; alt: boolean }): L | null {
  if (modifiers.ctrl || modifiers.meta || modifiers.alt || key.length === 0) return null;
  const pressed = key.toLowerCase();
  return labels.find((label) => label.shortcut !== null && label.shortcut.toLowerCase() === pressed) ?? null;
}

/** "Label changed to Location." */
export function relabelledSentence(name: string): string {
  return `Label changed to ${name}.`;
}

/** The row after (1) or before (-1) `current` among `length` rows, stopping at the ends; -1 when empty. */
export function step(current: number, direction: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (current < 0 || current >= length) return direction === 1 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + direction));
}

/**
 * The row to make current after `removed` rows leave the list: the current row if it stays,
 * else the first remaining row after it (the next one to review), else the last remaining row,
 * else null.
 */
export function currentAfterRemoval(ids: readonly number[], current: number | null,
  removed: ReadonlySet<number>): number | null {
  const remaining = ids.filter((id) => !removed.has(id));
  if (remaining.length === 0) return null;
  if (current === null) return remaining[0];
  if (!removed.has(current)) return current;
  const at = ids.indexOf(current);
  for (let i = at + 1; i < ids.length; i++) {
    if (!removed.has(ids[i])) return ids[i];
  }
  return remaining[remaining.length - 1];
}

export function resultOf(decision: Decision): Status {
  return decision === "APPROVE" ? "APPROVED" : "REJECTED";
}

/**
 * Counts after `n` submitted annotations were decided on. The server stops counting at `limit`
 * (a count there means "that many or more"), so a count at the limit stays as it is.
 */
export function countsAfter(counts: Counts, decision: Decision, n: number, limit = Infinity): Counts {
  const next = { ...counts };
  if (next.SUBMITTED < limit) next.SUBMITTED = Math.max(0, next.SUBMITTED - n);
  const result = resultOf(decision);
  if (next[result] < limit) next[result] = Math.min(limit, next[result] + n);
  return next;
}

/** A count as the header shows it: "10,000+" at the server's limit. */
export function shownCount(count: number, limit: number): string {
  return count >= limit ? `${count.toLocaleString("en")}+` : String(count);
}

/** One item of a bulk answer (POST /api/decisions). */
export interface ItemResult {
  id: number;
  ok: boolean;
  error: string | null;
  message: string | null;
}

export const NOT_APPLIED = "Not decided: the whole selection is decided at once, and other rows were refused.";

/**
 * The sentence to show on each row of a refused bulk decision: the server's reason for the rows
 * that were refused, and for the others that they were left alone because of those.
 */
export function rowMessages(results: readonly ItemResult[]): Map<number, string> {
  const messages = new Map<number, string>();
  for (const result of results) {
    messages.set(result.id, result.ok
      ? NOT_APPLIED
      : result.message || `This annotation cannot be decided on (${result.error ?? "refused"}).`);
  }
  return messages;
}

/**
 * "Approved 3 annotations." / "Rejected “Zelensky”." A quote is cut at `max` code points; the
 * relations' queue allows more, as its rows read "quote —type→ quote" with each quote cut already.
 */
export function decidedSentence(decision: Decision, quotes: readonly string[], max = 60): string {
  const verb = decision === "APPROVE" ? "Approved" : "Rejected";
  if (quotes.length === 1) return `${verb} “${shorten(quotes[0], max)}”.`;
  return `${verb} ${quotes.length} annotations.`;
}

/** A refused bulk decision, for the status line. */
export function refusedSentence(results: readonly ItemResult[]): string {
  const refused = results.filter((r) => !r.ok).length;
  return `Nothing was decided: ${refused} of ${results.length} selected ${results.length === 1 ? "annotation" : "annotations"} `
    + `cannot be decided on (see the ${refused === 1 ? "row" : "rows"}). Unselect ${refused === 1 ? "it" : "them"} and try again.`;
}

/** Whitespace runs to one space, cut to `max` code points with "…". */
export function shorten(text: string, max: number): string {
  const flat = Array.from(text.replace(/\s+/g, " ").trim());
  return flat.length > max ? `${flat.slice(0, max - 1).join("")}…` : flat.join("");
}
