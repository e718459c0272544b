/**
 * The selected span's relations, under its details: each one's direction, type, other end and
 * status, a link to the other end, Delete for its author; "Relate to…" starts a relation (as `r`
 * does), and while one is being made, the types that fit its ends, numbered for the keyboard.
 */
import { element } from "./page.js";
import type { Relating } from "./relate.js";
import { type Annotation, type Relation, type RelationType, STATUS_NAMES } from "./types.js";

export interface RelationListActions {
  relate(): void;
  choose(type: RelationType): void;
  cancel(): void;
  remove(relation: Relation): void;
  /** Selects a span (the other end of a relation). */
  select(spanId: number): void;
}

/** A relation's line in the list, as seen from `spanId`: "→ Attributed to “Zelensky”" or "← Attributed to from “…”". */
export function relationLine(relation: Relation, spanId: number, typeName: string, quoteOf: (id: number) => string): string {
  return relation.fromId === spanId
    ? `→ ${typeName} “${quoteOf(relation.toId)}”`
    : `← ${typeName} from “${quoteOf(relation.fromId)}”`;
}

export class RelationList {
  constructor(
    private readonly box: HTMLElement,
    private readonly me: string,
    private readonly typeName: (key: string) => string,
    private readonly quoteOf: (id: number) => string,
    private readonly actions: RelationListActions,
  ) {}

  close(): void {
    this.box.replaceChildren();
    this.box.hidden = true;
  }

  /**
   * Shows a span's relations; `canRelate`: the viewer may make one from it (an editor, and some
   * type starts from its label); `relating`: the relation being made from it, if any.
   */
  show(span: Annotation, relations: readonly Relation[], canRelate: boolean, relating: Relating | null): void {
    const heading = element("h3", "relations-heading", `Relations (${relations.length})`);
    const list = element("ul", "relations-list");
    for (const relation of relations) list.append(this.item(span, relation));
    const parts: HTMLElement[] = [heading];
    if (relations.length === 0) parts.push(element("p", "empty", "No relations from or to this span yet."));
    else parts.push(list);
    if (relating) parts.push(this.making(relating));
    else if (canRelate) {
      const start = element("button", "relate-start", "Relate to… ");
      start.type = "button";
      start.append(element("kbd", "", "r"));
      start.title = "Then click the span it points to, or pick it with j/k and press Enter";
      start.addEventListener("click", () => this.actions.relate());
      parts.push(start);
    }
    this.box.replaceChildren(...parts);
    this.box.dataset.spanId = String(span.id);
    this.box.hidden = false;
  }

  private item(span: Annotation, relation: Relation): HTMLLIElement {
    const item = element("li", "relation");
    item.dataset.relationId = String(relation.id);
    const other = relation.fromId === span.id ? relation.toId : relation.fromId;
    const link = element("button", "link relation-end",
      relationLine(relation, span.id, this.typeName(relation.type), this.quoteOf));
    link.type = "button";
    link.title = "Select the span at the other end";
    link.addEventListener("click", () => this.actions.select(other));
    const status = STATUS_NAMES[relation.status] ?? relation.status;
    const facts = element("span", "relation-facts",
      ` · ${status}${relation.reviewer ? ` by ${relation.reviewer}` : ""} · ${relation.author === this.me ? "yours" : relation.author}`);
    item.append(link, facts);
    if (relation.comment) item.append(element("q", "relation-comment", relation.comment));
    if (relation.author === this.me) {
      const remove = element("button", "link danger relation-delete", "Delete");
      remove.type = "button";
      remove.addEventListener("click", () => this.actions.remove(relation));
      item.append(remove);
    }
    return item;
  }

  /** The relation being made: its target, and the types to choose from once it has one. */
  private making(relating: Relating): HTMLElement {
    const box = element("div", "relating");
    const target = relating.target;
    box.append(element("p", "relating-target", target
      ? `To “${target.quote}”: click another span, or j/k, then Enter.`
      : "Click the span it points to."));
    for (const [i, type] of (relating.choices ?? []).entries()) {
      const choose = element("button", "relation-type", `${type.name} `);
      choose.type = "button";
      choose.dataset.type = type.key;
      choose.append(element("kbd", "", String(i + 1)));
      choose.addEventListener("click", () => this.actions.choose(type));
      box.append(choose);
    }
    const cancel = element("button", "link relating-cancel", "Cancel ");
    cancel.type = "button";
    cancel.append(element("kbd", "", "Esc"));
    cancel.addEventListener("click", () => this.actions.cancel());
    box.append(cancel);
    return box;
  }
}
