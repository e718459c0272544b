/**
 * Draws the article's relations as arcs in an SVG laid over the text (arcs.ts places them). Only
 * relations with an end in a block of text near the screen are measured and drawn: blocks far
 * away are not laid out (content-visibility), and measuring them would lay them out. Scrolling
 * draws the arcs that come near; a block changing size (laid out at last, a window resized)
 * draws them again where the text now is.
 */
import { arcLevels, arcShape, type ArcEnds } from "./arcs.js";
import type { Relation } from "./types.js";

const SVG = "http://www.w3.org/2000/svg";
/** Blocks within this many screen heights above or below the screen count as near. */
const NEAR_SCREENS = 1;

/** How each arc looks besides its place: its type's name, whose it is, and whether the selected span is an end. */
export interface ArcLook {
  typeName(key: string): string;
  isMine(relation: Relation): boolean;
  selectedId(): number | null;
}

export class RelationArcs {
  private relations: Relation[] = [];
  private pieces: ReadonlyMap<number, HTMLElement[]> = new Map();
  private frameRequested = false;
  /** The first and last near block when last drawn: scrolling within them draws nothing new. */
  private nearKey = "";

  constructor(private readonly frame: HTMLElement, private readonly svg: SVGSVGElement, private readonly text: HTMLElement,
    private readonly look: ArcLook) {
    window.addEventListener("scroll", () => this.request(false), { passive: true });
    new ResizeObserver(() => this.request(true)).observe(text);
  }

  /** The relations to draw and the highlights they join (Highlights.pieces), after a redraw of either. */
  show(relations: readonly Relation[], pieces: ReadonlyMap<number, HTMLElement[]>): void {
    this.relations = [...relations];
    this.pieces = pieces;
    this.request(true);
  }

  /** Draws in the next frame, once however often asked; `always` even if the same blocks are near. */
  private request(always: boolean): void {
    if (always) this.nearKey = "";
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.draw();
    });
  }

  private draw(): void {
    const near = this.nearBlocks();
    const key = near.size === 0 ? "none" : `${[...near][0].dataset.from}-${[...near].at(-1)!.dataset.from}|${this.relations.length}`;
    if (key === this.nearKey) return;
    this.nearKey = key;
    const origin = this.frame.getBoundingClientRect();
    const ends: ArcEnds[] = [];
    const shown: Relation[] = [];
    for (const relation of this.relations) {
      const from = this.pieces.get(relation.fromId)?.[0];
      const to = this.pieces.get(relation.toId)?.[0];
      if (!from || !to || !(isNear(from, near) || isNear(to, near))) continue;
      ends.push({ id: relation.id, from: topMiddle(from, origin), to: topMiddle(to, origin) });
      shown.push(relation);
    }
    const levels = arcLevels(ends);
    const arcs = shown.map((relation, i) => this.arc(relation, ends[i], levels.get(relation.id) ?? 0));
    this.svg.querySelector("g.arcs")!.replaceChildren(...arcs);
    this.svg.dataset.drawn = String(arcs.length);
  }

  /** The blocks of text on or near the screen, in text order. */
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
    const line = document.createElementNS(SVG, "path");
    line.setAttribute("d", path);
    line.setAttribute("marker-end", "url(#arc-head)");
    const name = document.createElementNS(SVG, "text");
    name.setAttribute("x", String(Math.round(label.x)));
    name.setAttribute("y", String(Math.round(label.y)));
    name.textContent = this.look.typeName(relation.type);
    group.append(line, name);
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
