/**
 * Inline marks as nestable pieces: a block's text is cut at every mark boundary, and
 * each piece lists the marks covering it, outermost first. Rendering a piece nests one
 * element per mark around one text node, so the block's text nodes still spell its
 * canonical text exactly (dom-offsets.ts relies on it).
 */
import type { Block, Mark, MarkKind } from '@shared/article-document';

export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

/** Outermost first: a link around emphasis reads as one link. */
const NESTING: Record<MarkKind, number> = { link: 0, strong: 1, em: 2, strike: 3, code: 4, image: 5 };

export function segments(block: Block): Segment[] {
  const marks = block.marks ?? [];
  if (marks.length === 0) return [{ start: block.start, end: block.end, marks: [] }];
  const cuts = new Set([block.start, block.end]);
  for (const mark of marks) {
    cuts.add(mark.start);
    cuts.add(mark.end);
  }
  const points = [...cuts].filter((p) => p >= block.start && p <= block.end).sort((a, b) => a - b);
  const pieces: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = marks.filter((m) => m.start <= start && m.end >= end).sort((a, b) => NESTING[a.kind] - NESTING[b.kind]);
    pieces.push({ start, end, marks: covering });
  }
  return pieces;
}
