/**
 * Label colours made readable: a label's colour is whatever an admin chose (#rrggbb), so the
 * page derives from it an underline that stands out against the white text area (WCAG's 3:1 for
 * non-text marks) and the ink for the small badge that names the label (4.5:1 for text).
 */

/** A label the page does not know (removed since the page loaded) is drawn grey, as the server shows it. */
export const UNKNOWN_LABEL_COLOR = "#888888";
const WHITE: Rgb = [255, 255, 255];
/** WCAG 2 non-text contrast: an underline at least this far from the background. */
export const MARK_CONTRAST = 3;

type Rgb = [number, number, number];

/** The channels of #rrggbb (or #rgb); the unknown-label grey for anything else. */
export function parseColor(color: string): Rgb {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (long) return [parseInt(long[1], 16), parseInt(long[2], 16), parseInt(long[3], 16)];
  if (short) return [parseInt(short[1] + short[1], 16), parseInt(short[2] + short[2], 16), parseInt(short[3] + short[3], 16)];
  return parseColor(UNKNOWN_LABEL_COLOR);
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG relative luminance (0 black … 1 white). */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 … 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(parseColor(a)), luminance(parseColor(b))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The label's colour, darkened just enough to stand out against white; a dark enough colour is kept as it is. */
export function markColor(color: string): string {
  let rgb = parseColor(color);
  for (let step = 0; step < 40 && contrast(hex(rgb), hex(WHITE)) < MARK_CONTRAST; step++) {
    rgb = rgb.map((c) => c * 0.92) as Rgb;
  }
  return hex(rgb);
}

/** Black or white, whichever reads better on the colour (the badge's text). */
export function inkOn(color: string): "#000000" | "#ffffff" {
  return contrast(color, "#000000") >= contrast(color, "#ffffff") ? "#000000" : "#ffffff";
}

/**
 * The stylesheet rule that colours every highlight of a label: one rule per label rather than
 * the same three properties inline on each of a thousand marks, so that the browser computes the
 * style once and shares it (a redraw after each new span stays cheap).
 */
export function labelRule(key: string, color: string): string {
  const mark = markColor(color);
  return `mark.hl[data-label="${cssString(key)}"] { --label-color: ${mark}; --label-fill: ${hex(parseColor(color))}; `
    + `--badge-ink: ${inkOn(mark)}; }`;
}

/** How far below the text a span's underline sits when it overlaps others (its lane, 0 = nearest). */
export function laneRule(lane: number): string {
  return `mark.hl[data-lane="${lane}"] { --lane: ${lane}; }`;
}

/** A value fit for a double-quoted CSS string: label keys are admins' text. */
function cssString(value: string): string {
  return value.replace(/["\\\n\r\f]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `);
}
