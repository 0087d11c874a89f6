import { describe, expect, it } from 'vitest';
import { rangeWithPinned } from './pinned-range';

const range = { startIndex: 10, endIndex: 12, overscan: 2, count: 100 };

describe('rangeWithPinned', () => {
  it('renders the viewport with its overscan', () => {
    expect(rangeWithPinned(range, [])).toEqual([8, 9, 10, 11, 12, 13, 14]);
  });
  it('keeps pinned cards far away, in reading order, once each', () => {
    expect(rangeWithPinned(range, [90, 2, 11, 90])).toEqual([2, 8, 9, 10, 11, 12, 13, 14, 90]);
  });
  it('ignores pins outside the list (a filtered-out note)', () => {
    expect(rangeWithPinned(range, [-1, 100])).toEqual([8, 9, 10, 11, 12, 13, 14]);
  });
});
