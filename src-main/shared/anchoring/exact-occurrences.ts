/** Finding a quote verbatim: where it occurs, and which occurrence its context favours. */
import type { TextQuoteSelector } from '../model';
import { onCodePoints } from './code-points';
import { NEAR_DISTANCE, NEARLY_INTACT_SIDE } from './policy';
import { contextScore, sideScores } from './score-match';
import { shortlist } from './shortlist';
import type { TextRange } from './text-range';

/** Every occurrence of `exact` that does not cut a surrogate pair. */
export function occurrences(text: string, exact: string): TextRange[] {
  const found: TextRange[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const range = { start: at, end: at + exact.length };
    if (onCodePoints(text, range)) found.push(range);
  }
  return found;
}

/**
 * A test of whether one whole side of the stored context is still beside the quote at a
 * range, and the quote with that side occurs nowhere else: the other side may have been
 * rewritten, but that is the only place the quote can be. Each side's uniqueness is
 * looked up once, and only when some range has it intact.
 */
export function intactSideOnce(text: string, quote: TextQuoteSelector): (range: TextRange) => boolean {
  const unique = new Map<string, boolean>();
  const occursOnce = (joined: string): boolean => {
    const first = text.indexOf(joined);
    return first !== -1 && text.indexOf(joined, first + 1) === -1;
  };
  const once = (joined: string, at: number): boolean => {
    if (at < 0 || !text.startsWith(joined, at)) return false;
    if (!unique.has(joined)) unique.set(joined, occursOnce(joined));
    return unique.get(joined)!;
  };
  return (range) =>
    (quote.prefix.length > 0 && once(quote.prefix + quote.exact, range.start - quote.prefix.length)) ||
    (quote.suffix.length > 0 && once(quote.exact + quote.suffix, range.start));
}

/** Near `hint` with both sides of its context nearly intact (policy.ts NEARLY_INTACT_SIDE). */
function nearlyIntactNear(text: string, range: TextRange, quote: TextQuoteSelector, hint: number): boolean {
  return Math.abs(range.start - hint) <= NEAR_DISTANCE && sideScores(text, range, quote).every((side) => side >= NEARLY_INTACT_SIDE);
}

/**
 * Whether the context holds an occurrence in place: one whole side intact (and the quote
 * with it occurring only there), or near `hint` both sides nearly intact. An occurrence
 * held by less than that yields to the quote edited in its own context (anchor.ts).
 */
export function heldByContext(text: string, quote: TextQuoteSelector, hint: number): (range: TextRange) => boolean {
  const intact = intactSideOnce(text, quote);
  return (range) => intact(range) || nearlyIntactNear(text, range, quote, hint);
}

/** Whether one whole, non-empty side of the stored context is exactly beside the range. */
export function wholeSideBeside(text: string, range: TextRange, { prefix, suffix }: TextQuoteSelector): boolean {
  return (prefix.length > 0 && text.endsWith(prefix, range.start)) || (suffix.length > 0 && text.startsWith(suffix, range.end));
}

/**
 * The exact occurrence whose context agrees best, the nearest to `hint` on a tie; an
 * occurrence with one whole side intact (intactSideOnce), or near `hint` with both sides
 * nearly intact, first: a 32-character side agreeing exactly is stronger evidence than
 * both sides half agreeing, which a near-copy of the passage elsewhere manages, but not
 * stronger than the excerpt's own place with a word beside it edited.
 */
export function bestOccurrence(text: string, quote: TextQuoteSelector, hint: number): TextRange | null {
  let best: TextRange | null = null;
  let bestKey = [-1, -1, -Infinity];
  const held = heldByContext(text, quote, hint);
  for (const candidate of shortlist(text, occurrences(text, quote.exact), quote, hint)) {
    const key = [held(candidate) ? 1 : 0, contextScore(text, candidate, quote), -Math.abs(candidate.start - hint)];
    if (key[0]! > bestKey[0]! || (key[0] === bestKey[0] && (key[1]! > bestKey[1]! || (key[1] === bestKey[1] && key[2]! > bestKey[2]!)))) {
      [best, bestKey] = [candidate, key];
    }
  }
  return best;
}

/**
 * The occurrence of the quote with its whole context nearest to `hint`, within `reach`
 * of it (the earlier on a tie): bestOccurrence's answer whenever there is one, as no
 * occurrence has more context agreeing, and none farther off is nearer. An edit moves
 * the text after it by about its own length, so this finds most excerpts of a revised
 * text without reading the whole of it.
 */
export function nearestWithContext(text: string, quote: TextQuoteSelector, hint: number, reach: number): TextRange | null {
  const whole = quote.prefix + quote.exact + quote.suffix;
  const to = hint + reach + quote.exact.length + quote.suffix.length;
  let best: TextRange | null = null;
  for (let at = text.indexOf(whole, Math.max(0, hint - reach - quote.prefix.length)); at !== -1 && at + whole.length <= to; at = text.indexOf(whole, at + 1)) {
    const range = { start: at + quote.prefix.length, end: at + quote.prefix.length + quote.exact.length };
    if (!onCodePoints(text, range)) continue;
    if (!best || Math.abs(range.start - hint) < Math.abs(best.start - hint)) best = range;
  }
  return best;
}

/** The quote is at `range`, which cuts no surrogate pair. */
export function quoteAt(text: string, range: TextRange, quote: TextQuoteSelector): boolean {
  return range.end - range.start === quote.exact.length && text.startsWith(quote.exact, range.start) && onCodePoints(text, range);
}
