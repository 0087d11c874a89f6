import type { TextQuoteSelector } from '../model';
import { contextAgreement } from './context-agreement';
import type { TextRange } from './text-range';

/**
 * Candidates beyond this many (a common word in a long text) are first cut down
 * cheaply, so the costlier edit-distance scoring stays bounded however often the
 * quote occurs.
 */
const MAX_SCORED = 64;

/** Larger than any distance between offsets, so one more agreeing character outweighs any nearness. */
const AGREEMENT_SCALE = 2 ** 32;

/** The indexes of the `count` highest keys (all of those tied with the last). */
function topKeys(keys: Float64Array, count: number): Set<number> {
  const cutoff = keys.slice().sort()[keys.length - count]!;
  const top = new Set<number>();
  keys.forEach((key, i) => {
    if (key >= cutoff && top.size < count) top.add(i);
  });
  return top;
}

/**
 * Half of MAX_SCORED by the most exactly agreeing context (nearest first on ties), half
 * by nearness to `hint`: exact agreement read outward from the quote drops to nothing
 * when one character beside it changed (quotation marks put around it), so the
 * excerpt's own place, usually near its old position, must not depend on it alone.
 * Each candidate gets one number as its key and the cut-off is found with a typed-array
 * sort, since a one-letter quote in a long text can have a million occurrences and
 * sorting that many objects with a comparator takes a second.
 */
export function shortlist<T extends TextRange>(text: string, candidates: T[], quote: TextQuoteSelector, hint: number): T[] {
  if (candidates.length <= MAX_SCORED) return candidates;
  const agreeing = new Float64Array(candidates.length);
  const near = new Float64Array(candidates.length);
  candidates.forEach((candidate, i) => {
    near[i] = -Math.abs(candidate.start - hint);
    agreeing[i] = contextAgreement(text, candidate, quote) * AGREEMENT_SCALE + near[i]!;
  });
  const kept = topKeys(agreeing, MAX_SCORED / 2);
  for (const i of topKeys(near, MAX_SCORED / 2)) kept.add(i);
  return candidates.filter((_, i) => kept.has(i));
}
