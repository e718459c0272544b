/**
 * Page controller for the relations waiting for review (/review/relations). The server renders
 * the rows ("quote —type→ quote"); this module adds the span queue's keys (j/k move, a approves,
 * r rejects with a comment, o opens, ? lists them) and sends each decision to
 * POST /api/relations/{id}/decision with the row's version. A decided row leaves the list and the
 * count follows; a refusal (four-eyes, decided meanwhile, changed since) is a sentence on its row.
 * The reviewer's own relations have no buttons, and a or r on one is refused by the server with
 * the four-eyes sentence. Decisions go one at a time: there is no bulk decision for relations.
 *
 * The keys and sentences are queue.ts's, shared with the span queue (review.ts).
 */
import { actionForKey, currentAfterRemoval, decidedSentence, shownCount, step, type Decision } from "./queue.js";
import { isTypingTarget, loginAgainLink, requireElement, startWithPageData } from "./page.js";
import { RejectDialog, rowMessage } from "./rejectDialog.js";
import { ApiError, OneAtATime, send } from "./requests.js";

/** Contents of <script type="application/json" id="gloss-data">. */
interface RelationQueueData {
  csrf: string;
  /** Relations waiting under the page's filters, counted up to `countLimit`. */
  count: number;
  countLimit: number;
}

/** The row's sentence is made of two quotes cut by the server, and a type's name: shown whole. */
const SENTENCE_MAX = 200;

class RelationQueue {
  private rows: HTMLTableRowElement[];
  private current: number | null = null;
  private count: number;

  private readonly root = requireElement("relation-review", HTMLElement);
  private readonly status = requireElement("status", HTMLElement);
  private readonly requests = new OneAtATime((message, kind) => this.say(message, kind), this.status,
    "Still sending the previous decision…", loginAgainLink);
  private readonly help = requireElement("shortcuts-help", HTMLDialogElement);
  private readonly rejectDialog = new RejectDialog(() => this.currentRow()?.focus({ preventScroll: true }));

  constructor(private readonly data: RelationQueueData) {
    this.rows = [...document.querySelectorAll<HTMLTableRowElement>("#relation-queue tr.queue-row")];
    this.count = data.count;
  }

  start(): void {
    document.addEventListener("keydown", (event) => this.onKeyDown(event));
    requireElement("help-button", HTMLButtonElement).addEventListener("click", () => this.toggleHelp());
    this.root.addEventListener("click", (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const row = target?.closest<HTMLTableRowElement>("tr.queue-row");
      if (!row) return;
      const button = target?.closest<HTMLButtonElement>("button[data-act]");
      if (button) {
        this.setCurrent(row, false);
        this.decide(row, button.dataset.act === "approve" ? "APPROVE" : "REJECT");
      } else if (!target?.closest("a, input, button")) {
        this.setCurrent(row);
      }
    });
    if (this.rows.length > 0) this.setCurrent(this.rows[0], document.activeElement === document.body);
    this.root.dataset.ready = "true";
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (isTypingTarget(event.target) || this.rejectDialog.open) return;
    const action = actionForKey(event.key, { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey });
    if (action === null) return;
    if (action === "help") {
      event.preventDefault();
      this.toggleHelp();
      return;
    }
    if (this.help.open) return;
    const row = this.currentRow();
    switch (action) {
      case "next":
      case "previous": {
        event.preventDefault();
        const next = step(this.rows.findIndex((r) => this.idOf(r) === this.current), action === "next" ? 1 : -1, this.rows.length);
        if (next >= 0) this.setCurrent(this.rows[next]);
        return;
      }
      case "approve":
      case "reject":
        event.preventDefault();
        if (event.repeat) return;
        if (!row) this.say("There is no relation to decide on.");
        else this.decide(row, action === "approve" ? "APPROVE" : "REJECT");
        return;
      case "open":
        if (row?.dataset.href) window.location.assign(row.dataset.href);
        return;
      case "toggle":
      case "relabel":
        this.say("Relations are decided one at a time, and their type is changed by their author.", "error");
        return;
      case "compact":
        return;
    }
  }

  private idOf(row: HTMLTableRowElement): number {
    return Number(row.dataset.id);
  }

  private sentenceOf(row: HTMLTableRowElement): string {
    return row.dataset.sentence ?? "";
  }

  private currentRow(): HTMLTableRowElement | undefined {
    return this.rows.find((row) => this.idOf(row) === this.current);
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

  private toggleHelp(): void {
    if (this.help.open) this.help.close();
    else this.help.showModal();
  }

  /** Approves at once; a rejection first asks why. */
  private decide(row: HTMLTableRowElement, decision: Decision): void {
    if (decision === "APPROVE") {
      this.send(row, decision, null);
      return;
    }
    this.rejectDialog.ask(`“${this.sentenceOf(row)}”`, (comment) => this.send(row, "REJECT", comment));
  }

  /** One relation, with the version the page shows: one changed since is refused as stale. */
  private send(row: HTMLTableRowElement, decision: Decision, comment: string | null): void {
    this.requests.run(async () => {
      rowMessage(row, null);
      try {
        await send(this.data.csrf, "POST", `/api/relations/${this.idOf(row)}/decision`,
          { decision, comment, version: Number(row.dataset.version) });
      } catch (error) {
        if (error instanceof ApiError) rowMessage(row, error.message);
        throw error;
      }
      this.remove(row);
      this.say(decidedSentence(decision, [this.sentenceOf(row)], SENTENCE_MAX));
    });
  }

  /** Takes a decided row off the list, moves on to the next one and lowers the count. */
  private remove(row: HTMLTableRowElement): void {
    const id = this.idOf(row);
    const next = currentAfterRemoval(this.rows.map((r) => this.idOf(r)), this.current, new Set([id]));
    const takeFocus = !isTypingTarget(document.activeElement);
    row.remove();
    this.rows = this.rows.filter((r) => r !== row);
    this.current = null;
    this.setCurrent(this.rows.find((r) => this.idOf(r) === next), takeFocus);
    // The server stops counting at the limit: a count there means "that many or more" and stays.
    if (this.count < this.data.countLimit) this.count = Math.max(0, this.count - 1);
    const badge = document.getElementById("relation-count");
    if (badge) badge.textContent = shownCount(this.count, this.data.countLimit);
    if (this.rows.length === 0) this.showDone();
  }

  /** No row of the page waits any more: say so, and offer the rest of the queue. */
  private showDone(): void {
    const empty = document.createElement("p");
    empty.className = "empty";
    empty.id = "queue-empty";
    if (this.count > 0) {
      empty.append("Every relation of this page is decided. ");
      const more = document.createElement("a");
      more.href = requireElement("relation-tab", HTMLAnchorElement).href;
      more.textContent = "Load the next ones";
      empty.append(more);
    } else {
      empty.textContent = "No relation is waiting for review.";
    }
    document.getElementById("relation-queue")?.replaceWith(empty);
    document.getElementById("next-page")?.parentElement?.remove();
  }

  private say(message: string, kind: "info" | "error" = "info"): void {
    this.status.textContent = message;
    this.status.dataset.kind = kind;
  }
}

startWithPageData<RelationQueueData>((data) => new RelationQueue(data).start());
