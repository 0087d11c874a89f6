import { describe, expect, it } from 'vitest';
import { cardFocusTarget } from './card-focus';

const key = (name: string, shiftKey = false) => ({ key: name, ctrlKey: false, metaKey: false, altKey: false, shiftKey });

describe('cardFocusTarget', () => {
  it('steps with the arrows and jumps with Home and End, across the whole list', () => {
    expect(cardFocusTarget(key('ArrowDown'), 3, 2000, false)).toBe(4);
    expect(cardFocusTarget(key('ArrowUp'), 3, 2000, false)).toBe(2);
    expect(cardFocusTarget(key('Home'), 1500, 2000, false)).toBe(0);
    expect(cardFocusTarget(key('End'), 3, 2000, false)).toBe(1999);
  });
  it('stays put at the ends and ignores other keys', () => {
    expect(cardFocusTarget(key('ArrowUp'), 0, 5, false)).toBeNull();
    expect(cardFocusTarget(key('ArrowDown'), 4, 5, false)).toBeNull();
    expect(cardFocusTarget(key('End'), 4, 5, false)).toBeNull();
    expect(cardFocusTarget(key('Enter'), 2, 5, false)).toBeNull();
    expect(cardFocusTarget(key('Home'), 0, 0, false)).toBeNull();
    expect(cardFocusTarget(key('ArrowDown', true), 2, 5, false)).toBeNull();
  });
});
