/**
 * canonicalText's faster white-space collapse against the rule every stored excerpt's
 * offsets were computed with (`block.replace(/\s+/g, ' ').trim()`): exhaustively over
 * every string of up to four characters drawn from all of JavaScript's white space, a
 * few letters and the line breaks paragraphs split at.
 */
import { describe, expect, it } from 'vitest';
import { canonicalText, PARAGRAPH_SEPARATOR } from './canonical-text';

/** The canonical text as it was before the faster collapse. */
function previous(content: string): string {
  return content
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\f\v\u00a0]*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block.length > 0)
    .join(PARAGRAPH_SEPARATOR);
}

const ALPHABET = [' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u180e', '\u200b', '\u0085', 'a', 'é'];

function* strings(length: number): Generator<string> {
  if (length === 0) return yield '';
  for (const head of strings(length - 1)) for (const c of ALPHABET) yield head + c;
}

describe('canonicalText against the plain rule', () => {
  it('gives the same text for every mix of up to four characters of white space and letters', () => {
    const differing: string[] = [];
    for (let length = 1; length <= 4; length++) {
      for (const s of strings(length)) {
        const content = `x${s}y${s}\n\n${s}z`;
        if (canonicalText(content).text !== previous(content)) differing.push(JSON.stringify(content));
      }
    }
    expect(differing).toEqual([]);
  });

  it('keeps every paragraph span on its text for an article of hostile white space', () => {
    const content = '\ufeffTitle\u00a0 line\r\n\r\n\tBody\u2028with\u2029breaks\f and\v tabs\u3000\u3000end\r\r \u00a0 \rLast\u0085one ';
    const { text, paragraphs } = canonicalText(content);
    expect(text).toBe(previous(content));
    expect(paragraphs.map((p) => text.slice(p.start, p.end)).join(PARAGRAPH_SEPARATOR)).toBe(text);
  });
});
