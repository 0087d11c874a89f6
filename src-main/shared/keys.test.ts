import { describe, expect, it } from 'vitest';
import { accelerator, keyLabel, matchesKeys, type KeyPress } from './keys';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('accelerator', () => {
  it('spells the keys as Electron reads them', () => {
    expect(accelerator('Mod+Shift+A')).toBe('CmdOrCtrl+Shift+A');
    expect(accelerator('Alt+Shift+ArrowRight')).toBe('Alt+Shift+Right');
    expect(accelerator('Shift+F8')).toBe('Shift+F8');
    expect(accelerator('Mod+Plus')).toBe('CmdOrCtrl+Plus');
    expect(accelerator('Escape')).toBe('Esc');
    expect(accelerator('?')).toBe('?');
  });
});

describe('keyLabel', () => {
  it('reads as Ctrl+Shift+A on Windows and Linux and ⇧⌘A on macOS', () => {
    expect(keyLabel('Mod+Shift+A', false)).toBe('Ctrl+Shift+A');
    expect(keyLabel('Mod+Shift+A', true)).toBe('⇧⌘A');
    expect(keyLabel('Alt+Shift+ArrowLeft', false)).toBe('Alt+Shift+←');
    expect(keyLabel('Alt+Shift+ArrowLeft', true)).toBe('⌥⇧←');
    expect(keyLabel('Mod+Plus', false)).toBe('Ctrl++');
    expect(keyLabel('Space', false)).toBe('Space');
    expect(keyLabel('Mod+Enter', true)).toBe('⌘↩');
  });
});

describe('matchesKeys', () => {
  it('takes Ctrl or ⌘ as Mod, and wants the other modifiers exactly', () => {
    expect(matchesKeys('Mod+Shift+A', press('A', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesKeys('Mod+Shift+A', press('a', { metaKey: true, shiftKey: true }))).toBe(true);
    expect(matchesKeys('Mod+Shift+A', press('a', { ctrlKey: true }))).toBe(false);
    expect(matchesKeys('Mod+Shift+A', press('a', { ctrlKey: true, shiftKey: true, altKey: true }))).toBe(false);
    expect(matchesKeys('Mod+Z', press('z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesKeys('F8', press('F8', { ctrlKey: true }))).toBe(false);
  });

  it('does not ask whether Shift was held for punctuation, which layouts place differently', () => {
    expect(matchesKeys('?', press('?', { shiftKey: true }))).toBe(true);
    expect(matchesKeys('Mod+Plus', press('+', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesKeys('Mod+=', press('=', { ctrlKey: true }))).toBe(true);
    expect(matchesKeys('Mod+0', press('0', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });

  it('names keys as KeyboardEvent does, with Space for the space bar', () => {
    expect(matchesKeys('Space', press(' '))).toBe(true);
    expect(matchesKeys('ArrowDown', press('ArrowDown'))).toBe(true);
    expect(matchesKeys('Shift+ArrowDown', press('ArrowDown'))).toBe(false);
    expect(matchesKeys('Enter', press('enter'))).toBe(false);
  });
});

describe('matchesKeys on other keyboards', () => {
  it('takes the physical key when the layout’s key is no Latin letter or digit (Russian, Greek, AZERTY digits)', () => {
    expect(matchesKeys('Mod+Shift+A', press('Ф', { code: 'KeyA', ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesKeys('Mod+F', press('φ', { code: 'KeyF', ctrlKey: true }))).toBe(true);
    expect(matchesKeys('Mod+0', press('à', { code: 'Digit0', ctrlKey: true }))).toBe(true);
    // A Latin layout that moves letters (AZERTY's A is where Q is): the letter printed decides.
    expect(matchesKeys('Mod+A', press('a', { code: 'KeyQ', ctrlKey: true }))).toBe(true);
    expect(matchesKeys('Mod+Q', press('a', { code: 'KeyQ', ctrlKey: true }))).toBe(false);
  });

  it('leaves the keys of an input method that is composing alone', () => {
    expect(matchesKeys('Enter', press('Enter', { isComposing: true }))).toBe(false);
    expect(matchesKeys('Escape', press('Escape', { isComposing: true }))).toBe(false);
  });
});
