/**
 * The article page's overview: a side list of the article's spans in text order, filtered by
 * label, status and author; a click (or Enter) on one jumps to it in the text. The list is drawn
 * only while its panel is open, and at most LIST_LIMIT rows at a time.
 */
import { element } from "./page.js";
import { badgeOf } from "./highlights.js";
import { textOrder } from "./spans.js";
import { excerpt } from "./statusLine.js";
import { type Annotation, STATUS_NAMES } from "./types.js";

/** Filters: "" means any. */
export interface OverviewFilter {
  label: string;
  status: string;
  author: string;
}

/** More rows than this would slow the page down for no reader: the filters narrow the list. */
export const LIST_LIMIT = 300;

export function matches(annotation: Annotation, filter: OverviewFilter): boolean {
  return (filter.label === "" || annotation.label === filter.label)
    && (filter.status === "" || annotation.status === filter.status)
    && (filter.author === "" || annotation.author === filter.author);
}

/** The authors of the spans, sorted, each once. */
export function authorsOf(annotations: Iterable<Annotation>): string[] {
  return [...new Set([...annotations].map((a) => a.author))].sort((a, b) => a.localeCompare(b));
}

/** The spans that pass the filter, in text order, and how many there are in all. */
export function listed(annotations: readonly Annotation[], filter: OverviewFilter, limit = LIST_LIMIT):
  { rows: Annotation[]; total: number } {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const passing = annotations.filter((a) => matches(a, filter));
  const rows = textOrder(passing).slice(0, limit).map((id) => byId.get(id)!);
  return { rows, total: passing.length };
}

export class Overview {
  private annotations: Annotation[] = [];
  private readonly list: HTMLOListElement;
  private readonly count: HTMLElement;
  private readonly author: HTMLSelectElement;

  constructor(private readonly panel: HTMLDetailsElement, private readonly labelName: (key: string) => string,
    private readonly jump: (id: number) => void) {
    this.list = panel.querySelector<HTMLOListElement>(".overview-list")!;
    this.count = panel.querySelector<HTMLElement>(".overview-count")!;
    this.author = panel.querySelector<HTMLSelectElement>("select[name=author]")!;
    panel.addEventListener("toggle", () => this.draw());
    panel.addEventListener("change", () => this.draw());
    this.list.addEventListener("click", (event) => {
      const row = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-annotation-id]") : null;
      if (row) this.jump(Number(row.dataset.annotationId));
    });
  }

  /** The spans the page shows now; the list follows if open. */
  update(annotations: Annotation[]): void {
    this.annotations = annotations;
    this.count.textContent = String(annotations.length);
    this.draw();
  }

  private filter(): OverviewFilter {
    const value = (name: string): string => this.panel.querySelector<HTMLSelectElement>(`select[name=${name}]`)?.value ?? "";
    return { label: value("label"), status: value("status"), author: value("author") };
  }

  private draw(): void {
    if (!this.panel.open) return;
    const chosen = this.author.value;
    this.author.replaceChildren(new Option("Anyone", ""),
      ...authorsOf(this.annotations).map((name) => new Option(name, name, false, name === chosen)));
    const { rows, total } = listed(this.annotations, this.filter());
    const items = rows.map((annotation) => {
      const button = element("button", "overview-item link");
      button.type = "button";
      button.dataset.annotationId = String(annotation.id);
      button.title = `${this.labelName(annotation.label)}, ${STATUS_NAMES[annotation.status].toLowerCase()}, by ${annotation.author}`;
      button.append(element("span", "overview-badge", badgeOf(annotation)), ` ${excerpt(annotation.quote)} `,
        element("small", "overview-author", annotation.author));
      const item = element("li", "");
      item.append(button);
      return item;
    });
    if (total === 0) items.push(element("li", "empty", "No span matches these filters."));
    else if (total > rows.length) items.push(element("li", "hint", `${total - rows.length} more: narrow the filters.`));
    this.list.replaceChildren(...items);
  }
}
