/**
 * The mounted article's DOM, for the few operations that need it from outside the
 * Reader component: drawing highlights, revealing an excerpt, stepping through them.
 *
 * Highlights are boxes painted behind the text, in an overlay of each chunk near the
 * viewport (near-chunks.ts): measured from the excerpts' line boxes (those on screen painted
 * at once, the rest of the chunk in idle time), and drawn again only
 * when a scroll brings other chunks near, when the excerpts change (in idle time), when
 * the focused note or the flash changes (that group alone, at once), or when a chunk's
 * size changes (the window was resized). They are not CSS custom highlights: Chromium
 * re-validates every registered highlight, and repaints the text under it, on any DOM or
 * style change anywhere in the page, so even one registered range taxes every frame of
 * the app, typing and scrolling the notes included (npm run bench, "any DOM change").
 */
import { signal } from '@preact/signals';
import { blockAt, type Block } from '@shared/article-document';
import type { TextRange } from '@shared/anchoring/text-range';
import type { Chunk } from './article-chunks';
import { OVERLAY_GROUPS, boxesOf, groupPieces, groupRanges, piecesWithin, sameDrawing, splitInView, type Box, type LayerName, type MarkLayerName, type OverlayGroup, type PlacedExcerpt } from './highlight-layers';
import { blockTextNodes, offsetAt, offsetsToRange, offsetsToSpans, type ArticleDom, type BlockNodes, type TextSpan } from './dom-offsets';
import { whenIdle, whenIdleAfterPaint } from './idle';
import { watchNearChunks, type ChunkSpan } from './near-chunks';

type Drawing = Partial<Record<OverlayGroup, readonly PlacedExcerpt[]>>;

interface View extends ArticleDom {
  scroller: HTMLElement;
  chunks: readonly Chunk[];
  chunkElements: readonly HTMLElement[];
  /** Text nodes of each block, found when a range first needs them. */
  nodes: (BlockNodes | undefined)[];
  /** The text node pieces of each range by "start:end", found when first drawn: the article's DOM does not change while mounted. */
  spans: Map<string, readonly TextSpan[]>;
  /** The one Range that measures those pieces (each live Range costs the browser work on every DOM change). */
  probe: Range;
  /** The chunks near the viewport (null until the browser has reported them). */
  near: ChunkSpan | null;
  placed: readonly PlacedExcerpt[];
  /** The excerpts of the focused note, and those flashing. */
  marked: Record<MarkLayerName, ReadonlySet<string>>;
  /** The chunks near the viewport, which the browser renders even when it would still skip them (class "drawn"). */
  rendered: Set<number>;
  /** What each group of each chunk's overlay shows now, by chunk index. */
  drawn: Map<number, Drawing>;
  /** Each drawn chunk's text layout when it was measured (layoutKey): a change means its text reflowed. */
  sizes: Map<Element, string>;
  resizes: ResizeObserver | null;
  cancelDraw: (() => void) | null;
  /** Boxes measured off screen, by the group element they go in: painted in idle time (a group drawn again or emptied meanwhile drops them). */
  rest: Map<HTMLElement, PaintedBox[]>;
  /** The idle work after a draw (settle), when scheduled. */
  cancelSettle: (() => void) | null;
  stopWatching: () => void;
}

let view: View | null = null;

/** The article whose DOM is complete, for the keyboard's sentence cursor and find (null while it fills in). */
export interface MountedArticle extends ArticleDom {
  scroller: HTMLElement;
  chunks: readonly Chunk[];
  chunkElements: readonly HTMLElement[];
}
export const mountedArticle = signal<MountedArticle | null>(null);

/** A new DOM Range of the mounted article for canonical offsets (not kept here: a selection or a find match is short-lived). */
export function articleRange(range: TextRange): Range | null {
  return view ? toRange(view, range) : null;
}

const NONE: ReadonlySet<string> = new Set();

/** A jump asked for before the article it is in was mounted (just opened, from another article): taken when it is. */
let pendingJump: { blocks: readonly Block[]; range: TextRange } | null = null;

export function mountView(body: HTMLElement, blocks: readonly Block[], chunks: readonly Chunk[], scroller: HTMLElement): ArticleDom {
  const chunkElements = [...body.querySelectorAll<HTMLElement>(':scope > [data-chunk]')];
  const blockElements = [...body.querySelectorAll<HTMLElement>(':scope > [data-chunk] > [data-index]')];
  const mounted: View = {
    body,
    blocks,
    blockElements,
    scroller,
    chunks,
    chunkElements,
    nodes: [],
    spans: new Map(),
    probe: document.createRange(),
    near: null,
    placed: [],
    marked: { 'll-focus': new Set(), 'll-flash': new Set() },
    rendered: new Set(),
    drawn: new Map(),
    sizes: new Map(),
    resizes: null,
    cancelDraw: null,
    rest: new Map(),
    cancelSettle: null,
    stopWatching: () => {},
  };
  view = mounted;
  mountedArticle.value = mounted;
  // Reported after layout, before paint: a chunk whose text reflowed is drawn again in the same frame.
  mounted.resizes = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => redrawResized(mounted, entries)) : null;
  // The observer reports once per frame, after the browser's layout: a scroll that brings
  // other chunks near is drawn in the next frame, at no cost to the scroll itself.
  mounted.stopWatching = watchNearChunks(scroller, chunkElements, (span) => {
    mounted.near = span;
    draw(mounted, OVERLAY_GROUPS);
  });
  const jump = pendingJump;
  pendingJump = null;
  if (jump?.blocks === blocks) requestAnimationFrame(() => view === mounted && scrollToRange(blocks, jump.range, 'instant'));
  return mounted;
}

export function unmountView(): void {
  const v = view;
  view = null;
  mountedArticle.value = null;
  if (!v) return;
  v.stopWatching();
  v.cancelDraw?.();
  v.cancelSettle?.();
  v.resizes?.disconnect();
  for (const chunk of v.drawn.keys()) layerOf(v, chunk)?.replaceChildren();
  for (const chunk of v.rendered) v.chunkElements[chunk]!.classList.remove('drawn');
  delete v.body.dataset.highlights;
}

function nodesOf(v: View, index: number): BlockNodes {
  let nodes = v.nodes[index];
  if (!nodes) v.nodes[index] = nodes = blockTextNodes(v.blockElements[index]!, v.blocks[index]!);
  return nodes;
}

function toRange(v: View, range: TextRange): Range | null {
  return offsetsToRange(v.blocks, (i) => nodesOf(v, i), range.start, range.end, (offset) => blockAt(v.blocks, offset));
}

function spansOf(v: View, range: TextRange): readonly TextSpan[] {
  const key = `${range.start}:${range.end}`;
  let cached = v.spans.get(key);
  if (cached === undefined) {
    cached = offsetsToSpans(v.blocks, (i) => nodesOf(v, i), range.start, range.end, (offset) => blockAt(v.blocks, offset));
    v.spans.set(key, cached);
  }
  return cached;
}

/** The excerpts to draw changed (opening, an edit): the overlays follow in idle time. */
export function setPlacedExcerpts(placed: readonly PlacedExcerpt[]): void {
  const v = view;
  if (!v) return;
  v.placed = placed;
  if (v.cancelDraw) return;
  v.cancelDraw = whenIdle(() => {
    v.cancelDraw = null;
    if (view === v) draw(v, OVERLAY_GROUPS);
  });
}

/** The focused note or the flash changed: its group is drawn again now, the others stay. */
export function setMarkedExcerpts(group: MarkLayerName, ids: ReadonlySet<string>): void {
  const v = view;
  if (!v) return;
  v.marked[group] = ids;
  draw(v, [group]);
}

function layerOf(v: View, chunk: number): HTMLElement | null {
  return v.chunkElements[chunk]?.querySelector<HTMLElement>(':scope > .hl-layer') ?? null;
}

interface Measured {
  chunk: number;
  group: OverlayGroup;
  pieces: readonly PlacedExcerpt[];
  /** Each range's boxes, relative to the chunk. */
  boxes: PaintedBox[][];
  /** Where the chunk's top was on screen when they were measured. */
  top: number;
  layout: string;
}

/** How late the boxes off screen may come on a busy page: before a scroll can bring them in. */
const SETTLE_TIMEOUT_MS = 50;

/**
 * What a chunk's text layout depends on, read from the layout in place: its width, and
 * where its last block ends. Not the chunk's own height: while the browser skips a chunk
 * (content-visibility) its box has the estimated height, and the first real layout changes
 * that height without moving a line of its text.
 */
function layoutKey(v: View, chunk: number): string {
  const box = v.chunkElements[chunk]!.getBoundingClientRect();
  const last = v.blockElements[v.chunks[chunk]!.last - 1]!.getBoundingClientRect();
  return `${Math.round(box.width)}×${Math.round(last.bottom - box.top)}`;
}

/**
 * Draws the given groups of the overlays of the chunks near the viewport where what they
 * show changed (the chunks no longer near are emptied in idle time: settle). Every chunk is
 * measured before the DOM is changed, so the browser lays the page out once. Only the boxes on screen are
 * painted now (a chunk is a few screens tall): each box is an element the frame must
 * style, lay out and paint.
 */
function draw(v: View, groups: readonly OverlayGroup[]): void {
  const near = v.near;
  if (!near) return;
  // Rendered before anything is measured (one style and layout pass for all of them).
  for (let chunk = near.first; chunk <= near.last; chunk++) {
    if (v.rendered.has(chunk)) continue;
    v.rendered.add(chunk);
    v.chunkElements[chunk]!.classList.add('drawn');
  }
  const measured: Measured[] = [];
  for (let chunk = near.first; chunk <= near.last; chunk++) {
    const pieces = piecesWithin(v.placed, v.chunks[chunk]!);
    const drawn = v.drawn.get(chunk);
    let origin: DOMRect | undefined; // the chunk's box, read once for all its groups
    let layout = '';
    for (const group of groups) {
      const shown = groupPieces(group, pieces, group === 'kinds' ? NONE : v.marked[group]);
      const before = drawn?.[group];
      if (before ? sameDrawing(before, shown) : shown.length === 0) continue;
      origin ??= v.chunkElements[chunk]!.getBoundingClientRect();
      const boxes = measureGroup(v, origin, group, shown);
      layout ||= layoutKey(v, chunk); // after measuring: the text is laid out by then
      measured.push({ chunk, group, pieces: shown, boxes, top: origin.top, layout });
    }
  }
  const frame = measured.length > 0 ? v.scroller.getBoundingClientRect() : null;
  for (const { chunk, group, pieces, boxes, top, layout } of measured) {
    const { now, later } = splitInView(boxes, frame!.top - top, frame!.bottom - top);
    const element = paintGroup(layerOf(v, chunk), group, now);
    if (element && later.length > 0) v.rest.set(element, later);
    else if (element) v.rest.delete(element);
    v.drawn.set(chunk, { ...v.drawn.get(chunk), [group]: pieces });
    const chunkElement = v.chunkElements[chunk]!;
    // The layout the boxes were measured in, not the one at the observer's first report.
    v.sizes.set(chunkElement, layout);
    v.resizes?.observe(chunkElement);
  }
  v.cancelSettle ??= whenIdleAfterPaint(() => settle(v), SETTLE_TIMEOUT_MS);
}

/**
 * What a draw leaves for idle time after its frame: the boxes it measured off screen are
 * painted, and the chunks no longer near are emptied and left to the browser to skip
 * again. Done in the draw, these changes would have made the browser lay the page out
 * again before measuring, and the draw's frame would rebuild the layout of a chunk no one
 * sees (a chunk that stops being rendered is laid out afresh).
 */
function settle(v: View): void {
  v.cancelSettle?.();
  v.cancelSettle = null;
  if (view !== v) return;
  for (const [element, boxes] of v.rest) if (element.isConnected) element.append(...boxes.map(boxElement));
  v.rest.clear();
  const near = v.near;
  const isNear = (chunk: number): boolean => near !== null && chunk >= near.first && chunk <= near.last;
  for (const chunk of [...v.drawn.keys()]) {
    if (isNear(chunk)) continue;
    forgetChunk(v, chunk);
    layerOf(v, chunk)?.replaceChildren();
  }
  for (const chunk of v.rendered) {
    if (isNear(chunk)) continue;
    v.rendered.delete(chunk);
    v.chunkElements[chunk]!.classList.remove('drawn');
  }
  // Says the highlights of the chunks near the viewport are in place (for tests and the benchmark; there may be none).
  if (v.body.dataset.highlights !== 'drawn') v.body.dataset.highlights = 'drawn';
}

function forgetChunk(v: View, chunk: number): void {
  v.drawn.delete(chunk);
  const element = v.chunkElements[chunk]!;
  v.sizes.delete(element);
  v.resizes?.unobserve(element);
}

/**
 * Chunks whose text reflowed since they were drawn (a resize, a font change) are measured
 * again; a chunk that only took its real height as the browser laid it out keeps its boxes.
 * (Called after layout: the reads cost nothing.)
 */
function redrawResized(v: View, entries: readonly ResizeObserverEntry[]): void {
  if (view !== v) return;
  const reflowed: number[] = [];
  for (const { target } of entries) {
    const chunk = v.chunkElements.findIndex((element) => element === target);
    const before = v.sizes.get(target);
    if (chunk < 0 || before === undefined) continue;
    const layout = layoutKey(v, chunk);
    v.sizes.set(target, layout);
    if (layout !== before) reflowed.push(chunk);
  }
  for (const chunk of reflowed) {
    // Emptied now: what it showed may have changed meanwhile too, and a chunk drawn
    // again with nothing to show would otherwise keep its old boxes. Forgotten, not only
    // emptied: a chunk no longer near is not drawn again, and must not stay observed.
    forgetChunk(v, chunk);
    layerOf(v, chunk)?.replaceChildren();
  }
  if (reflowed.length > 0) draw(v, OVERLAY_GROUPS);
}

interface PaintedBox extends Box {
  layer: LayerName;
  excerptId: string | null;
}

/** The boxes of a group's pieces in a chunk, range by range in paint order, relative to the chunk. */
function measureGroup(v: View, origin: DOMRect, group: OverlayGroup, pieces: readonly PlacedExcerpt[]): PaintedBox[][] {
  return groupRanges(group, pieces).map(({ layer, range, excerptId }) => boxesOf(textRects(v.probe, spansOf(v, range)), origin).map((box) => ({ ...box, layer, excerptId })));
}

/**
 * The line boxes of a range's text, node by node: a range's own client rects would also
 * hold the whole box of every element it spans (a paragraph, a list item).
 */
function textRects(probe: Range, spans: readonly TextSpan[]): DOMRect[] {
  const rects: DOMRect[] = [];
  for (const { node, start, end } of spans) {
    probe.setStart(node, start);
    probe.setEnd(node, end);
    rects.push(...probe.getClientRects());
  }
  return rects;
}

/** A chunk overlay's element for a group: one per group, created in paint order when first needed. */
function groupElement(layer: HTMLElement, group: OverlayGroup): HTMLElement {
  if (layer.childElementCount !== OVERLAY_GROUPS.length) {
    layer.replaceChildren(
      ...OVERLAY_GROUPS.map((name) => {
        const element = document.createElement('div');
        element.dataset.group = name;
        return element;
      }),
    );
  }
  return layer.querySelector<HTMLElement>(`:scope > [data-group="${group}"]`)!;
}

/** Sets what a group of a chunk's overlay shows; returns its element (null when the chunk has no overlay). */
function paintGroup(layer: HTMLElement | null, group: OverlayGroup, boxes: readonly PaintedBox[]): HTMLElement | null {
  if (!layer) return null;
  const element = groupElement(layer, group);
  element.replaceChildren(...boxes.map(boxElement));
  return element;
}

function boxElement(box: PaintedBox): HTMLElement {
  const element = document.createElement('div');
  element.className = box.layer;
  if (box.excerptId) element.dataset.excerpt = box.excerptId;
  element.style.cssText = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
  return element;
}

/** How far the range's middle is from the middle of the view, in pixels (lays out its chunk if the browser had skipped it). */
function offCentre(v: View, domRange: Range): number {
  const box = domRange.getBoundingClientRect();
  const frame = v.scroller.getBoundingClientRect();
  return box.top - frame.top - frame.height / 2 + Math.min(box.height, frame.height) / 2;
}

/**
 * Scrolls the article (the one of `blocks`: a jump into an article not mounted yet waits
 * for it) so the range is in the middle of the view. A far jump goes at
 * once and is measured again on the next frame: the chunks passed on the way had only
 * an estimated height until the browser laid them out.
 */
export function scrollToRange(blocks: readonly Block[], range: TextRange, behavior: ScrollBehavior = 'smooth'): void {
  const v = view;
  if (!v || v.blocks !== blocks) {
    pendingJump = { blocks, range };
    return;
  }
  const domRange = toRange(v, range);
  if (!domRange) return;
  // Draw the excerpts around the target now, so they show in the frame the jump lands in (the observer follows up).
  // The chunks near now are kept when the target is among or beside them: a jump that
  // brings no chunk near and takes none away (none, or within a long chunk) is never
  // reported, and the near chunks left out would stay empty on screen.
  const chunk = blockAt(v.chunks, range.start);
  const around = { first: Math.max(0, chunk - 1), last: Math.min(v.chunks.length - 1, chunk + 1) };
  const near = v.near;
  const touches = near !== null && around.first <= near.last + 1 && around.last >= near.first - 1;
  v.near = touches ? { first: Math.min(near.first, around.first), last: Math.max(near.last, around.last) } : around;
  draw(v, OVERLAY_GROUPS);
  const distance = offCentre(v, domRange);
  const far = Math.abs(distance) > 2 * v.scroller.clientHeight;
  v.scroller.scrollTo({ top: Math.max(0, v.scroller.scrollTop + distance), behavior: far ? 'instant' : behavior });
  if (!far) return;
  // Measured where the view was before the jump, they are all off screen and waiting for idle time: the jump lands on them now.
  settle(v);
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
