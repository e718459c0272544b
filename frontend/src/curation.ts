/**
 * Page controller for the curation page (/articles/{id}/curation): draws the article's units over
 * its text, shows the current unit's lanes side by side (one per annotator), and sends the
 * curator's keys to POST /api/articles/{id}/curation (or …/curation/auto). What each key sends is
 * decided in curationLanes.ts; this module wires the DOM. No live updates: the units are those of
 * the page load and of the last answer.
 */
import { TextOffsets } from "./offsets.js";
import { layoutTree, type LayoutNode } from "./layout.js";
import { element, isTypingTarget, loginAgainLink, requireElement, startWithPageData } from "./page.js";
import { step } from "./queue.js";
import { OneAtATime, send } from "./requests.js";
import { selectedText } from "./selection.js";
import {
  acceptLane, type Curation, type CurationBody, draw, emptyText, type Lane, lanes, type Outcome, reject, sameUnit, summary, type Unit,
} from "./curationLanes.js";

interface Label {
  key: string;
  name: string;
  color: string;
  shortcut: string | null;
}

/** Contents of <script type="application/json" id="gloss-data">. */
interface GlossData {
  article: { id: number; text: string };
  labels: Label[];
  curation: Curation;
  username: string;
  csrf: string;
}

const STATE_NAMES: Record<string, string> = { AGREED: "Agreed", DISPUTED: "Disputed", CURATED: "Curated" };

class Curator {
  private readonly root = requireElement("curator", HTMLElement);
  private readonly container = requireElement("article-text", HTMLElement);
  private readonly panel = requireElement("unit-panel", HTMLElement);
  private readonly status = requireElement("status", HTMLElement);
  private readonly summary = requireElement("curation-summary", HTMLElement);
  private readonly annotatorsLine = requireElement("curation-annotators", HTMLElement);
  private readonly empty = requireElement("curation-empty", HTMLElement);
  private readonly acceptAgreed = requireElement("accept-agreed", HTMLButtonElement);
  private readonly help = requireElement("shortcuts-help", HTMLDialogElement);
  private readonly offsets: TextOffsets;
  private readonly labels = new Map<string, Label>();
  private readonly shortcuts = new Map<string, Label>();
  private readonly requests = new OneAtATime((message, kind) => this.say(message, kind), this.status,
    "Still sending the last decision…", loginAgainLink);
  private curation: Curation;
  private current = 0;
  private rejectBox: HTMLFormElement | null = null;

  constructor(private readonly data: GlossData) {
    this.offsets = new TextOffsets(data.article.text);
    this.curation = data.curation;
    for (const label of data.labels) {
      this.labels.set(label.key, label);
      if (label.shortcut) this.shortcuts.set(label.shortcut.toLowerCase(), label);
    }
    document.addEventListener("keydown", (event) => this.onKeyDown(event));
    this.acceptAgreed.addEventListener("click", () => this.acceptAllAgreed());
    requireElement("help-button", HTMLButtonElement).addEventListener("click", () => this.toggleHelp());
    this.container.addEventListener("click", (event) => {
      const mark = event.target instanceof Element ? event.target.closest<HTMLElement>("mark.unit") : null;
      if (mark && (window.getSelection()?.isCollapsed ?? true)) this.show(Number(mark.dataset.unit));
    });
    this.render();
    this.root.dataset.ready = "true";
  }

  private get units(): Unit[] {
    return this.curation.units;
  }

  private say(message: string, kind: "info" | "error" = "info"): void {
    this.status.textContent = message;
    this.status.dataset.kind = kind;
  }

  // ---- Drawing ----------------------------------------------------------

  private render(): void {
    const spans = this.units.map((unit, id) => ({ id, ...this.offsets.rangeToUtf16(unit.start, unit.end) }));
    const fragment = document.createDocumentFragment();
    this.appendNodes(fragment, layoutTree(this.offsets.utf16Length, spans));
    this.container.replaceChildren(fragment);
    this.summary.textContent = summary(this.units);
    this.annotatorsLine.textContent = this.curation.annotators.length
      ? `Annotators: ${this.curation.annotators.join(", ")}` : "";
    const agreed = this.units.some((unit) => unit.state === "AGREED");
    this.acceptAgreed.disabled = !agreed;
    const empty = emptyText(this.curation);
    this.empty.textContent = empty;
    this.empty.hidden = empty === "";
    this.show(Math.min(this.current, Math.max(0, this.units.length - 1)));
  }

  private appendNodes(parent: Node, nodes: LayoutNode[]): void {
    for (const node of nodes) {
      if (node.kind === "text") {
        parent.appendChild(document.createTextNode(this.offsets.text.slice(node.from, node.to)));
        continue;
      }
      const unit = this.units[node.id];
      const mark = element("mark", `unit state-${unit.state.toLowerCase()}`);
      mark.classList.toggle("hl-start", node.first);
      mark.classList.toggle("hl-end", node.last);
      mark.dataset.unit = String(node.id);
      mark.dataset.state = unit.state;
      mark.title = `${STATE_NAMES[unit.state]}: ${unit.candidates.map((c) => this.labelName(c.label)).join(", ")}`;
      this.appendNodes(mark, node.children);
      parent.appendChild(mark);
    }
  }

  /** Makes unit `index` the current one: marked in the text, its lanes in the panel. */
  private show(index: number): void {
    this.closeRejectBox();
    this.current = index;
    for (const mark of this.container.querySelectorAll<HTMLElement>("mark.unit")) {
      mark.classList.toggle("current", Number(mark.dataset.unit) === index);
    }
    const unit = this.units[index];
    if (!unit) {
      this.panel.hidden = true;
      return;
    }
    this.container.querySelector<HTMLElement>(`mark.unit[data-unit="${index}"]`)?.scrollIntoView({ block: "nearest" });
    const heading = element("h2", "unit-heading", `Unit ${index + 1} of ${this.units.length}: `);
    heading.append(element("span", `unit-state state-${unit.state.toLowerCase()}`, STATE_NAMES[unit.state]));
    const quote = element("p", "unit-quote", `“${this.offsets.slice(unit.start, unit.end)}”`);
    const lanesBox = element("div", "lanes");
    lanes(unit, this.curation.annotators).forEach((lane, i) => lanesBox.append(this.laneElement(lane, i)));
    this.panel.replaceChildren(heading, quote, lanesBox);
    this.panel.dataset.unit = String(index);
    this.panel.dataset.state = unit.state;
    this.panel.hidden = false;
  }

  private laneElement(lane: Lane, index: number): HTMLElement {
    const box = element("div", "lane");
    box.dataset.annotator = lane.annotator;
    const title = element("h3", "lane-title");
    if (index < 9) title.append(element("kbd", "", String(index + 1)), " ");
    title.append(lane.annotator + (lane.annotator === this.data.username ? " (you)" : ""));
    box.append(title);
    if (lane.candidates.length === 0) box.append(element("p", "empty", "No span"));
    for (const candidate of lane.candidates) {
      const item = element("p", "candidate");
      item.classList.toggle("accepted", candidate.accepted);
      const chip = element("span", "chip", this.labelName(candidate.label));
      chip.style.setProperty("--label-color", this.labels.get(candidate.label)?.color ?? "#888888");
      const status = candidate.annotations.find((given) => given.author === lane.annotator)?.status ?? "";
      item.append(chip, ` “${this.offsets.slice(candidate.start, candidate.end)}” `,
        element("small", "hint", status.toLowerCase()));
      box.append(item);
    }
    return box;
  }

  private labelName(key: string): string {
    return this.labels.get(key)?.name ?? key;
  }

  // ---- Keys -------------------------------------------------------------

  private toggleHelp(): void {
    if (this.help.open) this.help.close();
    else this.help.showModal();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    if (event.key === "?") {
      event.preventDefault();
      this.toggleHelp();
      return;
    }
    if (this.help.open) return;
    if (event.shiftKey && event.key === "A") {
      event.preventDefault();
      if (!event.repeat) this.acceptAllAgreed();
      return;
    }
    const text = selectedText(this.container, this.offsets);
    const label = text ? this.shortcuts.get(event.key.toLowerCase()) : undefined;
    if (text && label) {
      event.preventDefault();
      if (!event.repeat) this.send(draw(this.units, { label: label.key, ...text }, this.data.username));
      return;
    }
    if (event.shiftKey) return; // Shift+arrows extend a selection
    const unit = this.units[this.current];
    if (event.key === "j" || event.key === "ArrowDown" || event.key === "k" || event.key === "ArrowUp") {
      event.preventDefault();
      const forward = event.key === "j" || event.key === "ArrowDown";
      if (this.units.length) this.show(step(this.current, forward ? 1 : -1, this.units.length));
    } else if (/^[1-9]$/.test(event.key) && unit) {
      event.preventDefault();
      const lane = lanes(unit, this.curation.annotators)[Number(event.key) - 1];
      if (!event.repeat) this.send(lane ? acceptLane(unit, lane, this.data.username) : { refused: `No lane ${event.key} here.` });
    } else if (event.key === "x" && unit) {
      event.preventDefault();
      this.openRejectBox(unit);
    } else if (event.key === "Escape") {
      this.closeRejectBox();
    }
  }

  /** x: a comment box in the panel; Enter rejects every open span of the unit with it. */
  private openRejectBox(unit: Unit): void {
    this.closeRejectBox();
    const form = element("form", "details-reject");
    const input = element("input", "");
    input.type = "text";
    input.id = "reject-comment";
    input.required = true;
    input.value = "Not a span: rejected in curation.";
    input.setAttribute("aria-label", "Why reject the unit's spans");
    form.append(element("label", "", "Why reject them (the authors read it)"), input, element("button", "", "Reject"));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.send(reject(unit, this.data.username, input.value));
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.closeRejectBox();
    });
    this.panel.append(form);
    this.rejectBox = form;
    input.focus();
    input.select();
  }

  private closeRejectBox(): void {
    this.rejectBox?.remove();
    this.rejectBox = null;
  }

  // ---- Requests ---------------------------------------------------------

  private send(outcome: Outcome): void {
    if ("refused" in outcome) {
      this.say(outcome.refused, "error");
      return;
    }
    const body: CurationBody = outcome.body;
    const shown = this.units[this.current];
    void this.requests.run(async () => {
      const response = await send(this.data.csrf, "POST", `/api/articles/${this.data.article.id}/curation`, body);
      const answer = (await response.json()) as Curation & { drawn: { id: number } | null };
      this.replace(answer, shown);
      this.say(answer.drawn
        ? `Your span was saved (${answer.drawn.id}); it waits for another reviewer. ${body.reject.length} rejected.`
        : `Accepted ${body.accept.length}, rejected ${body.reject.length}.`);
    });
  }

  private acceptAllAgreed(): void {
    const shown = this.units[this.current];
    void this.requests.run(async () => {
      const url = `/api/articles/${this.data.article.id}/curation`;
      const auto = (await (await send(this.data.csrf, "POST", `${url}/auto`)).json()) as {
        accepted: number; skipped: { start: number; end: number; message: string }[];
      };
      this.replace((await (await send(this.data.csrf, "GET", url)).json()) as Curation, shown);
      const skipped = auto.skipped.map((s) => `“${this.offsets.slice(s.start, s.end)}”: ${s.message}`);
      this.say(`Accepted ${auto.accepted} agreed unit${auto.accepted === 1 ? "" : "s"}.`
        + (skipped.length ? ` Skipped ${skipped.length}: ${skipped.join(" ")}` : ""));
    });
  }

  private replace(curation: Curation, shown: Unit | undefined): void {
    this.curation = { annotators: curation.annotators, units: curation.units, assigned: curation.assigned };
    window.getSelection()?.removeAllRanges();
    this.current = sameUnit(this.units, shown);
    this.render();
  }
}

startWithPageData<GlossData>((data) => new Curator(data));
