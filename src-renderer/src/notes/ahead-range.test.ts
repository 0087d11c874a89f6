import { describe, expect, it } from 'vitest';
import { MAX_AHEAD, NO_REACH, aheadIndexes, extendReach, nextReach, reachIndexes } from './ahead-range';

const range = { startIndex: 10, endIndex: 12, overscan: 2, count: 100 };

describe('cards mounted ahead of the scroll', () => {
  it('starts with none, then reaches one card further per idle callback, up to MAX_AHEAD', () => {
    expect(aheadIndexes(range, 'forward', -1)).toEqual([]);
    let reach = -1;
    const reaches: number[] = [];
    for (let next = extendReach(range, 'forward', reach); next !== null; next = extendReach(range, 'forward', reach)) reaches.push((reach = next));
    expect(reaches).toEqual([15, 16, 17, 18, 19, 20]);
    expect(aheadIndexes(range, 'forward', reach)).toEqual([15, 16, 17, 18, 19, 20]);
    expect(reaches).toHaveLength(MAX_AHEAD);
  });
  it('keeps what it built as the scroll moves on, and builds only what is new', () => {
    const moved = { ...range, startIndex: 13, endIndex: 15 };
    expect(aheadIndexes(moved, 'forward', 20)).toEqual([18, 19, 20]);
    expect(extendReach(moved, 'forward', 20)).toBe(21);
  });
  it('builds upwards when scrolling up, in reading order', () => {
    expect(extendReach(range, 'backward', 1000)).toBe(7);
    expect(aheadIndexes(range, 'backward', 5)).toEqual([5, 6, 7]);
    expect(aheadIndexes(range, 'forward', 5)).toEqual([]);
  });
  it('stops at the ends of the list', () => {
    const end = { startIndex: 95, endIndex: 97, overscan: 2, count: 100 };
    expect(extendReach(end, 'forward', -1)).toBeNull();
    const top = { startIndex: 1, endIndex: 3, overscan: 2, count: 100 };
    expect(extendReach(top, 'backward', 1000)).toBeNull();
  });
});

describe('one idle step', () => {
  it('builds one card ahead and drops the cards scrolled past but one, together', () => {
    const start = nextReach(range, 'forward', NO_REACH);
    expect(reachIndexes(range, NO_REACH)).toEqual([]);
    expect(start).toEqual({ direction: 'forward', ahead: 15, behind: 7 });
    // Scrolled on by three cards: 7 to 10 stay mounted until the next idle step.
    const moved = { ...range, startIndex: 13, endIndex: 15 };
    expect(reachIndexes(moved, start!)).toEqual([7, 8, 9, 10]);
    const next = nextReach(moved, 'forward', start!);
    expect(next).toEqual({ direction: 'forward', ahead: 18, behind: 10 });
    expect(reachIndexes(moved, next!)).toEqual([10, 18]);
  });
  it('has nothing to do once all is built and nothing is behind', () => {
    expect(nextReach(range, 'forward', { direction: 'forward', ahead: 20, behind: 8 })).toBeNull();
  });
  it('turns round with the scroll', () => {
    expect(nextReach(range, 'backward', { direction: 'forward', ahead: 20, behind: 8 })).toEqual({ direction: 'backward', ahead: 7, behind: 15 });
  });
});

describe('a jump', () => {
  it('keeps nothing of what was built far away', () => {
    const far = { ...range, startIndex: 500, endIndex: 502 };
    expect(reachIndexes(far, { direction: 'forward', ahead: 20, behind: 8 })).toEqual([]);
    const back = { ...range, startIndex: 50, endIndex: 52 };
    expect(reachIndexes(back, { direction: 'backward', ahead: 400, behind: 410 })).toEqual([]);
  });
  it('claims nothing built after a jump back, where an old reach ran far ahead', () => {
    const top = { startIndex: 0, endIndex: 2, overscan: 0, count: 10_000 };
    const farAhead = { direction: 'forward' as const, ahead: 8_990, behind: 8_970 };
    expect(reachIndexes(top, farAhead)).toEqual([]);
    expect(nextReach(top, 'forward', farAhead)).toEqual({ direction: 'forward', ahead: 3, behind: -1 });
    const middle = { startIndex: 4_780, endIndex: 4_782, overscan: 0, count: 10_000 };
    expect(reachIndexes(middle, { direction: 'backward', ahead: 3, behind: 10 })).toEqual([]);
  });
});
