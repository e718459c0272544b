/** What every page controller needs from the page around it. */

/** The page's element with this id, of this type; a page without it is a bug, said at once. */
export function requireElement<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`Gloss: #${id} is missing or is not a ${type.name}`);
  return found;
}

/** A new element with a class and, if given, its text. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

/** True when keys typed at `target` are text input, not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  }
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Calls `start` with the page's data (the JSON in <script id="gloss-data">, written by the
 * server) once the document is parsed: module scripts run after parsing, unless loaded `async`.
 */
export function startWithPageData<T>(start: (data: T) => void): void {
  const run = (): void => {
    const source = document.getElementById("gloss-data");
    if (!source?.textContent) {
      console.error("Gloss: the page has no #gloss-data");
      return;
    }
    start(JSON.parse(source.textContent) as T);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
}

/**
 * After the session ended: a link to the login page that comes back to this very page, opened
 * in a new tab so that this one keeps its selection and whatever was being typed. Once logged
 * in there, the person presses the key again here.
 */
export function loginAgainLink(): HTMLAnchorElement {
  const link = document.createElement("a");
  link.href = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
  link.target = "_blank";
  link.rel = "noopener";
  link.className = "login-again";
  link.textContent = "Log in again (new tab), then repeat what you did.";
  return link;
}
