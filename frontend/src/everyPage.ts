/**
 * Every page. A form marked data-confirm="question" asks before it is sent (retiring a label,
 * removing a member, resetting a password). A button marked data-copy="id" copies that element's
 * text (a new token, shown once) and says so. Without scripts the forms are sent as they are and
 * the text can be selected by hand.
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
