/**
 * Which excerpt ranges go into which highlight layer: pure data, no DOM, so the
 * drawing code stays a loop and the rules stay testable.
 */
import type { TextRange } from '@shared/anchoring/text-range';

export interface PlacedExcerpt extends TextRange {
  id: string;
  /** 'lead' when any lead cites it, 'annotation' when only annotations do, 'plain' when nothing does. */
  kind: 'lead' | 'annotation' | 'plain';
}

export type LayerName = BaseLayerName | MarkLayerName;
/** The layers drawn from the excerpts alone; the focus and flash layers follow the view state. */
export type BaseLayerName = 'll-annotation' | 'll-lead' | 'll-plain' | 'll-overlap';
export type MarkLayerName = 'll-focus' | 'll-flash';

/** The paint order of the kinds, bottom first (each is drawn over the one before; overlaps go over all). */
const KIND_ORDER: readonly PlacedExcerpt['kind'][] = ['plain', 'annotation', 'lead'];

/**
 * A chunk's overlay holds three groups, bottom first, each drawn again on its own: the
 * kind layers, the focused note's excerpts, the flash after a jump.
 */
export type OverlayGroup = 'kinds' | MarkLayerName;
export const OVERLAY_GROUPS: readonly OverlayGroup[] = ['kinds', 'll-focus', 'll-flash'];

/** One range to paint, in its layer, with the excerpt it belongs to (none for an overlap). */
export interface LayerRange {
  layer: LayerName;
  range: TextRange;
  excerptId: string | null;
}

/** The excerpts among `placed` whose id is in `ids`, wherever they are in the article. */
export function markedRanges(placed: readonly PlacedExcerpt[], ids: ReadonlySet<string>): PlacedExcerpt[] {
  return ids.size === 0 ? [] : placed.filter((excerpt) => ids.has(excerpt.id));
}

/** The pieces a group shows: all of them for the kinds, the marked ones for focus and flash. */
export function groupPieces(group: OverlayGroup, pieces: readonly PlacedExcerpt[], marked: ReadonlySet<string>): readonly PlacedExcerpt[] {
  return group === 'kinds' ? pieces : markedRanges(pieces, marked);
}

/** What a group paints, in paint order: for the kinds, each kind's layer, then the stretches where excerpts overlap. */
export function groupRanges(group: OverlayGroup, pieces: readonly PlacedExcerpt[]): LayerRange[] {
  if (group !== 'kinds') return pieces.map((p) => ({ layer: group, range: p, excerptId: p.id }));
  const ranges: LayerRange[] = [];
  for (const kind of KIND_ORDER) {
    for (const p of pieces) if (p.kind === kind) ranges.push({ layer: `ll-${kind}`, range: p, excerptId: p.id });
  }
  for (const range of overlaps(pieces)) ranges.push({ layer: 'll-overlap', range, excerptId: null });
  return ranges;
}

/** The excerpts that fall in a stretch of text, cut to it (an excerpt across two chunks is drawn in each, its own part). */
export function piecesWithin(placed: readonly PlacedExcerpt[], window: TextRange): PlacedExcerpt[] {
  const pieces: PlacedExcerpt[] = [];
  for (const p of placed) {
    const start = Math.max(p.start, window.start);
    const end = Math.min(p.end, window.end);
    if (end > start) pieces.push(start === p.start && end === p.end ? p : { ...p, start, end });
  }
  return pieces;
}

/** A box to paint, in pixels from the top left of its chunk. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The boxes that cover one excerpt's line fragments (client rects of its text nodes,
 * in order), relative to `origin`: empty fragments dropped, and fragments that follow
 * each other on the same line merged, so a mark inside the excerpt (a link, an
 * emphasis) does not paint a seam or a double layer where two fragments meet.
 */
export function boxesOf(rects: readonly Rect[], origin: { left: number; top: number }): Box[] {
  const merged: Rect[] = [];
  for (const r of rects) {
    if (r.right - r.left < 0.5 || r.bottom - r.top < 0.5) continue;
    const last = merged.at(-1);
    const sameLine = last && Math.abs(r.top - last.top) < 1 && Math.abs(r.bottom - last.bottom) < 1;
    if (last && sameLine && r.left >= last.left && r.left <= last.right + 1) last.right = Math.max(last.right, r.right);
    else merged.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  }
  return merged.map((r) => ({ left: r.left - origin.left, top: r.top - origin.top, width: r.right - r.left, height: r.bottom - r.top }));
}

/** Whether two lists draw the same: same excerpts, same places, same kinds (so the layers need not be set again). */
export function sameDrawing(a: readonly PlacedExcerpt[], b: readonly PlacedExcerpt[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.start === b[i]!.start && x.end === b[i]!.end && x.kind === b[i]!.kind);
}

/** The stretches of text covered by two or more excerpts, merged (a sweep over the boundaries). */
export function overlaps(ranges: readonly TextRange[]): TextRange[] {
  const events: [number, number][] = [];
  for (const r of ranges) events.push([r.start, 1], [r.end, -1]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const result: TextRange[] = [];
  let depth = 0;
  let openedAt = 0;
  for (const [offset, delta] of events) {
    const before = depth;
    depth += delta;
    if (before < 2 && depth >= 2) openedAt = offset;
    if (before >= 2 && depth < 2 && offset > openedAt) {
      const last = result.at(-1);
      if (last && last.end === openedAt) last.end = offset;
      else result.push({ start: openedAt, end: offset });
    }
  }
  return result;
}

/**
 * Splits the boxes of a group, range by range, into those to paint now (every range with a
 * box between `top` and `bottom`: what is on screen) and those that can wait for idle
 * time. A range's boxes stay together, and in order.
 */
export function splitInView<B extends Box>(ranges: readonly (readonly B[])[], top: number, bottom: number): { now: B[]; later: B[] } {
  const now: B[] = [];
  const later: B[] = [];
  for (const boxes of ranges) {
    const shows = boxes.some((box) => box.top < bottom && box.top + box.height > top);
    (shows ? now : later).push(...boxes);
  }
  return { now, later };
}
