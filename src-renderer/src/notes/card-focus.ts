/**
 * Arrow keys move between cards, Home/End jump to the first/last. The target is found by
 * position in the whole list, not among the cards in the DOM: the list is virtual, so the
 * next card may not be rendered yet (the pane scrolls it in, then focuses it).
 */
export function cardFocusTarget(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  const target = key === 'ArrowDown' ? index + 1 : key === 'ArrowUp' ? index - 1 : key === 'Home' ? 0 : key === 'End' ? count - 1 : null;
  return target === null || target < 0 || target >= count || target === index ? null : target;
}
