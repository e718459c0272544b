/**
 * Conversion between the two ways Gloss counts positions in an article.
 *
 * The server counts Unicode code points (a span is Python's text[start:end]);
 * the browser's DOM and Selection APIs count UTF-16 code units. They differ for
 * every astral character (emoji, flags, mathematical letters...), which takes
 * two UTF-16 units but is one code point. A lone (unpaired) surrogate counts
 * as one code point, as it does in Python and in Java's codePointCount.
 *
 * Both directions are answered from prefix tables built once per text, so
 * converting the offsets of thousands of annotations is O(1) each.
 */

/** How to round a UTF-16 position that falls between the two halves of a surrogate pair. */
export type Rounding = "down" | "up";

/** A range of positions, start inclusive, end exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function checkPosition(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${value} is outside 0..${max}`);
  }
}

export class TextOffsets {
  /** Length of the text in UTF-16 code units (String.prototype.length). */
  readonly utf16Length: number;
  /** Length of the text in code points (what the server calls the article length). */
  readonly codePointLength: number;

  /** cpToUnit[c] = UTF-16 index where code point c starts; cpToUnit[codePointLength] = utf16Length. */
  private readonly cpToUnit: Uint32Array;
  /** unitToCp[u] = index of the code point that UTF-16 unit u belongs to; unitToCp[utf16Length] = codePointLength. */
  private readonly unitToCp: Uint32Array;

  constructor(readonly text: string) {
    const n = text.length;
    this.utf16Length = n;
    this.unitToCp = new Uint32Array(n + 1);
    // Upper bound: one code point per unit; trimmed below.
    const cpToUnit = new Uint32Array(n + 1);
    let cp = 0;
    for (let u = 0; u < n; u++) {
      if (this.startsInsidePair(u)) {
        // The low half of a pair belongs to the code point begun one unit earlier.
        this.unitToCp[u] = cp - 1;
      } else {
        this.unitToCp[u] = cp;
        cpToUnit[cp] = u;
        cp++;
      }
    }
    this.unitToCp[n] = cp;
    cpToUnit[cp] = n;
    this.codePointLength = cp;
    this.cpToUnit = cpToUnit.slice(0, cp + 1);
  }

  /** True when UTF-16 index u sits between a high and a low surrogate of one pair. */
  private startsInsidePair(u: number): boolean {
    return (
      u > 0 &&
      u < this.text.length &&
      isHighSurrogate(this.text.charCodeAt(u - 1)) &&
      isLowSurrogate(this.text.charCodeAt(u))
    );
  }

  /**
   * Code-point index of a UTF-16 index. An index inside a surrogate pair is
   * rounded down (to the pair's start) or up (past the pair).
   */
  toCodePoint(utf16: number, rounding: Rounding = "down"): number {
    checkPosition(utf16, this.utf16Length, "UTF-16 index");
    const cp = this.unitToCp[utf16];
    return rounding === "up" && this.startsInsidePair(utf16) ? cp + 1 : cp;
  }

  /** UTF-16 index of a code-point index. */
  toUtf16(codePoint: number): number {
    checkPosition(codePoint, this.codePointLength, "code point index");
    return this.cpToUnit[codePoint];
  }

  /**
   * Code-point range of a UTF-16 range (e.g. a DOM selection). The range is
   * widened outward so it never splits a surrogate pair: start rounds down,
   * end rounds up.
   */
  rangeToCodePoints(start: number, end: number): OffsetRange {
    if (start > end) throw new RangeError(`range start ${start} is after end ${end}`);
    return { start: this.toCodePoint(start, "down"), end: this.toCodePoint(end, "up") };
  }

  /** UTF-16 range of a code-point range (e.g. an annotation from the server). */
  rangeToUtf16(start: number, end: number): OffsetRange {
    if (start > end) throw new RangeError(`range start ${start} is after end ${end}`);
    return { start: this.toUtf16(start), end: this.toUtf16(end) };
  }

  /** The text between two code-point indexes: Python's text[start:end] for valid indexes. */
  slice(start: number, end: number): string {
    const range = this.rangeToUtf16(start, end);
    return this.text.slice(range.start, range.end);
  }
}
