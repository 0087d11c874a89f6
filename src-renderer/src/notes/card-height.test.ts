import { describe, expect, it } from 'vitest';
import { estimateCardHeight } from './card-height';

describe('estimateCardHeight', () => {
  it('grows with the body, the quotes and the tags', () => {
    const bare = estimateCardHeight('', [], false);
    const short = estimateCardHeight('A short remark.', ['A quote.'], false);
    const long = estimateCardHeight('word '.repeat(200), ['A quote.'], false);
    expect(short).toBeGreaterThan(bare);
    expect(long).toBeGreaterThan(short + 200);
    expect(estimateCardHeight('A short remark.', ['A quote.'], true)).toBeGreaterThan(short);
    expect(estimateCardHeight('Two\n\nparagraphs', [], false)).toBeGreaterThan(estimateCardHeight('One', [], false));
  });
  it('counts a long quote as folded', () => {
    expect(estimateCardHeight('', ['x'.repeat(5000)], false)).toBe(estimateCardHeight('', ['x'.repeat(400)], false));
  });
});
