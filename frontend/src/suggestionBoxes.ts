/**
 * Draws the suggestions as dashed boxes in a layer laid over the text (no fill, no change to the
 * text or its highlights, so a suggestion never hides or moves a real span): one `div.suggestion`
 * per suggestion, focusable and named for the keyboard and screen readers, holding a box per line
 * it covers. The layer lets the pointer through; a click on the text finds the suggestion under it.
 * Boxes are placed again when the browser is next idle after the text is redrawn or changes size.
 */
import { NextFrame } from "./nextFrame.js";
import { suggestionTitle } from "./suggestions.js";
import type { Suggestion } from "./types.js";

export interface SuggestionLook {
  labelName(key: string): string;
  color(key: string): string;
  /** The DOM range of a suggestion's characters in the text as drawn now. */
  range(suggestion: Suggestion): Range;
}

export class SuggestionBoxes {
  private suggestions: Suggestion[] = [];
  private readonly boxes = new Map<number, HTMLElement>();
  /** Measuring every suggestion lays out the blocks they stand in: done when idle, so a key's new highlight paints first. */
  private readonly nextFrame = new NextFrame(() => this.draw(), "idle");

  constructor(private readonly frame: HTMLElement, private readonly layer: HTMLElement, text: HTMLElement,
    private readonly look: SuggestionLook) {
    new ResizeObserver(() => this.nextFrame.request()).observe(text);
  }

  /** The suggestions to draw (after they change, or the text was redrawn). */
  show(suggestions: readonly Suggestion[]): void {
    this.suggestions = [...suggestions];
    this.nextFrame.request();
  }

  /** The element of a drawn suggestion (it takes the focus). */
  element(id: number): HTMLElement | undefined {
    return this.boxes.get(id);
  }

  /** The suggestion id of a focused or clicked element of the layer, or null. */
  idOf(target: EventTarget | null): number | null {
    const box = target instanceof Element ? target.closest<HTMLElement>(".suggestion") : null;
    return box && this.layer.contains(box) ? Number(box.dataset.suggestionId) : null;
  }

  /** Draws now what the next frame would: a suggestion about to take the focus must have its element. */
  flush(): void {
    this.draw();
  }


  /** Measures every suggestion's lines first, then writes the boxes: one layout, not one per suggestion. */
  private draw(): void {
    const origin = this.frame.getBoundingClientRect();
    const measured = this.suggestions.map((suggestion) => ({
      suggestion,
      rects: [...this.look.range(suggestion).getClientRects()].filter((rect) => rect.width > 0),
    }));
    const focusedId = this.idOf(document.activeElement);
    const kept = new Set<number>();
    for (const { suggestion, rects } of measured) {
      kept.add(suggestion.id);
      const box = this.boxes.get(suggestion.id) ?? this.create(suggestion);
      box.replaceChildren(...rects.map((rect) => {
        const line = document.createElement("span");
        line.className = "suggestion-line";
        line.style.left = `${rect.left - origin.left}px`;
        line.style.top = `${rect.top - origin.top}px`;
        line.style.width = `${rect.width}px`;
        line.style.height = `${rect.height}px`;
        return line;
      }));
    }
    for (const [id, box] of this.boxes) {
      if (kept.has(id)) continue;
      box.remove();
      this.boxes.delete(id);
    }
    if (focusedId !== null && !kept.has(focusedId)) this.frame.querySelector<HTMLElement>("#article-text")?.focus();
  }

  private create(suggestion: Suggestion): HTMLElement {
    const box = document.createElement("div");
    box.className = "suggestion";
    box.dataset.suggestionId = String(suggestion.id);
    box.dataset.label = suggestion.label;
    box.dataset.source = suggestion.source;
    box.tabIndex = -1;
    box.setAttribute("role", "button");
    const title = suggestionTitle(suggestion, this.look.labelName(suggestion.label));
    box.title = title;
    box.setAttribute("aria-label", title);
    box.style.setProperty("--label-color", this.look.color(suggestion.label));
    this.layer.append(box);
    this.boxes.set(suggestion.id, box);
    return box;
  }
}
