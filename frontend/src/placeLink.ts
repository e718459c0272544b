/**
 * Where a link into the article page points, read from its fragment: `#a-<id>` an annotation
 * (links from the review queue, "my work", the annotation page and search), `#at-<start>-<end>`
 * code points of the text (a search hit in the article's text, from the search page).
 */
export type LinkedPlace =
  | { kind: "annotation"; id: number }
  | { kind: "range"; start: number; end: number };

export function linkedPlace(hash: string): LinkedPlace | null {
  const annotation = /^#a-(\d+)$/.exec(hash);
  if (annotation) return { kind: "annotation", id: Number(annotation[1]) };
  const range = /^#at-(\d+)-(\d+)$/.exec(hash);
  if (!range) return null;
  const start = Number(range[1]);
  const end = Number(range[2]);
  return Number.isSafeInteger(end) && start < end ? { kind: "range", start, end } : null;
}
