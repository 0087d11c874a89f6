import { describe, expect, it } from 'vitest';
import { boxesOf, groupPieces, groupRanges, markedRanges, piecesWithin, overlaps, sameDrawing, splitInView, type PlacedExcerpt } from './highlight-layers';

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

describe('groupRanges', () => {
  it('paints the kinds bottom up (plain, annotation, lead), each excerpt in its kind\'s layer', () => {
    expect(groupRanges('kinds', placed).map((r) => [r.layer, r.excerptId])).toEqual([
      ['ll-plain', 'c'],
      ['ll-annotation', 'a'],
      ['ll-lead', 'b'],
    ]);
  });
  it('paints where excerpts overlap last, as stretches of no excerpt', () => {
    const ranges = groupRanges('kinds', [...placed, { id: 'd', start: 2, end: 12, kind: 'plain' }]).filter((r) => r.layer === 'll-overlap');
    expect(ranges).toEqual([
      { layer: 'll-overlap', range: { start: 2, end: 4 }, excerptId: null },
      { layer: 'll-overlap', range: { start: 10, end: 12 }, excerptId: null },
    ]);
  });
  it('paints a mark group\'s pieces in its own layer', () => {
    expect(groupRanges('ll-focus', groupPieces('ll-focus', placed, new Set(['b'])))).toEqual([{ layer: 'll-focus', range: placed[1], excerptId: 'b' }]);
    expect(groupPieces('kinds', placed, new Set())).toBe(placed);
  });
});

describe('markedRanges', () => {
  it('picks the excerpts by id', () => {
    expect(markedRanges(placed, new Set(['c', 'a'])).map((r) => r.id)).toEqual(['a', 'c']);
    expect(markedRanges(placed, new Set())).toEqual([]);
  });
});

describe('piecesWithin', () => {
  it('keeps the excerpts inside the stretch, cut to it', () => {
    expect(piecesWithin(placed, { start: 2, end: 12 })).toEqual([
      { id: 'a', start: 2, end: 4, kind: 'annotation' },
      { id: 'b', start: 10, end: 12, kind: 'lead' },
    ]);
    expect(piecesWithin(placed, { start: 30, end: 40 })).toEqual([]);
  });
  it('leaves out an excerpt that only touches the stretch, and keeps whole ones as they are', () => {
    expect(piecesWithin(placed, { start: 4, end: 10 })).toEqual([]);
    expect(piecesWithin(placed, { start: 0, end: 30 })[0]).toBe(placed[0]);
  });
});

describe('boxesOf', () => {
  const origin = { left: 100, top: 1000 };
  it('places each line fragment relative to the origin', () => {
    expect(boxesOf([{ left: 110, top: 1020, right: 300, bottom: 1040 }], origin)).toEqual([{ left: 10, top: 20, width: 190, height: 20 }]);
  });
  it('merges fragments that follow each other on a line (a mark inside the excerpt), not fragments of other lines', () => {
    const rects = [
      { left: 110, top: 1020, right: 200, bottom: 1040 },
      { left: 200, top: 1020, right: 260, bottom: 1040 },
      { left: 100, top: 1050, right: 180, bottom: 1070 },
    ];
    expect(boxesOf(rects, origin)).toEqual([
      { left: 10, top: 20, width: 150, height: 20 },
      { left: 0, top: 50, width: 80, height: 20 },
    ]);
  });
  it('drops empty fragments (a line break at the excerpt\'s edge)', () => {
    expect(boxesOf([{ left: 300, top: 1020, right: 300, bottom: 1040 }], origin)).toEqual([]);
  });
});

describe('sameDrawing', () => {
  it('compares place and kind, not identity', () => {
    expect(sameDrawing(placed, placed.map((p) => ({ ...p })))).toBe(true);
    expect(sameDrawing(placed, [placed[0]!, { ...placed[1]!, kind: 'annotation' }, placed[2]!])).toBe(false);
    expect(sameDrawing(placed, placed.slice(1))).toBe(false);
  });
});

describe('splitInView', () => {
  const line = (top: number, id: string) => ({ left: 0, top, width: 100, height: 20, id });
  it('paints now every range with a box on screen, all of its boxes, and leaves the others for later', () => {
    const above = [line(0, 'a'), line(20, 'a')];
    const across = [line(80, 'b'), line(100, 'b'), line(120, 'b')];
    const inside = [line(140, 'c')];
    const below = [line(400, 'd')];
    const { now, later } = splitInView([above, across, inside, below], 110, 300);
    expect(now.map((b) => b.id)).toEqual(['b', 'b', 'b', 'c']);
    expect(later.map((b) => b.id)).toEqual(['a', 'a', 'd']);
  });
  it('does not count a box that only touches an edge of the view', () => {
    const { now, later } = splitInView([[line(0, 'a')], [line(300, 'b')]], 20, 300);
    expect(now).toEqual([]);
    expect(later.map((b) => b.id)).toEqual(['a', 'b']);
  });
});
