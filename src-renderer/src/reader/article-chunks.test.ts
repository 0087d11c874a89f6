import { describe, expect, it } from 'vitest';
import { blockAt, type Block } from '@shared/article-document';
import { chunkBlocks } from './article-chunks';

/** Paragraphs of the given lengths, separated by "\n\n" as in a canonical text. */
function paragraphs(...lengths: number[]): Block[] {
  let at = 0;
  return lengths.map((length) => {
    const block: Block = { kind: 'paragraph', start: at, end: at + length };
    at += length + 2;
    return block;
  });
}

describe('chunkBlocks', () => {
  it('groups consecutive blocks until the next would pass the size', () => {
    const chunks = chunkBlocks(paragraphs(40, 40, 40, 40, 40), 100);
    expect(chunks.map((c) => [c.first, c.last])).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
    ]);
    expect(chunks[1]).toMatchObject({ start: 84, end: 166 });
  });

  it('gives a block longer than the size a chunk of its own', () => {
    expect(chunkBlocks(paragraphs(10, 500, 10), 100).map((c) => [c.first, c.last])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('estimates at least one line per block', () => {
    expect(chunkBlocks(paragraphs(1, 1, 160), 1_000)[0]!.lines).toBe(1 + 1 + 3);
  });

  it('has no chunk for no block', () => {
    expect(chunkBlocks([])).toEqual([]);
  });
});

describe('a chunk found by offset (blockAt: chunks start where their first block does)', () => {
  it('finds the chunk holding each block, and gives a separator to the chunk before', () => {
    const blocks = paragraphs(40, 40, 40, 40, 40);
    const chunks = chunkBlocks(blocks, 100);
    expect(blocks.map((b) => blockAt(chunks, b.start))).toEqual([0, 0, 1, 1, 2]);
    expect(blockAt(chunks, blocks[1]!.end + 1)).toBe(0);
  });
});
