/**
 * The cards left behind by a jump. When the list jumps (the scrollbar dragged far, End),
 * none of the cards mounted before are near the new viewport. Unmounting them in the jump's
 * frame adds their teardown and a layout pass to the frame that already builds the new
 * screenful; they are kept, off screen, until an idle callback drops them.
 */

/** Whether two ascending lists of indexes share an index or touch (a scroll, not a jump). */
function near(a: readonly number[], b: readonly number[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a[0]! <= b.at(-1)! + 1 && b[0]! <= a.at(-1)! + 1;
}

/**
 * The indexes to keep mounted beside `next` (the cards the list now wants, ascending), given
 * `mounted` (those in the DOM now, ascending): all of them after a jump, else none.
 */
export function lingerAfterJump(next: readonly number[], mounted: readonly number[]): number[] {
  return near(next, mounted) ? [] : [...mounted];
}

/** `base` with `extra` merged in, ascending and without repeats (the DOM keeps reading order). */
export function withLingering(base: readonly number[], extra: readonly number[]): number[] {
  if (extra.length === 0) return [...base];
  return [...new Set([...base, ...extra])].sort((x, y) => x - y);
}
