/**
 * The suggestions the page shows the editor, without the DOM: their order in the text, stepping
 * through them, the one at a point of the text, what a span made meanwhile leaves of them, counts
 * per label for "accept all", and the words that describe one.
 */
import { stepThrough, textOrder } from "./spans.js";
import type { Suggestion, SuggestionSource } from "./types.js";

/** Where a suggestion came from, as the page says it. */
export const SOURCE_NAMES: Record<SuggestionSource, string> = {
  OCCURRENCE: "another occurrence of your span",
  ENTITY: "an entity's name",
  MODEL: "the model",
  IMPORT: "an import",
};

/** The tooltip and accessible name of a suggestion: what, from where, how sure, and the keys that decide it. */
export function suggestionTitle(suggestion: Suggestion, labelName: string): string {
  const score = suggestion.score === null || suggestion.score >= 1 ? "" : ` (${Math.round(suggestion.score * 100)}% sure)`;
  return `Suggested ${labelName} “${suggestion.quote}”, from ${SOURCE_NAMES[suggestion.source] ?? suggestion.source}${score}`
    + " — Enter or its label's key accepts, x rejects";
}

export class SuggestionSet {
  private readonly items = new Map<number, Suggestion>();

  /** All of them, replaced by what the server listed. */
  replace(suggestions: readonly Suggestion[]): void {
    this.items.clear();
    for (const suggestion of suggestions) this.items.set(suggestion.id, suggestion);
  }

  get size(): number {
    return this.items.size;
  }

  get(id: number): Suggestion | undefined {
    return this.items.get(id);
  }

  /** In text order (outermost first where they start together). */
  ordered(): Suggestion[] {
    return textOrder(this.items.values()).map((id) => this.items.get(id)!);
  }

  /** The one after (1) or before (-1) `current` in text order; the first (last) when none is current; null when empty. */
  step(current: number | null, direction: 1 | -1): number | null {
    return stepThrough(textOrder(this.items.values()), current, direction);
  }

  /** The shortest suggestion over this code point, or undefined. */
  at(codePoint: number): Suggestion | undefined {
    let found: Suggestion | undefined;
    for (const suggestion of this.items.values()) {
      if (suggestion.start <= codePoint && codePoint < suggestion.end
        && (!found || suggestion.end - suggestion.start < found.end - found.start)) found = suggestion;
    }
    return found;
  }

  /**
   * The editor now has a span of this label here: the suggestions of that label and place go (the
   * server no longer lists them either). Returns the ids removed.
   */
  settle(span: { label: string; start: number; end: number }): number[] {
    const removed: number[] = [];
    for (const suggestion of this.items.values()) {
      if (suggestion.label === span.label && suggestion.start === span.start && suggestion.end === span.end) {
        removed.push(suggestion.id);
      }
    }
    for (const id of removed) this.items.delete(id);
    return removed;
  }

  remove(id: number): void {
    this.items.delete(id);
  }

  /** How many there are of each label, labels in the order they first appear in the text. */
  countsByLabel(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const suggestion of this.ordered()) counts.set(suggestion.label, (counts.get(suggestion.label) ?? 0) + 1);
    return counts;
  }
}
