/**
 * Where the browser's text selection lies in an article's text, for the pages that draw spans
 * over it (the annotation page, the curation page). The DOM counts UTF-16 units in text nodes,
 * which highlights split; these functions count from the start of the whole text.
 */
import { TextOffsets } from "./offsets.js";

/**
 * UTF-16 offset into the text of `container` of a DOM boundary point (a text node and a
 * character offset, or an element and a child index). Points before or after the container
 * clamp to its start or end.
 */
export function utf16Position(container: Node, node: Node, offset: number): number {
  const boundary = document.createRange();
  boundary.setStart(node, offset);
  // Inside a block of the annotation page (chunks.ts), counting starts at the block, not at the top.
  const block = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>(".chunk[data-from]");
  const from = block && block !== container && container.contains(block) ? block : null;
  const walker = document.createTreeWalker(from ?? container, NodeFilter.SHOW_TEXT);
  let position = from ? Number(from.dataset.from) : 0;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const length = (text as Text).length;
    if (text === node) return position + Math.min(offset, length);
    // Count text nodes that end at or before the boundary; stop at the first after it.
    if (boundary.comparePoint(text, length) > 0) break;
    position += length;
  }
  return position;
}

/**
 * The text currently selected in `container`, in code points, or null when the selection is
 * collapsed, outside it, or only whitespace.
 */
export function selectedText(container: Node, offsets: TextOffsets): { start: number; end: number; quote: string } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const from = utf16Position(container, range.startContainer, range.startOffset);
  const to = utf16Position(container, range.endContainer, range.endOffset);
  if (from >= to) return null;
  const { start, end } = offsets.rangeToCodePoints(from, to);
  const quote = offsets.slice(start, end);
  return quote.trim() === "" ? null : { start, end, quote };
}
