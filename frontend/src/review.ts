/**
 * Page controller for the review queue (/review). The server renders the rows; this module adds
 * the keyboard (j/k/x/a/r/e/o/?), the bulk buttons, the reject comment box and the label chooser,
 * and sends decisions and label corrections to the JSON API. Decided rows leave the list and the
 * status counts follow without a reload; a relabelled row stays (it is still waiting for review)
 * with its new label. Refusals (already decided, four-eyes rule) are shown as sentences on their rows.
 *
 * Logic that needs no DOM lives in queue.ts, where it is unit-tested.
 */
import {
  actionForKey, countsAfter, shownCount, currentAfterRemoval, decidedSentence, labelForKey, refusedSentence, relabelledSentence,
  rowMessages, step, type Counts, type Decision, type ItemResult, type QueueLabel, type Status,
} from "./queue.js";
import { isTypingTarget, loginAgainLink, startWithPageData } from "./page.js";
import { ApiError, OneAtATime, send } from "./requests.js";

/** Contents of <script type="application/json" id="gloss-data">. */
interface QueueData {
  csrf: string;
  username: string;
  status: Status;
  canDecide: boolean;
  counts: Counts;
  /** The server stops counting here: a count equal to it means "that many or more". */
  countLimit: number;
  /** The label set of each project with a row on the page, by project id. */
  labels: Record<string, QueueLabel[]>;
}

function byId<T extends HTMLElement>(id: string, type: { new (): T }): T | null {
  const found = document.getElementById(id);
  return found instanceof type ? found : null;
}

class ReviewQueue {
  private rows: HTMLTableRowElement[];
  private current: number | null = null;
  private counts: Counts;
  /** The rows the open reject dialog is about, and whether they are one row (r) or a selection. */
  private rejecting: HTMLTableRowElement[] = [];
  private rejectingOne = false;
  /** The row the open label chooser is about, and the labels it offers. */
  private relabelling: HTMLTableRowElement | null = null;
  private choices: QueueLabel[] = [];
  /** Set while a request is in flight, so that a repeated key cannot send a decision twice. */

  private readonly root = byId("review", HTMLElement)!;
  private readonly status = byId("status", HTMLElement)!;
  private readonly requests = new OneAtATime((message, kind) => this.say(message, kind), this.status,
    "Still sending the previous decision…", loginAgainLink);
  private readonly help = byId("shortcuts-help", HTMLDialogElement)!;
  private readonly rejectDialog = byId("reject-dialog", HTMLDialogElement)!;
  private readonly rejectForm = byId("reject-form", HTMLFormElement)!;
  private readonly rejectComment = byId("reject-comment", HTMLTextAreaElement)!;
  private readonly rejectWhat = byId("reject-what", HTMLElement)!;
  private readonly rejectError = byId("reject-error", HTMLElement)!;
  private readonly labelDialog = byId("label-dialog", HTMLDialogElement)!;
  private readonly labelWhat = byId("label-what", HTMLElement)!;
  private readonly labelChoices = byId("label-choices", HTMLElement)!;

  constructor(private readonly data: QueueData) {
    this.rows = [...document.querySelectorAll<HTMLTableRowElement>("#queue tr.queue-row")];
    this.counts = { ...data.counts };
  }

  start(): void {
    document.addEventListener("keydown", (event) => this.onKeyDown(event));
    byId("help-button", HTMLButtonElement)?.addEventListener("click", () => this.toggleHelp());
    byId("approve-selected", HTMLButtonElement)?.addEventListener("click", () => this.approveSelected());
    byId("reject-selected", HTMLButtonElement)?.addEventListener("click", () => this.openReject(this.selectedRows()));
    byId("pick-all", HTMLInputElement)?.addEventListener("change", (event) => {
      const checked = (event.target as HTMLInputElement).checked;
      for (const row of this.rows) this.checkbox(row)!.checked = checked;
    });
    for (const row of this.rows) {
      // A click on the row (not its link or checkbox) makes it current, as j/k would.
      row.addEventListener("click", (event) => {
        if (!(event.target instanceof Element && event.target.closest("a, input, button"))) this.setCurrent(row);
      });
      this.checkbox(row)?.addEventListener("change", () => this.syncPickAll());
    }

    this.rejectForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submitReject();
    });
    this.rejectComment.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submitReject();
      }
    });
    byId("reject-cancel", HTMLButtonElement)?.addEventListener("click", () => this.rejectDialog.close());
    // A dialog's close event is queued, not dispatched at once: a key pressed meanwhile may already
    // have reopened the dialog (Esc, then e at once), and that open dialog must keep its state.
    this.rejectDialog.addEventListener("close", () => {
      if (!this.rejectDialog.open) this.focusCurrent();
    });

    // The label chooser: a label's key or a click chooses; Esc (the dialog's cancel) closes it.
    this.labelDialog.addEventListener("keydown", (event) => {
      const label = labelForKey(this.choices, event.key, { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey });
      if (!label) return;
      // Handled here only: the page's shortcuts must not see the key (a label may use "a" or "r").
      event.preventDefault();
      event.stopPropagation();
      if (!event.repeat) this.chooseLabel(label);
    });
    this.labelChoices.addEventListener("click", (event) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>("button[data-label]") : null;
      const label = button ? this.choices.find((l) => l.key === button.dataset.label) : undefined;
      if (label) this.chooseLabel(label);
    });
    this.labelDialog.addEventListener("close", () => {
      if (this.labelDialog.open) return; // reopened for a row before this event came: see above
      this.relabelling = null;
      this.focusCurrent();
    });

    if (this.rows.length > 0) this.setCurrent(this.rows[0], document.activeElement === document.body);
    this.root.dataset.ready = "true";
  }

  // ---- Rows ---------------------------------------------------------------------------------

  private idOf(row: HTMLTableRowElement): number {
    return Number(row.dataset.id);
  }

  private quoteOf(row: HTMLTableRowElement): string {
    return row.querySelector("mark")?.textContent ?? "";
  }

  private checkbox(row: HTMLTableRowElement): HTMLInputElement | null {
    return row.querySelector<HTMLInputElement>("input.pick-row");
  }

  private currentRow(): HTMLTableRowElement | undefined {
    return this.rows.find((row) => this.idOf(row) === this.current);
  }

  private selectedRows(): HTMLTableRowElement[] {
    return this.rows.filter((row) => this.checkbox(row)?.checked);
  }

  private setCurrent(row: HTMLTableRowElement | undefined, focus = true): void {
    this.currentRow()?.classList.remove("current");
    this.current = row ? this.idOf(row) : null;
    if (!row) return;
    row.classList.add("current");
    if (focus) {
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
    }
  }

  private focusCurrent(): void {
    const row = this.currentRow();
    if (row) row.focus({ preventScroll: true });
  }

  private move(direction: 1 | -1): void {
    const index = this.rows.findIndex((row) => this.idOf(row) === this.current);
    const next = step(index, direction, this.rows.length);
    if (next >= 0) this.setCurrent(this.rows[next]);
  }

  private syncPickAll(): void {
    const all = byId("pick-all", HTMLInputElement);
    if (!all) return;
    const picked = this.selectedRows().length;
    all.checked = picked > 0 && picked === this.rows.length;
    all.indeterminate = picked > 0 && picked < this.rows.length;
  }

  /** Takes decided rows off the list, moves the current row on and updates the counts. */
  private removeRows(decided: HTMLTableRowElement[], decision: Decision): void {
    const gone = new Set(decided.map((row) => this.idOf(row)));
    const next = currentAfterRemoval(this.rows.map((row) => this.idOf(row)), this.current, gone);
    // Focus moves on to the next row unless the reviewer has meanwhile begun typing somewhere (a
    // filter box): the rest of the word must not be taken as shortcuts.
    const takeFocus = !isTypingTarget(document.activeElement);
    for (const row of decided) row.remove();
    this.rows = this.rows.filter((row) => !gone.has(this.idOf(row)));
    this.current = null;
    this.setCurrent(this.rows.find((row) => this.idOf(row) === next), takeFocus);
    this.counts = countsAfter(this.counts, decision, decided.length, this.data.countLimit);
    for (const [status, count] of Object.entries(this.counts)) {
      const badge = document.querySelector(`#counts a[data-status="${status}"] .count`);
      if (badge) badge.textContent = shownCount(count, this.data.countLimit);
    }
    this.syncPickAll();
    if (this.rows.length === 0) this.showDone();
  }

  /** Every row of the page is decided: say so, and offer the rest of the queue. */
  private showDone(): void {
    const table = byId("queue", HTMLTableElement);
    const empty = document.createElement("p");
    empty.className = "empty";
    empty.id = "queue-empty";
    if (this.counts.SUBMITTED > 0) {
      empty.append("You have decided on every row of this page. ");
      const more = document.createElement("a");
      // The current status tab: the same filters from the start, which now begins with the rest.
      more.href = document.querySelector<HTMLAnchorElement>("#counts a.current")?.href ?? "/review";
      more.textContent = "Load the next ones";
      empty.append(more);
    } else {
      empty.textContent = "Nothing waiting for review. New annotations appear here as soon as editors submit them.";
    }
    table?.replaceWith(empty);
    document.getElementById("next-page")?.parentElement?.remove();
  }

  private rowMessage(row: HTMLTableRowElement, message: string | null): void {
    const box = row.querySelector<HTMLElement>(".row-message");
    if (!box) return;
    box.textContent = message ?? "";
    box.hidden = message === null;
    row.classList.toggle("refused", message !== null);
  }

  // ---- Keyboard -----------------------------------------------------------------------------

  private onKeyDown(event: KeyboardEvent): void {
    if (isTypingTarget(event.target) || this.rejectDialog.open || this.labelDialog.open) return;
    const action = actionForKey(event.key, { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey });
    if (action === null) return;
    if (action === "help") {
      event.preventDefault();
      this.toggleHelp();
      return;
    }
    if (this.help.open) return; // the modal help dialog handles its own keys
    event.preventDefault();
    if (event.repeat && action !== "next" && action !== "previous") return;
    const row = this.currentRow();
    switch (action) {
      case "next":
        this.move(1);
        return;
      case "previous":
        this.move(-1);
        return;
      case "toggle": {
        const box = row && this.checkbox(row);
        if (box) {
          box.checked = !box.checked;
          this.syncPickAll();
        }
        return;
      }
      case "open":
        if (row?.dataset.href) window.location.assign(row.dataset.href);
        return;
      case "relabel":
        if (!this.data.canDecide) {
          this.say("Only annotations waiting for review can be relabelled here; switch to Submitted.", "error");
        } else if (!row) {
          this.say("There is no row to relabel.");
        } else {
          this.openLabels(row);
        }
        return;
      case "approve":
      case "reject":
        if (!this.data.canDecide) {
          this.say("Only annotations waiting for review can be decided on; switch to Submitted.", "error");
        } else if (!row) {
          this.say("There is no row to decide on.");
        } else if (action === "approve") {
          this.decideOne(row, "APPROVE", null);
        } else {
          this.openReject([row], true);
        }
        return;
    }
  }

  private toggleHelp(): void {
    if (this.help.open) this.help.close();
    else this.help.showModal();
  }

  // ---- Labels -------------------------------------------------------------------------------

  private chipOf(row: HTMLTableRowElement): HTMLElement | null {
    return row.querySelector<HTMLElement>(".chip");
  }

  /** Opens the chooser with the labels of the row's project, its current label marked. */
  private openLabels(row: HTMLTableRowElement): void {
    const labels = this.data.labels[row.dataset.project ?? ""] ?? [];
    if (labels.length === 0) {
      this.say("This row's project has no labels to choose from.", "error");
      return;
    }
    const currentKey = this.chipOf(row)?.dataset.label;
    this.relabelling = row;
    this.choices = labels;
    this.labelWhat.textContent = `“${this.quoteOf(row)}”`;
    this.labelChoices.replaceChildren(...labels.map((label) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "label-choice";
      button.dataset.label = label.key;
      const chip = document.createElement("span");
      chip.className = "chip";
      chip.style.setProperty("--label-color", label.color);
      chip.textContent = label.name;
      button.append(chip);
      if (label.shortcut) {
        const key = document.createElement("kbd");
        key.textContent = label.shortcut;
        button.append(" ", key);
      }
      if (label.key === currentKey) {
        button.setAttribute("aria-current", "true");
        const now = document.createElement("small");
        now.textContent = "current";
        button.append(" ", now);
      }
      const item = document.createElement("li");
      item.append(button);
      return item;
    }));
    this.labelDialog.showModal();
    const current = this.labelChoices.querySelector<HTMLButtonElement>("button[aria-current]");
    (current ?? this.labelChoices.querySelector<HTMLButtonElement>("button"))?.focus();
  }

  private chooseLabel(label: QueueLabel): void {
    const row = this.relabelling;
    this.labelDialog.close();
    if (!row) return;
    if (this.chipOf(row)?.dataset.label === label.key) {
      this.say(`The label is already ${label.name}.`);
      return;
    }
    this.relabel(row, label);
  }

  /** Sends the new label with the row's version; the row stays, with the new label and version. */
  private relabel(row: HTMLTableRowElement, label: QueueLabel): void {
    this.requests.run(async () => {
      this.rowMessage(row, null);
      let response: Response;
      try {
        response = await send(this.data.csrf, "POST", `/api/annotations/${this.idOf(row)}/label`,
          { label: label.key, version: Number(row.dataset.version) });
      } catch (error) {
        if (error instanceof ApiError) this.rowMessage(row, error.message);
        throw error;
      }
      const updated = (await response.json()) as { label?: unknown; version?: unknown };
      const shown = (this.data.labels[row.dataset.project ?? ""] ?? []).find((l) => l.key === updated.label) ?? label;
      const chip = this.chipOf(row);
      if (chip) {
        chip.textContent = shown.name;
        chip.dataset.label = shown.key;
        chip.style.setProperty("--label-color", shown.color);
      }
      row.querySelector<HTMLElement>("mark")?.style.setProperty("--label-color", shown.color);
      if (typeof updated.version === "number") row.dataset.version = String(updated.version);
      this.say(relabelledSentence(shown.name));
    });
  }

  // ---- Decisions ----------------------------------------------------------------------------

  private approveSelected(): void {
    const rows = this.selectedRows();
    if (rows.length === 0) {
      this.say("Select rows first: tick their boxes, or press x on each.", "error");
      return;
    }
    this.decideMany(rows, "APPROVE", null);
  }

  private openReject(rows: HTMLTableRowElement[], one = false): void {
    if (rows.length === 0) {
      this.say("Select rows first: tick their boxes, or press x on each.", "error");
      return;
    }
    this.rejecting = rows;
    this.rejectingOne = one;
    this.rejectWhat.textContent = rows.length === 1 ? `“${this.quoteOf(rows[0])}”` : `${rows.length} selected annotations`;
    this.rejectComment.value = "";
    this.rejectError.hidden = true;
    this.rejectDialog.showModal();
    this.rejectComment.focus();
  }

  private submitReject(): void {
    const comment = this.rejectComment.value.trim();
    if (comment === "") {
      this.rejectError.textContent = "Say why you reject it: the author reads the comment.";
      this.rejectError.hidden = false;
      this.rejectComment.focus();
      return;
    }
    const rows = this.rejecting;
    this.rejectDialog.close();
    if (this.rejectingOne) this.decideOne(rows[0], "REJECT", comment);
    else this.decideMany(rows, "REJECT", comment);
  }

  /** One row, with the version the page was rendered with: a row changed since is refused as stale. */
  private decideOne(row: HTMLTableRowElement, decision: Decision, comment: string | null): void {
    this.requests.run(async () => {
      try {
        await send(this.data.csrf, "POST", `/api/annotations/${this.idOf(row)}/decision`,
          { decision, comment, version: Number(row.dataset.version) });
      } catch (error) {
        if (error instanceof ApiError) this.rowMessage(row, error.message);
        throw error;
      }
      this.removeRows([row], decision);
      this.say(decidedSentence(decision, [this.quoteOf(row)]));
    });
  }

  /** Many rows at once; the server applies all or none, and says per row why when none. */
  private decideMany(rows: HTMLTableRowElement[], decision: Decision, comment: string | null): void {
    this.requests.run(async () => {
      for (const row of rows) this.rowMessage(row, null);
      try {
        await send(this.data.csrf, "POST", "/api/decisions", { ids: rows.map((row) => this.idOf(row)), decision, comment });
      } catch (error) {
        if (error instanceof ApiError && error.results.length > 0) {
          const messages = rowMessages(error.results as ItemResult[]);
          for (const row of rows) this.rowMessage(row, messages.get(this.idOf(row)) ?? null);
          throw new ApiError(refusedSentence(error.results as ItemResult[]), error.status);
        }
        throw error;
      }
      this.removeRows(rows, decision);
      this.say(decidedSentence(decision, rows.map((row) => this.quoteOf(row))));
    });
  }

  private say(message: string, kind: "info" | "error" = "info"): void {
    this.status.textContent = message;
    this.status.dataset.kind = kind;
  }
}

startWithPageData<QueueData>((data) => new ReviewQueue(data).start());
