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

export type LayerName = 'll-annotation' | 'll-lead' | 'll-plain' | 'll-overlap' | 'll-focus' | 'll-flash';

/** Layers in paint order: later ones are drawn over earlier ones. */
export const LAYER_PRIORITY: Record<LayerName, number> = {
  'll-plain': 0,
  'll-annotation': 1,
  'll-lead': 2,
  'll-overlap': 3,
  'll-focus': 4,
  'll-flash': 5,
};

/** The layers drawn from the excerpts alone; the focus and flash layers follow the view state. */
export type BaseLayerName = 'll-annotation' | 'll-lead' | 'll-plain' | 'll-overlap';
export type MarkLayerName = 'll-focus' | 'll-flash';

/** The kind layers and the overlaps of the given excerpts (those near the viewport). */
export function baseLayerRanges(placed: readonly PlacedExcerpt[]): Record<BaseLayerName, TextRange[]> {
  const layers: Record<BaseLayerName, TextRange[]> = { 'll-annotation': [], 'll-lead': [], 'll-plain': [], 'll-overlap': overlaps(placed) };
  for (const excerpt of placed) layers[`ll-${excerpt.kind}`].push(excerpt);
  return layers;
}

/** The excerpts among `placed` whose id is in `ids`, wherever they are in the article. */
export function markedRanges(placed: readonly PlacedExcerpt[], ids: ReadonlySet<string>): PlacedExcerpt[] {
  return ids.size === 0 ? [] : placed.filter((excerpt) => ids.has(excerpt.id));
}

/** The excerpts that touch a stretch of text (`placed` in reading order, as placedExcerpts gives them). */
export function excerptsWithin(placed: readonly PlacedExcerpt[], window: TextRange): PlacedExcerpt[] {
  return placed.filter((p) => p.end >= window.start && p.start <= window.end);
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
