/**
 * The mounted article's DOM, for the few operations that need it from outside the
 * Reader component: drawing highlights, revealing an excerpt, stepping through them.
 */
import { paragraphAt, type Paragraph } from '../../../src-main/shared/canonical-text';
import type { TextRange } from '../../../src-main/shared/anchoring';
import { LAYER_PRIORITY, layerRanges, type LayerName, type PlacedExcerpt } from './highlight-layers';
import { offsetsToRange, paragraphTextNodes, type ArticleDom } from './dom-offsets';

interface View extends ArticleDom {
  nodes: (Text | null)[];
  scroller: HTMLElement;
}

let view: View | null = null;

export function mountView(body: HTMLElement, paragraphs: readonly Paragraph[], scroller: HTMLElement): ArticleDom {
  view = { body, paragraphs, scroller, nodes: paragraphTextNodes(body) };
  return view;
}

export function unmountView(): void {
  view = null;
  clearHighlights();
}

function toRange(range: TextRange): Range | null {
  if (!view) return null;
  return offsetsToRange(view.paragraphs, view.nodes, range.start, range.end, (offset) => paragraphAt(view!.paragraphs, offset));
}

const supportsHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS;

/** Redraws every layer: one Highlight per layer, no element inserted into the article. */
export function drawHighlights(placed: readonly PlacedExcerpt[], focused: ReadonlySet<string>, flashing: ReadonlySet<string>): void {
  if (!view || !supportsHighlights) return;
  const layers = layerRanges(placed, focused, flashing);
  for (const name of Object.keys(layers) as LayerName[]) {
    const ranges = layers[name].map(toRange).filter((r): r is Range => r !== null);
    const highlight = new Highlight(...ranges);
    highlight.priority = LAYER_PRIORITY[name];
    CSS.highlights.set(name, highlight);
  }
}

function clearHighlights(): void {
  if (!supportsHighlights) return;
  for (const name of Object.keys(LAYER_PRIORITY)) CSS.highlights.delete(name);
}

/** Scrolls the article so the range is in the middle of the view. */
export function scrollToRange(range: TextRange, behavior: ScrollBehavior = 'smooth'): void {
  const domRange = toRange(range);
  if (!view || !domRange) return;
  const box = domRange.getBoundingClientRect();
  const frame = view.scroller.getBoundingClientRect();
  const target = view.scroller.scrollTop + box.top - frame.top - frame.height / 2 + Math.min(box.height, frame.height) / 2;
  view.scroller.scrollTo({ top: Math.max(0, target), behavior });
}

/** The canonical offset under a viewport point, for hit-testing clicks on highlights. */
export function offsetAtPoint(x: number, y: number, offsetOf: (dom: ArticleDom, node: Node, offset: number) => number | null): number | null {
  if (!view) return null;
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return offsetOf(view, position.offsetNode, position.offset);
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? offsetOf(view, range.startContainer, range.startOffset) : null;
}

export function readerScroller(): HTMLElement | null {
  return view?.scroller ?? null;
}
