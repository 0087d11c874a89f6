/**
 * Matching a quote verbatim: the occurrence its context favours, if the policy believes
 * it (POLICY.md). A short quote recurs by chance ("Putin"), so finding it elsewhere
 * than its stored position needs its context too, or it would silently move a note.
 */
import type { Selectors } from '../model';
import { bestOccurrence, intactSideOnce } from './exact-occurrences';
import { minScore, SHORT_QUOTE_LENGTH } from './policy';
import { scoreMatch } from './score-match';
import type { TextRange } from './text-range';

function sameRange(a: TextRange, b: TextRange): boolean {
  return a.start === b.start && a.end === b.end;
}

/**
 * Whether an exact occurrence is believable: a long quote found verbatim is, and so is
 * the stored position; a short one needs its context to score high enough, or one
 * whole side of it intact where the quote with that side occurs once.
 */
function believable(text: string, range: TextRange, { quote, position }: Selectors): boolean {
  if (quote.exact.length >= SHORT_QUOTE_LENGTH || sameRange(range, position)) return true;
  if (scoreMatch(text, { ...range, errors: 0 }, quote, position.start) >= minScore(quote.exact.length)) return true;
  return intactSideOnce(text, quote)(range);
}

/** The exact occurrence of the quote whose context agrees best, when it is believable; else null. */
export function matchQuote(text: string, selectors: Selectors): TextRange | null {
  const best = bestOccurrence(text, selectors.quote, selectors.position.start);
  return best && believable(text, best, selectors) ? best : null;
}
