/**
 * Texts and helpers for the anchoring tests: the bundled article as canonical text, ways
 * to edit it, random Unicode text, and checks that no offset splits a surrogate pair
 * (written independently of the code under test).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { canonicalText, splitTitle } from '../../canonical-text';
import type { Anchor, TextRange } from '../text-range';

const ARTICLE_FILE = fileURLToPath(new URL('../../../../resources/articles/putin-wants-syria-to-return-the-favor.txt', import.meta.url));
export const ARTICLE = canonicalText(splitTitle(readFileSync(ARTICLE_FILE, 'utf8'), 'Untitled').body).text;

// ---------------------------------------------------------------------------
// Helpers

/** Offset of the nth (1-based) occurrence of `needle`. */
export function nth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i += 1) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`fewer than ${n} occurrences of ${needle}`);
  }
  return at;
}

/** Range of the first occurrence of `needle` at or after `from`. */
export function find(text: string, needle: string, from = 0): TextRange {
  const start = text.indexOf(needle, from);
  if (start === -1) throw new Error(`not found: ${needle}`);
  return { start, end: start + needle.length };
}

export function insertAt(text: string, offset: number, inserted: string): string {
  return text.slice(0, offset) + inserted + text.slice(offset);
}

export function replaceRange(text: string, range: TextRange, replacement: string): string {
  return text.slice(0, range.start) + replacement + text.slice(range.end);
}

export function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

export function expectWholeCodePoints(text: string, range: TextRange): void {
  expect(splitsPair(text, range.start), `start ${range.start} splits a surrogate pair`).toBe(false);
  expect(splitsPair(text, range.end), `end ${range.end} splits a surrogate pair`).toBe(false);
}

/** The string has no half of a surrogate pair at either edge. */
export function expectNoLoneSurrogateAtEdges(s: string): void {
  if (s.length === 0) return;
  expect(isLow(s.charCodeAt(0))).toBe(false);
  expect(isHigh(s.charCodeAt(s.length - 1))).toBe(false);
}

export function textOf(text: string, found: Anchor | null): string | null {
  return found && text.slice(found.start, found.end);
}


export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const UNICODE_TOKENS = [
  'Putin', 'the', 'war', 'Syria', 'Асад', 'Россия', 'война', 'سوريا', 'الأسد', 'بوتين', '😀', '🇸🇾', '👨‍👩‍👧‍👦',
  '🏳️‍🌈', 'e\u0301', 'n\u0303o', 'ά', '中文', 'हि', '𝒳', '\u200d', ' ', ' ', ' ', ' ', ', ', '. ', '\n\n',
] as const;

export function randomUnicodeText(random: () => number, tokens: number): string {
  let text = '';
  for (let i = 0; i < tokens; i += 1) text += pick(random, UNICODE_TOKENS);
  return text;
}

/** A random offset in [from, to] that does not split a surrogate pair. */
export function randomBoundary(random: () => number, text: string, from: number, to: number): number {
  const offset = from + Math.floor(random() * (to - from + 1));
  return splitsPair(text, offset) ? offset - 1 : offset;
}

/** About `size` code units of article words in random order: long, and with few repeated passages. */
export function wordSoup(random: () => number, size: number): string {
  const words = ARTICLE.split(/\s+/);
  const out: string[] = [];
  let length = 0;
  while (length < size) {
    const word = pick(random, words);
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
}
