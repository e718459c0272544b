/**
 * Every page: a form marked data-confirm="question" asks before it is sent (retiring a label,
 * removing a member, retiring an article). Without scripts the form is sent as it is.
 */
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
}, true);
