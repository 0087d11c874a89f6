/**
 * Scoring a candidate place for a quote, in the manner of Hypothesis's matchQuote: the
 * quote's, the prefix's and the suffix's similarity and the nearness to the old position,
 * weighted (policy.ts).
 */
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../model';
import { CONTEXT_LENGTH } from './describe-range';
import { CHANCE_AGREEMENT, WEIGHT, WEIGHT_TOTAL } from './policy';
import type { Candidate, TextRange } from './text-range';

/**
 * Similarity in 0..1 of `actual` to `expected` (1 - edit distance / length), the
 * measure Hypothesis uses for context: it degrades gently when a word next to the
 * quote was edited, where an exact comparison would drop to nothing.
 */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  const best = search(actual, expected, expected.length)[0];
  return best ? 1 - best.errors / expected.length : 0;
}

/**
 * Similarity of stored context to the text, where only `part` of the stored context's
 * `length` characters fits between the range and the text's edge: the rest scores at chance.
 */
function sideScore(actual: string, part: string, length: number): number {
  return (part.length * similarity(actual, part) + (length - part.length) * CHANCE_AGREEMENT) / length;
}

/** Similarity of the stored prefix to the text before the range; null when none was stored. */
function prefixScore(text: string, range: TextRange, { prefix }: TextQuoteSelector): number | null {
  if (prefix.length === 0) return range.start === 0 ? 1 : null;
  const fits = Math.min(range.start, prefix.length);
  return sideScore(text.slice(range.start - fits, range.start), prefix.slice(prefix.length - fits), prefix.length);
}

function suffixScore(text: string, range: TextRange, { suffix }: TextQuoteSelector): number | null {
  if (suffix.length === 0) return range.end === text.length ? 1 : null;
  const fits = Math.min(text.length - range.end, suffix.length);
  return sideScore(text.slice(range.end, range.end + fits), suffix.slice(0, fits), suffix.length);
}

/**
 * How well the prefix and the suffix agree (each 0..1). We store a side shorter than
 * CONTEXT_LENGTH only where the old text's edge cut it, so an empty side beside a whole
 * one says the quote stood at that edge: it agrees where the text's edge is there too,
 * and elsewhere is judged as the other side is (no evidence of its own), rather than as
 * agreeing, which let every occurrence of a short quote at the start or end of a text
 * look right. Other empty sides (a peer's selector may omit its context) say nothing,
 * and count as agreeing, as in Hypothesis.
 */
export function sideScores(text: string, range: TextRange, quote: TextQuoteSelector): [number, number] {
  const [before, after] = [prefixScore(text, range, quote), suffixScore(text, range, quote)];
  const edgeOnly = (other: string): boolean => other.length >= CONTEXT_LENGTH;
  return [
    before ?? (edgeOnly(quote.suffix) ? after! : 1),
    after ?? (edgeOnly(quote.prefix) ? before! : 1),
  ];
}

/** 1 at the old position, falling to 0 a text's length away (and staying 0 further off). */
function nearness(text: string, range: TextRange, hint: number): number {
  return 1 - Math.min(1, Math.abs(range.start - hint) / Math.max(1, text.length));
}

/** How well the context around `range` agrees, prefix and suffix together (0..2). */
export function contextScore(text: string, range: TextRange, quote: TextQuoteSelector): number {
  const [before, after] = sideScores(text, range, quote);
  return before + after;
}

/** The weighted score in 0..1 of a candidate: quote, then context, then nearness to `hint`. */
export function scoreMatch(text: string, candidate: Candidate, quote: TextQuoteSelector, hint: number): number {
  const [before, after] = sideScores(text, candidate, quote);
  const raw =
    WEIGHT.quote * (1 - candidate.errors / quote.exact.length) +
    WEIGHT.prefix * before +
    WEIGHT.suffix * after +
    WEIGHT.position * nearness(text, candidate, hint);
  return raw / WEIGHT_TOTAL;
}
