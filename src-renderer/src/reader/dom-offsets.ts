/**
 * Between DOM positions in the rendered article and offsets in its canonical text.
 * The reader renders block i as one direct child of the article body (data-index="i")
 * whose text nodes, in order, spell exactly `text.slice(block.start, block.end)`
 * (inline marks nest elements, never add text). So a position is its block's start
 * plus the length of the block's text before it.
 */
import type { Block } from '@shared/article-document';
import type { TextRange } from '@shared/anchoring';

export interface ArticleDom {
  body: HTMLElement;
  blocks: readonly Block[];
}

/** A block's text nodes and where each starts in the canonical text. */
export interface BlockNodes {
  nodes: Text[];
  starts: number[];
}

function blockIndexOf(body: HTMLElement, node: Node): number | null {
  for (let current: Node | null = node; current && current !== body; current = current.parentNode) {
    if (current instanceof HTMLElement && current.parentNode === body && current.dataset.index !== undefined) {
      return Number(current.dataset.index);
    }
  }
  return null;
}

/** The canonical offset of a DOM boundary point inside the article body, or null outside it. */
export function offsetAt({ body, blocks }: ArticleDom, node: Node, offset: number): number | null {
  if (node === body) {
    if (blocks.length === 0) return 0;
    return offset < blocks.length ? blocks[offset]!.start : blocks.at(-1)!.end;
  }
  const index = blockIndexOf(body, node);
  if (index === null) return null;
  const block = blocks[index]!;
  const element = body.children[index]!;
  // The text of the block before the point, whatever element or text node it is in.
  const before = document.createRange();
  before.setStart(element, 0);
  before.setEnd(node, offset);
  return Math.min(block.start + before.toString().length, block.end);
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

/** Text nodes of every block, looked up once per render. */
export function blockTextNodes(body: HTMLElement, blocks: readonly Block[]): BlockNodes[] {
  return Array.from(body.children, (element, i) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    const starts: number[] = [];
    let at = blocks[i]?.start ?? 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
      starts.push(at);
      at += (node as Text).length;
    }
    return { nodes, starts };
  });
}

/** The text node holding `offset` within a block, and the offset inside it. */
function pointIn(block: BlockNodes, offset: number): [Text, number] | null {
  const { nodes, starts } = block;
  if (nodes.length === 0) return null;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  return [node, Math.max(0, Math.min(node.length, offset - starts[lo]!))];
}

/**
 * A DOM Range for canonical offsets. Ends that fall on a block separator are moved
 * into the neighbouring block, so the range never starts in a gap.
 */
export function offsetsToRange(blocks: readonly Block[], nodes: readonly BlockNodes[], start: number, end: number, blockAt: (offset: number) => number): Range | null {
  if (blocks.length === 0 || end <= start) return null;
  let first = blockAt(start);
  if (start >= blocks[first]!.end && first + 1 < blocks.length) first++;
  let last = blockAt(Math.max(start, end - 1));
  if (end <= blocks[last]!.start && last > 0) last--;
  const firstNodes = nodes[first];
  const lastNodes = nodes[last];
  const from = firstNodes && pointIn(firstNodes, Math.min(start, blocks[first]!.end));
  const to = lastNodes && pointIn(lastNodes, Math.min(end, blocks[last]!.end));
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}
