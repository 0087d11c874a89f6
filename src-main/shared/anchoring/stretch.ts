/** The stretch rule of fuzzy matching (policy.ts STRETCH_LENGTH): which edits leave the same passage. */
import { STRETCH_LENGTH } from './policy';
import type { Candidate } from './text-range';

/** Edits charged to each character of `quote` by an optimal alignment with `span`. */
function errorsAlong(quote: string, span: string): Uint16Array {
  const [m, n] = [quote.length, span.length];
  const width = n + 1;
  const cost = new Uint16Array((m + 1) * width);
  const swapCost = (i: number, j: number): number => (quote.charCodeAt(i - 1) === span.charCodeAt(j - 1) ? 0 : 1);
  for (let i = 0; i <= m; i += 1) cost[i * width] = i;
  for (let j = 0; j <= n; j += 1) cost[j] = j;
  for (let i = 1; i <= m; i += 1) {
    for (let j = 1; j <= n; j += 1) {
      cost[i * width + j] = Math.min(cost[(i - 1) * width + j - 1]! + swapCost(i, j), cost[(i - 1) * width + j]! + 1, cost[i * width + j - 1]! + 1);
    }
  }
  const charged = new Uint16Array(m);
  const charge = (at: number, by: number): void => {
    charged[at] = charged[at]! + by;
  };
  for (let [i, j] = [m, n]; i > 0 || j > 0; ) {
    const here = cost[i * width + j]!;
    if (i > 0 && j > 0 && here === cost[(i - 1) * width + j - 1]! + swapCost(i, j)) {
      charge(i - 1, swapCost(i, j));
      [i, j] = [i - 1, j - 1];
    } else if (i > 0 && here === cost[(i - 1) * width + j]! + 1) {
      charge(i - 1, 1); // the quote's character is gone
      i -= 1;
    } else {
      charge(Math.min(i, m - 1), 1); // a character was inserted before the quote's i-th
      j -= 1;
    }
  }
  return charged;
}

/**
 * Whether more than half of some STRETCH_LENGTH consecutive characters of the quote were
 * edited at this candidate. The alignment costs quote × span, so it runs only on a fuzzy
 * candidate with more errors than half a stretch (no stretch can be replaced otherwise).
 */
export function stretchReplaced(text: string, candidate: Candidate, exact: string): boolean {
  if (candidate.errors <= STRETCH_LENGTH / 2) return false;
  const charged = errorsAlong(exact, text.slice(candidate.start, candidate.end));
  let inWindow = 0;
  for (let i = 0; i < charged.length; i += 1) {
    inWindow += charged[i]! - (i >= STRETCH_LENGTH ? charged[i - STRETCH_LENGTH]! : 0);
    if (inWindow > STRETCH_LENGTH / 2) return true;
  }
  return false;
}
