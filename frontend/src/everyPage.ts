import { since } from "./age.js";
import { kept, restore, withoutNotice, type Field, type Sent } from "./formMemory.js";
import { isTypingTarget } from "./page.js";
import { focusesSearch } from "./searchKey.js";

/**
 * Every page. A form marked data-confirm="question" asks before it is sent (retiring a label,
 * removing a member, resetting a password). A button marked data-copy="id" copies that element's
 * text (a new token, shown once) and says so. Without scripts the forms are sent as they are and
 * the text can be selected by hand. A <time data-ago> says how long ago, recounted every minute
 * so that a page left open does not claim "just now" an hour later. What a form did is said once
 * (the notice leaves the address, so a reload does not say it again), and a refused form is
 * filled in again with what was typed (formMemory.ts). `/` focuses the search box in the header
 * (searchKey.ts).
 */
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
}, true);

for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
  const source = document.getElementById(button.dataset.copy ?? "");
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(source.textContent ?? "").then(
      () => { button.textContent = "Copied"; },
      () => { button.textContent = "Copy it by hand: the browser refused"; },
    );
  });
}

const searchBox = document.getElementById("header-search");
if (searchBox instanceof HTMLInputElement) {
  document.addEventListener("keydown", (event) => {
    const press = { key: event.key, ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey, typing: isTypingTarget(event.target) };
    if (event.defaultPrevented || !focusesSearch(press) || document.querySelector("dialog[open]")) return;
    event.preventDefault(); // or the "/" is typed into the box
    searchBox.focus();
    searchBox.select();
  });
}

function recount(): void {
  for (const time of document.querySelectorAll<HTMLTimeElement>("time[data-ago]")) {
    const then = Date.parse(time.dateTime);
    if (!Number.isNaN(then)) time.textContent = since(then, Date.now());
  }
}
window.setInterval(recount, 60_000);

const SENT_KEY = "gloss-form-sent";

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || event.defaultPrevented || form.method.toLowerCase() !== "post") return;
  const fields: Field[] = [];
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) continue;
    if (!element.name || element.disabled || !kept(element.type)) continue;
    if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio") && !element.checked) continue;
    fields.push([element.name, element.value]);
  }
  sessionStorage.setItem(SENT_KEY, JSON.stringify({ action: form.action, fields } satisfies Sent));
});

function refill(): void {
  const saved = sessionStorage.getItem(SENT_KEY);
  sessionStorage.removeItem(SENT_KEY);
  if (!saved || !document.querySelector("#notice[role=alert]")) return;
  const sent = JSON.parse(saved) as Sent;
  const form = Array.from(document.forms).find((f) => f.action === sent.action);
  if (!form) return;
  const elements = Array.from(form.elements).filter((e): e is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement =>
    e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement || e instanceof HTMLSelectElement);
  restore(sent.fields, elements).forEach((value, i) => {
    const element = elements[i];
    if (typeof value === "boolean" && element instanceof HTMLInputElement) element.checked = value;
    else if (typeof value === "string") element.value = value;
  });
  elements.find((e) => e.type !== "hidden")?.focus();
}

refill();
const plain = withoutNotice(location.href);
if (plain !== null) history.replaceState(history.state, "", plain);
