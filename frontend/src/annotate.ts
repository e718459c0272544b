/**
 * Page controller for the Gloss annotator: draws every annotation over the
 * article text, turns text selections into annotations, edits/deletes the
 * user's own annotations, and lets reviewers approve or reject others'
 * submitted ones in place, all through the JSON API.
 *
 * Others' changes arrive on the article's event stream and are drawn as
 * they come, unless the person is selecting text or typing in the details
 * panel (live.ts decides what waits).
 *
 * Offset arithmetic lives in offsets.ts (code points <-> UTF-16) and
 * layout.ts (overlapping spans -> nested elements); this module only wires
 * the DOM, fetch and the event stream.
 */
import { TextOffsets } from "./offsets.js";
import { compareSpans, layoutTree, type LayoutNode, type SpanNode } from "./layout.js";
import { type Activity, type Change, HeldChanges, LiveAnnotations, LiveStream, openWhileVisible, othersHere } from "./live.js";
import { LiveStatus } from "./liveStatus.js";
import { element, isTypingTarget, loginAgainLink, requireElement, startWithPageData } from "./page.js";
import { OneAtATime, send } from "./requests.js";
import { selectedText, utf16Position } from "./selection.js";

type ReviewStatus = "SUBMITTED" | "APPROVED" | "REJECTED" | "MERGED";
type Decision = "APPROVE" | "REJECT";

interface Label {
  key: string;
  name: string;
  color: string;
  shortcut: string | null;
  /** Retired: spans keep it, new ones cannot take it (not in the palette or the label list). */
  retired: boolean;
  description: string | null;
}

/** An annotation as the JSON API returns it. Offsets are code points. */
interface Annotation {
  id: number;
  articleId: number;
  label: string;
  start: number;
  end: number;
  quote: string;
  note: string | null;
  status: ReviewStatus;
  author: string;
  reviewer: string | null;
  comment: string | null;
  version: number;
  created: string;
  updated: string;
}

/** Contents of <script type="application/json" id="gloss-data">. */
interface GlossData {
  article: { id: number; text: string; length: number };
  labels: Label[];
  annotations: Annotation[];
  me: { username: string; roles: string[] };
  csrf: string;
  canAnnotate: boolean;
  /** Why one who may not annotate here cannot (null when they can). */
  readOnly: string | null;
  /** Where the article's event stream starts: the page's annotations are as of this change. */
  cursor: string;
}

/** Body of POST /api/annotations. */
interface NewAnnotation {
  articleId: number;
  label: string;
  start: number;
  end: number;
  quote: string;
  note: string | null;
}

interface StatusAction {
  text: string;
  run: () => void;
}

const SHOW_OTHERS_KEY = "gloss.showOthers";
/** A label the page does not know (removed since the page loaded) is drawn grey, as the server shows it. */
const UNKNOWN_LABEL_COLOR = "#888888";
/** Events that come together (a replay after reconnecting) are drawn in one redraw. */
const CHANGES_DELAY_MS = 30;
/** How often changes held for the person are tried again, in case no event says they are done. */
const HELD_RETRY_MS = 500;
const STATUS_NAMES: Record<ReviewStatus, string> = {
  SUBMITTED: "Submitted",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  MERGED: "Merged",
};

/** A quote shortened for one-line status messages. */
function excerpt(quote: string): string {
  const offsets = new TextOffsets(quote.replace(/\s+/g, " "));
  return offsets.codePointLength > 60 ? `${offsets.slice(0, 59)}…` : offsets.text;
}

function readShowOthers(): boolean | null {
  try {
    const stored = localStorage.getItem(SHOW_OTHERS_KEY);
    return stored === null ? null : stored === "true";
  } catch {
    return null; // storage disabled (privacy mode): fall back to the page default
  }
}

function writeShowOthers(value: boolean): void {
  try {
    localStorage.setItem(SHOW_OTHERS_KEY, String(value));
  } catch {
    // Storage disabled: the choice simply lasts until the page is reloaded.
  }
}

class Annotator {
  private readonly offsets: TextOffsets;
  private readonly labels = new Map<string, Label>();
  private readonly shortcuts = new Map<string, Label>();
  private readonly annotations = new Map<number, Annotation>();
  /** The rendered <mark> pieces of each drawn annotation, in text order. */
  private readonly pieces = new Map<number, HTMLElement[]>();

  private readonly root = requireElement("annotator", HTMLElement);
  private readonly container = requireElement("article-text", HTMLElement);
  private readonly palette = requireElement("palette", HTMLElement);
  private readonly showOthers = requireElement("show-others", HTMLInputElement);
  private readonly details = requireElement("details", HTMLElement);
  private readonly status = requireElement("status", HTMLElement);
  private readonly help = requireElement("shortcuts-help", HTMLDialogElement);
  private readonly presence = requireElement("presence", HTMLElement);
  private readonly connection = requireElement("connection", HTMLElement);

  /** Others' changes (and the echo of one's own) from the event stream. */
  private readonly live = new LiveAnnotations<Annotation>(this.annotations, (annotation) => this.accept(annotation));
  private readonly held = new HeldChanges<Annotation>();
  private readonly incoming: Change<Annotation>[] = [];
  private changesTimer: number | undefined;
  /** Where a mouse button or finger is down: in the text a selection may be starting, in the panel a click. */
  private pressed: Element | null = null;

  private selectedId: number | null = null;
  /** Set while a request is in flight, so a double click or key press cannot send it twice. */
  private readonly requests = new OneAtATime((message, kind) => this.say(message, kind), this.status,
    "Still saving the previous change…", loginAgainLink);

  constructor(private readonly data: GlossData) {
    this.offsets = new TextOffsets(data.article.text);
    if (this.offsets.codePointLength !== data.article.length) {
      console.warn(`Gloss: article length is ${data.article.length} but the text has ${this.offsets.codePointLength} code points`);
    }
    for (const label of data.labels) {
      this.labels.set(label.key, label);
      if (label.shortcut) this.shortcuts.set(label.shortcut.toLowerCase(), label);
    }
    for (const annotation of data.annotations) this.accept(annotation);
  }

  start(): void {
    const stored = readShowOthers();
    if (stored !== null) this.showOthers.checked = stored;
    this.showOthers.addEventListener("change", () => {
      writeShowOthers(this.showOthers.checked);
      this.render();
    });

    for (const button of this.palette.querySelectorAll<HTMLButtonElement>("button.label-button")) {
      button.disabled = !this.data.canAnnotate;
    }
    // Keep the text selection when a palette button is pressed with the mouse.
    this.palette.addEventListener("mousedown", (event) => {
      if (event.target instanceof Element && event.target.closest("button.label-button")) event.preventDefault();
    });
    this.palette.addEventListener("click", (event) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLElement>("button.label-button") : null;
      const label = button ? this.labels.get(button.dataset.label ?? "") : undefined;
      if (label) this.applyLabel(label);
    });

    this.container.addEventListener("click", (event) => this.onTextClick(event));
    document.addEventListener("keydown", (event) => this.onKeyDown(event));
    document.getElementById("help-button")?.addEventListener("click", () => this.toggleHelp());

    this.closeDetails();
    this.render();
    // Links from the review queue, "my work" and the annotation page end in #a-<id>.
    const linked = /^#a-(\d+)$/.exec(window.location.hash);
    if (linked) this.reveal(Number(linked[1]));
    this.startLive();
    this.root.dataset.ready = "true";
  }

  // ---- Live changes -----------------------------------------------------------

  private startLive(): void {
    const article = `/api/articles/${this.data.article.id}`;
    const stream = new LiveStream({
      url: (after) => `${article}/events?after=${encodeURIComponent(after)}`,
      after: this.data.cursor,
      connect: typeof EventSource === "function" ? (url) => new EventSource(url) : null,
      onChange: (change) => this.receive(change as Change<Annotation>),
      onPresence: (users) => {
        this.presence.textContent = othersHere(users, this.data.me.username);
      },
      onConnection: new LiveStatus(this.root, this.connection).reporter("article"),
      // Asked when the browser gave up on the stream: a refusal (session ended, no longer a
      // member) is said on the page; the stream is opened again once the article answers.
      check: async () => {
        await send(this.data.csrf, "GET", article);
      },
    });
    // What held changes wait for: the selection collapsing, the button coming up, focus leaving the panel.
    document.addEventListener("pointerdown", (event) => {
      this.pressed = event.target instanceof Element ? event.target : null;
    }, true);
    // Released after the click this ends has run (a timer): the panel is not redrawn under it.
    const pointerUp = (): void => {
      this.pressed = null;
      this.releaseHeld();
    };
    window.addEventListener("pointerup", pointerUp);
    window.addEventListener("pointercancel", pointerUp);
    window.addEventListener("blur", pointerUp);
    document.addEventListener("selectionchange", () => this.releaseHeld());
    document.addEventListener("focusout", () => this.releaseHeld());
    openWhileVisible(stream, document);
  }

  private receive(change: Change<Annotation>): void {
    this.incoming.push(change);
    if (this.changesTimer === undefined) this.changesTimer = window.setTimeout(() => this.applyChanges(), CHANGES_DELAY_MS);
  }

  /** Held changes may be drawn now: tried at once (the person's activity is looked at again then). */
  private releaseHeld(): void {
    if (this.held.size === 0) return;
    window.clearTimeout(this.changesTimer);
    this.changesTimer = window.setTimeout(() => this.applyChanges(), 0);
  }

  /** Draws the changes that arrived, except those that must wait for what the person is doing. */
  private applyChanges(): void {
    this.changesTimer = undefined;
    const ready = this.held.take(this.incoming.splice(0), this.activity());
    const selected = this.selectedId;
    let redraw = false;
    let selectedChanged = false;
    for (const change of ready) {
      if (this.live.apply(change)) {
        redraw = true;
        if (change.annotation.id === selected) selectedChanged = true;
      }
    }
    if (redraw) {
      this.render(); // deselects an annotation that is gone
      const annotation = this.selectedAnnotation();
      if (selectedChanged && annotation) this.refreshDetails(annotation);
      else if (selectedChanged) this.say("The annotation you had open was deleted.");
    }
    this.root.dataset.heldChanges = String(this.held.size);
    if (this.held.size > 0) this.changesTimer = window.setTimeout(() => this.applyChanges(), HELD_RETRY_MS);
  }

  /**
   * What a redraw now would disturb: a selection in the article text (being dragged, or made),
   * typing in the details panel (a note, a comment, the label list), or a click on it.
   */
  private activity(): Activity {
    const selection = window.getSelection();
    const pressedIn = (element: HTMLElement): boolean => this.pressed !== null && element.contains(this.pressed);
    const selecting = pressedIn(this.container) || (selection !== null && !selection.isCollapsed
      && selection.rangeCount > 0 && selection.getRangeAt(0).intersectsNode(this.container));
    const focused = document.activeElement;
    const working = pressedIn(this.details) || (isTypingTarget(focused) && this.details.contains(focused));
    const editing = working && this.details.dataset.id ? Number(this.details.dataset.id) : null;
    return { selecting, editing };
  }

  /** Shows a change from elsewhere in the details panel: the control that had the focus keeps it. */
  private refreshDetails(annotation: Annotation): void {
    const focused = document.activeElement;
    const kept = focused instanceof HTMLElement && this.details.contains(focused) ? focused.classList[0] : undefined;
    this.showDetails(annotation);
    if (kept) this.details.querySelector<HTMLElement>(`.${CSS.escape(kept)}`)?.focus();
  }

  /** Selects, focuses and scrolls to an annotation, showing others' annotations if it is one of them. */
  private reveal(id: number): void {
    const annotation = this.annotations.get(id);
    if (!annotation) {
      this.say("The annotation this link points to is no longer on this article.", "error");
      return;
    }
    if (!this.isShown(annotation)) {
      this.showOthers.checked = true; // for this visit only; the stored preference is unchanged
      this.render();
    }
    const first = this.pieces.get(id)?.[0];
    if (!first) return;
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: "center" });
    this.select(id);
  }

  /** Stores an annotation from the page or the server, unless its offsets cannot be drawn. */
  private accept(annotation: Annotation): boolean {
    const { start, end } = annotation;
    if (!Number.isInteger(start) || !Number.isInteger(end)
        || start < 0 || end > this.offsets.codePointLength || start >= end) {
      console.warn(`Gloss: annotation ${annotation.id} has unusable offsets [${start}, ${end})`);
      return false;
    }
    this.annotations.set(annotation.id, annotation);
    return true;
  }

  private isMine(annotation: Annotation): boolean {
    return annotation.author === this.data.me.username;
  }

  private isShown(annotation: Annotation): boolean {
    return this.showOthers.checked || this.isMine(annotation);
  }

  private isReviewer(): boolean {
    return this.data.me.roles.includes("reviewer");
  }

  /** Why the user cannot decide on this annotation, or null when they can (the server checks again). */
  private whyNotDecide(annotation: Annotation): string | null {
    if (!this.isReviewer()) return "Only reviewers decide on annotations.";
    if (this.isMine(annotation)) return "You made this annotation, so another reviewer must decide on it (four-eyes rule).";
    if (annotation.status !== "SUBMITTED") {
      return `This annotation is ${STATUS_NAMES[annotation.status].toLowerCase()} already`
        + `${annotation.reviewer ? ` (by ${annotation.reviewer})` : ""}; only a submitted one can be decided on.`;
    }
    return null;
  }

  private labelName(key: string): string {
    return this.labels.get(key)?.name ?? key;
  }

  private labelColor(key: string): string {
    return this.labels.get(key)?.color ?? UNKNOWN_LABEL_COLOR;
  }

  // ---- Drawing ----------------------------------------------------------

  /** Redraws the article text with every shown annotation. */
  private render(): void {
    const focusedId = this.focusedAnnotationId();
    // Redrawing replaces the text nodes, which would drop a selection the person is making, e.g.
    // the next span while the last one is being saved: it is put back over the same characters.
    const selection = this.textSelection();
    const spans = [...this.annotations.values()]
      .filter((annotation) => this.isShown(annotation))
      .map((annotation) => ({ id: annotation.id, ...this.offsets.rangeToUtf16(annotation.start, annotation.end) }));
    const fragment = document.createDocumentFragment();
    this.pieces.clear();
    this.appendNodes(fragment, layoutTree(this.offsets.utf16Length, spans));
    this.container.replaceChildren(fragment);
    if (selection) {
      const anchor = this.domPoint(selection.anchor);
      const focus = this.domPoint(selection.focus);
      window.getSelection()?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
    }

    if (this.selectedId !== null && !this.pieces.has(this.selectedId)) this.select(null);
    if (focusedId !== null) this.pieces.get(focusedId)?.[0].focus();
  }

  private appendNodes(parent: Node, nodes: LayoutNode[]): void {
    for (const node of nodes) {
      if (node.kind === "text") {
        parent.appendChild(document.createTextNode(this.offsets.text.slice(node.from, node.to)));
      } else {
        const mark = this.createMark(node);
        this.appendNodes(mark, node.children);
        parent.appendChild(mark);
      }
    }
  }

  private createMark(node: SpanNode): HTMLElement {
    const annotation = this.annotations.get(node.id)!;
    const color = this.labelColor(annotation.label);
    const mark = document.createElement("mark");
    mark.classList.add("hl", this.isMine(annotation) ? "mine" : "others");
    // An annotation split around another one is several adjacent pieces;
    // these classes let CSS round the outer ends and badge the first piece.
    mark.classList.toggle("hl-start", node.first);
    mark.classList.toggle("hl-end", node.last);
    mark.classList.toggle("selected", annotation.id === this.selectedId);
    mark.dataset.annotationId = String(annotation.id);
    mark.dataset.label = annotation.label;
    mark.dataset.status = annotation.status;
    // One tab stop per annotation, however many pieces it is drawn in.
    mark.tabIndex = node.first ? 0 : -1;
    mark.title = [
      this.labelName(annotation.label),
      (STATUS_NAMES[annotation.status] ?? annotation.status)
        + (annotation.reviewer ? ` by ${annotation.reviewer}` : "")
        + (annotation.comment ? `: “${annotation.comment}”` : ""),
      annotation.note,
      `by ${annotation.author}`,
    ].filter(Boolean).join(" — ");
    // The stylesheet draws background and underline from this colour, so that nesting depth and
    // others' annotations can be styled there.
    mark.style.setProperty("--label-color", color);

    const pieces = this.pieces.get(annotation.id);
    if (pieces) pieces.push(mark);
    else this.pieces.set(annotation.id, [mark]);
    return mark;
  }

  // ---- Selection of text and of annotations -------------------------------

  /** The article text currently selected, in code points (see selection.ts). */
  private selectedText(): { start: number; end: number; quote: string } | null {
    return selectedText(this.container, this.offsets);
  }

  private utf16Position(node: Node, offset: number): number {
    return utf16Position(this.container, node, offset);
  }

  /** The selection's ends as UTF-16 positions in the article, if it is a range inside the article. */
  private textSelection(): { anchor: number; focus: number } | null {
    const selection = window.getSelection();
    if (!selection?.anchorNode || !selection.focusNode || selection.isCollapsed) return null;
    if (!this.container.contains(selection.anchorNode) || !this.container.contains(selection.focusNode)) return null;
    return {
      anchor: this.utf16Position(selection.anchorNode, selection.anchorOffset),
      focus: this.utf16Position(selection.focusNode, selection.focusOffset),
    };
  }

  /** The text node and offset at a UTF-16 position of the article: the inverse of utf16Position. */
  private domPoint(position: number): { node: Node; offset: number } {
    const walker = document.createTreeWalker(this.container, NodeFilter.SHOW_TEXT);
    let start = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = (node as Text).length;
      if (position <= start + length) return { node, offset: position - start };
      start += length;
    }
    return { node: this.container, offset: this.container.childNodes.length };
  }

  private focusedAnnotationId(): number | null {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || !this.container.contains(focused)) return null;
    return this.annotationIdOf(focused);
  }

  private annotationIdOf(target: EventTarget | null): number | null {
    const mark = target instanceof Element ? target.closest<HTMLElement>("mark.hl") : null;
    return mark && this.container.contains(mark) ? Number(mark.dataset.annotationId) : null;
  }

  /** Marks an annotation as the selected one and shows it in the details panel (null: none). */
  private select(id: number | null): void {
    if (this.selectedId !== null) {
      for (const mark of this.pieces.get(this.selectedId) ?? []) mark.classList.remove("selected");
    }
    const annotation = id === null ? undefined : this.annotations.get(id);
    this.selectedId = annotation ? annotation.id : null;
    if (!annotation) {
      this.closeDetails();
      return;
    }
    for (const mark of this.pieces.get(annotation.id) ?? []) mark.classList.add("selected");
    this.showDetails(annotation);
  }

  private selectedAnnotation(): Annotation | undefined {
    return this.selectedId === null ? undefined : this.annotations.get(this.selectedId);
  }

  /** Moves focus to the next (1) or previous (-1) drawn annotation in text order. */
  private moveFocus(direction: 1 | -1): void {
    const order = [...this.annotations.values()].filter((a) => this.pieces.has(a.id)).sort(compareSpans);
    if (order.length === 0) return;
    const current = this.focusedAnnotationId() ?? this.selectedId;
    const index = order.findIndex((a) => a.id === current);
    const next = index === -1
      ? (direction === 1 ? 0 : order.length - 1)
      : Math.min(order.length - 1, Math.max(0, index + direction));
    const target = order[next];
    this.pieces.get(target.id)![0].focus();
    this.select(target.id);
  }

  private onTextClick(event: MouseEvent): void {
    // A click that ends a drag selection is about the text, not a highlight.
    if (!(window.getSelection()?.isCollapsed ?? true)) return;
    this.select(this.annotationIdOf(event.target));
  }

  // ---- Keyboard -----------------------------------------------------------

  private toggleHelp(): void {
    if (this.help.open) this.help.close();
    else this.help.showModal();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
    if (event.key === "?") {
      event.preventDefault();
      this.toggleHelp();
      return;
    }
    if (this.help.open) return; // the modal help dialog handles its own keys
    // Shift+A / Shift+R decide on the selected annotation; for reviewers they are not label keys.
    if (event.shiftKey && !event.altKey && (event.key === "A" || event.key === "R") && this.isReviewer()) {
      event.preventDefault();
      if (!event.repeat) this.decideKey(event.key === "A" ? "APPROVE" : "REJECT");
      return;
    }
    if (event.altKey) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        this.moveFocus(event.key === "ArrowDown" ? 1 : -1);
      }
      return;
    }

    switch (event.key) {
      case "Escape":
        window.getSelection()?.removeAllRanges();
        this.select(null);
        return;
      case "Enter": {
        const id = this.annotationIdOf(event.target);
        if (id !== null) {
          event.preventDefault();
          this.select(id);
        }
        return;
      }
      case "Delete":
      case "Backspace":
        if (this.selectedId !== null && !this.selectedText()) {
          event.preventDefault();
          if (!event.repeat) this.deleteSelected();
        }
        return;
    }

    // Label shortcuts take precedence over j/k, in case a project assigns those letters.
    const label = this.shortcuts.get(event.key.toLowerCase());
    if (label) {
      event.preventDefault();
      if (!event.repeat) this.applyLabel(label);
    } else if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      this.moveFocus(event.key === "j" ? 1 : -1);
    }
  }

  // ---- Actions ----------------------------------------------------------

  /** A label key or palette button: annotate the selected text, or relabel the selected annotation. */
  private applyLabel(label: Label): void {
    if (!this.data.canAnnotate) {
      this.say(this.data.readOnly ?? "");
      return;
    }
    const text = this.selectedText();
    if (text) {
      this.create({ articleId: this.data.article.id, label: label.key, ...text, note: null }, "Saved");
      return;
    }
    const annotation = this.selectedAnnotation();
    if (annotation && this.isMine(annotation)) {
      if (annotation.label !== label.key) this.update(annotation, label.key, annotation.note);
      return;
    }
    this.say("Select some text first");
  }

  private decideKey(decision: Decision): void {
    const annotation = this.selectedAnnotation();
    if (!annotation) {
      this.say("Select an annotation first: click it, or press j.");
      return;
    }
    const why = this.whyNotDecide(annotation);
    if (why) this.say(why, "error");
    else if (decision === "APPROVE") this.decide(annotation, "APPROVE", null);
    else this.openRejectBox();
  }

  /** Opens the comment box of the details panel (the selected annotation's). */
  private openRejectBox(): void {
    const box = this.details.querySelector<HTMLElement>(".details-reject");
    const comment = box?.querySelector<HTMLTextAreaElement>("textarea");
    if (!box || !comment) return;
    box.hidden = false;
    comment.focus();
  }

  private decide(annotation: Annotation, decision: Decision, comment: string | null): void {
    this.requests.run(async () => {
      const response = await send(this.data.csrf, "POST", `/api/annotations/${annotation.id}/decision`,
        { decision, comment, version: annotation.version });
      const decided = (await response.json()) as Annotation;
      if (this.accept(decided)) {
        this.render(); // data-status and the title follow the new status
        // Only if it is still the one selected: the reviewer may have moved on, even be typing
        // the next rejection's comment, while this answer was on its way.
        if (this.selectedId === decided.id) {
          this.showDetails(decided);
          this.pieces.get(decided.id)?.[0].focus();
        }
      }
      this.say(`${decision === "APPROVE" ? "Approved" : "Rejected"} ${this.labelName(decided.label)}: `
        + `“${excerpt(decided.quote)}”`);
    });
  }

  private deleteSelected(): void {
    const annotation = this.selectedAnnotation();
    if (!annotation) return;
    if (!this.data.canAnnotate) this.say(this.data.readOnly ?? "");
    else if (!this.isMine(annotation)) this.say("You can only delete your own annotations.");
    else this.remove(annotation);
  }

  private create(body: NewAnnotation, verb: "Saved" | "Restored"): void {
    this.requests.run(async () => {
      const created = (await (await send(this.data.csrf, "POST", "/api/annotations", body)).json()) as Annotation;
      // Clear the selection only if it is still the span just saved, not the next one begun meanwhile.
      const selected = this.selectedText();
      if (selected?.start === created.start && selected.end === created.end) window.getSelection()?.removeAllRanges();
      if (this.accept(created)) {
        this.render();
        this.select(created.id);
      }
      this.say(`${verb} ${this.labelName(created.label)}: “${excerpt(created.quote)}”`);
    });
  }

  private update(annotation: Annotation, label: string, note: string | null): void {
    const { start, end, quote, version } = annotation;
    this.requests.run(async () => {
      const response = await send(this.data.csrf, "PUT", `/api/annotations/${annotation.id}`,
        { label, start, end, quote, note, version });
      const updated = (await response.json()) as Annotation;
      if (this.accept(updated)) {
        this.render();
        if (this.selectedId === updated.id) this.showDetails(updated);
      }
      this.say(`Saved ${this.labelName(updated.label)}: “${excerpt(updated.quote)}”`);
    });
  }

  private remove(annotation: Annotation): void {
    this.requests.run(async () => {
      await send(this.data.csrf, "DELETE", `/api/annotations/${annotation.id}`);
      this.live.remove(annotation.id);
      this.render(); // also deselects it, as it is no longer drawn
      const { articleId, label, start, end, quote, note } = annotation;
      this.say(`Deleted ${this.labelName(label)}: “${excerpt(quote)}”`, "info", {
        text: "Undo",
        // Undo re-creates the annotation; it gets a new id and goes back to review.
        run: () => this.create({ articleId, label, start, end, quote, note }, "Restored"),
      });
    });
  }

  // ---- Details panel and status area ------------------------------------------

  private closeDetails(): void {
    this.details.replaceChildren();
    this.details.hidden = true;
    delete this.details.dataset.id;
    delete this.details.dataset.note;
  }

  private showDetails(annotation: Annotation): void {
    // The answer to a change (say, of the label) may redraw the panel while the person is typing
    // a note for the same annotation: the draft, and the caret, carry over.
    // Only an unsaved edit is a draft: a box still showing the note it was drawn with takes the
    // server's note (it may have been saved, cleared or changed meanwhile).
    const box = this.details.dataset.id === String(annotation.id)
      ? this.details.querySelector<HTMLTextAreaElement>("textarea.details-note") : null;
    const draft = box !== null && box.value !== this.details.dataset.note ? box : null;
    const typing = draft !== null && document.activeElement === draft;
    const caret = draft ? [draft.selectionStart, draft.selectionEnd] as const : null;
    const mine = this.isMine(annotation);
    const editable = mine && this.data.canAnnotate;
    const heading = element("h2", "details-label", this.labelName(annotation.label));
    heading.style.borderLeft = `0.4em solid ${this.labelColor(annotation.label)}`;

    const facts = element("dl", "details-facts");
    const fact = (term: string, value: string): void => {
      facts.append(element("dt", "", term), element("dd", "", value));
    };
    fact("Status", STATUS_NAMES[annotation.status] ?? annotation.status);
    fact("Author", mine ? `${annotation.author} (you)` : annotation.author);
    if (annotation.reviewer) fact("Reviewer", annotation.reviewer);
    if (annotation.comment) fact("Reviewer comment", annotation.comment);
    if (!editable) fact("Note", annotation.note ?? "—");

    const history = element("a", "details-history", "History");
    history.href = `/annotations/${annotation.id}`;
    this.details.replaceChildren(heading, element("blockquote", "details-quote", annotation.quote), facts);
    this.details.dataset.status = annotation.status;
    this.details.dataset.id = String(annotation.id);
    this.details.dataset.note = annotation.note ?? "";
    if (editable) this.details.append(this.editor(annotation));
    if (this.isReviewer() && this.whyNotDecide(annotation) === null) this.details.append(this.reviewControls(annotation));
    this.details.append(history);
    this.details.hidden = false;
    const note = this.details.querySelector<HTMLTextAreaElement>("textarea.details-note");
    if (draft && note) {
      note.value = draft.value;
      if (typing && caret) {
        note.focus();
        note.setSelectionRange(caret[0], caret[1]);
      }
    }
  }

  /** Label, note and delete controls for one of the user's own annotations. */
  private editor(annotation: Annotation): HTMLElement {
    const form = element("div", "details-edit");

    const labelSelect = element("select", "details-label-select");
    for (const label of this.data.labels) {
      if (label.retired && label.key !== annotation.label) continue; // new spans cannot take a retired label
      labelSelect.append(new Option(label.name, label.key, false, label.key === annotation.label));
    }
    labelSelect.addEventListener("change", () => this.update(annotation, labelSelect.value, annotation.note));

    const note = element("textarea", "details-note");
    note.rows = 3;
    note.value = annotation.note ?? "";
    const save = element("button", "details-save", "Save note");
    save.type = "button";
    // Sent as typed: an empty note clears it (the server stores a blank note as none), whereas
    // null would mean "leave the note as it is".
    save.addEventListener("click", () => this.update(annotation, annotation.label, note.value));

    const remove = element("button", "details-delete", "Delete");
    remove.type = "button";
    remove.addEventListener("click", () => this.remove(annotation));

    const labelField = element("label", "", "Label ");
    labelField.append(labelSelect);
    const noteField = element("label", "", "Note ");
    noteField.append(note);
    form.append(labelField, noteField, save, remove);
    return form;
  }

  /** Approve and Reject (with a comment box) for a reviewer looking at someone else's submitted annotation. */
  private reviewControls(annotation: Annotation): HTMLElement {
    const box = element("div", "details-review");
    const approve = element("button", "details-approve primary", "Approve");
    approve.type = "button";
    approve.title = "Shift+A";
    approve.addEventListener("click", () => this.decide(annotation, "APPROVE", null));
    const reject = element("button", "details-reject-open", "Reject…");
    reject.type = "button";
    reject.title = "Shift+R";

    const form = element("div", "details-reject");
    form.hidden = true;
    const comment = element("textarea", "details-reject-comment");
    comment.rows = 2;
    comment.setAttribute("aria-label", "Why do you reject it? The author reads this comment.");
    comment.placeholder = "Why? The author reads this.";
    const confirm = element("button", "details-reject-confirm", "Reject");
    confirm.type = "button";
    const submit = (): void => {
      const text = comment.value.trim();
      if (text === "") {
        this.say("Say why you reject it: the author reads the comment.", "error");
        comment.focus();
        return;
      }
      this.decide(annotation, "REJECT", text);
    };
    confirm.addEventListener("click", submit);
    comment.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      } else if (event.key === "Escape") {
        event.preventDefault();
        form.hidden = true;
        this.pieces.get(annotation.id)?.[0].focus();
      }
    });
    reject.addEventListener("click", () => {
      form.hidden = false;
      comment.focus();
    });
    form.append(comment, element("span", "hint", "Enter rejects, Shift+Enter starts a new line, Esc cancels. "), confirm);
    box.append(approve, document.createTextNode(" "), reject, form);
    return box;
  }

  /** Shows a message in the status area, optionally with one action button (e.g. Undo). */
  private say(message: string, kind: "info" | "error" = "info", action?: StatusAction): void {
    const nodes: Node[] = [element("span", "status-message", message)];
    if (action) {
      const button = element("button", "status-action", action.text);
      button.type = "button";
      button.addEventListener("click", () => {
        button.disabled = true; // an action runs once
        action.run();
      }, { once: true });
      nodes.push(document.createTextNode(" "), button);
    }
    this.status.replaceChildren(...nodes);
    this.status.dataset.kind = kind;
  }
}

startWithPageData<GlossData>((data) => new Annotator(data).start());
