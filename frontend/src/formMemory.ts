/**
 * A refused form comes back empty: the server answers Post/Redirect/Get with the page it was
 * sent from and why (?refused=). What the person typed is kept here, in the tab's own storage,
 * from the moment the form is sent until the next page has read it. Never a password, a file or
 * a hidden field (the CSRF token, say).
 */

/** One field as sent: its name and value (a ticked box sends its value; an unticked one nothing). */
export type Field = [name: string, value: string];

export interface Sent {
  action: string;
  fields: Field[];
}

const NOT_KEPT = new Set(["password", "hidden", "file"]);

/** Whether a field of this input type is kept (textareas and selects pass "textarea", "select-one"…). */
export function kept(type: string): boolean {
  return !NOT_KEPT.has(type);
}

/** The address without the notice parameters, or null when it had none (nothing to replace). */
export function withoutNotice(href: string): string | null {
  const url = new URL(href);
  if (!url.searchParams.has("said") && !url.searchParams.has("refused")) return null;
  url.searchParams.delete("said");
  url.searchParams.delete("refused");
  return url.pathname + url.search + url.hash;
}

/**
 * What to put back into each element, in order: a box is ticked when its name and value were
 * sent; the n-th text field of a name takes the n-th value sent under that name.
 */
export function restore(sent: Field[], elements: Array<{ name: string; type: string; value: string }>): Array<string | boolean | undefined> {
  const used = new Map<string, number>();
  return elements.map((element) => {
    if (!element.name || !kept(element.type)) return undefined;
    if (element.type === "checkbox" || element.type === "radio") {
      return sent.some(([name, value]) => name === element.name && value === element.value);
    }
    const values = sent.filter(([name]) => name === element.name).map(([, value]) => value);
    const index = used.get(element.name) ?? 0;
    used.set(element.name, index + 1);
    return values[index];
  });
}
