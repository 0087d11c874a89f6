/**
 * Describing a range: the selectors a note stores to find its excerpt again, the quote
 * with context either side (as the Hypothesis client makes them) and its offsets.
 */
import type { Selectors } from '../model';
import { splitsPair, widenToCodePoints } from './code-points';
import type { TextRange } from './text-range';

/** Length of the prefix and suffix kept around a quote. */
export const CONTEXT_LENGTH = 32;

function prefixBefore(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsPair(text, from)) from += 1;
  return text.slice(from, start);
}

function suffixAfter(text: string, end: number): string {
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsPair(text, to)) to -= 1;
  return text.slice(end, to);
}

/**
 * Builds both selectors for text.slice(start,end). Throws RangeError on an
 * empty/out-of-bounds range. Prefix/suffix are up to CONTEXT_LENGTH chars and must
 * never split a UTF-16 surrogate pair. A range cutting a surrogate pair is widened
 * to take the whole character, so the stored offsets never split one either.
 */
export function selectorsFor(text: string, range: TextRange): Selectors {
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`invalid text range ${start}..${end} in a text of length ${text.length}`);
  }
  const whole = widenToCodePoints(text, range);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(whole.start, whole.end),
      prefix: prefixBefore(text, whole.start),
      suffix: suffixAfter(text, whole.end),
    },
    position: { type: 'TextPositionSelector', start: whole.start, end: whole.end },
  };
}
