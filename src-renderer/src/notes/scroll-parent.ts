/** The nearest ancestor that scrolls vertically (the notes pane, for the list of cards). */
export function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let el = element.parentElement; el; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el);
    if (overflowY === 'auto' || overflowY === 'scroll') return el;
  }
  return null;
}

/**
 * Where the list starts in its scroller's content (the header, orphans and filters come
 * first), and how much of the scroller's top a sticky bar above it covers: cards scrolled
 * into view must land below that bar.
 */
export function listPlacement(list: HTMLElement, scroller: HTMLElement): { offset: number; coveredTop: number } {
  const offset = Math.round(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop);
  let coveredTop = 0;
  for (let el = list.previousElementSibling; el; el = el.previousElementSibling) {
    const style = getComputedStyle(el);
    if (style.position !== 'sticky') continue;
    const bottom = (el as HTMLElement).offsetHeight + (parseFloat(style.top) || 0) + (parseFloat(style.marginBottom) || 0);
    coveredTop = Math.max(coveredTop, Math.round(bottom));
  }
  return { offset, coveredTop };
}
