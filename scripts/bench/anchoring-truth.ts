/**
 * Where each excerpt should land after editedArticle() inserted its sentences, so the
 * anchoring bench can say of every method not only how fast but how right it was.
 */
import type { TextRange } from '../../src-main/shared/anchoring/text-range';

export type Verdict = 'right' | 'misplaced' | 'orphaned';

/** An excerpt's place after the edits; `touched` when a sentence went inside it. */
interface Truth extends TextRange {
  touched: boolean;
}

/**
 * Offsets in `before` where `after` has `inserted` added. Throws unless taking every
 * insertion out of `after` gives back `before`, so the truth is never a guess.
 */
export function insertionPoints(before: string, after: string, inserted: string): number[] {
  const points: number[] = [];
  let rebuilt = '';
  let done = 0;
  for (let at = after.indexOf(inserted); at !== -1; at = after.indexOf(inserted, done)) {
    rebuilt += after.slice(done, at);
    points.push(rebuilt.length);
    done = at + inserted.length;
  }
  rebuilt += after.slice(done);
  if (rebuilt !== before) throw new Error('the edited text is not the original with whole sentences inserted');
  return points;
}

/** A sentence inserted at the excerpt's start moves it; one at its end does not; one inside stretches it. */
export function truthOf(range: TextRange, points: readonly number[], length: number): Truth {
  const shift = points.filter((p) => p <= range.start).length * length;
  const inside = points.filter((p) => p > range.start && p < range.end).length * length;
  return { start: range.start + shift, end: range.end + shift + inside, touched: inside > 0 };
}

/**
 * Right: exactly the shifted range, or, for an excerpt a sentence went into, any range
 * overlapping it (found, edited). Orphaned: not found. Misplaced: found anywhere else.
 */
export function verdictOf(found: TextRange | null, truth: Truth): Verdict {
  if (!found) return 'orphaned';
  if (truth.touched) return found.start < truth.end && truth.start < found.end ? 'right' : 'misplaced';
  return found.start === truth.start && found.end === truth.end ? 'right' : 'misplaced';
}
