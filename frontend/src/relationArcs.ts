/**
 * Draws the article's relations as arcs in an SVG laid over the text (arcs.ts places them), each a
 * `g[data-relation-id]` whose title names its type and ends (read on hover). The arcs near the
 * screen are drawn in the frame that draws the text; the rest follow while the browser is idle, a
 * batch at a time, because measuring a span far down lays out its block of text, which the browser
 * otherwise skips until it scrolls near (content-visibility). A block changing size (laid out at
 * last, the window resized) draws them all again where the text now is.
 */
import { arcLevels, arcShape, type ArcEnds } from "./arcs.js";
import type { Relation } from "./types.js";

const SVG = "http://www.w3.org/2000/svg";
/** Blocks within this many screen heights above or below the screen are drawn in the first frame. */
const NEAR_SCREENS = 1;
/** Relations measured per idle callback once the near ones are drawn. */
const IDLE_BATCH = 150;

/** How each arc looks besides its place: its type's name, its ends' quotes, whose it is, whether the selected span is an end. */
export interface ArcLook {
  typeName(key: string): string;
  quote(spanId: number): string;
  isMine(relation: Relation): boolean;
  selectedId(): number | null;
}

const idle: (run: () => void) => void = typeof requestIdleCallback === "function"
  ? (run) => void requestIdleCallback(run, { timeout: 500 })
  : (run) => void setTimeout(run, 16);

export class RelationArcs {
  private relations: Relation[] = [];
  private pieces: ReadonlyMap<number, HTMLElement[]> = new Map();
  private frameRequested = false;
  /** Bumped by every new drawing, so that the idle batches of an older one stop. */
  private generation = 0;

  constructor(private readonly frame: HTMLElement, private readonly svg: SVGSVGElement, private readonly text: HTMLElement,
    private readonly look: ArcLook) {
    new ResizeObserver(() => this.request()).observe(text);
  }

  /** The relations to draw and the highlights they join (Highlights.pieces), after a redraw of either. */
  show(relations: readonly Relation[], pieces: ReadonlyMap<number, HTMLElement[]>): void {
    this.relations = [...relations];
    this.pieces = pieces;
    this.request();
  }

  /** Draws in the next frame, once however often asked. */
  private request(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.draw();
    });
  }

  /** The near arcs now, then the others in idle batches; each batch draws every arc measured so far (their heights depend on each other). */
  private draw(): void {
    const generation = ++this.generation;
    const near = this.nearBlocks();
    const first: Relation[] = [];
    const later: Relation[] = [];
    for (const relation of this.relations) {
      const from = this.pieces.get(relation.fromId)?.[0];
      const to = this.pieces.get(relation.toId)?.[0];
      if (!from || !to) continue;
      (isNear(from, near) || isNear(to, near) ? first : later).push(relation);
    }
    const measured: Array<[Relation, ArcEnds]> = [];
    const measure = (batch: readonly Relation[]): void => {
      const origin = this.frame.getBoundingClientRect();
      for (const relation of batch) {
        measured.push([relation, {
          id: relation.id,
          from: topMiddle(this.pieces.get(relation.fromId)![0], origin),
          to: topMiddle(this.pieces.get(relation.toId)![0], origin),
        }]);
      }
      this.render(measured, later.length === 0);
    };
    measure(first);
    const next = (): void => {
      if (generation !== this.generation) return;
      measure(later.splice(0, IDLE_BATCH));
      if (later.length > 0) idle(next);
    };
    if (later.length > 0) idle(next);
  }

  private render(measured: ReadonlyArray<[Relation, ArcEnds]>, complete: boolean): void {
    const levels = arcLevels(measured.map(([, ends]) => ends));
    const arcs = measured.map(([relation, ends]) => this.arc(relation, ends, levels.get(relation.id) ?? 0));
    this.svg.querySelector("g.arcs")!.replaceChildren(...arcs);
    this.svg.dataset.drawn = String(arcs.length);
    this.svg.dataset.complete = String(complete);
  }

  /** The blocks of text on or near the screen. */
  private nearBlocks(): Set<HTMLElement> {
    const near = new Set<HTMLElement>();
    const margin = window.innerHeight * NEAR_SCREENS;
    for (const block of this.text.children) {
      const box = block.getBoundingClientRect();
      if (box.bottom >= -margin && box.top <= window.innerHeight + margin) near.add(block as HTMLElement);
    }
    return near;
  }

  private arc(relation: Relation, ends: ArcEnds, level: number): SVGGElement {
    const { path, label } = arcShape(ends, level);
    const group = document.createElementNS(SVG, "g");
    const selected = this.look.selectedId();
    group.setAttribute("class", ["arc", this.look.isMine(relation) ? "mine" : "others",
      selected !== null && (relation.fromId === selected || relation.toId === selected) ? "touching" : ""].join(" ").trim());
    group.dataset.relationId = String(relation.id);
    group.dataset.status = relation.status;
    const type = this.look.typeName(relation.type);
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${type}: “${this.look.quote(relation.fromId)}” → “${this.look.quote(relation.toId)}”`;
    const line = document.createElementNS(SVG, "path");
    line.setAttribute("d", path);
    line.setAttribute("marker-end", "url(#arc-head)");
    const name = document.createElementNS(SVG, "text");
    name.setAttribute("x", String(Math.round(label.x)));
    name.setAttribute("y", String(Math.round(label.y)));
    name.textContent = type;
    group.append(title, line, name);
    return group;
  }
}

/** Whether the highlight lies in one of the blocks near the screen. */
function isNear(mark: HTMLElement, near: ReadonlySet<HTMLElement>): boolean {
  const block = mark.closest<HTMLElement>(".chunk");
  return block !== null && near.has(block);
}

/** The top middle of a highlight's first line box, relative to the frame. */
function topMiddle(mark: HTMLElement, origin: DOMRect): { x: number; y: number } {
  const line = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
  return { x: line.left + line.width / 2 - origin.left, y: line.top - origin.top };
}
