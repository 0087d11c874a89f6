/** Which cards of the virtual notes list are rendered. */
import { defaultRangeExtractor, type Range } from '@tanstack/virtual-core';

/**
 * The cards near the viewport, plus `pinned` ones wherever they are: the card that has the
 * keyboard focus, the one being edited, the one about to be focused. Unmounting those would
 * drop the focus (to <body>) or an open editor. Ascending, so the DOM keeps reading order.
 */
export function rangeWithPinned(range: Range, pinned: readonly number[]): number[] {
  const indexes = defaultRangeExtractor(range);
  const extra = pinned.filter((i) => i >= 0 && i < range.count && (i < indexes[0]! || i > indexes.at(-1)!));
  if (extra.length === 0) return indexes;
  return [...new Set([...indexes, ...extra])].sort((a, b) => a - b);
}
