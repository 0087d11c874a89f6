import { isCommandKey } from '@shared/commands';
import type { KeyPress } from '@shared/keys';

/**
 * Arrow keys move between cards, Home/End jump to the first/last (the command table's
 * keys). The target is found by position in the whole list, not among the cards in the
 * DOM: the list is virtual, so the next card may not be rendered yet (the pane scrolls
 * it in, then focuses it).
 */
export function cardFocusTarget(press: KeyPress, index: number, count: number, mac: boolean): number | null {
  if (count === 0) return null;
  const target = isCommandKey('next-card', press, mac)
    ? index + 1
    : isCommandKey('previous-card', press, mac)
      ? index - 1
      : isCommandKey('first-card', press, mac)
        ? 0
        : isCommandKey('last-card', press, mac)
          ? count - 1
          : null;
  return target === null || target < 0 || target >= count || target === index ? null : target;
}
