/** Exact agreement of the stored context with the text beside a range: the cheap check. */
import type { TextQuoteSelector } from '../model';
import type { TextRange } from './text-range';

/** Count of context characters that agree exactly, reading outward from the range. */
export function contextAgreement(text: string, range: TextRange, quote: TextQuoteSelector): number {
  const { prefix, suffix } = quote;
  let before = 0;
  while (before < prefix.length && text.charCodeAt(range.start - 1 - before) === prefix.charCodeAt(prefix.length - 1 - before)) {
    before += 1;
  }
  let after = 0;
  while (after < suffix.length && text.charCodeAt(range.end + after) === suffix.charCodeAt(after)) after += 1;
  return before + after;
}

/** Whether the whole stored context is still beside the range. */
export function contextHolds(text: string, range: TextRange, quote: TextQuoteSelector): boolean {
  return contextAgreement(text, range, quote) === quote.prefix.length + quote.suffix.length;
}
