/**
 * Matching a quote that was edited: approx-string-match finds the places within the
 * quote's error budget, scoreMatch ranks them by quote, context and nearness as
 * Hypothesis does, and the policy (POLICY.md) decides whether the best is a match.
 */
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../model';
import { widenToCodePoints } from './code-points';
import { CONTEXT_LENGTH } from './describe-range';
import { bestOccurrence, occurrences } from './exact-occurrences';
import { errorBudget, minScore } from './policy';
import { scoreMatch } from './score-match';
import { shortlist } from './shortlist';
import { stretchReplaced } from './stretch';
import type { Candidate, TextRange } from './text-range';

/**
 * Quotes longer than this are not fuzzy-matched whole: approx-string-match costs
 * O(text × pattern/32) when the text resembles the pattern, and its start-finding
 * pass costs O(pattern² / 32) per match, so a long quote over a 1 MB text could
 * stall the UI for seconds. Longer quotes are found by their head and tail instead.
 */
const MAX_FUZZY_QUOTE = 256;

/** Length of the head and tail pieces a long quote is found by. */
const PIECE_LENGTH = 128;

/** How far around the old position an edited quote is looked for: an edit of a few paragraphs moves it less. */
const FUZZY_WINDOW = 4096;

/** Rounds of fuzzy search, each past the matches the one before rejected. */
const FUZZY_ROUNDS = 3;

/** `text` with the given ranges (relative to `from`) blanked out, its length kept. */
function blankOut(text: string, ranges: readonly TextRange[], from: number): string {
  let blanked = '';
  let done = 0;
  for (const { start, end } of ranges) {
    const [a, b] = [Math.max(done, start - from), end - from];
    if (b <= a) continue;
    blanked += text.slice(done, a) + '\u0000'.repeat(b - a);
    done = b;
  }
  return blanked + text.slice(done);
}

/**
 * The best-scoring candidate, or null when it scores too low or replaced a stretch of
 * the quote. On a tie (one start, several ends with as many errors) the span
 * whose length is nearest the quote's.
 */
function bestFuzzy(text: string, candidates: Candidate[], quote: TextQuoteSelector, hint: number): TextRange | null {
  const min = minScore(quote.exact.length);
  const ranked = shortlist(text, candidates, quote, hint)
    .map((candidate) => ({ candidate, score: scoreMatch(text, candidate, quote, hint), gap: Math.abs(candidate.end - candidate.start - quote.exact.length) }))
    .filter((r) => r.score >= min)
    .sort((a, b) => b.score - a.score || a.gap - b.gap);
  // Only the best is checked for a replaced stretch: the others are mostly the same place
  // with other ends, and the alignment is the costliest step of the search.
  const best = ranked[0]?.candidate;
  return best && !stretchReplaced(text, best, quote.exact) ? { start: best.start, end: best.end } : null;
}

/**
 * approx-string-match reports only the matches with the fewest errors, so a chance
 * match with one error (or an exact occurrence already rejected for its context)
 * hides the real quote edited twice. Rejected matches are blanked out, length kept,
 * and the search repeated to reach the next-fewest; a few rounds bound the cost.
 */
function fuzzyBetween(text: string, quote: TextQuoteSelector, hint: number, from: number, to: number): TextRange | null {
  const budget = errorBudget(quote.exact.length);
  const window = text.slice(from, to);
  let haystack = blankOut(window, occurrences(window, quote.exact), 0);
  for (let round = 0; round < FUZZY_ROUNDS; round += 1) {
    const matches = search(haystack, quote.exact, budget);
    if (matches.length === 0) return null;
    const candidates = matches.map((match) => ({
      ...widenToCodePoints(text, { start: match.start + from, end: match.end + from }),
      errors: match.errors,
    }));
    const best = bestFuzzy(text, candidates, quote, hint);
    if (best) return best;
    haystack = blankOut(haystack, candidates, from);
  }
  return null;
}

/**
 * Fuzzy match of a quote of at most MAX_FUZZY_QUOTE chars, within FUZZY_WINDOW of `hint`.
 * Only there: a passage both moved far and edited is an orphan (a moved one that is not
 * edited is found verbatim anywhere), since searching a 1 MB text for an edited quote
 * that is gone costs 50–100 ms an excerpt (POLICY.md).
 */
function fuzzyNear(text: string, quote: TextQuoteSelector, hint: number): TextRange | null {
  if (errorBudget(quote.exact.length) === 0) return null;
  const from = Math.max(0, Math.min(text.length, hint) - FUZZY_WINDOW);
  const to = Math.min(text.length, Math.max(0, hint) + quote.exact.length + FUZZY_WINDOW);
  return fuzzyBetween(text, quote, hint, from, to);
}

/** A piece of a long quote as a quote of its own, its context taken from the quote around it. */
function pieceOf(quote: TextQuoteSelector, start: number, end: number): TextQuoteSelector {
  const { exact } = quote;
  return {
    type: 'TextQuoteSelector',
    exact: exact.slice(start, end),
    prefix: start === 0 ? quote.prefix : exact.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: end === exact.length ? quote.suffix : exact.slice(end, end + CONTEXT_LENGTH),
  };
}

function locatePiece(text: string, piece: TextQuoteSelector, hint: number): TextRange | null {
  return bestOccurrence(text, piece, hint) ?? fuzzyNear(text, piece, hint);
}

/**
 * A long quote is found by its head, then its tail where the head says it should
 * end, and accepted when the span between them is within a quarter of the quote's
 * length: that bounds the cost to two short searches whatever the quote's size.
 * The middle is not compared, so a rewrite confined to it goes unnoticed.
 */
function fuzzyLong(text: string, quote: TextQuoteSelector, hint: number): TextRange | null {
  const length = quote.exact.length;
  const head = locatePiece(text, pieceOf(quote, 0, PIECE_LENGTH), hint);
  if (!head) return null;
  const tail = locatePiece(text, pieceOf(quote, length - PIECE_LENGTH, length), head.start + length - PIECE_LENGTH);
  if (!tail || tail.end <= head.end) return null;
  const span = tail.end - head.start;
  return Math.abs(span - length) <= length / 4 ? { start: head.start, end: tail.end } : null;
}

/** Where the quote stands edited, within its error budget and the policy; null when nowhere. */
export function fuzzyMatch(text: string, quote: TextQuoteSelector, hint: number): TextRange | null {
  return quote.exact.length <= MAX_FUZZY_QUOTE ? fuzzyNear(text, quote, hint) : fuzzyLong(text, quote, hint);
}
