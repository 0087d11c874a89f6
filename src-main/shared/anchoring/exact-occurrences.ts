/** Finding a quote verbatim: where it occurs, and which occurrence its context favours. */
import type { TextQuoteSelector } from '../model';
import { onCodePoints } from './code-points';
import { contextScore } from './score-match';
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

/** The exact occurrence whose context agrees best, the nearest to `hint` on a tie. */
export function bestOccurrence(text: string, quote: TextQuoteSelector, hint: number): TextRange | null {
  let best: TextRange | null = null;
  let bestContext = -1;
  let bestDistance = Infinity;
  for (const candidate of shortlist(text, occurrences(text, quote.exact), quote, hint)) {
    const context = contextScore(text, candidate, quote);
    const distance = Math.abs(candidate.start - hint);
    if (context > bestContext || (context === bestContext && distance < bestDistance)) {
      [best, bestContext, bestDistance] = [candidate, context, distance];
    }
  }
  return best;
}

/** The quote is at `range`, which cuts no surrogate pair. */
export function quoteAt(text: string, range: TextRange, quote: TextQuoteSelector): boolean {
  return range.end - range.start === quote.exact.length && text.startsWith(quote.exact, range.start) && onCodePoints(text, range);
}
