/**
 * Find in article, as pure offsets over the canonical text. Matching ignores case and
 * accents ("etat" finds "État"), and a run of white space matches any other run (a
 * query typed on one line finds a phrase broken across lines). The text is folded once
 * per article, keeping where each folded unit came from; each query is then a plain
 * indexOf loop over the folded text, a few milliseconds for a megabyte.
 */
import type { TextRange } from '@shared/anchoring/text-range';

export interface FoldedText {
  folded: string;
  /** For each folded unit, where the character it came from starts and ends in the original text (the end also takes in accents that folded away). */
  from: Int32Array;
  to: Int32Array;
}

/** Enough to count and step through any real query; a one-letter query on a huge article stops here and says so. */
export const MAX_MATCHES = 100_000;

const MARKS = /\p{M}/gu;
const SPACE = /^\s$/u;

/** Folded forms of the non-ASCII characters met so far: an article uses few distinct ones. */
const foldedChars = new Map<number, string>();

/** One character, folded: lower case, canonical decomposition without its combining marks, recomposed (so Hangul stays whole). */
function foldChar(code: number): string {
  let folded = foldedChars.get(code);
  if (folded === undefined) {
    const char = String.fromCodePoint(code);
    folded = SPACE.test(char) ? ' ' : char.toLowerCase().normalize('NFD').replace(MARKS, '').normalize('NFC');
    foldedChars.set(code, folded);
  }
  return folded;
}

export function foldText(text: string): FoldedText {
  // Folded units go into typed arrays and are decoded once: pushing a string per character costs ten times more on a megabyte.
  let units = new Uint16Array(text.length);
  let from = new Int32Array(text.length);
  let to = new Int32Array(text.length);
  let length = 0;
  let lastWasSpace = false;
  const put = (unit: number, start: number, end: number): void => {
    if (length === units.length) {
      // A character that folds longer than itself (rare): room to grow.
      units = grown(units, new Uint16Array(units.length * 2 + 8));
      from = grown(from, new Int32Array(units.length));
      to = grown(to, new Int32Array(units.length));
    }
    units[length] = unit;
    from[length] = start;
    to[length] = end;
    length++;
  };
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const space = code === 32 || (code >= 9 && code <= 13);
      if (!(space && lastWasSpace)) put(space ? 32 : code >= 65 && code <= 90 ? code + 32 : code, i, i + 1);
      lastWasSpace = space;
      i++;
      continue;
    }
    const point = text.codePointAt(i)!;
    const width = point > 0xffff ? 2 : 1;
    const folded = foldChar(point);
    if (folded === ' ') {
      if (!lastWasSpace) put(32, i, i + width);
      lastWasSpace = true;
    } else if (folded.length === 0) {
      // An accent on its own: it belongs to the character before it.
      if (length > 0) to[length - 1] = i + width;
    } else {
      for (let k = 0; k < folded.length; k++) put(folded.charCodeAt(k), i, i + width);
      lastWasSpace = false;
    }
    i += width;
  }
  return { folded: decoder.decode(units.subarray(0, length)), from: from.subarray(0, length), to: to.subarray(0, length) };
}

const decoder = new TextDecoder('utf-16le');

function grown<T extends Uint16Array | Int32Array>(old: T, next: T): T {
  next.set(old);
  return next;
}

/** A query folded as the text is; empty when it holds only white space. */
export function foldQuery(query: string): string {
  return query.trim() === '' ? '' : foldText(query).folded;
}

/** Every match of the query, in reading order, not overlapping; at most `limit`. */
export function findAll(text: FoldedText, query: string, limit = MAX_MATCHES): TextRange[] {
  const needle = foldQuery(query);
  const matches: TextRange[] = [];
  if (needle === '') return matches;
  for (let at = text.folded.indexOf(needle); at >= 0 && matches.length < limit; at = text.folded.indexOf(needle, at + needle.length)) {
    matches.push({ start: text.from[at]!, end: text.to[at + needle.length - 1]! });
  }
  return matches;
}

/** The index of the first match starting at or after `offset` (where reading is), wrapping to the first. */
export function matchFrom(matches: readonly TextRange[], offset: number): number {
  const i = firstAtOrAfter(matches, offset, (m) => m.start);
  return i < matches.length ? i : 0;
}

/** The matches that overlap a stretch of text (the chunks near the viewport), as an index range [first, last). */
export function matchesWithin(matches: readonly TextRange[], window: TextRange): { first: number; last: number } {
  return { first: firstAtOrAfter(matches, window.start, (m) => m.end - 1), last: firstAtOrAfter(matches, window.end, (m) => m.start) };
}

/** Binary search: the first index whose key is at or past `value` (keys rise with the index). */
function firstAtOrAfter(matches: readonly TextRange[], value: number, key: (m: TextRange) => number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(matches[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "3 of 17", "No matches", "1 of 100,000+" (the count stopped at the limit). */
export function countLabel(current: number, total: number, limit = MAX_MATCHES): string {
  if (total === 0) return 'No matches';
  return `${(current + 1).toLocaleString('en')} of ${total.toLocaleString('en')}${total >= limit ? '+' : ''}`;
}
