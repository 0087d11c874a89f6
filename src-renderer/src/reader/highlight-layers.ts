/**
 * Which excerpt ranges go into which highlight layer: pure data, no DOM, so the
 * drawing code stays a loop and the rules stay testable.
 */
import type { TextRange } from '@shared/anchoring';

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

export function layerRanges(placed: readonly PlacedExcerpt[], focusedIds: ReadonlySet<string>, flashingIds: ReadonlySet<string>): Record<LayerName, TextRange[]> {
  const layers: Record<LayerName, TextRange[]> = {
    'll-annotation': [],
    'll-lead': [],
    'll-plain': [],
    'll-overlap': overlaps(placed),
    'll-focus': [],
    'll-flash': [],
  };
  for (const excerpt of placed) {
    layers[`ll-${excerpt.kind}`].push(excerpt);
    if (focusedIds.has(excerpt.id)) layers['ll-focus'].push(excerpt);
    if (flashingIds.has(excerpt.id)) layers['ll-flash'].push(excerpt);
  }
  return layers;
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
