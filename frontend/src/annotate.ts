/**
 * Page controller for the Gloss annotator: wires the article page's DOM, keys and event stream to
 * the modules that do the work. highlights.ts draws the spans (spans.ts: order and lanes), words.ts
 * snaps selections to words and moves the keyboard caret, keys.ts maps keys to actions, details.ts
 * is the side panel, sending.ts the requests, statusLine.ts what the page says (and Undo).
 *
 * Others' changes arrive on the article's event stream and are drawn as they come, unless the
 * person is selecting text or typing in the details panel (live.ts decides what waits).
 *
 * No change moves an annotation's review silently: a change to an approved span is asked first
 * (it goes back to review), and a rejected span goes back to review only by its Resubmit button.
 */
import {
  type Activity, type Change, HeldChanges, LiveRecords, LiveStream, openWhileVisible, othersHere, parseRelationChange,
} from "./live.js";
import { LiveStatus } from "./liveStatus.js";
import { Overview } from "./overview.js";
import { DetailsPanel, type Viewer, whyNotDecide } from "./details.js";
import { Highlights } from "./highlights.js";
import { actionFor, type PageAction, type RelatingAction, relatingActionFor, shortcutMap } from "./keys.js";
import { TextOffsets } from "./offsets.js";
import { isTypingTarget, loginAgainLink, requireElement, startWithPageData } from "./page.js";
import { linkedPlace } from "./placeLink.js";
import { ApiError, OneAtATime, send, UNEXPECTED_ERROR } from "./requests.js";
import { drawable, Relating, relationsOf, targetsOf, typesBetween } from "./relate.js";
import { RelationArcs } from "./relationArcs.js";
import { RelationList } from "./relationList.js";
import { selectedText, utf16Position } from "./selection.js";
import { type NewAnnotation, pendingAnnotation, type Revision, Sending } from "./sending.js";
import { isDrawable, moveEdge, stepThrough, textOrder, type Edge } from "./spans.js";
import { doneSentence, StatusLine } from "./statusLine.js";
import { SuggestionBoxes } from "./suggestionBoxes.js";
import { SuggestionPanel } from "./suggestionPanel.js";
import { SuggestionSet } from "./suggestions.js";
import type { Annotation, Decision, Entity, Label, Relation, RelationType, ReviewRules, Suggestion } from "./types.js";
import { UNKNOWN_LABEL_COLOR } from "./colors.js";
import {
  type CodePointRange, previousWordEnd, previousWordStart, selectionWarning, snapToWords, wordAt, wordEnd,
} from "./words.js";

/** Contents of <script type="application/json" id="gloss-data">. */
interface GlossData {
  article: { id: number; projectId: number; text: string; length: number };
  labels: Label[];
  annotations: Annotation[];
  /** What may link two spans, and the relations between the article's spans. */
  relationTypes: RelationType[];
  relations: Relation[];
  me: { username: string; roles: string[] };
  csrf: string;
  canAnnotate: boolean;
  /** Why one who may not annotate here cannot (null when they can). */
  readOnly: string | null;
  /** Where the article's event stream starts: the page's annotations are as of this change. */
  cursor: string;
  reviewRules: ReviewRules;
}

const SHOW_OTHERS_KEY = "gloss.showOthers";
/** Events that come together (a replay after reconnecting) are drawn in one redraw. */
const CHANGES_DELAY_MS = 30;
/** How often changes held for the person are tried again, in case no event says they are done. */
const HELD_RETRY_MS = 500;

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
  private readonly shortcuts: Map<string, Label>;
  private readonly annotations = new Map<number, Annotation>();
  private readonly relations = new Map<number, Relation>();

  private readonly root = requireElement("annotator", HTMLElement);
  private readonly container = requireElement("article-text", HTMLElement);
  private readonly palette = requireElement("palette", HTMLElement);
  private readonly showOthers = requireElement("show-others", HTMLInputElement);
  private readonly help = requireElement("shortcuts-help", HTMLDialogElement);
  private readonly presence = requireElement("presence", HTMLElement);
  private readonly connection = requireElement("connection", HTMLElement);
  private readonly status = new StatusLine(requireElement("status", HTMLElement), requireElement("toast", HTMLElement));
  private readonly highlights: Highlights;
  private readonly details: DetailsPanel;
  private readonly sending: Sending;
  private readonly viewer: Viewer;
  private readonly overview: Overview;
  private readonly arcs: RelationArcs;
  private readonly relationList: RelationList;
  /** The editor's suggestions on the article (none for those who may not annotate here), drawn as dashed boxes. */
  private readonly suggestions = new SuggestionSet();
  private readonly suggestionBoxes: SuggestionBoxes;
  private readonly suggestionPanel: SuggestionPanel;
  /** The relation being made (`r`, or "Relate to…"), until it is sent or given up. */
  private relating: Relating | null = null;

  /** Others' changes (and the echo of one's own) from the event stream. */
  private readonly live = new LiveRecords<Annotation>(this.annotations, (annotation) => this.accept(annotation));
  /** Relations' changes: drawn at once, whatever the person is doing, since arcs are not part of the text. */
  private readonly liveRelations = new LiveRecords<Relation>(this.relations, (relation) => {
    this.relations.set(relation.id, relation);
    return true;
  });
  private readonly held = new HeldChanges<Annotation>();
  private readonly incoming: Change<Annotation>[] = [];
  private changesTimer: number | undefined;
  /** Where a mouse button or finger is down: in the text a selection may be starting, in the panel a click. */
  private pressed: Element | null = null;
  /** The text selection was made with Alt held: it is saved with exactly its characters, not snapped to words. */
  private exactSelection = false;

  private selectedId: number | null = null;
  /** The id of the next span drawn before the server has it (negative: never a stored one's). */
  private nextPendingId = -1;
  /** Set while a request is in flight, so a double click or key press cannot send it twice. */
  private readonly requests = new OneAtATime((message, kind) => this.say(message, kind), this.status,
    "Still saving the previous change…", loginAgainLink);

  constructor(private readonly data: GlossData) {
    this.offsets = new TextOffsets(data.article.text);
    if (this.offsets.codePointLength !== data.article.length) {
      console.warn(`Gloss: article length is ${data.article.length} but the text has ${this.offsets.codePointLength} code points`);
    }
    for (const label of data.labels) this.labels.set(label.key, label);
    this.shortcuts = shortcutMap(data.labels);
    for (const annotation of data.annotations) this.accept(annotation);
    for (const relation of data.relations) this.relations.set(relation.id, relation);
    this.viewer = { username: data.me.username, reviewer: data.me.roles.includes("reviewer"), canAnnotate: data.canAnnotate };
    this.sending = new Sending(data.csrf);
    this.highlights = new Highlights(this.container, this.offsets, {
      label: (key) => this.labels.get(key),
      isMine: (annotation) => this.isMine(annotation),
      selectedId: () => this.selectedId,
    });
    this.arcs = new RelationArcs(requireElement("text-frame", HTMLElement),
      document.getElementById("relation-arcs") as unknown as SVGSVGElement, this.container, {
        typeName: (key) => this.typeName(key),
        quote: (id) => this.annotations.get(id)?.quote ?? "…",
        isMine: (relation) => relation.author === data.me.username,
        selectedId: () => this.selectedId,
      });
    this.relationList = new RelationList(requireElement("relations", HTMLElement), data.me.username,
      (key) => this.typeName(key), (id) => this.annotations.get(id)?.quote ?? "…", {
        relate: () => this.startRelating(),
        choose: (type) => this.sendRelation(type),
        cancel: () => this.stopRelating("No relation made."),
        remove: (relation) => this.removeRelation(relation),
        select: (spanId) => this.reveal(spanId),
      });
    this.suggestionBoxes = new SuggestionBoxes(requireElement("text-frame", HTMLElement),
      requireElement("suggestion-layer", HTMLElement), this.container, {
        labelName: (key) => this.labelName(key),
        color: (key) => this.labels.get(key)?.color ?? UNKNOWN_LABEL_COLOR,
        range: (suggestion) => this.rangeOf(suggestion),
      });
    this.suggestionPanel = new SuggestionPanel(requireElement("suggestions", HTMLElement), (key) => this.labelName(key),
      (key) => this.labels.get(key)?.color ?? UNKNOWN_LABEL_COLOR, {
        acceptAll: (label) => this.acceptAllSuggestions(label),
        occurrences: (span, scope) => this.labelOccurrences(span, scope),
        first: () => this.stepSuggestion(1),
      });
    this.overview = new Overview(requireElement("overview", HTMLDetailsElement), (key) => this.labelName(key),
      (id) => this.reveal(id));
    this.details = new DetailsPanel(requireElement("details", HTMLElement), this.viewer, data.reviewRules, data.labels,
      (key) => this.labelName(key), (key) => this.labels.get(key)?.color ?? UNKNOWN_LABEL_COLOR, {
        relabel: (annotation, label) => this.relabel(annotation, label),
        saveNote: (annotation, note) => this.revise(annotation, { note }, "Saved"),
        remove: (annotation) => this.remove(annotation),
        resubmit: (annotation) => this.resubmit(annotation),
        decide: (annotation, decision, comment) => this.decide(annotation, decision, comment),
        refuse: (message) => this.say(message, "error"),
        backToText: (annotation) => this.highlights.first(annotation.id)?.focus(),
        searchEntities: (query) => this.searchEntities(query),
        link: (annotation, entityId) => this.link(annotation, entityId),
        newEntity: (annotation) => this.newEntity(annotation),
        saveAttributes: (annotation, attributes) =>
          this.guarded(annotation, "Changing its attributes", () => this.revise(annotation, { attributes }, "Saved")),
      });
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
    this.container.addEventListener("mouseup", (event) => this.onSelectionMade(event.altKey));
    document.addEventListener("keydown", (event) => this.onKeyDown(event));
    document.getElementById("help-button")?.addEventListener("click", () => this.toggleHelp());
    // The skip link: the text takes the focus, where the arrow keys select words.
    document.getElementById("skip-link")?.addEventListener("click", (event) => {
      event.preventDefault();
      this.container.focus();
      this.say("On the text: → and ← select a word, Shift+→ extends, then press a label's key.");
    });

    this.details.close();
    this.render();
    const linked = linkedPlace(window.location.hash);
    if (linked?.kind === "annotation") this.reveal(linked.id);
    else if (linked?.kind === "range") this.revealRange(linked);
    this.startLive();
    this.root.dataset.ready = "true";
    if (this.data.canAnnotate) void this.loadSuggestions();
  }

  // ---- Live changes -----------------------------------------------------------

  private startLive(): void {
    const article = `/api/articles/${this.data.article.id}`;
    const stream = new LiveStream({
      url: (after) => `${article}/events?after=${encodeURIComponent(after)}`,
      after: this.data.cursor,
      connect: typeof EventSource === "function" ? (url) => new EventSource(url) : null,
      onChange: (change) => this.receive(change as Change<Annotation>),
      on: { relation: (data) => this.receiveRelation(data) },
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

  private receiveRelation(data: string): void {
    const change = parseRelationChange<Relation>(data);
    if (!change) {
      console.warn("Gloss: a relation event the page does not understand", data);
      return;
    }
    if (this.liveRelations.applyRecord(change.type, change.relation)) this.drawRelations();
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
      if (selectedChanged && annotation) this.details.refresh(annotation);
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
    const panel = document.getElementById("details")!;
    const pressedIn = (element: HTMLElement): boolean => this.pressed !== null && element.contains(this.pressed);
    const selecting = pressedIn(this.container) || (selection !== null && !selection.isCollapsed
      && selection.rangeCount > 0 && selection.getRangeAt(0).intersectsNode(this.container));
    const focused = document.activeElement;
    const working = pressedIn(panel) || (isTypingTarget(focused) && panel.contains(focused));
    const editing = working ? this.details.shownId : null;
    return { selecting, editing };
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
    const first = this.highlights.first(id);
    if (!first) return;
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: "center" });
    this.select(id);
  }

  /** Selects a place of the text (a search hit) and scrolls it to the middle of the window: the selection is the highlight, and a label's key tags it. */
  private revealRange(range: CodePointRange): void {
    if (range.end > this.offsets.codePointLength) {
      this.say("The place this link points to is past the end of the text: the article may have changed.", "error");
      return;
    }
    this.selectCodePoints(range);
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    window.scrollBy({ top: rect.top + rect.height / 2 - window.innerHeight / 2 });
    this.say(this.data.canAnnotate ? "The search hit is selected: press a label's key to tag it." : "The search hit is selected.");
  }

  /** Stores an annotation from the page or the server, unless its offsets cannot be drawn. */
  private accept(annotation: Annotation): boolean {
    if (!isDrawable(annotation, this.offsets.codePointLength)) {
      console.warn(`Gloss: annotation ${annotation.id} has unusable offsets [${annotation.start}, ${annotation.end})`);
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

  private labelName(key: string): string {
    return this.labels.get(key)?.name ?? key;
  }

  private typeName(key: string): string {
    return this.data.relationTypes.find((type) => type.key === key)?.name ?? key;
  }

  // ---- Drawing and selecting ------------------------------------------------------

  /** Redraws the article text with every shown annotation. */
  private render(): void {
    const focusedId = this.focusedAnnotationId();
    const shown = [...this.annotations.values()].filter((annotation) => this.isShown(annotation));
    this.highlights.draw(shown);
    this.overview.update(shown);
    if (this.relating && !this.highlights.pieces.has(this.relating.source.id)) this.stopRelating("The span you were relating is gone.");
    if (this.selectedId !== null && !this.highlights.pieces.has(this.selectedId)) this.select(null);
    else this.drawRelations();
    if (focusedId !== null) this.highlights.first(focusedId)?.focus();
    this.drawSuggestions(); // their boxes stand on text nodes the redraw may have replaced
  }

  /** Draws the relations between the spans drawn, marks a relation in the making, and lists the selected span's. */
  private drawRelations(): void {
    this.arcs.show(drawable(this.relations.values(), this.highlights.pieces), this.highlights.pieces);
    for (const mark of this.container.querySelectorAll(".relate-source, .relate-target")) {
      mark.classList.remove("relate-source", "relate-target");
    }
    if (this.relating) {
      for (const mark of this.highlights.pieces.get(this.relating.source.id) ?? []) mark.classList.add("relate-source");
      const target = this.relating.target;
      for (const mark of target ? this.highlights.pieces.get(target.id) ?? [] : []) mark.classList.add("relate-target");
    }
    this.container.classList.toggle("relating", this.relating !== null);
    const annotation = this.selectedAnnotation();
    if (!annotation) {
      this.relationList.close();
      return;
    }
    const relating = this.relating?.source.id === annotation.id ? this.relating : null;
    this.relationList.show(annotation, relationsOf(annotation.id, this.relations.values()), this.canRelateFrom(annotation), relating);
  }

  /** Whether the viewer may start a relation at this span: an editor here, and some type starts from its label. */
  private canRelateFrom(annotation: Annotation): boolean {
    return this.data.canAnnotate && annotation.id > 0 && this.data.relationTypes.some((type) => type.from.includes(annotation.label));
  }

  /** The article text currently selected, in code points (see selection.ts), snapped to words unless made with Alt. */
  private selectedText(): { start: number; end: number; quote: string } | null {
    const selected = selectedText(this.container, this.offsets);
    if (!selected || this.exactSelection) return selected;
    const snapped = snapToWords(this.offsets, selected);
    return snapped && { ...snapped, quote: this.offsets.slice(snapped.start, snapped.end) };
  }

  /**
   * A mouse selection has been made: it is shown snapped to words (what a label key will save),
   * unless Alt was held, and one that is very long or crosses paragraphs is warned about.
   */
  private onSelectionMade(exact: boolean): void {
    const raw = selectedText(this.container, this.offsets);
    this.exactSelection = exact;
    if (!raw) return;
    const range = exact ? raw : snapToWords(this.offsets, raw);
    if (!range) return;
    if (range.start !== raw.start || range.end !== raw.end) this.selectCodePoints(range);
    const warning = selectionWarning(this.offsets, range);
    if (warning) this.say(warning, "error");
  }

  /** Selects the text of a code-point range (the keyboard caret, a snapped selection). */
  private selectCodePoints(range: CodePointRange): void {
    const { start, end } = this.offsets.rangeToUtf16(range.start, range.end);
    this.highlights.selectUtf16(start, end);
  }

  private focusedAnnotationId(): number | null {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || !this.container.contains(focused)) return null;
    return this.highlights.idOf(focused);
  }

  /** Marks an annotation as the selected one and shows it in the details panel (null: none). */
  private select(id: number | null): void {
    if (this.selectedId !== null) {
      for (const mark of this.highlights.pieces.get(this.selectedId) ?? []) mark.classList.remove("selected");
    }
    const annotation = id === null ? undefined : this.annotations.get(id);
    this.selectedId = annotation ? annotation.id : null;
    if (this.relating && this.relating.source.id !== this.selectedId) this.stopRelating(null);
    if (!annotation) {
      this.details.close();
      this.drawRelations();
      this.showSuggestionPanel();
      return;
    }
    for (const mark of this.highlights.pieces.get(annotation.id) ?? []) mark.classList.add("selected");
    this.details.show(annotation);
    this.drawRelations();
    this.showSuggestionPanel();
  }

  private selectedAnnotation(): Annotation | undefined {
    return this.selectedId === null ? undefined : this.annotations.get(this.selectedId);
  }

  /** Moves focus to the next (1) or previous (-1) drawn annotation in text order. */
  private step(direction: 1 | -1): void {
    const drawn = [...this.annotations.values()].filter((a) => this.highlights.pieces.has(a.id));
    const target = stepThrough(textOrder(drawn), this.focusedAnnotationId() ?? this.selectedId, direction);
    if (target === null) return;
    this.highlights.first(target)!.focus();
    this.select(target);
  }

  private onTextClick(event: MouseEvent): void {
    // A click that ends a drag selection is about the text, not a highlight.
    if (!(window.getSelection()?.isCollapsed ?? true)) return;
    const id = this.highlights.idOf(event.target);
    if (this.relating) {
      this.clickTarget(this.relating, id);
      return;
    }
    const suggestion = id === null ? this.suggestionAtPoint(event.clientX, event.clientY) : undefined;
    if (suggestion) {
      this.focusSuggestion(suggestion.id);
      return;
    }
    this.select(id);
  }

  /**
   * The keyboard caret: a selected word that the arrows move through the text, Shift+arrows grow or
   * shrink by a word; a label key then tags it, as it would a mouse selection.
   */
  private moveCaret(direction: 1 | -1, extend: boolean): void {
    const current = selectedText(this.container, this.offsets);
    const text = this.offsets;
    let next: CodePointRange | null;
    if (!current) {
      next = direction === 1 ? wordAt(text, 0) : wordAt(text, previousWordStart(text, text.codePointLength));
    } else if (extend) {
      const end = direction === 1 ? wordEnd(text, current.end) : previousWordEnd(text, current.end);
      next = end > current.start ? { start: current.start, end } : current;
    } else {
      next = direction === 1 ? wordAt(text, current.end) : wordAt(text, previousWordStart(text, current.start));
      if (next === null || (direction === -1 && next.start >= current.start)) next = current;
    }
    if (!next) return;
    this.exactSelection = false;
    this.selectCodePoints(next);
    const range = window.getSelection()?.getRangeAt(0);
    const box = range?.getBoundingClientRect();
    if (box && (box.top < 80 || box.bottom > window.innerHeight - 80)) {
      window.scrollBy({ top: box.top - window.innerHeight / 2 });
    }
    const warning = selectionWarning(text, next);
    this.say(warning ?? `Selected “${text.slice(next.start, next.end)}”: press a label's key to tag it, Shift+→ to extend.`,
      warning ? "error" : "info");
  }

  // ---- Keyboard -----------------------------------------------------------

  private toggleHelp(): void {
    if (this.help.open) this.help.close();
    else this.help.showModal();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (isTypingTarget(event.target)) return;
    if (this.help.open && event.key !== "?") return; // the modal help dialog handles its own keys
    const press = { key: event.key, shift: event.shiftKey, alt: event.altKey, ctrl: event.ctrlKey, meta: event.metaKey };
    if (this.relating) {
      const relatingAction = relatingActionFor(press);
      if (relatingAction) {
        event.preventDefault();
        if (!event.repeat || relatingAction.kind === "aim") this.performRelating(relatingAction);
      }
      return;
    }
    const focus = this.focusedAnnotationId() !== null ? "span"
      : this.focusedSuggestion() ? "suggestion"
        : document.activeElement === this.container ? "text" : "other";
    const action = actionFor(press, {
        reviewer: this.viewer.reviewer, focus, spanSelected: this.selectedId !== null,
        textSelected: selectedText(this.container, this.offsets) !== null, shortcuts: this.shortcuts,
      });
    if (!action) return;
    if (action.kind !== "escape") event.preventDefault();
    // Keys held down repeat moves, but not what changes or decides.
    if (event.repeat && !(action.kind === "step" || action.kind === "caret")) return;
    this.perform(action, event.target);
  }

  private perform(action: PageAction, target: EventTarget | null): void {
    switch (action.kind) {
      case "help":
        this.toggleHelp();
        return;
      case "decide":
        this.decideKey(action.decision);
        return;
      case "step":
        this.step(action.direction);
        return;
      case "escape":
        window.getSelection()?.removeAllRanges();
        if (this.focusedSuggestion()) this.container.focus({ preventScroll: true });
        this.select(null);
        return;
      case "open":
        this.select(this.highlights.idOf(target));
        return;
      case "delete":
        this.deleteSelected();
        return;
      case "relate":
        this.startRelating();
        return;
      case "label":
        this.applyLabel(action.label);
        return;
      case "moveEdge":
        this.moveSelectedEdge(action.edge, action.direction);
        return;
      case "caret":
        this.moveCaret(action.direction, action.extend);
        return;
      case "stepSuggestion":
        this.stepSuggestion(action.direction);
        return;
      case "acceptSuggestion":
        this.acceptSuggestion(action.label);
        return;
      case "rejectSuggestion":
        this.rejectSuggestion();
        return;
      case "occurrences": {
        const span = this.selectedAnnotation();
        if (span) this.labelOccurrences(span, action.scope);
        return;
      }
    }
  }

  // ---- Suggestions --------------------------------------------------------

  private async loadSuggestions(): Promise<void> {
    try {
      this.suggestions.replace(await this.sending.suggestions(this.data.article.id));
    } catch (error) {
      this.say(`Suggestions could not be loaded: ${error instanceof ApiError ? error.message : UNEXPECTED_ERROR}`, "error");
    }
    this.drawSuggestions();
    this.root.dataset.suggestions = "loaded";
  }

  private drawSuggestions(): void {
    if (!this.data.canAnnotate) return;
    this.suggestionBoxes.show(this.suggestions.ordered());
    this.showSuggestionPanel();
  }

  private showSuggestionPanel(): void {
    if (!this.data.canAnnotate) return;
    const span = this.selectedAnnotation();
    this.suggestionPanel.show(this.suggestions.countsByLabel(), span && span.id > 0 && this.isMine(span) ? span : null);
  }

  /** The DOM range of a suggestion's characters in the text as drawn now. */
  private rangeOf(suggestion: Suggestion): Range {
    const { start, end } = this.offsets.rangeToUtf16(suggestion.start, suggestion.end);
    const from = this.highlights.domPoint(start);
    const to = this.highlights.domPoint(end);
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /** The suggestion under a point of the screen, if the point is on the article's text. */
  private suggestionAtPoint(x: number, y: number): Suggestion | undefined {
    if (this.suggestions.size === 0) return undefined;
    const caret = document.caretPositionFromPoint?.(x, y);
    if (!caret || !this.container.contains(caret.offsetNode)) return undefined;
    const utf16 = utf16Position(this.container, caret.offsetNode, caret.offset);
    // The caret falls before or after the character clicked: whichever a suggestion covers.
    return this.suggestions.at(this.offsets.toCodePoint(utf16)) ?? this.suggestions.at(this.offsets.toCodePoint(utf16) - 1);
  }

  private focusedSuggestion(): Suggestion | undefined {
    const id = this.suggestionBoxes.idOf(document.activeElement);
    return id === null ? undefined : this.suggestions.get(id);
  }

  /** Focuses a suggestion, brings it into view and says what it is and what the keys do. */
  private focusSuggestion(id: number | null): void {
    const suggestion = id === null ? undefined : this.suggestions.get(id);
    if (!suggestion) {
      this.container.focus({ preventScroll: true });
      return;
    }
    this.suggestionBoxes.flush();
    const box = this.suggestionBoxes.element(suggestion.id);
    if (!box) return;
    box.focus({ preventScroll: true });
    box.firstElementChild?.scrollIntoView({ block: "nearest" });
    const key = this.labels.get(suggestion.label)?.shortcut;
    this.say(`Suggested ${this.labelName(suggestion.label)} “${suggestion.quote}”: Enter${key ? ` or ${key}` : ""} accepts, `
      + "x rejects, n goes on.");
  }

  private stepSuggestion(direction: 1 | -1): void {
    if (!this.data.canAnnotate) {
      this.say(this.data.readOnly ?? "");
      return;
    }
    if (this.suggestions.size === 0) {
      this.say("No suggestions on this article. Select one of your spans and press o to propose its label elsewhere.");
      return;
    }
    this.focusSuggestion(this.suggestions.step(this.focusedSuggestion()?.id ?? null, direction));
  }

  /** The suggestion to focus once `id` is decided: the next one, or the one before at the end. */
  private afterDeciding(id: number): number | null {
    const next = this.suggestions.step(id, 1);
    return next !== id ? next : this.suggestions.step(id, -1);
  }

  private acceptSuggestion(label: Label | null): void {
    const suggestion = this.focusedSuggestion();
    if (!suggestion) return;
    if (label && label.key !== suggestion.label) {
      this.say(`This suggestion is ${this.labelName(suggestion.label)}, not ${label.name}: Enter accepts it as it is, `
        + "x rejects it; then tag the text yourself.", "error");
      return;
    }
    const next = this.afterDeciding(suggestion.id);
    this.requests.run(async () => {
      const created = await this.sending.acceptSuggestion(suggestion.id);
      this.suggestions.remove(suggestion.id);
      this.suggestions.settle(created);
      if (this.accept(created)) this.render();
      this.focusSuggestion(next !== null && this.suggestions.get(next) ? next : null);
      this.say(`${doneSentence("Accepted", this.labelName(created.label), created.quote)} It goes to review like any span.`);
    });
  }

  private rejectSuggestion(): void {
    const suggestion = this.focusedSuggestion();
    if (!suggestion) return;
    const next = this.afterDeciding(suggestion.id);
    this.requests.run(async () => {
      await this.sending.rejectSuggestion(suggestion.id);
      this.suggestions.remove(suggestion.id);
      this.drawSuggestions();
      this.focusSuggestion(next);
      this.say(`Rejected the suggested ${this.labelName(suggestion.label)} “${suggestion.quote}”: it is not proposed to you again.`);
    });
  }

  private acceptAllSuggestions(label: string): void {
    this.requests.run(async () => {
      const created = await this.sending.acceptAllSuggestions(this.data.article.id, label);
      for (const annotation of created) {
        this.suggestions.settle(annotation);
        this.accept(annotation);
      }
      this.render();
      this.say(`Accepted ${created.length} suggested ${this.labelName(label)} span${created.length === 1 ? "" : "s"}: `
        + "they go to review like any span.");
    });
  }

  /** Proposes a span's label at the other whole-word occurrences of its quote, then shows the article's new suggestions. */
  private labelOccurrences(span: Annotation, scope: "article" | "project"): void {
    if (!this.data.canAnnotate || !this.isMine(span) || span.id < 0) {
      this.say(this.data.canAnnotate ? "Only your own spans' occurrences can be labelled from here." : this.data.readOnly ?? "");
      return;
    }
    this.requests.run(async () => {
      const before = this.suggestions.size;
      const created = await this.sending.labelOccurrences(span.id, scope);
      this.suggestions.replace(await this.sending.suggestions(this.data.article.id));
      this.drawSuggestions();
      const here = this.suggestions.size - before;
      const where = scope === "article" ? "in this article" : `in the project (${here} here)`;
      this.say(created === 0
        ? `No other occurrence of “${span.quote}” ${scope === "article" ? "in this article" : "in the project"} left to propose.`
        : `Proposed ${this.labelName(span.label)} at ${created} other occurrence${created === 1 ? "" : "s"} of “${span.quote}” `
          + `${where}: n goes through them.`);
    });
  }

  // ---- Relations ----------------------------------------------------------

  /** `r` or "Relate to…" on the selected span: its relation's target is picked with j/k or a click. */
  private startRelating(): void {
    const source = this.selectedAnnotation();
    if (!source) {
      this.say("Select the span a relation starts from first: click it, or press j.");
      return;
    }
    if (!this.data.canAnnotate) {
      this.say(this.data.readOnly ?? "");
      return;
    }
    const outgoing = this.data.relationTypes.filter((type) => type.from.includes(source.label));
    if (outgoing.length === 0) {
      this.say(`No relation type starts from spans labelled ${this.labelName(source.label)}; `
        + "an admin adds relation types on the labels page.", "error");
      return;
    }
    const drawn = [...this.annotations.values()].filter((a) => this.highlights.pieces.has(a.id));
    const targets = targetsOf(source, drawn, this.data.relationTypes);
    if (targets.length === 0) {
      const ends = [...new Set(outgoing.flatMap((type) => type.to))].map((key) => this.labelName(key)).join(" or ");
      this.say(`No span here that a relation from this ${this.labelName(source.label)} can point to: tag one as ${ends} first.`,
        "error");
      return;
    }
    this.relating = new Relating(source, targets, this.data.relationTypes);
    this.aimed();
  }

  private performRelating(action: RelatingAction): void {
    const relating = this.relating!;
    switch (action.kind) {
      case "aim":
        relating.step(action.direction);
        this.aimed();
        return;
      case "confirm":
        this.confirmTarget(relating);
        return;
      case "choose": {
        const type = relating.choices?.[action.index];
        if (type) this.sendRelation(type);
        return;
      }
      case "cancel":
        this.stopRelating("No relation made.");
        return;
    }
  }

  /** The target moved: it is marked and brought into view, and the status line says what Enter does. */
  private aimed(): void {
    const relating = this.relating!;
    this.drawRelations();
    const target = relating.target!;
    this.highlights.first(target.id)?.scrollIntoView({ block: "nearest" });
    this.say(`Relate “${relating.source.quote}” to “${target.quote}” (${this.labelName(target.label)}): Enter, `
      + "or j/k for another span, or click one; Esc gives up.");
  }

  private clickTarget(relating: Relating, id: number | null): void {
    if (id === null || id === relating.source.id) return;
    if (!relating.aim(id)) {
      const span = this.annotations.get(id);
      this.say(`A relation from this ${this.labelName(relating.source.label)} cannot point to a span labelled `
        + `${this.labelName(span?.label ?? "")}; click another, or press Esc.`, "error");
      return;
    }
    this.confirmTarget(relating);
  }

  /** The target is chosen: the relation is sent if one type fits, otherwise the types are offered by number. */
  private confirmTarget(relating: Relating): void {
    const fitting = relating.fitting();
    if (fitting.length === 1) {
      this.sendRelation(fitting[0]);
      return;
    }
    relating.choices = fitting;
    this.drawRelations();
    this.say(`Which relation? ${fitting.map((type, i) => `${i + 1}: ${type.name}`).join(", ")}.`);
  }

  private sendRelation(type: RelationType): void {
    const relating = this.relating;
    const target = relating?.target;
    if (!relating || !target || typesBetween([type], relating.source.label, target.label).length === 0) return;
    this.stopRelating(null);
    this.requests.run(async () => {
      const created = await this.sending.relate(type.key, relating.source.id, target.id);
      this.liveRelations.applyRecord("created", created);
      this.drawRelations();
      this.say(`Related “${relating.source.quote}” ${type.name} “${target.quote}”.`);
    });
  }

  /** Gives up the relation being made, saying so (null: silently, the person moved on). */
  private stopRelating(sentence: string | null): void {
    if (!this.relating) return;
    this.relating = null;
    this.drawRelations();
    if (sentence) this.say(sentence);
  }

  private removeRelation(relation: Relation): void {
    this.requests.run(async () => {
      await this.sending.removeRelation(relation);
      this.liveRelations.remove(relation.id);
      this.drawRelations();
      this.say(`Deleted the relation ${this.typeName(relation.type)} “${this.annotations.get(relation.toId)?.quote ?? "…"}”.`);
    });
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
      this.relabel(annotation, label.key);
      return;
    }
    this.say("Select some text first: drag over it, or focus the text (Skip to the text) and move with the arrow keys.");
  }

  private decideKey(decision: Decision): void {
    const annotation = this.selectedAnnotation();
    if (!annotation) {
      this.say("Select an annotation first: click it, or press j.");
      return;
    }
    const why = whyNotDecide(annotation, this.viewer, this.data.reviewRules);
    if (why) this.say(why, "error");
    else if (decision === "APPROVE") this.decide(annotation, "APPROVE", null);
    else this.details.openRejectBox();
  }

  private decide(annotation: Annotation, decision: Decision, comment: string | null): void {
    this.requests.run(async () => {
      const decided = await this.sending.decide(annotation, decision, comment);
      if (this.accept(decided)) {
        this.render(); // data-status and the title follow the new status
        // Only if it is still the one selected: the reviewer may have moved on, even be typing
        // the next rejection's comment, while this answer was on its way.
        if (this.selectedId === decided.id) {
          this.details.show(decided);
          this.highlights.first(decided.id)?.focus();
        }
      }
      this.say(doneSentence(decision === "APPROVE" ? "Approved" : "Rejected", this.labelName(decided.label), decided.quote));
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
      // Drawn at once, faded and dotted, while the server stores it: the key shows its effect without
      // waiting for the round trip (and a durable commit); taken away again if it is refused.
      const pending = pendingAnnotation(body, this.data.me.username, this.nextPendingId--);
      const drawn = this.accept(pending);
      if (drawn) this.render();
      let created: Annotation;
      try {
        created = await this.sending.create(body);
      } catch (error) {
        if (drawn && this.annotations.delete(pending.id)) this.render();
        throw error;
      }
      if (drawn) this.annotations.delete(pending.id); // the stored span takes its place in the next render
      this.suggestions.settle(created);
      // Clear the selection only if it is still the span just saved, not the next one begun meanwhile.
      const selected = this.selectedText();
      if (selected?.start === created.start && selected.end === created.end) window.getSelection()?.removeAllRanges();
      if (this.accept(created)) {
        this.render();
        this.select(created.id);
        if (document.activeElement === this.container || document.activeElement === document.body) {
          this.highlights.first(created.id)?.focus({ preventScroll: true });
        }
      } else if (drawn) {
        this.render();
      }
      this.say(doneSentence(verb, this.labelName(created.label), created.quote));
    });
  }

  /**
   * Runs a change of one's own annotation; one that is approved goes back to review, so the panel
   * asks first ("Change it" / "Keep it").
   */
  private guarded(annotation: Annotation, what: string, change: () => void): void {
    if (annotation.status !== "APPROVED") {
      change();
      return;
    }
    if (this.selectedId !== annotation.id) this.select(annotation.id);
    const question = `This span is approved. ${what} sends it back to review: change it?`;
    if (!this.details.confirm(annotation, question, change, () => this.details.show(annotation))) change();
    else this.say(question);
  }

  private relabel(annotation: Annotation, label: string): void {
    if (annotation.label === label) return;
    this.guarded(annotation, `Changing its label to ${this.labelName(label)}`, () => {
      const before = annotation.label;
      this.revise(annotation, { label }, "Relabelled", (updated) => ({
        text: "Undo",
        run: () => this.revise(this.annotations.get(updated.id) ?? updated, { label: before }, "Label back to"),
      }));
    });
  }

  /** The project's entities near the query; a refusal is said, and nothing offered. */
  private async searchEntities(query: string): Promise<Entity[]> {
    try {
      return await this.sending.entities(this.data.article.projectId, query);
    } catch (error) {
      this.say(error instanceof ApiError ? error.message : UNEXPECTED_ERROR, "error");
      return [];
    }
  }

  /** Links the span to an entity, or unlinks it (null). */
  private link(annotation: Annotation, entityId: number | null): void {
    this.guarded(annotation, entityId === null ? "Unlinking it" : "Linking it", () =>
      this.revise(annotation, { entityId }, entityId === null ? "Unlinked" : "Linked"));
  }

  /** A new entity named as the span (or the one of that name there already), linked to it. */
  private newEntity(annotation: Annotation): void {
    this.guarded(annotation, "Linking it", () => {
      this.requests.run(async () => {
        const entityId = await this.sending.entityFor(this.data.article.projectId, annotation.quote, annotation.label);
        const updated = await this.sending.revise(annotation, { entityId });
        this.redrawWith(updated);
        this.say(doneSentence("Linked", this.labelName(updated.label), updated.quote));
      });
    });
  }

  private moveSelectedEdge(edge: Edge, direction: 1 | -1): void {
    const annotation = this.selectedAnnotation();
    if (!annotation) return;
    if (!this.isMine(annotation) || !this.data.canAnnotate) {
      this.say(this.data.canAnnotate ? "You can only change your own annotations." : this.data.readOnly ?? "");
      return;
    }
    const moved = moveEdge(this.offsets, annotation, edge, direction);
    if (!moved) {
      this.say(`Its ${edge} cannot move further that way.`);
      return;
    }
    this.guarded(annotation, "Moving its boundaries", () => {
      this.revise(annotation, { ...moved, quote: this.offsets.slice(moved.start, moved.end) }, "Resized");
    });
  }

  /** Saves a revision (never resubmits: a rejected span stays rejected until its Resubmit button). */
  private revise(annotation: Annotation, revision: Revision, verb: string,
    undo?: (updated: Annotation) => { text: string; run: () => void }): void {
    this.requests.run(async () => {
      const updated = await this.sending.revise(annotation, revision);
      this.redrawWith(updated);
      const sentence = doneSentence(verb, this.labelName(updated.label), updated.quote);
      if (undo) this.status.offer(sentence, undo(updated));
      else this.say(sentence);
    });
  }

  private resubmit(annotation: Annotation): void {
    this.requests.run(async () => {
      const updated = await this.sending.revise(annotation, {}, true);
      this.redrawWith(updated);
      this.say(doneSentence("Resubmitted", this.labelName(updated.label), updated.quote));
    });
  }

  private redrawWith(updated: Annotation): void {
    if (!this.accept(updated)) return;
    this.render();
    if (this.selectedId === updated.id) this.details.show(updated);
  }

  private remove(annotation: Annotation): void {
    this.requests.run(async () => {
      await this.sending.remove(annotation);
      this.live.remove(annotation.id);
      this.render(); // also deselects it, as it is no longer drawn
      const { articleId, label, start, end, quote, note } = annotation;
      this.status.offer(doneSentence("Deleted", this.labelName(label), quote), {
        text: "Undo",
        // Undo re-creates the annotation; it gets a new id and goes back to review.
        run: () => this.create({ articleId, label, start, end, quote, note }, "Restored"),
      });
    });
  }

  private say(message: string, kind: "info" | "error" = "info"): void {
    this.status.say(message, kind);
  }
}

startWithPageData<GlossData>((data) => new Annotator(data).start());
