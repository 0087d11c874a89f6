/**
 * The article body is laid out in chunks of consecutive blocks, each with
 * `content-visibility: auto`: Chromium then lays out and paints only the chunks near
 * the viewport, and a DOM change anywhere no longer makes it walk the whole 1 MB
 * article (with highlights registered it otherwise re-walks every block on every
 * frame; see npm run bench, "any DOM change"). Chunks rather than single blocks, because
 * every content-visibility element costs an intersection observation of its own.
 */
import type { Block } from '@shared/article-document';

export interface Chunk {
  /** Index of the chunk's first block. */
  first: number;
  /** Index after its last block. */
  last: number;
  /** Canonical offsets the chunk covers (its first block's start, its last block's end). */
  start: number;
  end: number;
  /** Estimated lines of text, for the height a chunk takes before it is laid out. */
  lines: number;
}

/** A few screens of text per chunk at the reader's measure: small enough that the chunks near the viewport hold few excerpts. */
export const CHUNK_CHARS = 6_000;
/** Characters per line of the reader's 68ch column (serif text runs a little wider than "0"). */
const CHARS_PER_LINE = 64;

export function chunkBlocks(blocks: readonly Block[], maxChars = CHUNK_CHARS): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  for (const [i, block] of blocks.entries()) {
    if (!current || block.end - current.start > maxChars) {
      current = { first: i, last: i, start: block.start, end: block.end, lines: 0 };
      chunks.push(current);
    }
    current.last = i + 1;
    current.end = block.end;
    current.lines += Math.max(1, Math.ceil((block.end - block.start) / CHARS_PER_LINE));
  }
  return chunks;
}
