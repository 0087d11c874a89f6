import { describe, expect, it } from 'vitest';
import { chunkAtFraction } from './chunk-fill';

describe('chunkAtFraction', () => {
  it('finds the chunk at a fraction of the estimated height', () => {
    const lines = [10, 30, 60];
    expect(chunkAtFraction(lines, 0)).toBe(0);
    expect(chunkAtFraction(lines, 0.05)).toBe(0);
    expect(chunkAtFraction(lines, 0.2)).toBe(1);
    expect(chunkAtFraction(lines, 0.5)).toBe(2);
    expect(chunkAtFraction(lines, 1)).toBe(2);
  });
  it('is 0 for an empty article and clamps odd fractions', () => {
    expect(chunkAtFraction([], 0.5)).toBe(0);
    expect(chunkAtFraction([5, 5], -1)).toBe(0);
    expect(chunkAtFraction([5, 5], 7)).toBe(1);
  });
});
