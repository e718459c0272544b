/**
 * Draws the annotations over the article text: one <mark> per piece of a span (layout.ts nests
 * them), each with its label's short name as a badge (CSS draws it from data-badge, so the text
 * itself is unchanged), its status and owner as classes, and its lane, which sets how far below the
 * text its underline sits, so that overlapping spans stay apart.
 * Also maps between DOM points and positions in the text, which the redraw replaces.
 */
import { inkOn, markColor, UNKNOWN_LABEL_COLOR } from "./colors.js";
import { layoutTree, type LayoutNode, type SpanNode } from "./layout.js";
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

export class Highlights {
  /** The rendered <mark> pieces of each drawn annotation, in text order. */
  readonly pieces = new Map<number, HTMLElement[]>();
  private annotations = new Map<number, Annotation>();
  private lanes = new Map<number, number>();

  constructor(private readonly container: HTMLElement, private readonly offsets: TextOffsets, private readonly look: Look) {}

  /** Redraws the text with these annotations; a text selection the person is making is put back over the same characters. */
  draw(shown: readonly Annotation[]): void {
    const selection = this.textSelection();
    this.annotations = new Map(shown.map((a) => [a.id, a]));
    const spans = shown.map((a) => ({ id: a.id, ...this.offsets.rangeToUtf16(a.start, a.end) }));
    this.lanes = assignLanes(spans);
    const fragment = document.createDocumentFragment();
    this.pieces.clear();
    this.appendNodes(fragment, layoutTree(this.offsets.utf16Length, spans));
    this.container.replaceChildren(fragment);
    if (selection) this.selectUtf16(selection.anchor, selection.focus);
  }

  /** The first piece of a drawn annotation (the one that takes the focus). */
  first(id: number): HTMLElement | undefined {
    return this.pieces.get(id)?.[0];
  }

  /** The annotation id of the highlight at an event target, or null. */
  idOf(target: EventTarget | null): number | null {
    const mark = target instanceof Element ? target.closest<HTMLElement>("mark.hl") : null;
    return mark && this.container.contains(mark) ? Number(mark.dataset.annotationId) : null;
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
    const walker = document.createTreeWalker(this.container, NodeFilter.SHOW_TEXT);
    let start = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = (node as Text).length;
      if (position <= start + length) return { node, offset: position - start };
      start += length;
    }
    return { node: this.container, offset: this.container.childNodes.length };
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
    const label = this.look.label(annotation.label);
    const color = label?.color ?? UNKNOWN_LABEL_COLOR;
    const mark = document.createElement("mark");
    mark.classList.add("hl", this.look.isMine(annotation) ? "mine" : "others");
    // An annotation split around another one is several adjacent pieces;
    // these classes let CSS round the outer ends and badge the first piece.
    mark.classList.toggle("hl-start", node.first);
    mark.classList.toggle("hl-end", node.last);
    mark.classList.toggle("selected", annotation.id === this.look.selectedId());
    mark.dataset.annotationId = String(annotation.id);
    mark.dataset.label = annotation.label;
    mark.dataset.status = annotation.status;
    if (node.first) mark.dataset.badge = badgeOf(annotation);
    // One tab stop per annotation, however many pieces it is drawn in.
    mark.tabIndex = node.first ? 0 : -1;
    mark.title = titleOf(annotation, label?.name ?? annotation.label);
    // The stylesheet draws background, underline and badge from these, so that lanes and others'
    // annotations can be styled there.
    mark.style.setProperty("--label-color", markColor(color));
    mark.style.setProperty("--label-fill", color);
    mark.style.setProperty("--badge-ink", inkOn(markColor(color)));
    mark.style.setProperty("--lane", String(this.lanes.get(annotation.id) ?? 0));

    const pieces = this.pieces.get(annotation.id);
    if (pieces) pieces.push(mark);
    else this.pieces.set(annotation.id, [mark]);
    return mark;
  }
}
