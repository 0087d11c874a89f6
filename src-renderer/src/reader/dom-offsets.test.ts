import { describe, expect, it } from 'vitest';
import { blockAt } from '@shared/article-document';
import { offsetsToSpans, type BlockNodes } from './dom-offsets';

/** Two blocks joined by a "\n\n" separator: "ab|cde" (0–5) and "fg|h" (7–11), text nodes split at the bars. */
const blocks = [
  { start: 0, end: 5 },
  { start: 7, end: 11 },
];
const nodes: BlockNodes<string>[] = [
  { nodes: ['ab', 'cde'], starts: [0, 2] },
  { nodes: ['fg', 'h'], starts: [7, 9] },
];
const spans = (start: number, end: number): [string, number, number][] =>
  offsetsToSpans(blocks, (i) => nodes[i]!, start, end, (offset) => blockAt(blocks, offset)).map((s) => [s.node, s.start, s.end]);

describe('offsetsToSpans', () => {
  it('covers the part of each text node inside the range', () => {
    expect(spans(1, 4)).toEqual([
      ['ab', 1, 2],
      ['cde', 0, 2],
    ]);
  });
  it('crosses blocks and leaves the separator out', () => {
    expect(spans(3, 8)).toEqual([
      ['cde', 1, 3],
      ['fg', 0, 1],
    ]);
  });
  it('gives no empty pieces where a range ends on a node boundary or starts on a separator', () => {
    expect(spans(2, 5)).toEqual([['cde', 0, 3]]);
    expect(spans(5, 9)).toEqual([['fg', 0, 2]]);
  });
  it('is empty for an empty range', () => {
    expect(spans(4, 4)).toEqual([]);
  });
});
