import { describe, expect, it } from 'vitest';
import { lingerAfterJump, withLingering } from './jump-linger';

describe('lingerAfterJump', () => {
  it('keeps nothing when the list scrolled (overlapping or touching cards)', () => {
    expect(lingerAfterJump([5, 6, 7], [3, 4, 5])).toEqual([]);
    expect(lingerAfterJump([6, 7], [3, 4, 5])).toEqual([]);
    expect(lingerAfterJump([1, 2], [3, 4])).toEqual([]);
  });

  it('keeps every mounted card after a jump, either way', () => {
    expect(lingerAfterJump([900, 901], [3, 4, 5])).toEqual([3, 4, 5]);
    expect(lingerAfterJump([3, 4], [900, 901])).toEqual([900, 901]);
  });

  it('keeps nothing on the first render or when nothing will be shown', () => {
    expect(lingerAfterJump([1, 2], [])).toEqual([]);
    expect(lingerAfterJump([], [1, 2])).toEqual([]);
  });
});

describe('withLingering', () => {
  it('merges in reading order without repeats', () => {
    expect(withLingering([10, 11], [2, 3, 11])).toEqual([2, 3, 10, 11]);
    expect(withLingering([10, 11], [])).toEqual([10, 11]);
  });
});
