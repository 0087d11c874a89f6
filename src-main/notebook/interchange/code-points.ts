/**
 * W3C TextPositionSelector offsets count Unicode code points; the notebook's count
 * UTF-16 code units (JavaScript string indexes). These convert between the two over
 * the article's canonical text. An offset past the end of the text (an orphan's,
 * from an older text) continues one for one, so it survives the round trip.
 */

function isPairAt(text: string, i: number): boolean {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** The code point index of UTF-16 offset `units` in `text`. */
export function toCodePoints(text: string, units: number): number {
  let points = 0;
  let i = 0;
  while (i < Math.min(units, text.length)) {
    i += isPairAt(text, i) && i + 1 < units ? 2 : 1;
    points++;
  }
  return points + Math.max(0, units - text.length);
}

/** The UTF-16 offset of code point index `points` in `text`. */
export function toCodeUnits(text: string, points: number): number {
  let i = 0;
  let seen = 0;
  while (seen < points && i < text.length) {
    i += isPairAt(text, i) ? 2 : 1;
    seen++;
  }
  return i + (points - seen);
}
