/**
 * The scrollbar dragged to the bottom (or the End key of the pane) lands at the end of the
 * list. The virtual list's height is its cards' estimates until they are measured; the
 * last cards, measured as they come into view, are often taller, and the list grows under
 * a pane that was at its bottom, leaving it short of the end. While the pane is at its
 * bottom (as the user left it), it follows the list's end as the list grows.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

/** px of slack: a scroll position is rounded to device pixels. */
const SLACK_PX = 2;

export function atBottom(scrollTop: number, clientHeight: number, scrollHeight: number): boolean {
  return scrollTop + clientHeight >= scrollHeight - SLACK_PX;
}

/**
 * Whether the list grew under a pane left at its bottom (at `stuckAt`), so it should follow
 * the end: not when the pane has moved since, even before its scroll event has said so (a
 * scroll set in script, or a scrollbar dragged, is reported at the next frame, and a card
 * measured meanwhile must not pull the pane back down).
 */
export function followsEnd(stuckAt: number | null, scrollTop: number, clientHeight: number, scrollHeight: number): boolean {
  return stuckAt !== null && Math.abs(scrollTop - stuckAt) < 1 && !atBottom(scrollTop, clientHeight, scrollHeight);
}

/** Keeps `pane` at its bottom across changes of `listHeight` when the user scrolled it there. */
export function useStickToEnd(pane: HTMLElement | null, listHeight: number): void {
  /** Where the pane was when it was last seen at its bottom (null: not at its bottom). */
  const stuckAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (!pane) return;
    // Read in the scroll event before the virtual list's own listener re-renders the cards
    // (a capture listener on the target runs first): the layout is still the one the last
    // frame made, so these reads cost nothing.
    const onScroll = (): void => {
      stuckAt.current = pane.scrollTop > 0 && atBottom(pane.scrollTop, pane.clientHeight, pane.scrollHeight) ? pane.scrollTop : null;
    };
    pane.addEventListener('scroll', onScroll, { passive: true, capture: true });
    return () => pane.removeEventListener('scroll', onScroll, { capture: true });
  }, [pane]);
  useLayoutEffect(() => {
    // Only when the list's height changed while at the bottom: rare, and the layout reads are then needed.
    if (!pane || stuckAt.current === null || !followsEnd(stuckAt.current, pane.scrollTop, pane.clientHeight, pane.scrollHeight)) return;
    pane.scrollTop = pane.scrollHeight;
    stuckAt.current = pane.scrollTop;
  }, [pane, listHeight]);
}
