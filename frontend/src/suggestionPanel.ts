/**
 * The side panel of the editor's suggestions on the article: how many of each label, with
 * "Accept all" per label, the keys that decide them one by one, and, for a span of one's own that
 * is selected, "label all occurrences" in the article or the project.
 */
import { element } from "./page.js";
import type { Annotation } from "./types.js";

export interface SuggestionPanelActions {
  acceptAll(label: string): void;
  occurrences(span: Annotation, scope: "article" | "project"): void;
  /** Focuses the first suggestion (n). */
  first(): void;
}

export class SuggestionPanel {
  constructor(private readonly box: HTMLElement, private readonly labelName: (key: string) => string,
    private readonly color: (key: string) => string, private readonly actions: SuggestionPanelActions) {}

  /** Shows the counts per label; `span`: the selected span if it is one's own, for "label all occurrences". */
  show(counts: ReadonlyMap<string, number>, span: Annotation | null): void {
    const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
    const parts: HTMLElement[] = [element("h3", "suggestions-heading", `Suggestions (${total})`)];
    if (total === 0) {
      parts.push(element("p", "empty", "No suggestions on this article. Select one of your spans and press o to propose "
        + "its label at the other places its words stand."));
    } else {
      const list = element("ul", "suggestion-counts");
      for (const [label, count] of counts) {
        const item = element("li", "");
        const chip = element("span", "chip", this.labelName(label));
        chip.style.setProperty("--label-color", this.color(label));
        const accept = element("button", "accept-all", `Accept all ${count}`);
        accept.type = "button";
        accept.dataset.label = label;
        accept.title = `Make all ${count} suggested ${this.labelName(label)} spans yours; they go to review like any span`;
        accept.addEventListener("click", () => this.actions.acceptAll(label));
        item.append(chip, ` ${count} `, accept);
        list.append(item);
      }
      const walk = element("button", "suggestion-first", "Go through them ");
      walk.type = "button";
      walk.append(element("kbd", "", "n"));
      walk.addEventListener("click", () => this.actions.first());
      parts.push(list, walk, element("p", "hint",
        "Dashed boxes: n / Shift+N next / previous, Enter or the label's key accepts, x rejects (not proposed to you again)."));
    }
    if (span) parts.push(this.occurrences(span));
    this.box.replaceChildren(...parts);
    this.box.hidden = false;
  }

  private occurrences(span: Annotation): HTMLElement {
    const part = element("p", "occurrences", `Label the other “${span.quote}” as ${this.labelName(span.label)}: `);
    for (const [scope, text, key] of [["article", "in this article", "o"], ["project", "in the project", "Shift+O"]] as const) {
      const button = element("button", `occurrences-${scope}`, `${text} `);
      button.type = "button";
      button.append(element("kbd", "", key));
      button.addEventListener("click", () => this.actions.occurrences(span, scope));
      part.append(button, " ");
    }
    return part;
  }
}
