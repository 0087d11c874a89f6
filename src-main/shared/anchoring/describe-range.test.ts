import { describe, expect, it } from 'vitest';
import { SelectorsSchema } from '../model';
import { CONTEXT_LENGTH, selectorsFor } from './describe-range';
import { ARTICLE, nth, splitsPair } from './testdata/text-helpers';

describe('selectorsFor', () => {
  it('describes a range by its quote, up to CONTEXT_LENGTH characters of context each side, and its offsets', () => {
    const start = nth(ARTICLE, 'Putin', 3);
    const selectors = selectorsFor(ARTICLE, { start, end: start + 5 });
    expect(CONTEXT_LENGTH).toBe(32);
    expect(selectors).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Putin',
        prefix: ARTICLE.slice(start - 32, start),
        suffix: ARTICLE.slice(start + 5, start + 37),
      },
      position: { type: 'TextPositionSelector', start, end: start + 5 },
    });
    expect(SelectorsSchema.parse(selectors)).toEqual(selectors);
  });

  it('clips the prefix at the start of the text and the suffix at its end', () => {
    const head = selectorsFor(ARTICLE, { start: 3, end: 10 });
    expect(head.quote.prefix).toBe(ARTICLE.slice(0, 3));
    expect(head.quote.suffix).toHaveLength(32);
    const tail = selectorsFor(ARTICLE, { start: ARTICLE.length - 6, end: ARTICLE.length - 1 });
    expect(tail.quote.suffix).toBe('.');
    expect(tail.quote.prefix).toHaveLength(32);
    expect(selectorsFor('abc', { start: 0, end: 3 }).quote).toEqual({ type: 'TextQuoteSelector', exact: 'abc', prefix: '', suffix: '' });
  });

  it('throws a RangeError on an empty, reversed, out-of-bounds or fractional range', () => {
    for (const range of [
      { start: 5, end: 5 },
      { start: 6, end: 5 },
      { start: -1, end: 3 },
      { start: 0, end: ARTICLE.length + 1 },
      { start: 1.5, end: 4 },
      { start: 0, end: Number.NaN },
    ]) {
      expect(() => selectorsFor(ARTICLE, range)).toThrow(RangeError);
    }
    expect(() => selectorsFor('', { start: 0, end: 0 })).toThrow(RangeError);
  });

  it('never splits a surrogate pair in the prefix or suffix', () => {
    const text = `${'x'.repeat(10)}😀${'y'.repeat(31)}QUOTE${'y'.repeat(31)}😀z`;
    const start = text.indexOf('QUOTE');
    expect(splitsPair(text, start - CONTEXT_LENGTH)).toBe(true); // the naive prefix would cut the emoji
    const { quote } = selectorsFor(text, { start, end: start + 5 });
    expect(quote.prefix).toBe('y'.repeat(31));
    expect(quote.suffix).toBe('y'.repeat(31));
    // With one more character of room the whole emoji fits in the context.
    const roomy = `😀${'y'.repeat(30)}QUOTE${'y'.repeat(30)}😀z`;
    const at = roomy.indexOf('QUOTE');
    expect(selectorsFor(roomy, { start: at, end: at + 5 }).quote).toMatchObject({ prefix: `😀${'y'.repeat(30)}`, suffix: `${'y'.repeat(30)}😀` });
  });

  it('widens a range that cuts a surrogate pair to take the whole character', () => {
    const text = 'a😀b';
    expect(selectorsFor(text, { start: 2, end: 4 }).position).toMatchObject({ start: 1, end: 4 });
    expect(selectorsFor(text, { start: 0, end: 2 }).quote.exact).toBe('a😀');
    expect(selectorsFor(text, { start: 2, end: 3 }).quote.exact).toBe('😀');
  });
});
