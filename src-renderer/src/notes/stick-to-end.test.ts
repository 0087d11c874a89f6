import { describe, expect, it } from 'vitest';
import { atBottom, followsEnd } from './stick-to-end';

describe('atBottom', () => {
  it('is true at the bottom, within rounding', () => {
    expect(atBottom(1200, 800, 2000)).toBe(true);
    expect(atBottom(1198.5, 800, 2000)).toBe(true);
  });
  it('is false above it', () => {
    expect(atBottom(1100, 800, 2000)).toBe(false);
  });
});

describe('followsEnd', () => {
  it('follows the end when the list grew under a pane left at its bottom', () => {
    expect(followsEnd(1200, 1200, 800, 2300)).toBe(true);
  });
  it('does not when the pane was not at its bottom, or still is', () => {
    expect(followsEnd(null, 1200, 800, 2300)).toBe(false);
    expect(followsEnd(1200, 1200, 800, 2000)).toBe(false);
  });
  it('does not when the pane has moved since it was at its bottom, before its scroll event says so', () => {
    expect(followsEnd(1200, 0, 800, 2300)).toBe(false);
  });
});
