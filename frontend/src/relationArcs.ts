/**
 * Draws the article's relations as arcs in an SVG laid over the text (arcs.ts places them), each a
 * `g[data-relation-id]` whose title names its type and ends (read on hover). The arcs near the
 * screen are drawn in the frame that draws the text; the rest follow while the browser is idle, a
 * batch at a time, because measuring a span far down lays out its block of text, which the browser
 * otherwise skips until it scrolls near (content-visibility). A block changing size (laid out at
 * last, the window resized) draws them all again where the text now is.
 */
import { arcLevels, arcShape, type ArcEnds } from "./arcs.js";
import { NextFrame } from "./nextFrame.js";
import type { Relation } from "./types.js";

const SVG = "http://www.w3.org/2000/svg";
/** Blocks within this many screen heights above or below the screen are drawn in the first frame. */
const NEAR_SCREENS = 1;
/** Milliseconds of an idle period left to the browser: a batch stops measuring when less remains. */
const IDLE_SPARE_MS = 2;

/** How each arc looks besides its place: its type's name, its ends' quotes, whose it is, whether the selected span is an end. */
export interface ArcLook {
  typeName(key: string): string;
  quote(spanId: number): string;
  isMine(relation: Relation): boolean;
  selectedId(): number | null;
}

/** Runs `run` when the browser is idle, with the milliseconds it may take. */
const idle: (run: (remaining: () => number) => void) => void = typeof requestIdleCallback === "function"
  ? (run) => void requestIdleCallback((deadline) => run(() => deadline.timeRemaining()), { timeout: 500 })
  : (run) => void setTimeout(() => {
    const until = performance.now() + 10;
    run(() => until - performance.now());
  }, 16);

export class RelationArcs {
  private relations: Relation[] = [];
  private pieces: ReadonlyMap<number, HTMLElement[]> = new Map();
  private readonly nextFrame = new NextFrame(() => this.draw());
  /** The arcs drawn, by relation id. */
  private arcs = new Map<number, SVGGElement>();
  /** Bumped by every new drawing, so that the idle batches of an older one stop. */
  private generation = 0;

  constructor(private readonly frame: HTMLElement, private readonly svg: SVGSVGElement, private readonly text: HTMLElement,
    private readonly look: ArcLook) {
    new ResizeObserver(() => this.nextFrame.request()).observe(text);
  }

  /** The relations to draw and the highlights they join (Highlights.pieces), after a redraw of either. */
  show(relations: readonly Relation[], pieces: ReadonlyMap<number, HTMLElement[]>): void {
    this.relations = [...relations];
    this.pieces = pieces;
    this.nextFrame.request();
  }


  /**
   * The near arcs now, then the others in idle batches, each as many as the idle period allows (a
   * measurement far down may lay out a block, so this never holds up scrolling or typing); the
   * last one draws them all with the near ones again, since their heights depend on each other.
   */
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
    // Read again before each batch: the page may have scrolled in between.
    let origin = this.frame.getBoundingClientRect();
    const measure = (relation: Relation): void => {
      measured.push([relation, {
        id: relation.id,
        from: topMiddle(this.pieces.get(relation.fromId)![0], origin),
        to: topMiddle(this.pieces.get(relation.toId)![0], origin),
      }]);
    };
    first.forEach(measure);
    const drawable = new Set([...first, ...later].map((relation) => relation.id));
    this.render(measured, drawable, later.length === 0);
    let next = 0;
    const batch = (remaining: () => number): void => {
      if (generation !== this.generation) return;
      origin = this.frame.getBoundingClientRect();
      do measure(later[next++]); while (next < later.length && remaining() > IDLE_SPARE_MS);
      if (next < later.length) idle(batch);
      else this.render(measured, drawable, true);
    };
    if (later.length > 0) idle(batch);
  }

  /**
   * Draws the measured arcs, changing only what moved (most redraws, say for a new span elsewhere,
   * move none); arcs of relations no longer drawable go, the others not measured yet stay as they were.
   */
  private render(measured: ReadonlyArray<[Relation, ArcEnds]>, drawable: ReadonlySet<number>, complete: boolean): void {
    const levels = arcLevels(measured.map(([, ends]) => ends));
    const group = this.svg.querySelector("g.arcs")!;
    for (const [id, arc] of this.arcs) {
      if (drawable.has(id)) continue;
      arc.remove();
      this.arcs.delete(id);
    }
    for (const [relation, ends] of measured) {
      let arc = this.arcs.get(relation.id);
      if (!arc) {
        arc = this.newArc(group);
        this.arcs.set(relation.id, arc);
      }
      this.place(arc, relation, ends, levels.get(relation.id) ?? 0);
    }
    this.svg.dataset.drawn = String(this.arcs.size);
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

  private newArc(group: Element): SVGGElement {
    const arc = document.createElementNS(SVG, "g");
    const line = document.createElementNS(SVG, "path");
    line.setAttribute("marker-end", "url(#arc-head)");
    arc.append(document.createElementNS(SVG, "title"), line, document.createElementNS(SVG, "text"));
    group.append(arc);
    return arc;
  }

  /** Sets what an arc shows; attributes are written only when they change, so an arc that did not move is not painted again. */
  private place(arc: SVGGElement, relation: Relation, ends: ArcEnds, level: number): void {
    const { path, label } = arcShape(ends, level);
    const selected = this.look.selectedId();
    const type = this.look.typeName(relation.type);
    const [title, line, name] = arc.children as unknown as [SVGTitleElement, SVGPathElement, SVGTextElement];
    set(arc, "class", ["arc", this.look.isMine(relation) ? "mine" : "others",
      selected !== null && (relation.fromId === selected || relation.toId === selected) ? "touching" : ""].join(" ").trim());
    set(arc, "data-relation-id", String(relation.id));
    set(arc, "data-status", relation.status);
    const tip = `${type}: “${this.look.quote(relation.fromId)}” → “${this.look.quote(relation.toId)}”`;
    if (title.textContent !== tip) title.textContent = tip;
    set(line, "d", path);
    set(name, "x", String(Math.round(label.x)));
    set(name, "y", String(Math.round(label.y)));
    if (name.textContent !== type) name.textContent = type;
  }
}

function set(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
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
