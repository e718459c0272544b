/**
 * The annotation page's status line (sticky, so it stays in view) and its toast: what the page
 * did, said in one sentence, and for a change that can be taken back an Undo button in a toast
 * fixed at the bottom of the window, wherever the reader has scrolled.
 */
import { element } from "./page.js";
import { TextOffsets } from "./offsets.js";

export type Kind = "info" | "error";

export interface StatusAction {
  text: string;
  run: () => void;
}

/** How long an Undo stays offered. */
export const TOAST_MS = 10_000;

/** A quote shortened for one-line messages. */
export function excerpt(quote: string): string {
  const offsets = new TextOffsets(quote.replace(/\s+/g, " "));
  return offsets.codePointLength > 60 ? `${offsets.slice(0, 59)}…` : offsets.text;
}

/** "Saved Actor: “Zelensky”". */
export function doneSentence(verb: string, labelName: string, quote: string): string {
  return `${verb} ${labelName}: “${excerpt(quote)}”`;
}

export class StatusLine {
  private toastTimer: number | undefined;

  constructor(private readonly line: HTMLElement, private readonly toastBox: HTMLElement) {}

  /** Shows a message in the status line, optionally with one action button. */
  say(message: string, kind: Kind = "info", action?: StatusAction): void {
    this.line.replaceChildren(...this.content(message, action));
    this.line.dataset.kind = kind;
  }

  /** Says it in the status line and offers `action` (Undo) in the toast, until used, replaced or timed out. */
  offer(message: string, action: StatusAction): void {
    this.say(message);
    window.clearTimeout(this.toastTimer);
    const close = element("button", "toast-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", () => this.closeToast());
    this.toastBox.replaceChildren(...this.content(message, action, () => this.closeToast()), close);
    this.toastBox.hidden = false;
    this.toastTimer = window.setTimeout(() => this.closeToast(), TOAST_MS);
  }

  closeToast(): void {
    window.clearTimeout(this.toastTimer);
    this.toastBox.hidden = true;
    this.toastBox.replaceChildren();
  }

  /** Appends to the status line (what OneAtATime adds after a message). */
  append(...nodes: (string | Node)[]): void {
    this.line.append(...nodes);
  }

  private content(message: string, action?: StatusAction, after?: () => void): Node[] {
    const nodes: Node[] = [element("span", "status-message", message)];
    if (action) {
      const button = element("button", "status-action", action.text);
      button.type = "button";
      button.addEventListener("click", () => {
        button.disabled = true; // an action runs once
        after?.();
        action.run();
      }, { once: true });
      nodes.push(document.createTextNode(" "), button);
    }
    return nodes;
  }
}
