/**
 * Anchoring one excerpt: its selectors back to a range of the canonical text, in the
 * manner of the Hypothesis client (position first, then the quote with its context,
 * then a fuzzy match scored by context and position), under the project's stricter
 * policy for short quotes (POLICY.md).
 *
 * Everything here is a pure function over strings and UTF-16 offsets: no DOM, no
 * Node, no Electron, so the same code runs in main, renderer, browser host and tests.
 */
import type { Selectors } from '../model';
import { contextHolds } from './context-agreement';
import { heldByContext, nearestWithContext, quoteAt, wholeSideBeside } from './exact-occurrences';
import { fuzzyMatch } from './fuzzy-match';
import { matchQuote } from './match-quote';
import { NEAR_DISTANCE } from './policy';
import type { Anchor } from './text-range';

/** The stored position, when the quote and its whole context are still there. */
export function anchorAtPosition(text: string, { quote, position }: Selectors): Anchor | null {
  if (!quoteAt(text, position, quote) || !contextHolds(text, position, quote)) return null;
  return { start: position.start, end: position.end, method: 'position' };
}

/**
 * Finds the selectors in text: 1) position, if text.slice(start,end) === quote.exact;
 * 2) exact quote occurrences, choosing the best by prefix/suffix context agreement,
 * then nearness to the old position; 3) fuzzy (approx-string-match) with an error
 * budget of a quarter of the quote's length, scoring candidates by context and
 * position as Hypothesis does; null when nothing acceptable (an orphan). Never
 * returns a range that splits a surrogate pair.
 *
 * Two refinements of that order, both so that an edit cannot silently move a note
 * onto another occurrence of a short quote ("Putin"): the position wins outright
 * only with its context intact, and otherwise competes with the other occurrences
 * (keeping method 'position' if it still wins, and winning anyway if no occurrence
 * is believable); and a short quote found elsewhere must agree in context, else the
 * fuzzy step looks for it edited in its own context, and failing that it is an orphan.
 */
export function anchor(text: string, selectors: Selectors): Anchor | null {
  const { quote, position } = selectors;
  if (quote.exact.length === 0) return null;
  const atPosition = anchorAtPosition(text, selectors);
  if (atPosition) return atPosition;
  const nearby = nearestWithContext(text, quote, position.start, NEAR_DISTANCE);
  if (nearby) return { ...nearby, method: 'quote' };
  const found = matchQuote(text, selectors) ?? (quoteAt(text, position, quote) ? position : null);
  const exact: Anchor | null = found && {
    start: found.start,
    end: found.end,
    method: found.start === position.start && found.end === position.end ? 'position' : 'quote',
  };
  if (exact && heldByContext(text, quote, position.start)(exact)) return exact;
  // Verbatim but not held by its context (a copy elsewhere, or another entry now on the
  // old offsets): the quote edited in place, a whole side of its context beside it, wins.
  const fuzzy = fuzzyMatch(text, quote, position.start);
  if (fuzzy && (!exact || wholeSideBeside(text, fuzzy, quote))) return { ...fuzzy, method: 'fuzzy' };
  return exact;
}
