import { describe, expect, it } from 'vitest';
import { cardFocusTarget } from './card-focus';

describe('cardFocusTarget', () => {
  it('steps with the arrows and jumps with Home and End, across the whole list', () => {
    expect(cardFocusTarget('ArrowDown', 3, 2000)).toBe(4);
    expect(cardFocusTarget('ArrowUp', 3, 2000)).toBe(2);
    expect(cardFocusTarget('Home', 1500, 2000)).toBe(0);
    expect(cardFocusTarget('End', 3, 2000)).toBe(1999);
  });
  it('stays put at the ends and ignores other keys', () => {
    expect(cardFocusTarget('ArrowUp', 0, 5)).toBeNull();
    expect(cardFocusTarget('ArrowDown', 4, 5)).toBeNull();
    expect(cardFocusTarget('End', 4, 5)).toBeNull();
    expect(cardFocusTarget('Enter', 2, 5)).toBeNull();
    expect(cardFocusTarget('Home', 0, 0)).toBeNull();
  });
});
