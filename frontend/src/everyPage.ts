import { since } from "./age.js";

/**
 * Every page. A form marked data-confirm="question" asks before it is sent (retiring a label,
 * removing a member, resetting a password). A button marked data-copy="id" copies that element's
 * text (a new token, shown once) and says so. Without scripts the forms are sent as they are and
 * the text can be selected by hand. A <time data-ago> says how long ago, recounted every minute
 * so that a page left open does not claim "just now" an hour later.
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

function recount(): void {
  for (const time of document.querySelectorAll<HTMLTimeElement>("time[data-ago]")) {
    const then = Date.parse(time.dateTime);
    if (!Number.isNaN(then)) time.textContent = since(then, Date.now());
  }
}
window.setInterval(recount, 60_000);
