/**
 * Between DOM positions in the rendered article and offsets in its canonical text.
 * The reader renders block i as one element (data-index="i"), a child of one of the
 * body's chunks (article-chunks.ts), whose text nodes, in order, spell exactly `text.slice(block.start, block.end)`
 * (inline marks nest elements, never add text). So a position is its block's start
 * plus the length of the block's text before it.
 */
import type { Block } from '@shared/article-document';
import type { TextRange } from '@shared/anchoring/text-range';

export interface ArticleDom {
  body: HTMLElement;
  blocks: readonly Block[];
  /** The element of block i (inside its chunk of the body, see article-chunks.ts). */
  blockElements: readonly HTMLElement[];
}

/** A block's text nodes and where each starts in the canonical text. */
export interface BlockNodes<N extends { length: number } = Text> {
  nodes: N[];
  starts: number[];
}

/** The part of one text node that a stretch of canonical text covers (offsets inside the node). */
export interface TextSpan<N extends { length: number } = Text> {
  node: N;
  start: number;
  end: number;
}

/** Chunks group the blocks inside the body (article-chunks.ts); they hold no text of their own. */
function isChunk(node: Node): node is HTMLElement {
  return node instanceof HTMLElement && node.dataset.chunk !== undefined;
}

function blockIndexOf({ body, blockElements }: ArticleDom, node: Node): number | null {
  for (let current: Node | null = node; current && current !== body; current = current.parentNode) {
    if (current instanceof HTMLElement && current.dataset.index !== undefined) {
      const index: number = Number(current.dataset.index);
      if (blockElements[index] === current) return index;
    }
  }
  return null;
}

/** The first or last block at or inside `node` (a chunk or a block element), or null. */
function edgeBlock(dom: ArticleDom, node: Node, edge: 'first' | 'last'): number | null {
  for (let current: Element | null = node instanceof Element ? node : null; current; current = edge === 'first' ? current.firstElementChild : current.lastElementChild) {
    const index = blockIndexOf(dom, current);
    if (index !== null) return index;
    if (!isChunk(current) && current !== dom.body) return null;
  }
  return null;
}

/** A point between the children of the body or of a chunk: the start of the block after it, else the end of the one before. */
function offsetBetweenBlocks(dom: ArticleDom, container: Node, offset: number): number | null {
  const after = container.childNodes[offset];
  const next = after ? edgeBlock(dom, after, 'first') : null;
  if (next !== null) return dom.blocks[next]!.start;
  const before = container.childNodes[offset - 1];
  const previous = before ? edgeBlock(dom, before, 'last') : null;
  return previous !== null ? dom.blocks[previous]!.end : null;
}

/** The canonical offset of a DOM boundary point inside the article body, or null outside it. */
export function offsetAt(dom: ArticleDom, node: Node, offset: number): number | null {
  const { body, blocks } = dom;
  if (node === body && blocks.length === 0) return 0;
  if (node === body || isChunk(node)) return offsetBetweenBlocks(dom, node, offset);
  const index = blockIndexOf(dom, node);
  if (index === null) return null;
  const block = blocks[index]!;
  // The text of the block before the point, whatever element or text node it is in.
  const before = document.createRange();
  before.setStart(dom.blockElements[index]!, 0);
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

/** The text nodes of one block's element, looked up when a range first needs them. */
export function blockTextNodes(element: HTMLElement, block: Block): BlockNodes {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let at = block.start;
  for (let node = walker.nextNode(); node instanceof Text; node = walker.nextNode()) {
    nodes.push(node);
    starts.push(at);
    at += node.length;
  }
  return { nodes, starts };
}

/** The text node holding `offset` within a block, and the offset inside it. */
function pointIn<N extends { length: number }>(block: BlockNodes<N>, offset: number): [N, number] | null {
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
export function offsetsToRange(blocks: readonly Block[], nodesOf: (index: number) => BlockNodes, start: number, end: number, blockAt: (offset: number) => number): Range | null {
  if (blocks.length === 0 || end <= start) return null;
  let first = blockAt(start);
  if (start >= blocks[first]!.end && first + 1 < blocks.length) first++;
  let last = blockAt(Math.max(start, end - 1));
  if (end <= blocks[last]!.start && last > 0) last--;
  const from = pointIn(nodesOf(first), Math.min(start, blocks[first]!.end));
  const to = pointIn(nodesOf(last), Math.min(end, blocks[last]!.end));
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}

/**
 * The text nodes that canonical offsets cover, each with the part covered, in order; none
 * for the separators between blocks. Plain positions rather than a DOM Range: the browser
 * updates every live Range on each DOM change, so a cache of them taxes every mutation.
 */
export function offsetsToSpans<N extends { length: number }>(blocks: readonly { start: number; end: number }[], nodesOf: (index: number) => BlockNodes<N>, start: number, end: number, blockAt: (offset: number) => number): TextSpan<N>[] {
  const spans: TextSpan<N>[] = [];
  if (blocks.length === 0 || end <= start) return spans;
  const last = blockAt(Math.max(start, end - 1));
  for (let b = blockAt(start); b <= last; b++) {
    const { nodes, starts } = nodesOf(b);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const from = Math.max(start, starts[i]!) - starts[i]!;
      const to = Math.min(end, starts[i]! + node.length) - starts[i]!;
      if (to > from) spans.push({ node, start: from, end: to });
    }
  }
  return spans;
}
