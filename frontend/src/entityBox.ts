/**
 * The details panel's parts for entities and attributes: the entity a span links to, the box
 * that searches the project's entities (near spellings: the server ranks them) and links one or a
 * new one made from the span, and the fields of its label's attributes.
 */
import { element } from "./page.js";
import type { Annotation, AttributeValues, Entity, Label, LabelAttribute } from "./types.js";

/** How long typing pauses before the search is sent. */
export const SEARCH_DELAY_MS = 200;
/** How many entities the box offers. */
export const OFFERED = 8;

/** What the boxes do: annotate.ts sends the requests. */
export interface EntityActions {
  searchEntities(query: string): Promise<Entity[]>;
  link(annotation: Annotation, entityId: number | null): void;
  newEntity(annotation: Annotation): void;
  saveAttributes(annotation: Annotation, values: AttributeValues): void;
}

/** An entity as one line: its name, the other names it is found by, its Wikidata id. */
export function entityLine(entity: Entity): string {
  const aliases = entity.aliases.filter((a) => a !== entity.name).slice(0, 3);
  return entity.name + (aliases.length ? ` (also ${aliases.join(", ")})` : "") + (entity.qid ? ` · ${entity.qid}` : "")
    + ` · ${entity.mentions} mention${entity.mentions === 1 ? "" : "s"}`;
}

/**
 * The values typed in the attribute fields, as the server takes them: a number field reads
 * "3,000" or "1.5" (spaces and thousands commas ignored), an empty field is left out. Null and
 * the sentence to show when a number field holds no number.
 */
export function readAttributes(definitions: readonly LabelAttribute[], typed: Record<string, string>):
  { values: AttributeValues | null; problem: string | null } {
  const values: AttributeValues = {};
  for (const a of definitions) {
    const raw = (typed[a.key] ?? "").trim();
    if (raw === "") continue;
    if (a.type === "number") {
      const cleaned = raw.replace(/[\s,]/g, "");
      const number = /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
      if (!Number.isFinite(number)) return { values: null, problem: `${a.name} is a number, e.g. 3000; not “${raw}”.` };
      values[a.key] = number;
    } else {
      values[a.key] = raw;
    }
  }
  return { values, problem: null };
}

/** The attribute values shown as facts (for a span one cannot edit): name and value, in the label's order. */
export function attributeFacts(definitions: readonly LabelAttribute[], values: AttributeValues | undefined): [string, string][] {
  return definitions.filter((a) => values?.[a.key] !== undefined).map((a) => [a.name, String(values?.[a.key])]);
}

/** The entity the span links to, as a link to the entity's page; "not linked" when none. */
export function linkedEntity(annotation: Annotation): HTMLElement {
  const line = element("p", "details-entity", "Entity: ");
  if (annotation.entity) {
    const link = element("a", "details-entity-link", annotation.entity.name);
    link.href = `/entities/${annotation.entity.id}`;
    line.append(link);
    if (annotation.entity.qid) line.append(` (${annotation.entity.qid})`);
  } else {
    line.append(element("span", "empty", "not linked"));
  }
  return line;
}

/** Search, pick, "New entity from this span" and Unlink, for the author of a span whose label links entities. */
export function linkBox(annotation: Annotation, actions: EntityActions): HTMLElement {
  const box = element("div", "details-link");
  const search = element("input", "details-entity-search");
  search.type = "search";
  search.placeholder = "Find an entity (any spelling)";
  search.setAttribute("aria-label", "Find an entity to link this span to");
  search.value = annotation.entity ? "" : annotation.quote;
  const results = element("ul", "details-entity-results");
  results.setAttribute("aria-live", "polite");
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const find = (): void => {
    const query = search.value.trim();
    const mine = ++asked;
    if (query === "") {
      results.replaceChildren();
      return;
    }
    void actions.searchEntities(query).then((found) => {
      if (mine !== asked) return; // a later search is under way
      results.replaceChildren(...found.slice(0, OFFERED).map((entity) => {
        const item = element("li", "");
        const pick = element("button", "details-entity-pick", entityLine(entity));
        pick.type = "button";
        pick.disabled = entity.id === annotation.entityId;
        pick.addEventListener("click", () => actions.link(annotation, entity.id));
        item.append(pick);
        return item;
      }));
      if (found.length === 0) results.append(element("li", "empty", "No entity is spelled like that yet."));
    });
  };
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(find, SEARCH_DELAY_MS);
  });
  const create = element("button", "details-entity-new", "New entity from this span");
  create.type = "button";
  create.title = `A new entity named “${annotation.quote}”, linked to this span`;
  create.addEventListener("click", () => actions.newEntity(annotation));
  box.append(search, results, create);
  if (annotation.entityId) {
    const unlink = element("button", "details-entity-unlink", "Unlink");
    unlink.type = "button";
    unlink.addEventListener("click", () => actions.link(annotation, null));
    box.append(document.createTextNode(" "), unlink);
  }
  if (search.value) find();
  return box;
}

/** The fields of the label's attributes, filled with the span's values, and their Save button. */
export function attributeFields(annotation: Annotation, label: Label, actions: EntityActions,
  refuse: (message: string) => void): HTMLElement {
  const definitions = label.attributes ?? [];
  const form = element("div", "details-attributes");
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  for (const a of definitions) {
    const value = annotation.attributes?.[a.key];
    let input: HTMLInputElement | HTMLSelectElement;
    if (a.type === "choice") {
      input = element("select", `details-attribute details-attribute-${a.key}`);
      input.append(new Option("—", ""));
      for (const choice of a.choices ?? []) input.append(new Option(choice, choice, false, choice === value));
    } else {
      input = element("input", `details-attribute details-attribute-${a.key}`);
      input.type = "text";
      if (a.type === "number") input.inputMode = "decimal";
      input.value = value === undefined ? "" : String(value);
    }
    inputs.set(a.key, input);
    const field = element("label", "", `${a.name} `);
    field.append(input);
    form.append(field);
  }
  const save = element("button", "details-attributes-save", "Save attributes");
  save.type = "button";
  save.addEventListener("click", () => {
    const typed: Record<string, string> = {};
    inputs.forEach((input, key) => { typed[key] = input.value; });
    const { values, problem } = readAttributes(definitions, typed);
    if (problem || !values) refuse(problem ?? "");
    else actions.saveAttributes(annotation, values);
  });
  form.append(save);
  return form;
}
