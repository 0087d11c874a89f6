import { describe, expect, it } from 'vitest';
import { layerRanges, overlaps, type PlacedExcerpt } from './highlight-layers';

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

describe('layerRanges', () => {
  it('puts each excerpt in its kind layer and focus/flash layers', () => {
    const placed: PlacedExcerpt[] = [
      { id: 'a', start: 0, end: 4, kind: 'annotation' },
      { id: 'b', start: 10, end: 14, kind: 'lead' },
      { id: 'c', start: 20, end: 24, kind: 'plain' },
    ];
    const layers = layerRanges(placed, new Set(['b']), new Set(['c']));
    expect(layers['ll-annotation'].map((r) => r.start)).toEqual([0]);
    expect(layers['ll-lead'].map((r) => r.start)).toEqual([10]);
    expect(layers['ll-plain'].map((r) => r.start)).toEqual([20]);
    expect(layers['ll-focus'].map((r) => r.start)).toEqual([10]);
    expect(layers['ll-flash'].map((r) => r.start)).toEqual([20]);
    expect(layers['ll-overlap']).toEqual([]);
  });
});
