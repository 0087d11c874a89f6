/**
 * Keys as the command table spells them: `+`-joined modifiers then one key, e.g.
 * `Mod+Shift+A`, `Alt+Shift+ArrowRight`, `F8`, `?`. `Mod` is ⌘ on macOS and Ctrl
 * elsewhere; the key is a KeyboardEvent `key` name, with `Plus` and `Space` for
 * the two that cannot be written plainly. From one spelling come the Electron
 * accelerator, the label people read and the match against a key press.
 */

interface Chord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(keys: string): Chord {
  const parts = keys.split('+');
  // 'Mod++' cannot occur (the table writes 'Plus'), so the last part is the key.
  const key = parts.pop()!;
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

const ACCELERATOR_KEYS: Record<string, string> = { ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', Escape: 'Esc', Enter: 'Return' };

/** Electron's accelerator for the keys. */
export function accelerator(keys: string): string {
  const { mod, shift, alt, key } = parse(keys);
  return [mod && 'CmdOrCtrl', alt && 'Alt', shift && 'Shift', ACCELERATOR_KEYS[key] ?? key].filter(Boolean).join('+');
}

const LABEL_KEYS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Escape: 'Esc', Plus: '+' };
const MAC_LABEL_KEYS: Record<string, string> = { ...LABEL_KEYS, Enter: '↩', Delete: '⌦', Backspace: '⌫' };

/** The keys as people read them: `Ctrl+Shift+A` on Windows and Linux, `⇧⌘A` on macOS (Apple's order). */
export function keyLabel(keys: string, mac: boolean): string {
  const { mod, shift, alt, key } = parse(keys);
  if (mac) return `${alt ? '⌥' : ''}${shift ? '⇧' : ''}${mod ? '⌘' : ''}${MAC_LABEL_KEYS[key] ?? key}`;
  return [mod && 'Ctrl', alt && 'Alt', shift && 'Shift', LABEL_KEYS[key] ?? key].filter(Boolean).join('+');
}

/** The parts of a key press that matter here (a KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  /** The physical key (`KeyA`, `Digit0`): the fallback when the layout's `key` is not a Latin letter or digit. */
  code?: string;
  /** An input method is composing (CJK input): its Enter and Escape are its own. */
  isComposing?: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const EVENT_KEYS: Record<string, string> = { Space: ' ', Plus: '+' };

/**
 * On a layout whose keys are not Latin (Russian, Greek, Hebrew…) or put something else
 * on the digit row (AZERTY's 0 is "à"), Ctrl+A is the key where A is on a US keyboard,
 * as in Chromium's own shortcuts: the physical key decides when `key` is no Latin letter or digit.
 */
function sameLatinKey(wanted: string, press: KeyPress): boolean {
  if (!press.code || /^[a-z0-9]$/i.test(press.key)) return false;
  if (/^[a-z]$/i.test(wanted)) return press.code === `Key${wanted.toUpperCase()}`;
  if (/^[0-9]$/.test(wanted)) return press.code === `Digit${wanted}`;
  return false;
}

/**
 * Whether a key press is these keys. Ctrl and ⌘ both count as Mod, on every platform,
 * as they always have here. Shift is not compared for a punctuation key, since which
 * of them need Shift depends on the keyboard layout (`?` and `+` do on US keyboards).
 */
export function matchesKeys(keys: string, press: KeyPress): boolean {
  if (press.isComposing) return false;
  const { mod, shift, alt, key } = parse(keys);
  const wanted = EVENT_KEYS[key] ?? key;
  const sameKey = wanted.length === 1 ? press.key.toLowerCase() === wanted.toLowerCase() || sameLatinKey(wanted, press) : press.key === wanted;
  if (!sameKey || mod !== (press.ctrlKey || press.metaKey) || alt !== press.altKey) return false;
  const punctuation = wanted.length === 1 && !/[\p{L}\p{N} ]/u.test(wanted);
  return punctuation || shift === press.shiftKey;
}
