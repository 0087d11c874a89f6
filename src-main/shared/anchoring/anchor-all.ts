/** Anchoring many excerpts of one text at once, as the reader and the export do. */
import type { Selectors } from '../model';
import { anchor, anchorAtPosition } from './anchor';
import { contextHolds } from './context-agreement';
import { quoteAt } from './exact-occurrences';
import type { Anchor } from './text-range';

/**
 * One edit moves every excerpt after it by the same amount, so anchorAll tries the
 * last shift it saw before searching the whole text for each excerpt. The shortcut
 * is taken only where anchor() must agree: the quote and its whole context are at
 * the shifted place (no context agrees better), and no other such occurrence is
 * nearer the old position, nor as near and earlier (anchor()'s tie-break).
 */
function anchorShifted(text: string, { quote, position }: Selectors, shift: number): Anchor | null {
  const shifted = { start: position.start + shift, end: position.end + shift };
  if (shift === 0 || !quoteAt(text, shifted, quote) || !contextHolds(text, shifted, quote)) return null;
  const whole = quote.prefix + quote.exact + quote.suffix;
  const reach = Math.abs(shift);
  const first = text.indexOf(whole, Math.max(0, position.start - reach - quote.prefix.length));
  if (first + quote.prefix.length !== shifted.start) return null;
  const next = shift < 0 ? text.indexOf(whole, first + 1) : -1;
  if (next !== -1 && next + quote.prefix.length < position.start + reach) return null;
  return { ...shifted, method: 'quote' };
}

/**
 * Anchors many at once (id -> Anchor|null). When positions still match this is one
 * string comparison per item, so thousands of excerpts take a few milliseconds.
 */
export function anchorAll(text: string, items: ReadonlyArray<{ id: string } & Selectors>): Map<string, Anchor | null> {
  // In text order, neighbours share the shift an edit before them caused; the
  // callers' order (creation order) would make almost every guess miss.
  const ordered = [...items].sort((a, b) => a.position.start - b.position.start);
  const found = new Map<string, Anchor | null>();
  let shift = 0;
  for (const item of ordered) {
    const anchored = anchorAtPosition(text, item) ?? anchorShifted(text, item, shift) ?? anchor(text, item);
    if (anchored) shift = anchored.start - item.position.start;
    found.set(item.id, anchored);
  }
  return new Map(items.map((item) => [item.id, found.get(item.id) ?? null]));
}
