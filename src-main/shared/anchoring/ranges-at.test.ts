import { describe, expect, it } from 'vitest';
import { rangesAt } from './ranges-at';

describe('rangesAt', () => {
  const ranges = [
    { id: 'a', start: 0, end: 10 },
    { id: 'b', start: 5, end: 15 },
    { id: 'c', start: 6, end: 8 },
    { id: 'd', start: 20, end: 21 },
  ];

  it('returns every range containing the offset, overlapping and nested ones included, in input order', () => {
    expect(rangesAt(ranges, 0)).toEqual(['a']);
    expect(rangesAt(ranges, 5)).toEqual(['a', 'b']);
    expect(rangesAt(ranges, 7)).toEqual(['a', 'b', 'c']);
    expect(rangesAt(ranges, 20)).toEqual(['d']);
  });

  it('treats ranges as half-open: the end offset is outside', () => {
    expect(rangesAt(ranges, 8)).toEqual(['a', 'b']);
    expect(rangesAt(ranges, 10)).toEqual(['b']);
    expect(rangesAt(ranges, 15)).toEqual([]);
    expect(rangesAt(ranges, 21)).toEqual([]);
  });

  it('returns nothing outside every range, or with no ranges', () => {
    expect(rangesAt(ranges, -1)).toEqual([]);
    expect(rangesAt(ranges, 17)).toEqual([]);
    expect(rangesAt([], 3)).toEqual([]);
  });
});
