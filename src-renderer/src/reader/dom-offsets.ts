/**
 * Between DOM positions in the rendered article and offsets in its canonical text.
 * The reader renders paragraph i as one <p data-index="i"> holding exactly one text
 * node, so a position is its paragraph's start plus the offset in that node.
 */
import type { Paragraph } from '@shared/canonical-text';
import type { TextRange } from '@shared/anchoring';

export interface ArticleDom {
  body: HTMLElement;
  paragraphs: readonly Paragraph[];
}

function paragraphIndexOf(body: HTMLElement, node: Node): number | null {
  for (let current: Node | null = node; current && current !== body; current = current.parentNode) {
    if (current instanceof HTMLElement && current.parentNode === body && current.dataset.index !== undefined) {
      return Number(current.dataset.index);
    }
  }
  return null;
}

/** The canonical offset of a DOM boundary point inside the article body, or null outside it. */
export function offsetAt({ body, paragraphs }: ArticleDom, node: Node, offset: number): number | null {
  if (node === body) {
    if (paragraphs.length === 0) return 0;
    return offset < paragraphs.length ? paragraphs[offset]!.start : paragraphs.at(-1)!.end;
  }
  const index = paragraphIndexOf(body, node);
  if (index === null) return null;
  const paragraph = paragraphs[index]!;
  if (node.nodeType === Node.TEXT_NODE) return Math.min(paragraph.start + offset, paragraph.end);
  // An element boundary inside the paragraph: before its first child or after its content.
  return offset === 0 ? paragraph.start : paragraph.end;
}

/**
 * The part of a DOM range that lies in the article body, as canonical offsets,
 * trimmed of white space at both ends; null when nothing of the body is selected.
 */
export function rangeToOffsets(dom: ArticleDom, range: Range, text: string): TextRange | null {
  const bodyRange = document.createRange();
  bodyRange.selectNodeContents(dom.body);
  if (range.compareBoundaryPoints(Range.END_TO_START, bodyRange) >= 0) return null; // starts after the body
  if (range.compareBoundaryPoints(Range.START_TO_END, bodyRange) <= 0) return null; // ends before the body
  const startsBefore = range.compareBoundaryPoints(Range.START_TO_START, bodyRange) < 0;
  const endsAfter = range.compareBoundaryPoints(Range.END_TO_END, bodyRange) > 0;
  let start = startsBefore ? 0 : offsetAt(dom, range.startContainer, range.startOffset);
  let end = endsAfter ? text.length : offsetAt(dom, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Text nodes of the paragraphs, looked up once per render. */
export function paragraphTextNodes(body: HTMLElement): (Text | null)[] {
  return Array.from(body.children, (p) => (p.firstChild instanceof Text ? p.firstChild : null));
}

/**
 * A DOM Range for canonical offsets. Ends that fall on a paragraph separator are
 * moved into the neighbouring paragraph, so the range never starts in a gap.
 */
export function offsetsToRange(paragraphs: readonly Paragraph[], nodes: readonly (Text | null)[], start: number, end: number, paragraphAt: (offset: number) => number): Range | null {
  if (paragraphs.length === 0 || end <= start) return null;
  let first = paragraphAt(start);
  if (start >= paragraphs[first]!.end && first + 1 < paragraphs.length) first++;
  let last = paragraphAt(Math.max(start, end - 1));
  if (end <= paragraphs[last]!.start && last > 0) last--;
  const startNode = nodes[first];
  const endNode = nodes[last];
  if (!startNode || !endNode) return null;
  const range = document.createRange();
  range.setStart(startNode, Math.max(0, Math.min(start, paragraphs[first]!.end) - paragraphs[first]!.start));
  range.setEnd(endNode, Math.max(0, Math.min(end, paragraphs[last]!.end) - paragraphs[last]!.start));
  return range;
}
