/**
 * Anchoring: turns a selection into selectors, and selectors back into a range of
 * the canonical text, in the manner of the Hypothesis client (position first, then
 * the quote with its context, then a fuzzy match scored by context and position).
 *
 * Everything here is a pure function over strings and UTF-16 offsets: no DOM, no
 * Node, no Electron, so the same code runs in main, renderer, browser host and tests.
 */
import search from 'approx-string-match';
import type { Selectors, TextQuoteSelector } from './model';

export interface TextRange {
  start: number;
  end: number;
}

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor extends TextRange {
  method: AnchorMethod;
}

/** Length of the prefix and suffix kept around a quote. */
export const CONTEXT_LENGTH = 32;

/**
 * Quotes longer than this are not fuzzy-matched whole: approx-string-match costs
 * O(text × pattern/32) when the text resembles the pattern, and its start-finding
 * pass costs O(pattern² / 32) per match, so a long quote over a 1 MB text could
 * stall the UI for seconds. Longer quotes are found by their head and tail instead.
 */
const MAX_FUZZY_QUOTE = 256;

/** Length of the head and tail pieces a long quote is found by. */
const PIECE_LENGTH = 128;

/**
 * Most edits that break a position are local, so a fuzzy search first looks this
 * far around the old position (cheap) and scans the whole text only on failure.
 */
const FUZZY_WINDOW = 4096;

/**
 * Candidates beyond this many (a common word in a long text) are first cut down by
 * a cheap exact-context comparison, so the costlier edit-distance scoring stays
 * bounded however often the quote occurs.
 */
const MAX_SCORED = 64;

/** Rounds of fuzzy search, each past the matches the one before rejected. */
const FUZZY_ROUNDS = 3;

/** Larger than any distance between offsets, so one more agreeing character outweighs any nearness. */
const AGREEMENT_SCALE = 2 ** 32;

/**
 * The weights of Hypothesis's matchQuote: the quote counts most, the context next,
 * and nearness to the old position only breaks near-ties.
 */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

/**
 * A match scoring below this is no match. Unrelated English context still scores
 * about 0.3 by chance, and a short quote (a name, one edit away or even exact)
 * turns up by chance all over a long text, so a short quote must agree in its
 * context too; a longer quote within its error budget is itself evidence, and is
 * kept with its context rewritten. (Measured on the bundled article: chance fuzzy
 * matches of quotes under 32 chars scored up to 0.80, of longer quotes up to 0.60.)
 */
function minScore(quoteLength: number): number {
  return quoteLength < CONTEXT_LENGTH ? 0.82 : 0.7;
}

// ---------------------------------------------------------------------------
// Surrogate pairs

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Grows a range by one code unit at either end that would cut a surrogate pair. */
function widenToCodePoints(text: string, range: TextRange): TextRange {
  return {
    start: splitsPair(text, range.start) ? range.start - 1 : range.start,
    end: splitsPair(text, range.end) ? range.end + 1 : range.end,
  };
}

function onCodePoints(text: string, range: TextRange): boolean {
  return !splitsPair(text, range.start) && !splitsPair(text, range.end);
}

// ---------------------------------------------------------------------------
// Describing a range

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

// ---------------------------------------------------------------------------
// Scoring candidates

/** A place the quote may be, and how many edits the text there differs from it by. */
interface Candidate extends TextRange {
  errors: number;
}

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
 * What unrelated English context scores by chance (measured on the bundled article).
 * Context that cannot exist, cut off by the start or end of the text, scores this: it
 * is no evidence for a place, and no more against it than unrelated text would be.
 */
const CHANCE_AGREEMENT = 0.3;

/**
 * Similarity of stored context to the text, where only `part` of the stored context's
 * `length` characters fits between the range and the text's edge: the rest scores at chance.
 */
function contextScore(actual: string, part: string, length: number): number {
  if (length === 0) return 1;
  return (part.length * similarity(actual, part) + (length - part.length) * CHANCE_AGREEMENT) / length;
}

function prefixScore(text: string, range: TextRange, { prefix }: TextQuoteSelector): number {
  const fits = Math.min(range.start, prefix.length);
  return contextScore(text.slice(range.start - fits, range.start), prefix.slice(prefix.length - fits), prefix.length);
}

function suffixScore(text: string, range: TextRange, { suffix }: TextQuoteSelector): number {
  const fits = Math.min(text.length - range.end, suffix.length);
  return contextScore(text.slice(range.end, range.end + fits), suffix.slice(0, fits), suffix.length);
}

/** 1 at the old position, falling to 0 a text's length away (and staying 0 further off). */
function nearness(text: string, range: TextRange, hint: number): number {
  return 1 - Math.min(1, Math.abs(range.start - hint) / Math.max(1, text.length));
}

/** Hypothesis's weighted score in 0..1: quote, then context, then nearness to `hint`. */
function score(text: string, candidate: Candidate, quote: TextQuoteSelector, hint: number): number {
  const raw =
    WEIGHT.quote * (1 - candidate.errors / quote.exact.length) +
    WEIGHT.prefix * prefixScore(text, candidate, quote) +
    WEIGHT.suffix * suffixScore(text, candidate, quote) +
    WEIGHT.position * nearness(text, candidate, hint);
  return raw / WEIGHT_TOTAL;
}

/** Count of context characters that agree exactly, reading outward from the range. */
function contextAgreement(text: string, range: TextRange, quote: TextQuoteSelector): number {
  const { prefix, suffix } = quote;
  let before = 0;
  while (before < prefix.length && text.charCodeAt(range.start - 1 - before) === prefix.charCodeAt(prefix.length - 1 - before)) {
    before += 1;
  }
  let after = 0;
  while (after < suffix.length && text.charCodeAt(range.end + after) === suffix.charCodeAt(after)) after += 1;
  return before + after;
}

function contextHolds(text: string, range: TextRange, quote: TextQuoteSelector): boolean {
  return contextAgreement(text, range, quote) === quote.prefix.length + quote.suffix.length;
}

/**
 * The MAX_SCORED candidates with the most exactly agreeing context, nearest first on
 * ties. Each candidate gets one number as its key and the cut-off is found with a
 * typed-array sort, since a one-letter quote in a long text can have a million
 * occurrences and sorting that many objects with a comparator takes a second.
 */
function shortlist<T extends TextRange>(text: string, candidates: T[], quote: TextQuoteSelector, hint: number): T[] {
  if (candidates.length <= MAX_SCORED) return candidates;
  const keys = new Float64Array(candidates.length);
  candidates.forEach((candidate, i) => {
    keys[i] = contextAgreement(text, candidate, quote) * AGREEMENT_SCALE - Math.abs(candidate.start - hint);
  });
  const cutoff = keys.slice().sort()[keys.length - MAX_SCORED]!;
  return candidates.filter((_, i) => keys[i]! >= cutoff).slice(0, MAX_SCORED);
}

// ---------------------------------------------------------------------------
// Exact quote

/** Every occurrence of `exact` that does not cut a surrogate pair. */
function occurrences(text: string, exact: string): TextRange[] {
  const found: TextRange[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const range = { start: at, end: at + exact.length };
    if (onCodePoints(text, range)) found.push(range);
  }
  return found;
}

/** The exact occurrence whose context agrees best, the nearest to `hint` on a tie. */
function bestExact(text: string, quote: TextQuoteSelector, hint: number): TextRange | null {
  const candidates = shortlist(text, occurrences(text, quote.exact), quote, hint);
  let best: TextRange | null = null;
  let bestContext = -1;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const context = prefixScore(text, candidate, quote) + suffixScore(text, candidate, quote);
    const distance = Math.abs(candidate.start - hint);
    if (context > bestContext || (context === bestContext && distance < bestDistance)) {
      [best, bestContext, bestDistance] = [candidate, context, distance];
    }
  }
  return best;
}

// ---------------------------------------------------------------------------
// Fuzzy quote

/** Budget of edits a fuzzy match may differ from the quote by. */
function errorBudget(quoteLength: number): number {
  return Math.floor(quoteLength / 4);
}

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
 * A fuzzy match may differ from the quote by its error budget in all, but by no more
 * than half of any this many consecutive characters of it: edits spread through a
 * passage (a typo fixed, a word changed) leave the same passage, while a stretch of two
 * or three words replaced wholesale leaves one that says something else around the
 * same edges (dom-anchor-text-quote's rule, which matches each 32-character slice).
 */
const STRETCH_LENGTH = 16;

/** Edits charged to each character of `quote` by an optimal alignment with `span`. */
function errorsAlong(quote: string, span: string): Uint16Array {
  const [m, n] = [quote.length, span.length];
  const width = n + 1;
  const cost = new Uint16Array((m + 1) * width);
  for (let i = 0; i <= m; i += 1) cost[i * width] = i;
  for (let j = 0; j <= n; j += 1) cost[j] = j;
  for (let i = 1; i <= m; i += 1) {
    for (let j = 1; j <= n; j += 1) {
      const swap = cost[(i - 1) * width + j - 1]! + (quote.charCodeAt(i - 1) === span.charCodeAt(j - 1) ? 0 : 1);
      cost[i * width + j] = Math.min(swap, cost[(i - 1) * width + j]! + 1, cost[i * width + j - 1]! + 1);
    }
  }
  const charged = new Uint16Array(m);
  for (let [i, j] = [m, n]; i > 0 || j > 0; ) {
    const here = cost[i * width + j]!;
    if (i > 0 && j > 0 && here === cost[(i - 1) * width + j - 1]! + (quote.charCodeAt(i - 1) === span.charCodeAt(j - 1) ? 0 : 1)) {
      if (quote.charCodeAt(i - 1) !== span.charCodeAt(j - 1)) charged[i - 1] += 1;
      [i, j] = [i - 1, j - 1];
    } else if (i > 0 && here === cost[(i - 1) * width + j]! + 1) {
      charged[i - 1] += 1; // the quote's character is gone
      i -= 1;
    } else {
      charged[Math.min(i, m - 1)] += 1; // a character was inserted before the quote's i-th
      j -= 1;
    }
  }
  return charged;
}

/** Whether more than half of some STRETCH_LENGTH consecutive characters of the quote were edited. */
function stretchReplaced(text: string, candidate: Candidate, exact: string): boolean {
  if (candidate.errors <= STRETCH_LENGTH / 2) return false;
  const charged = errorsAlong(exact, text.slice(candidate.start, candidate.end));
  let inWindow = 0;
  for (let i = 0; i < charged.length; i += 1) {
    inWindow += charged[i]! - (i >= STRETCH_LENGTH ? charged[i - STRETCH_LENGTH]! : 0);
    if (inWindow > STRETCH_LENGTH / 2) return true;
  }
  return false;
}

/**
 * The best-scoring candidate that replaces no stretch of the quote, or null when none
 * scores high enough. On a tie (one start, several ends with as many errors) the span
 * whose length is nearest the quote's.
 */
function bestFuzzy(text: string, candidates: Candidate[], quote: TextQuoteSelector, hint: number): TextRange | null {
  const min = minScore(quote.exact.length);
  const ranked = shortlist(text, candidates, quote, hint)
    .map((candidate) => ({ candidate, score: score(text, candidate, quote, hint), gap: Math.abs(candidate.end - candidate.start - quote.exact.length) }))
    .filter((r) => r.score >= min)
    .sort((a, b) => b.score - a.score || a.gap - b.gap);
  const best = ranked.find((r) => !stretchReplaced(text, r.candidate, quote.exact))?.candidate;
  return best ? { start: best.start, end: best.end } : null;
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

/** Fuzzy match of a quote of at most MAX_FUZZY_QUOTE chars: near `hint` first, then anywhere. */
function fuzzyNear(text: string, quote: TextQuoteSelector, hint: number): TextRange | null {
  if (errorBudget(quote.exact.length) === 0) return null;
  const from = Math.max(0, Math.min(text.length, hint) - FUZZY_WINDOW);
  const to = Math.min(text.length, hint + quote.exact.length + FUZZY_WINDOW);
  const near = fuzzyBetween(text, quote, hint, from, to);
  if (near || (from === 0 && to === text.length)) return near;
  return fuzzyBetween(text, quote, hint, 0, text.length);
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
  return bestExact(text, piece, hint) ?? fuzzyNear(text, piece, hint);
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

function fuzzyMatch(text: string, quote: TextQuoteSelector, hint: number): TextRange | null {
  return quote.exact.length <= MAX_FUZZY_QUOTE ? fuzzyNear(text, quote, hint) : fuzzyLong(text, quote, hint);
}

// ---------------------------------------------------------------------------
// Anchoring

/** The quote is at `range`, which cuts no surrogate pair. */
function quoteAt(text: string, range: TextRange, quote: TextQuoteSelector): boolean {
  return range.end - range.start === quote.exact.length && text.startsWith(quote.exact, range.start) && onCodePoints(text, range);
}

function sameRange(a: TextRange, b: TextRange): boolean {
  return a.start === b.start && a.end === b.end;
}

/**
 * Whether the exact occurrence with the best context is believable: a long quote
 * found verbatim is, and so is the stored position; a short one needs its context.
 */
function exactBelievable(text: string, range: TextRange, { quote, position }: Selectors): boolean {
  if (quote.exact.length >= CONTEXT_LENGTH || sameRange(range, position)) return true;
  if (score(text, { ...range, errors: 0 }, quote, position.start) >= minScore(quote.exact.length)) return true;
  return intactSideOnce(text, range.start - quote.prefix.length, quote.prefix + quote.exact, quote.prefix) ||
    intactSideOnce(text, range.start, quote.exact + quote.suffix, quote.suffix);
}

/**
 * Whether one whole side of the context is still beside the quote, and the quote with
 * that side (`joined`, expected at `at`) occurs nowhere else: the other side may then
 * have been rewritten, but this place is still the only one it can be.
 */
function intactSideOnce(text: string, at: number, joined: string, side: string): boolean {
  return side.length > 0 && at >= 0 && text.startsWith(joined, at) && text.indexOf(joined) === at && text.indexOf(joined, at + 1) === -1;
}

/**
 * Finds the selectors in text: 1) position, if text.slice(start,end) === quote.exact;
 * 2) exact quote occurrences, choosing the best by prefix/suffix context agreement,
 * then nearness to the old position; 3) fuzzy (approx-string-match) with an error
 * budget of a quarter of the quote's length, scoring candidates by context and
 * position as Hypothesis does; null when nothing acceptable (an orphan). Never
 * returns a range that splits a surrogate pair.
 *
 * Two refinements of that order, both so that an edit cannot silently move a note
 * onto another occurrence of a short quote ("Putin"): the position wins outright
 * only with its context intact, and otherwise competes with the other occurrences
 * (keeping method 'position' if it still wins, and winning anyway if no occurrence
 * is believable); and a short quote found elsewhere must agree in context, else the
 * fuzzy step looks for it edited in its own context, and failing that it is an orphan.
 */
export function anchor(text: string, selectors: Selectors): Anchor | null {
  const { quote, position } = selectors;
  if (quote.exact.length === 0) return null;
  const atPosition = anchorAtPosition(text, selectors);
  if (atPosition) return atPosition;
  const exact = bestExact(text, quote, position.start);
  if (exact && exactBelievable(text, exact, selectors)) {
    return { ...exact, method: sameRange(exact, position) ? 'position' : 'quote' };
  }
  if (quoteAt(text, position, quote)) return { start: position.start, end: position.end, method: 'position' };
  const fuzzy = fuzzyMatch(text, quote, position.start);
  return fuzzy && { ...fuzzy, method: 'fuzzy' };
}

/** The stored position, when the quote and its whole context are still there. */
function anchorAtPosition(text: string, { quote, position }: Selectors): Anchor | null {
  if (!quoteAt(text, position, quote) || !contextHolds(text, position, quote)) return null;
  return { start: position.start, end: position.end, method: 'position' };
}

/**
 * One edit moves every excerpt after it by the same amount, so anchorAll tries the
 * last shift it saw before searching the whole text for each excerpt. The shortcut
 * is taken only where anchor() must agree: the quote and its whole context are at
 * the shifted place (no context agrees better), and no other such occurrence is
 * nearer the old position, nor as near and earlier (anchor()'s tie-break).
 */
function anchorShifted(text: string, { quote, position }: Selectors, shift: number): Anchor | null {
  const shifted = { start: position.start + shift, end: position.end + shift };
  if (shift === 0 || !quoteAt(text, shifted, quote) || !contextHolds(text, shifted, quote)) return null;
  const whole = quote.prefix + quote.exact + quote.suffix;
  const reach = Math.abs(shift);
  const first = text.indexOf(whole, Math.max(0, position.start - reach - quote.prefix.length));
  if (first + quote.prefix.length !== shifted.start) return null;
  const next = shift < 0 ? text.indexOf(whole, first + 1) : -1;
  if (next !== -1 && next + quote.prefix.length < position.start + reach) return null;
  return { ...shifted, method: 'quote' };
}

/**
 * Anchors many at once (id -> Anchor|null). When positions still match this is one
 * string comparison per item, so thousands of excerpts take a few milliseconds.
 */
export function anchorAll(text: string, items: ReadonlyArray<{ id: string } & Selectors>): Map<string, Anchor | null> {
  // In text order, neighbours share the shift an edit before them caused; the
  // callers' order (creation order) would make almost every guess miss.
  const ordered = [...items].sort((a, b) => a.position.start - b.position.start);
  const found = new Map<string, Anchor | null>();
  let shift = 0;
  for (const item of ordered) {
    const anchored = anchorAtPosition(text, item) ?? anchorShifted(text, item, shift) ?? anchor(text, item);
    if (anchored) shift = anchored.start - item.position.start;
    found.set(item.id, anchored);
  }
  return new Map(items.map((item) => [item.id, found.get(item.id) ?? null]));
}

/** Ids of the items whose range contains offset (start <= offset < end), for hit-testing a click. */
export function rangesAt(ranges: ReadonlyArray<{ id: string } & TextRange>, offset: number): string[] {
  return ranges.filter((range) => range.start <= offset && offset < range.end).map((range) => range.id);
}
