/**
 * Page controller for the review queue (/review). The server renders the rows; this module adds
 * the keyboard (j/k/x/a/r/e/o/?), the bulk buttons, the reject comment box and the label chooser,
 * and sends decisions and label corrections to the JSON API. Decided rows leave the list and the
 * status counts follow without a reload; a relabelled row stays (it is still waiting for review)
 * with its new label. Refusals (already decided, four-eyes rule) are shown as sentences on their rows.
 *
 * The page is live: it follows the event stream of each project it shows. A row decided, deleted
 * or changed out of the filters elsewhere stays in place, greyed, saying why (j/k pass over it); a
 * row changed by its author, or a new submission on the queue's last page, is read from the
 * server (queueRows.ts) and shown in place or added at the end; the counts are read again.
 *
 * Logic that needs no DOM lives in queue.ts and queueLive.ts, where it is unit-tested.
 */
import {
  actionForKey, countsAfter, shownCount, currentAfterRemoval, decidedSentence, labelForKey, refusedSentence, relabelledSentence,
  rowMessages, step, type Counts, type Decision, type ItemResult, type QueueAction, type QueueLabel, type Status,
} from "./queue.js";
import { type Change, LiveStream, openWhileVisible, RETRY_DELAYS_MS } from "./live.js";
import { LiveStatus } from "./liveStatus.js";
import { type Gone, goneSentence, LiveQueue, type QueueAnnotation, type QueueFilter } from "./queueLive.js";
import { readRows, rowsAddress } from "./queueRows.js";
import { isTypingTarget, loginAgainLink, startWithPageData } from "./page.js";
import { RejectDialog, rowMessage } from "./rejectDialog.js";
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
  /** The filters the rows were read with (the status is `status`). */
  filter: { project: number | null; label: string | null; article: number | null; author: string | null };
  /** Each followed project's cursor at render; null when the queue spans too many projects to follow. */
  cursors: Record<string, string> | null;
  /** A next page exists: new rows belong there, not here. */
  more: boolean;
}

/** Events that come together (a replay after reconnecting) are handled in one go. */
const EVENTS_DELAY_MS = 30;
/** Counts are read again this long after a change that may move them (changes meanwhile share the read). */
const COUNTS_DELAY_MS = 300;
/** Where the compact choice is kept (localStorage). */
const COMPACT_KEY = "gloss.queue.compact";
/** The actions a row's buttons offer (data-act). */
type RowAction = "approve" | "reject" | "relabel";
const TOO_MANY_PROJECTS = "This queue spans too many projects to follow live: choose a project above to see others' "
  + "changes as they happen.";

function byId<T extends HTMLElement>(id: string, type: { new (): T }): T | null {
  const found = document.getElementById(id);
  return found instanceof type ? found : null;
}

class ReviewQueue {
  private rows: HTMLTableRowElement[];
  private current: number | null = null;
  private counts: Counts;
  /** The row the open label chooser is about, and the labels it offers. */
  private relabelling: HTMLTableRowElement | null = null;
  private choices: QueueLabel[] = [];
  /** The rows as others' changes move them, and which events were taken. */
  private readonly live: LiveQueue;
  private eventsTimer: number | undefined;
  /** Rows to read from the server, by annotation id, in the order their events came. */
  private readonly wanted = new Map<number, { projectId: number; annotation: QueueAnnotation }>();
  private reading = false;
  /** Reads (rows or counts) that failed in a row: the next try waits longer. */
  private failures = 0;
  private countsTimer: number | undefined;
  private countsReading = false;
  private countsAgain = false;
  /** The reviewer's own decisions so far: counts read before the latest one are out of date. */
  private decisions = 0;
  /** The empty state was made here (not by the server), so its sentence follows the counts. */
  private emptied = false;

  private readonly root = byId("review", HTMLElement)!;
  private readonly status = byId("status", HTMLElement)!;
  private readonly requests = new OneAtATime((message, kind) => this.say(message, kind), this.status,
    "Still sending the previous decision…", loginAgainLink);
  private readonly help = byId("shortcuts-help", HTMLDialogElement)!;
  private readonly rejectDialog = new RejectDialog(() => this.focusCurrent());
  private readonly labelDialog = byId("label-dialog", HTMLDialogElement)!;
  private readonly labelWhat = byId("label-what", HTMLElement)!;
  private readonly labelChoices = byId("label-choices", HTMLElement)!;

  constructor(private readonly data: QueueData) {
    this.rows = [...document.querySelectorAll<HTMLTableRowElement>("#queue tr.queue-row")];
    this.counts = { ...data.counts };
    const filter: QueueFilter = { status: data.status, label: data.filter.label, article: data.filter.article,
      author: data.filter.author };
    this.live = new LiveQueue(filter, this.rows.map((row) => ({ id: this.idOf(row), version: Number(row.dataset.version) })),
      data.cursors ?? {}, !data.more);
  }

  start(): void {
    document.addEventListener("keydown", (event) => this.onKeyDown(event));
    byId("help-button", HTMLButtonElement)?.addEventListener("click", () => this.toggleHelp());
    byId("compact-button", HTMLButtonElement)?.addEventListener("click", () => this.act("compact", undefined));
    this.setCompact(this.storedCompact());
    byId("approve-selected", HTMLButtonElement)?.addEventListener("click", () => this.approveSelected());
    byId("reject-selected", HTMLButtonElement)?.addEventListener("click", () => this.openReject(this.selectedRows()));
    // Listened to on the page, not on each row: rows (and the table) may arrive later.
    this.root.addEventListener("change", (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement)) return;
      if (box.id === "pick-all") {
        for (const row of this.openRows()) this.checkbox(row)!.checked = box.checked;
        this.syncPickAll();
      } else if (box.classList.contains("pick-row")) {
        this.syncPickAll();
      }
    });
    this.root.addEventListener("click", (event) => {
      // A click on a row (not its link or checkbox) makes it current, as j/k would.
      const target = event.target instanceof Element ? event.target : null;
      const row = target?.closest<HTMLTableRowElement>("tr.queue-row");
      if (!row) return;
      const button = target?.closest<HTMLButtonElement>("button[data-act]");
      if (button) {
        this.setCurrent(row, false);
        this.act(button.dataset.act as RowAction, row);
      } else if (!target?.closest("a, input, button")) {
        this.setCurrent(row);
      }
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
    this.startLive();
    this.root.dataset.ready = "true";
  }

  // ---- Live changes -------------------------------------------------------------------------

  /** One event stream per project the queue shows, each from the cursor the page was rendered at. */
  private startLive(): void {
    const cursors = this.data.cursors;
    const projects = Object.keys(cursors ?? {});
    const status = new LiveStatus(this.root, byId("connection", HTMLElement)!, projects.length);
    if (cursors === null) {
      status.off(TOO_MANY_PROJECTS);
      return;
    }
    for (const project of projects) {
      openWhileVisible(new LiveStream({
        url: (after) => `/api/projects/${project}/events?after=${encodeURIComponent(after)}`,
        after: cursors[project],
        connect: typeof EventSource === "function" ? (url) => new EventSource(url) : null,
        onChange: (change, cursor) => this.receive(Number(project), cursor, change as Change<QueueAnnotation>),
        onPresence: () => {}, // a project stream tells no presence
        onConnection: status.reporter(project),
        // Asked when the browser gave up on the stream: is the project still there for this person?
        check: async () => {
          await send(this.data.csrf, "GET", `/api/projects/${project}`);
        },
      }), document);
    }
  }

  private receive(projectId: number, cursor: string, change: Change<QueueAnnotation>): void {
    if (!this.live.receive(projectId, cursor, change)) return;
    if (this.eventsTimer === undefined) this.eventsTimer = window.setTimeout(() => this.applyEvents(), EVENTS_DELAY_MS);
  }

  /** Marks the rows that left, reads the rows to add or refresh, and the counts if they may have moved. */
  private applyEvents(): void {
    this.eventsTimer = undefined;
    const work = this.live.work();
    for (const { id, gone } of work.leave) this.markGone(id, gone);
    if (work.leave.length > 0) {
      this.syncPickAll();
      if (this.openRows().length === 0) this.showDone();
    }
    for (const wanted of work.fetch) {
      this.wanted.delete(wanted.annotation.id); // in the order of its latest event
      this.wanted.set(wanted.annotation.id, wanted);
    }
    void this.readWanted();
    this.scheduleCounts();
  }

  /** Reads the counts again if changes may have moved them: at most once per delay, however many come. */
  private scheduleCounts(): void {
    if (this.live.countsStale() && this.countsTimer === undefined) {
      this.countsTimer = window.setTimeout(() => {
        this.countsTimer = undefined;
        void this.readCounts();
      }, COUNTS_DELAY_MS);
    }
  }

  /** A row that left the queue elsewhere: kept where it is, greyed, saying why; no longer picked. */
  private markGone(id: number, gone: Gone): void {
    const row = this.rows.find((r) => this.idOf(r) === id);
    if (!row) return;
    row.classList.add("gone");
    row.classList.remove("refused");
    row.dataset.gone = gone.why;
    const box = this.checkbox(row);
    if (box) {
      box.checked = false;
      box.disabled = true;
    }
    const message = row.querySelector<HTMLElement>(".row-message");
    if (message) {
      message.textContent = goneSentence(gone, this.data.username, (key) => this.labelName(row, key));
      message.hidden = false;
    }
  }

  private labelName(row: HTMLTableRowElement, key: string): string {
    return (this.data.labels[row.dataset.project ?? ""] ?? []).find((l) => l.key === key)?.name ?? key;
  }

  /** Reads the wanted rows, one batch at a time, grouped by where they are; again while more are wanted. */
  private async readWanted(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    let batch: Array<[number, { projectId: number; annotation: QueueAnnotation }]> = [];
    try {
      while (this.wanted.size > 0) {
        batch = [...this.wanted];
        this.wanted.clear();
        const groups = new Map<string, Set<number>>();
        for (const [, { projectId, annotation }] of batch) {
          const address = rowsAddress(projectId, annotation, this.data.status);
          groups.set(address, (groups.get(address) ?? new Set()).add(annotation.id));
        }
        const found = new Map<number, HTMLTableRowElement>();
        let table: HTMLTableElement | null = null;
        let intro: HTMLElement | null = null;
        for (const [address, ids] of groups) {
          const read = await readRows(address, ids);
          read.rows.forEach((row, id) => found.set(id, row));
          table ??= read.table;
          intro ??= read.intro;
          for (const [project, labels] of Object.entries(read.labels)) this.data.labels[project] ??= labels;
        }
        for (const [, { annotation }] of batch) {
          const row = found.get(annotation.id);
          if (row && this.live.place(annotation.id, Number(row.dataset.version))) this.show(row, table, intro);
        }
      }
      this.failures = 0;
    } catch (error) {
      // Offline, or the session ended (the connection line says which): the stream has moved past
      // these events, so the rows are asked for again later rather than forgotten.
      console.warn("Gloss: could not read a changed queue row; trying again", error);
      for (const [id, wanted] of batch) if (!this.wanted.has(id)) this.wanted.set(id, wanted);
      window.setTimeout(() => void this.readWanted(), this.retryDelay());
    } finally {
      this.reading = false;
    }
  }

  private retryDelay(): number {
    return RETRY_DELAYS_MS[Math.min(this.failures++, RETRY_DELAYS_MS.length - 1)];
  }

  /**
   * A row read from the server: refreshes the one on the page in place, or adds it at the end. On
   * a page that had no rows, the server's table and status line (how the keys work) come with it.
   */
  private show(fresh: HTMLTableRowElement, table: HTMLTableElement | null, intro: HTMLElement | null): void {
    const id = this.idOf(fresh);
    const row = this.rows.find((r) => this.idOf(r) === id);
    if (row) {
      this.refresh(row, fresh);
      return;
    }
    let body = document.querySelector<HTMLTableSectionElement>("#queue tbody");
    if (!body && table) {
      // The page had no rows: the table comes with the first one, where the empty state was.
      const empty = byId("queue-empty", HTMLElement);
      if (!empty) return;
      empty.replaceWith(table);
      this.emptied = false;
      body = table.tBodies[0];
      if (intro && this.status.textContent === "") this.status.replaceChildren(...document.importNode(intro, true).childNodes);
    }
    if (!body) return;
    const added = document.importNode(fresh, true);
    added.classList.add("arrived");
    body.append(added);
    this.rows.push(added);
    // The first row to arrive is the one the keys act on, without taking the focus from anything.
    if (this.current === null) this.setCurrent(added, false);
    this.syncPickAll();
  }

  /** The row's cells as the server renders them now; the row element, its focus, pick and place stay. */
  private refresh(row: HTMLTableRowElement, fresh: HTMLTableRowElement): void {
    const picked = this.checkbox(row)?.checked ?? false;
    const focusedInside = row.contains(document.activeElement) && document.activeElement !== row;
    row.replaceChildren(...[...fresh.childNodes].map((node) => document.importNode(node, true)));
    Object.assign(row.dataset, fresh.dataset);
    delete row.dataset.gone;
    row.classList.remove("gone", "refused");
    row.classList.toggle("mine", fresh.classList.contains("mine"));
    const box = this.checkbox(row);
    if (box) box.checked = picked;
    if (focusedInside) (box ?? row).focus({ preventScroll: true });
    this.syncPickAll();
  }

  /** The counts under the page's filters, read again: never added up from events. */
  private async readCounts(): Promise<void> {
    if (this.countsReading) {
      this.countsAgain = true;
      return;
    }
    this.countsReading = true;
    try {
      do {
        this.countsAgain = false;
        const asked = this.decisions;
        const params = new URLSearchParams({ status: this.data.status, limit: "1" });
        for (const [key, value] of Object.entries(this.data.filter)) if (value !== null) params.set(key, String(value));
        const response = await send(this.data.csrf, "GET", `/api/review/queue?${params}`);
        const { counts } = (await response.json()) as { counts: Counts };
        // Read before one of the reviewer's own decisions was applied here: its event asks again.
        if (asked === this.decisions) this.showCounts(counts);
      } while (this.countsAgain);
      this.failures = 0;
    } catch (error) {
      console.warn("Gloss: could not read the queue's counts; trying again", error);
      window.setTimeout(() => void this.readCounts(), this.retryDelay());
    } finally {
      this.countsReading = false;
    }
  }

  private showCounts(counts: Counts): void {
    this.counts = { ...counts };
    for (const [status, count] of Object.entries(this.counts)) {
      const badge = document.querySelector(`#counts a[data-status="${status}"] .count`);
      if (badge) badge.textContent = shownCount(count, this.data.countLimit);
    }
    if (this.emptied) this.showDone();
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
    return this.openRows().filter((row) => this.checkbox(row)?.checked);
  }

  /** The rows still waiting here: not gone elsewhere. */
  private openRows(): HTMLTableRowElement[] {
    return this.rows.filter((row) => !this.live.isGone(this.idOf(row)));
  }

  /** Why the row is no longer waiting (it left elsewhere), or null. */
  private goneMessage(row: HTMLTableRowElement): string | null {
    if (!this.live.isGone(this.idOf(row))) return null;
    return `No longer waiting here: ${row.querySelector(".row-message")?.textContent ?? ""}`;
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

  /** j/k pass over rows gone elsewhere; the current row counts even if it has gone. */
  private move(direction: 1 | -1): void {
    const rows = this.rows.filter((row) => this.idOf(row) === this.current || !this.live.isGone(this.idOf(row)));
    const index = rows.findIndex((row) => this.idOf(row) === this.current);
    const next = step(index, direction, rows.length);
    if (next >= 0) this.setCurrent(rows[next]);
  }

  private syncPickAll(): void {
    const all = byId("pick-all", HTMLInputElement);
    if (!all) return;
    const picked = this.selectedRows().length;
    const open = this.openRows().length;
    all.checked = picked > 0 && picked === open;
    all.indeterminate = picked > 0 && picked < open;
  }

  /** Takes decided rows off the list, moves the current row on and updates the counts. */
  private removeRows(decided: HTMLTableRowElement[], decision: Decision): void {
    const gone = new Set(decided.map((row) => this.idOf(row)));
    const next = currentAfterRemoval(this.rows.map((row) => this.idOf(row))
      .filter((id) => id === this.current || gone.has(id) || !this.live.isGone(id)), this.current, gone);
    // Focus moves on to the next row unless the reviewer has meanwhile begun typing somewhere (a
    // filter box): the rest of the word must not be taken as shortcuts.
    const takeFocus = !isTypingTarget(document.activeElement);
    for (const row of decided) {
      row.remove();
      this.live.removed(this.idOf(row));
    }
    this.rows = this.rows.filter((row) => !gone.has(this.idOf(row)));
    this.current = null;
    this.setCurrent(this.rows.find((row) => this.idOf(row) === next), takeFocus);
    this.decisions++;
    this.showCounts(countsAfter(this.counts, decision, decided.length, this.data.countLimit));
    this.syncPickAll();
    if (this.openRows().length === 0) this.showDone();
  }

  /**
   * No row of the page waits any more (decided here or elsewhere): say so, and offer the rest of
   * the queue. Said again when the counts change, as long as no new row has come.
   */
  private showDone(): void {
    const shown = byId("queue", HTMLTableElement) ?? (this.emptied ? byId("queue-empty", HTMLElement) : null);
    if (!shown) return;
    this.rows = [];
    this.current = null;
    this.emptied = true;
    const empty = document.createElement("p");
    empty.className = "empty";
    empty.id = "queue-empty";
    if (!this.data.canDecide) {
      empty.textContent = `No ${this.data.status.toLowerCase()} annotations left on this page.`;
    } else if (this.counts.SUBMITTED > 0) {
      empty.append("Every row of this page is decided. ");
      const more = document.createElement("a");
      // The current status tab: the same filters from the start, which now begins with the rest.
      more.href = document.querySelector<HTMLAnchorElement>("#counts a.current")?.href ?? "/review";
      more.textContent = "Load the next ones";
      empty.append(more);
    } else {
      empty.textContent = "Nothing waiting for review. New annotations appear here as soon as editors submit them.";
    }
    shown.replaceWith(empty);
    document.getElementById("next-page")?.parentElement?.remove();
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
    this.act(action, this.currentRow());
  }

  /** What a key or a row's button asks for, on the current row (a button first makes its row current). */
  private act(action: Exclude<QueueAction, "help">, row: HTMLTableRowElement | undefined): void {
    const gone = row ? this.goneMessage(row) : null;
    if (gone !== null && (action === "toggle" || action === "approve" || action === "reject" || action === "relabel")) {
      this.say(gone, "error");
      return;
    }
    switch (action) {
      case "next":
        this.move(1);
        return;
      case "previous":
        this.move(-1);
        return;
      case "compact":
        this.setCompact(!this.root.classList.contains("compact"));
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

  /** Compact rows: one line each, so more fit on a screen; remembered in this browser. */
  private setCompact(on: boolean): void {
    this.root.classList.toggle("compact", on);
    byId("compact-button", HTMLButtonElement)?.setAttribute("aria-pressed", String(on));
    try {
      if (on) localStorage.setItem(COMPACT_KEY, "1");
      else localStorage.removeItem(COMPACT_KEY);
    } catch {
      // Storage refused (private mode): the choice holds for this page only.
    }
  }

  private storedCompact(): boolean {
    try {
      return localStorage.getItem(COMPACT_KEY) === "1";
    } catch {
      return false;
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
      rowMessage(row, null);
      let response: Response;
      try {
        response = await send(this.data.csrf, "POST", `/api/annotations/${this.idOf(row)}/label`,
          { label: label.key, version: Number(row.dataset.version) });
      } catch (error) {
        if (error instanceof ApiError) rowMessage(row, error.message);
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
      if (typeof updated.version === "number") {
        row.dataset.version = String(updated.version);
        this.live.changed(this.idOf(row), updated.version);
        this.scheduleCounts();
      }
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
    this.rejectDialog.ask(rows.length === 1 ? `“${this.quoteOf(rows[0])}”` : `${rows.length} selected annotations`, (comment) => {
      if (one) this.decideOne(rows[0], "REJECT", comment);
      else this.decideMany(rows, "REJECT", comment);
    });
  }

  /** One row, with the version the page shows: a row changed since is refused as stale. */
  private decideOne(row: HTMLTableRowElement, decision: Decision, comment: string | null): void {
    const gone = this.goneMessage(row);
    if (gone !== null) {
      this.say(gone, "error"); // left elsewhere while the reject dialog was open
      return;
    }
    this.requests.run(async () => {
      try {
        await send(this.data.csrf, "POST", `/api/annotations/${this.idOf(row)}/decision`,
          { decision, comment, version: Number(row.dataset.version) });
      } catch (error) {
        if (error instanceof ApiError) rowMessage(row, error.message);
        throw error;
      }
      this.removeRows([row], decision);
      this.say(decidedSentence(decision, [this.quoteOf(row)]));
    });
  }

  /** Many rows at once; the server applies all or none, and says per row why when none. */
  private decideMany(picked: HTMLTableRowElement[], decision: Decision, comment: string | null): void {
    // Rows that left elsewhere while the reject dialog was open are no longer part of the selection.
    const rows = picked.filter((row) => this.goneMessage(row) === null);
    if (rows.length === 0) {
      this.say("The selected annotations were decided elsewhere meanwhile.", "error");
      return;
    }
    this.requests.run(async () => {
      for (const row of rows) rowMessage(row, null);
      try {
        await send(this.data.csrf, "POST", "/api/decisions", { ids: rows.map((row) => this.idOf(row)), decision, comment });
      } catch (error) {
        if (error instanceof ApiError && error.results.length > 0) {
          const messages = rowMessages(error.results as ItemResult[]);
          for (const row of rows) rowMessage(row, messages.get(this.idOf(row)) ?? null);
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
