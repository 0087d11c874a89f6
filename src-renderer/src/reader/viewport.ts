/**
 * Where things are in the reader's view: whether a range is on screen, the least scroll
 * that shows it, the text offset at the top of the view. The sentence cursor and find
 * both ask.
 */
import type { Cursor } from './text-cursor';
import { canonical } from '../state/workspace';
import { offsetAtPoint, type MountedArticle } from './reader-view';

/** Space kept between a chosen sentence and the edges of the view when it is scrolled in. */
const VIEW_MARGIN_PX = 48;

/** Scrolls the least that shows the range (its moving end, when it is taller than the view). */
export function keepInView(scroller: HTMLElement, range: Range, focus: Cursor['focus'] = 'end'): void {
  const box = range.getBoundingClientRect();
  const frame = scroller.getBoundingClientRect();
  const top = frame.top + VIEW_MARGIN_PX;
  const bottom = frame.bottom - VIEW_MARGIN_PX;
  let by = 0;
  if (box.height > bottom - top) by = focus === 'end' ? box.bottom - bottom : box.top - top;
  else if (box.top < top) by = box.top - top;
  else if (box.bottom > bottom) by = box.bottom - bottom;
  if (by !== 0) scroller.scrollBy({ top: by, behavior: 'instant' });
}

/** Whether a range is on screen in the reader now. */
export function isInView(scroller: HTMLElement, range: Range): boolean {
  const box = range.getBoundingClientRect();
  const frame = scroller.getBoundingClientRect();
  return box.bottom > frame.top && box.top < frame.bottom;
}

/**
 * The canonical offset at the top of the reader's view: the first block reaching below
 * it (a binary search over chunks, then over their blocks: a few box reads), then the
 * point under its first visible line when the block starts above the view.
 */
export function firstVisibleOffset(article: MountedArticle): number {
  const top = article.scroller.getBoundingClientRect().top;
  const below = (element: Element): boolean => element.getBoundingClientRect().bottom > top;
  const chunk = article.chunks[firstIndex(article.chunkElements, below)];
  if (!chunk) return canonical.peek().text.length;
  const blocks = article.blockElements.slice(chunk.first, chunk.last);
  const index = chunk.first + Math.min(firstIndex(blocks, below), blocks.length - 1);
  const block = article.blockElements[index]!.getBoundingClientRect();
  if (block.top >= top) return article.blocks[index]!.start;
  return offsetAtPoint(block.left + 2, top + 4) ?? article.blocks[index]!.start;
}

/** The first element passing a test that, once passed, holds for every later element (or the count when none does). */
function firstIndex(elements: readonly Element[], test: (element: Element) => boolean): number {
  let lo = 0;
  let hi = elements.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(elements[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
