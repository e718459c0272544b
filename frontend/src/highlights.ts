/**
 * Draws the annotations over the article text: one <mark> per piece of a span (layout.ts nests
 * them), each with its label's short name as a badge (CSS draws it from data-badge, so the text
 * itself is unchanged), its status and owner as classes, and its lane, which sets how far below the
 * text its underline sits, so that overlapping spans stay apart.
 * Also maps between DOM points and positions in the text, which the redraw replaces.
 */
import { type Chunk, chunkKey, chunksOf } from "./chunks.js";
import { labelRule, laneRule, UNKNOWN_LABEL_COLOR } from "./colors.js";
import { layoutTree, type LayoutNode, type SpanNode } from "./layout.js";
import { isPending } from "./sending.js";
import type { TextOffsets } from "./offsets.js";
import { utf16Position } from "./selection.js";
import { assignLanes } from "./spans.js";
import { type Annotation, type AnnotationStatus, type Label, STATUS_NAMES } from "./types.js";

/** The mark after the label's short name in a badge, per status (the legend explains them). */
export const STATUS_MARKS: Record<AnnotationStatus, string> = {
  SUBMITTED: "",
  APPROVED: " ✓",
  REJECTED: " ✗",
  MERGED: " =",
};

/** A label's short name for badges: its key if short, else the key's first three letters. */
export function shortName(key: string): string {
  return key.length <= 5 ? key : key.slice(0, 3);
}

/** The badge of a span: short name and status mark. */
export function badgeOf(annotation: Annotation): string {
  return shortName(annotation.label) + (STATUS_MARKS[annotation.status] ?? "");
}

/** The tooltip of a highlight: label — status (by reviewer: comment) — note — author. */
export function titleOf(annotation: Annotation, labelName: string): string {
  return [
    labelName,
    (STATUS_NAMES[annotation.status] ?? annotation.status)
      + (annotation.reviewer ? ` by ${annotation.reviewer}` : "")
      + (annotation.comment ? `: “${annotation.comment}”` : ""),
    annotation.note,
    `by ${annotation.author}`,
  ].filter(Boolean).join(" — ");
}

export interface Look {
  label(key: string): Label | undefined;
  isMine(annotation: Annotation): boolean;
  selectedId(): number | null;
}

/** The page's own stylesheet of label colours and lanes, each rule added the first time a mark needs it. */
class MarkStyles {
  private readonly sheet = new CSSStyleSheet();
  private readonly labels = new Map<string, string>();
  private readonly lanes = new Set<number>();

  constructor() {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
  }

  label(key: string, color: string): void {
    if (this.labels.get(key) === color) return;
    this.labels.set(key, color);
    this.sheet.insertRule(labelRule(key, color), this.sheet.cssRules.length);
  }

  lane(lane: number): void {
    if (this.lanes.has(lane)) return;
    this.lanes.add(lane);
    this.sheet.insertRule(laneRule(lane), this.sheet.cssRules.length);
  }
}

/** UTF-16 units a block of the text holds at least (chunks.ts): small enough to lay out again at once. */
const CHUNK_LENGTH = 1000;

/** A block of the text as drawn: its element and the pieces of spans in it, in text order. */
interface DrawnChunk {
  element: HTMLElement;
  pieces: Array<[number, HTMLElement]>;
}

export class Highlights {
  /** The rendered <mark> pieces of each drawn annotation, in text order. */
  readonly pieces = new Map<number, HTMLElement[]>();
  private annotations = new Map<number, Annotation>();
  private lanes = new Map<number, number>();
  private readonly styles = new MarkStyles();
  /** The blocks drawn last time, by what they draw (chunkKey): those that did not change are kept. */
  private drawn = new Map<string, DrawnChunk>();
  /** lookOf's part that depends on the annotation alone; a changed annotation arrives as a new object. */
  private readonly looks = new WeakMap<Annotation, string>();
  /** The blocks in text order, for finding the one at a position. */
  private blocks: HTMLElement[] = [];

  constructor(private readonly container: HTMLElement, private readonly offsets: TextOffsets, private readonly look: Look) {}

  /**
   * Redraws the text with these annotations, replacing only the blocks whose spans changed; a
   * text selection the person is making is put back over the same characters.
   */
  draw(shown: readonly Annotation[]): void {
    const selection = this.textSelection();
    this.annotations = new Map(shown.map((a) => [a.id, a]));
    const spans = shown.map((a) => ({ id: a.id, ...this.offsets.rangeToUtf16(a.start, a.end) }));
    this.lanes = assignLanes(spans);
    const chunks = chunksOf(this.offsets.text, layoutTree(this.offsets.utf16Length, spans), CHUNK_LENGTH);
    const drawn = new Map<string, DrawnChunk>();
    this.pieces.clear();
    for (const chunk of chunks) {
      const key = chunkKey(chunk, (id) => this.lookOf(id));
      const block = this.drawn.get(key) ?? this.drawChunk(chunk);
      drawn.set(key, block);
      for (const [id, mark] of block.pieces) {
        const pieces = this.pieces.get(id);
        if (pieces) pieces.push(mark);
        else this.pieces.set(id, [mark]);
      }
    }
    this.drawn = drawn;
    this.blocks = [...drawn.values()].map((block) => block.element);
    this.placeBlocks(this.blocks);
    if (selection) this.selectUtf16(selection.anchor, selection.focus);
  }

  /** Everything that shows on a span's marks but its place: when it changes, its blocks are drawn again. */
  private lookOf(id: number): string {
    const annotation = this.annotations.get(id)!;
    let look = this.looks.get(annotation);
    if (look === undefined) {
      const label = this.look.label(annotation.label);
      look = [annotation.label, annotation.status, this.look.isMine(annotation), label?.color,
        titleOf(annotation, label?.name ?? annotation.label)].join("|");
      this.looks.set(annotation, look);
    }
    return `${look}|${this.lanes.get(id) ?? 0}`;
  }

  private drawChunk(chunk: Chunk): DrawnChunk {
    const element = document.createElement("span");
    element.className = "chunk";
    element.dataset.from = String(chunk.from);
    const pieces: Array<[number, HTMLElement]> = [];
    this.appendNodes(element, chunk.nodes, pieces);
    return { element, pieces };
  }

  /** Makes the container's children these blocks, in order, leaving the ones already in place untouched. */
  private placeBlocks(blocks: HTMLElement[]): void {
    const kept = new Set<Node>(blocks);
    for (const child of [...this.container.childNodes]) {
      if (!kept.has(child)) child.remove();
    }
    let next = this.container.firstChild;
    for (const block of blocks) {
      if (block === next) next = next.nextSibling;
      else this.container.insertBefore(block, next);
    }
  }

  /** The first piece of a drawn annotation (the one that takes the focus). */
  first(id: number): HTMLElement | undefined {
    return this.pieces.get(id)?.[0];
  }

  /** The annotation id of the highlight at an event target, or null. */
  idOf(target: EventTarget | null): number | null {
    const mark = target instanceof Element ? target.closest<HTMLElement>("mark.hl") : null;
    const id = mark && this.container.contains(mark) ? Number(mark.dataset.annotationId) : null;
    return id === null || id < 0 ? null : id; // a span still being saved cannot be opened yet
  }

  /** The selection's ends as UTF-16 positions in the article, if it is a range inside the article. */
  textSelection(): { anchor: number; focus: number } | null {
    const selection = window.getSelection();
    if (!selection?.anchorNode || !selection.focusNode || selection.isCollapsed) return null;
    if (!this.container.contains(selection.anchorNode) || !this.container.contains(selection.focusNode)) return null;
    return {
      anchor: utf16Position(this.container, selection.anchorNode, selection.anchorOffset),
      focus: utf16Position(this.container, selection.focusNode, selection.focusOffset),
    };
  }

  /** Selects the text between two UTF-16 positions (anchor, focus), and brings it into view. */
  selectUtf16(anchorAt: number, focusAt: number): void {
    const anchor = this.domPoint(anchorAt);
    const focus = this.domPoint(focusAt);
    window.getSelection()?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
  }

  /** The text node and offset at a UTF-16 position of the article: the inverse of utf16Position. */
  domPoint(position: number): { node: Node; offset: number } {
    const block = this.blockBefore(position);
    const walker = document.createTreeWalker(block ?? this.container, NodeFilter.SHOW_TEXT);
    let start = block ? Number(block.dataset.from) : 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = (node as Text).length;
      if (position <= start + length) return { node, offset: position - start };
      start += length;
    }
    return { node: this.container, offset: this.container.childNodes.length };
  }

  /** The last block that starts before a position (a position between blocks belongs to the one before), by bisection. */
  private blockBefore(position: number): HTMLElement | undefined {
    let low = 0;
    let high = this.blocks.length - 1;
    let found: HTMLElement | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (Number(this.blocks[middle].dataset.from) < position || middle === 0) {
        found = this.blocks[middle];
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  private appendNodes(parent: Node, nodes: readonly LayoutNode[], pieces: Array<[number, HTMLElement]>): void {
    for (const node of nodes) {
      if (node.kind === "text") {
        parent.appendChild(document.createTextNode(this.offsets.text.slice(node.from, node.to)));
      } else {
        const mark = this.createMark(node);
        pieces.push([node.id, mark]);
        this.appendNodes(mark, node.children, pieces);
        parent.appendChild(mark);
      }
    }
  }

  private createMark(node: SpanNode): HTMLElement {
    const annotation = this.annotations.get(node.id)!;
    const label = this.look.label(annotation.label);
    const color = label?.color ?? UNKNOWN_LABEL_COLOR;
    const mark = document.createElement("mark");
    mark.classList.add("hl", this.look.isMine(annotation) ? "mine" : "others");
    // An annotation split around another one is several adjacent pieces;
    // these classes let CSS round the outer ends and badge the first piece.
    mark.classList.toggle("hl-start", node.first);
    mark.classList.toggle("hl-end", node.last);
    mark.classList.toggle("selected", annotation.id === this.look.selectedId());
    mark.classList.toggle("pending", isPending(annotation));
    mark.dataset.annotationId = String(annotation.id);
    mark.dataset.label = annotation.label;
    mark.dataset.status = annotation.status;
    if (node.first) mark.dataset.badge = badgeOf(annotation);
    // One tab stop per annotation, however many pieces it is drawn in.
    mark.tabIndex = node.first ? 0 : -1;
    mark.title = titleOf(annotation, label?.name ?? annotation.label);
    // The stylesheet draws background, underline and badge from the label's and the lane's rules.
    const lane = this.lanes.get(annotation.id) ?? 0;
    this.styles.label(annotation.label, color);
    this.styles.lane(lane);
    mark.dataset.lane = String(lane);
    return mark;
  }
}
