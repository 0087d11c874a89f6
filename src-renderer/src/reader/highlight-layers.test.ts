import { describe, expect, it } from 'vitest';
import { baseLayerRanges, excerptsWithin, markedRanges, overlaps, sameDrawing, type PlacedExcerpt } from './highlight-layers';

describe('overlaps', () => {
  it('finds stretches covered twice or more', () => {
    expect(overlaps([{ start: 0, end: 10 }, { start: 5, end: 15 }])).toEqual([{ start: 5, end: 10 }]);
  });
  it('handles nesting and triple coverage as one stretch', () => {
    expect(overlaps([{ start: 0, end: 20 }, { start: 2, end: 8 }, { start: 4, end: 6 }])).toEqual([{ start: 2, end: 8 }]);
  });
  it('does not count ranges that only touch', () => {
    expect(overlaps([{ start: 0, end: 5 }, { start: 5, end: 9 }])).toEqual([]);
  });
  it('is empty for disjoint ranges', () => {
    expect(overlaps([{ start: 0, end: 2 }, { start: 3, end: 4 }])).toEqual([]);
  });
});

const placed: PlacedExcerpt[] = [
  { id: 'a', start: 0, end: 4, kind: 'annotation' },
  { id: 'b', start: 10, end: 14, kind: 'lead' },
  { id: 'c', start: 20, end: 24, kind: 'plain' },
];

describe('baseLayerRanges', () => {
  it('puts each excerpt in its kind layer', () => {
    const layers = baseLayerRanges(placed);
    expect(layers['ll-annotation'].map((r) => r.start)).toEqual([0]);
    expect(layers['ll-lead'].map((r) => r.start)).toEqual([10]);
    expect(layers['ll-plain'].map((r) => r.start)).toEqual([20]);
    expect(layers['ll-overlap']).toEqual([]);
  });
  it('draws where excerpts overlap', () => {
    expect(baseLayerRanges([...placed, { id: 'd', start: 2, end: 12, kind: 'plain' }])['ll-overlap']).toEqual([
      { start: 2, end: 4 },
      { start: 10, end: 12 },
    ]);
  });
});

describe('markedRanges', () => {
  it('picks the excerpts by id', () => {
    expect(markedRanges(placed, new Set(['c', 'a'])).map((r) => r.id)).toEqual(['a', 'c']);
    expect(markedRanges(placed, new Set())).toEqual([]);
  });
});

describe('excerptsWithin', () => {
  it('keeps the excerpts touching the stretch', () => {
    expect(excerptsWithin(placed, { start: 4, end: 12 }).map((r) => r.id)).toEqual(['a', 'b']);
    expect(excerptsWithin(placed, { start: 30, end: 40 })).toEqual([]);
  });
});

describe('sameDrawing', () => {
  it('compares place and kind, not identity', () => {
    expect(sameDrawing(placed, placed.map((p) => ({ ...p })))).toBe(true);
    expect(sameDrawing(placed, [placed[0]!, { ...placed[1]!, kind: 'annotation' }, placed[2]!])).toBe(false);
    expect(sameDrawing(placed, placed.slice(1))).toBe(false);
  });
});
