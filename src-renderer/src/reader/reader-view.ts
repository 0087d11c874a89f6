/**
 * The mounted article's DOM, for the few operations that need it from outside the
 * Reader component: drawing highlights, revealing an excerpt, stepping through them.
 */
import { blockAt, type Block } from '@shared/article-document';
import type { TextRange } from '@shared/anchoring';
import { LAYER_PRIORITY, layerRanges, type LayerName, type PlacedExcerpt } from './highlight-layers';
import { blockTextNodes, offsetAt, offsetsToRange, type ArticleDom, type BlockNodes } from './dom-offsets';

interface View extends ArticleDom {
  nodes: BlockNodes[];
  scroller: HTMLElement;
}

let view: View | null = null;

export function mountView(body: HTMLElement, blocks: readonly Block[], scroller: HTMLElement): ArticleDom {
  view = { body, blocks, scroller, nodes: blockTextNodes(body, blocks) };
  return view;
}

export function unmountView(): void {
  view = null;
  drawn = null;
  clearHighlights();
}

function toRange(range: TextRange): Range | null {
  if (!view) return null;
  return offsetsToRange(view.blocks, view.nodes, range.start, range.end, (offset) => blockAt(view!.blocks, offset));
}

const supportsHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS;

interface Drawing {
  placed: readonly PlacedExcerpt[];
  focused: ReadonlySet<string>;
  flashing: ReadonlySet<string>;
  window: TextRange;
}
let drawn: Drawing | null = null;

/**
 * The stretch of text worth highlighting: the blocks on screen and one screen
 * above and below. Chromium's cost for every later frame grows with the number of
 * registered highlight ranges, so ranges far off screen are left out until a
 * scroll brings them near (see npm run bench, "any DOM change").
 */
function nearViewport(v: View): TextRange {
  const items = v.body.children;
  const count = Math.min(items.length, v.blocks.length);
  if (count === 0) return { start: 0, end: 0 };
  const frame = v.scroller.getBoundingClientRect();
  const top = frame.top - frame.height;
  const bottom = frame.bottom + frame.height;
  const firstBelow = (y: number): number => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid]!.getBoundingClientRect().bottom < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const first = Math.min(firstBelow(top), count - 1);
  const last = Math.max(first, Math.min(firstBelow(bottom), count - 1));
  return { start: v.blocks[first]!.start, end: v.blocks[last]!.end };
}

/** Redraws every layer: one Highlight per layer, no element inserted into the article. */
export function drawHighlights(placed: readonly PlacedExcerpt[], focused: ReadonlySet<string>, flashing: ReadonlySet<string>): void {
  if (!view || !supportsHighlights) return;
  const window = nearViewport(view);
  drawn = { placed, focused, flashing, window };
  const near = placed.filter((p) => p.end >= window.start && p.start <= window.end);
  const layers = layerRanges(near, focused, flashing);
  for (const name of Object.keys(layers) as LayerName[]) {
    const ranges = layers[name].map(toRange).filter((r): r is Range => r !== null);
    const highlight = new Highlight(...ranges);
    highlight.priority = LAYER_PRIORITY[name];
    CSS.highlights.set(name, highlight);
  }
}

/** After a scroll: redraws only when other blocks have come near the viewport. */
export function followScroll(): void {
  if (!view || !drawn) return;
  const window = nearViewport(view);
  if (window.start === drawn.window.start && window.end === drawn.window.end) return;
  drawHighlights(drawn.placed, drawn.focused, drawn.flashing);
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
export function offsetAtPoint(x: number, y: number): number | null {
  if (!view) return null;
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return offsetAt(view, position.offsetNode, position.offset);
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? offsetAt(view, range.startContainer, range.startOffset) : null;
}
