import { describe, expect, it } from 'vitest';
import { toCodePoints, toCodeUnits } from './code-points';

describe('code points and code units', () => {
  const text = 'a😀b🇺🇦c';

  it('counts an astral character once', () => {
    expect(toCodePoints(text, 0)).toBe(0);
    expect(toCodePoints(text, 1)).toBe(1);
    expect(toCodePoints(text, 3)).toBe(2);
    expect(toCodePoints(text, 4)).toBe(3);
    expect(toCodePoints(text, text.length)).toBe([...text].length);
  });

  it('converts back to the same offsets, past the end too', () => {
    for (const units of [0, 1, 3, 4, 6, 8, 9, 12, 40]) expect(toCodeUnits(text, toCodePoints(text, units))).toBe(units);
    expect(toCodeUnits('', 5)).toBe(5);
  });
});
