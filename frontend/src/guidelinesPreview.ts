/**
 * The settings page: the guidelines' preview follows the Markdown while it is typed, rendered by
 * the server (the same renderer as beside the article, so the preview cannot differ from what
 * editors see). Asks once typing pauses, and only the latest answer is shown.
 */
const PAUSE_MS = 400;

function follow(section: HTMLElement): void {
  const form = document.querySelector<HTMLFormElement>("form.settings");
  const textarea = form?.querySelector<HTMLTextAreaElement>("textarea[name=guidelines]");
  const csrf = form?.querySelector<HTMLInputElement>("input[name=_csrf]")?.value;
  const body = document.getElementById("guidelines-preview-body");
  const state = document.getElementById("preview-state");
  if (!textarea || !csrf || !body || !state) return;
  let timer: number | undefined;
  let asked = 0;
  const render = async (): Promise<void> => {
    const mine = ++asked;
    state.textContent = "updating…";
    try {
      const response = await fetch(section.dataset.preview ?? "", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: csrf, guidelines: textarea.value }),
      });
      if (mine !== asked) return;
      if (!response.ok) {
        state.textContent = "the preview could not be made; saving still works";
        return;
      }
      body.innerHTML = await response.text(); // the server's HTML: Markdown with raw HTML escaped
      state.textContent = "(unsaved)";
    } catch {
      if (mine === asked) state.textContent = "offline: the preview waits for the connection";
    }
  };
  textarea.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(render, PAUSE_MS);
  });
}

const section = document.getElementById("guidelines-preview");
if (section) follow(section);
