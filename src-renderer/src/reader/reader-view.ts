/**
 * The mounted article's DOM, for the few operations that need it from outside the
 * Reader component: drawing highlights, revealing an excerpt, stepping through them.
 *
 * Only what the browser must draw is registered with CSS.highlights: the kind layers
 * hold the excerpts of the chunks near the viewport (near-chunks.ts), set again when a
 * scroll brings other chunks near, and in idle time when the excerpts change; the focus and flash layers hold their few
 * excerpts wherever they are, and each is set alone when it changes. Chromium re-checks
 * every registered range on every DOM or style change, so registering 2,000 would tax
 * every frame of the app (see npm run bench, "any DOM change").
 */
import { blockAt, type Block } from '@shared/article-document';
import type { TextRange } from '@shared/anchoring/text-range';
import { chunkOfBlock, type Chunk } from './article-chunks';
import { LAYER_PRIORITY, baseLayerRanges, excerptsWithin, sameDrawing, type BaseLayerName, type LayerName, type MarkLayerName, type PlacedExcerpt } from './highlight-layers';
import { blockTextNodes, offsetAt, offsetsToRange, type ArticleDom, type BlockNodes } from './dom-offsets';
import { whenIdle } from './idle';
import { watchNearChunks } from './near-chunks';

interface View extends ArticleDom {
  scroller: HTMLElement;
  chunks: readonly Chunk[];
  /** Text nodes of each block, found when a range first needs them. */
  nodes: (BlockNodes | undefined)[];
  /** DOM Ranges by "start:end", built when first drawn: the article's DOM does not change while mounted. */
  ranges: Map<string, Range | null>;
  /** The text of the chunks near the viewport (null until the browser has reported them). */
  near: TextRange | null;
  placed: readonly PlacedExcerpt[];
  /** What the kind layers hold now (null: not drawn yet). */
  drawn: readonly PlacedExcerpt[] | null;
  cancelDraw: (() => void) | null;
  stopWatching: () => void;
}

let view: View | null = null;

const supportsHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS;

export function mountView(body: HTMLElement, blocks: readonly Block[], chunks: readonly Chunk[], scroller: HTMLElement): ArticleDom {
  const chunkElements = [...body.querySelectorAll<HTMLElement>(':scope > [data-chunk]')];
  const blockElements = [...body.querySelectorAll<HTMLElement>(':scope > [data-chunk] > [data-index]')];
  const mounted: View = { body, blocks, blockElements, scroller, chunks, nodes: [], ranges: new Map(), near: null, placed: [], drawn: null, cancelDraw: null, stopWatching: () => {} };
  view = mounted;
  // The observer reports once per frame, after the browser's layout: a scroll that brings
  // other chunks near is drawn in the next frame, at no cost to the scroll itself.
  mounted.stopWatching = watchNearChunks(scroller, chunkElements, (span) => {
    mounted.near = span ? { start: chunks[span.first]!.start, end: chunks[span.last]!.end } : null;
    if (supportsHighlights) drawKindLayers(mounted);
  });
  return mounted;
}

export function unmountView(): void {
  view?.stopWatching();
  view?.cancelDraw?.();
  view = null;
  clearHighlights();
}

function nodesOf(v: View, index: number): BlockNodes {
  let nodes = v.nodes[index];
  if (!nodes) v.nodes[index] = nodes = blockTextNodes(v.blockElements[index]!, v.blocks[index]!);
  return nodes;
}

function toRange(v: View, range: TextRange): Range | null {
  const key = `${range.start}:${range.end}`;
  let cached = v.ranges.get(key);
  if (cached === undefined) {
    cached = offsetsToRange(v.blocks, (i) => nodesOf(v, i), range.start, range.end, (offset) => blockAt(v.blocks, offset));
    v.ranges.set(key, cached);
  }
  return cached;
}

function setLayer(v: View, name: LayerName, ranges: readonly TextRange[]): void {
  const highlight = new Highlight();
  for (const range of ranges) {
    const domRange = toRange(v, range);
    if (domRange) highlight.add(domRange);
  }
  highlight.priority = LAYER_PRIORITY[name];
  CSS.highlights.set(name, highlight);
}

/** The excerpts to draw changed (opening, an edit): the kind layers follow in idle time. */
export function setPlacedExcerpts(placed: readonly PlacedExcerpt[]): void {
  if (!view) return;
  view.placed = placed;
  scheduleKindLayers(view);
}

function scheduleKindLayers(v: View): void {
  if (v.cancelDraw || !supportsHighlights) return;
  v.cancelDraw = whenIdle(() => {
    v.cancelDraw = null;
    if (view === v) drawKindLayers(v);
  });
}

/** Sets the kind and overlap layers to the excerpts near the viewport, unless they hold exactly those already. */
function drawKindLayers(v: View): void {
  if (!v.near) return;
  const near = excerptsWithin(v.placed, v.near);
  if (v.drawn && sameDrawing(v.drawn, near)) return;
  v.drawn = near;
  const layers = baseLayerRanges(near);
  for (const name of Object.keys(layers) as BaseLayerName[]) setLayer(v, name, layers[name]);
}

/** Sets one marked layer (focus, flash) alone; the kind layers stay as they are. */
export function drawMarkLayer(name: MarkLayerName, ranges: readonly TextRange[]): void {
  if (!view || !supportsHighlights) return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else setLayer(view, name, ranges);
}

function clearHighlights(): void {
  if (!supportsHighlights) return;
  for (const name of Object.keys(LAYER_PRIORITY)) CSS.highlights.delete(name);
}

/** How far the range's middle is from the middle of the view, in pixels (lays out its chunk if the browser had skipped it). */
function offCentre(v: View, domRange: Range): number {
  const box = domRange.getBoundingClientRect();
  const frame = v.scroller.getBoundingClientRect();
  return box.top - frame.top - frame.height / 2 + Math.min(box.height, frame.height) / 2;
}

/**
 * Scrolls the article so the range is in the middle of the view. A far jump goes at
 * once and is measured again on the next frame: the chunks passed on the way had only
 * an estimated height until the browser laid them out.
 */
export function scrollToRange(range: TextRange, behavior: ScrollBehavior = 'smooth'): void {
  const v = view;
  const domRange = v && toRange(v, range);
  if (!v || !domRange) return;
  // Draw the excerpts around the target now, so they show in the frame the jump lands in (the observer follows up).
  const chunk = chunkOfBlock(v.chunks, blockAt(v.blocks, range.start));
  v.near = { start: v.chunks[Math.max(0, chunk - 1)]!.start, end: v.chunks[Math.min(v.chunks.length - 1, chunk + 1)]!.end };
  if (supportsHighlights) drawKindLayers(v);
  const distance = offCentre(v, domRange);
  const far = Math.abs(distance) > 2 * v.scroller.clientHeight;
  v.scroller.scrollTo({ top: Math.max(0, v.scroller.scrollTop + distance), behavior: far ? 'instant' : behavior });
  if (!far) return;
  requestAnimationFrame(() => {
    if (view !== v) return;
    const error = offCentre(v, domRange);
    if (Math.abs(error) > v.scroller.clientHeight / 4) v.scroller.scrollTo({ top: Math.max(0, v.scroller.scrollTop + error), behavior: 'instant' });
  });
}

/** The canonical offset under a viewport point, for hit-testing clicks on highlights. */
export function offsetAtPoint(x: number, y: number): number | null {
  if (!view) return null;
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return offsetAt(view, position.offsetNode, position.offset);
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? offsetAt(view, range.startContainer, range.startOffset) : null;
}
