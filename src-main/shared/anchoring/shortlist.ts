import type { TextQuoteSelector } from '../model';
import { contextAgreement } from './context-agreement';
import type { TextRange } from './text-range';

/**
 * Candidates beyond this many (a common word in a long text) are first cut down by
 * a cheap exact-context comparison, so the costlier edit-distance scoring stays
 * bounded however often the quote occurs.
 */
const MAX_SCORED = 64;

/** Larger than any distance between offsets, so one more agreeing character outweighs any nearness. */
const AGREEMENT_SCALE = 2 ** 32;

/**
 * The MAX_SCORED candidates with the most exactly agreeing context, nearest first on
 * ties. Each candidate gets one number as its key and the cut-off is found with a
 * typed-array sort, since a one-letter quote in a long text can have a million
 * occurrences and sorting that many objects with a comparator takes a second.
 */
export function shortlist<T extends TextRange>(text: string, candidates: T[], quote: TextQuoteSelector, hint: number): T[] {
  if (candidates.length <= MAX_SCORED) return candidates;
  const keys = new Float64Array(candidates.length);
  candidates.forEach((candidate, i) => {
    keys[i] = contextAgreement(text, candidate, quote) * AGREEMENT_SCALE - Math.abs(candidate.start - hint);
  });
  const cutoff = keys.slice().sort()[keys.length - MAX_SCORED]!;
  return candidates.filter((_, i) => keys[i]! >= cutoff).slice(0, MAX_SCORED);
}
