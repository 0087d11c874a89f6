import { describe, expect, it } from 'vitest';
import { atBottom } from './stick-to-end';

describe('atBottom', () => {
  it('is true at the bottom, within rounding', () => {
    expect(atBottom(1200, 800, 2000)).toBe(true);
    expect(atBottom(1198.5, 800, 2000)).toBe(true);
  });
  it('is false above it', () => {
    expect(atBottom(1100, 800, 2000)).toBe(false);
  });
});
