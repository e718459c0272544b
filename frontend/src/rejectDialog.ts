/**
 * What the two review queues (review.ts: spans, relationQueue.ts: relations) share on the page:
 * the reject dialog, which asks why and refuses an empty comment, and the sentence on a row the
 * server refused.
 */
import { requireElement } from "./page.js";

export class RejectDialog {
  /** What to do with the comment once one is given, for the rows the dialog was opened for. */
  private onReject: ((comment: string) => void) | null = null;
  private readonly dialog = requireElement("reject-dialog", HTMLDialogElement);
  private readonly comment = requireElement("reject-comment", HTMLTextAreaElement);
  private readonly what = requireElement("reject-what", HTMLElement);
  private readonly error = requireElement("reject-error", HTMLElement);

  /** `onClose`: after the dialog closed without being opened again meanwhile (focus goes back to the row). */
  constructor(onClose: () => void) {
    requireElement("reject-form", HTMLFormElement).addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
    this.comment.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    requireElement("reject-cancel", HTMLButtonElement).addEventListener("click", () => this.dialog.close());
    // A dialog's close event is queued, not dispatched at once: a key pressed meanwhile may already
    // have reopened the dialog (Esc, then r at once), and that open dialog must keep its state.
    this.dialog.addEventListener("close", () => {
      if (!this.dialog.open) onClose();
    });
  }

  get open(): boolean {
    return this.dialog.open;
  }

  /** Asks why `what` ("“Kyiv”", "3 selected annotations") is rejected; `onReject` gets the comment. */
  ask(what: string, onReject: (comment: string) => void): void {
    this.onReject = onReject;
    this.what.textContent = what;
    this.comment.value = "";
    this.error.hidden = true;
    this.dialog.showModal();
    this.comment.focus();
  }

  private submit(): void {
    const comment = this.comment.value.trim();
    if (comment === "") {
      this.error.textContent = "Say why you reject it: the author reads the comment.";
      this.error.hidden = false;
      this.comment.focus();
      return;
    }
    const reject = this.onReject;
    this.dialog.close();
    reject?.(comment);
  }
}

/** Shows the server's sentence on a queue row (null takes it away). */
export function rowMessage(row: HTMLTableRowElement, message: string | null): void {
  const box = row.querySelector<HTMLElement>(".row-message");
  if (!box) return;
  box.textContent = message ?? "";
  box.hidden = message === null;
  row.classList.toggle("refused", message !== null);
}
