import { describe, expect, it } from 'vitest';
import { segments } from './mark-segments';

describe('mark segments', () => {
  it('a block without marks is one piece', () => {
    expect(segments({ kind: 'paragraph', start: 10, end: 20 })).toEqual([{ start: 10, end: 20, marks: [] }]);
  });

  it('cuts at every boundary of overlapping marks, links outermost, and covers the block exactly', () => {
    const em = { kind: 'em' as const, start: 12, end: 18 };
    const link = { kind: 'link' as const, start: 15, end: 20, href: 'https://example.org' };
    const pieces = segments({ kind: 'paragraph', start: 10, end: 20, marks: [em, link] });
    expect(pieces).toEqual([
      { start: 10, end: 12, marks: [] },
      { start: 12, end: 15, marks: [em] },
      { start: 15, end: 18, marks: [link, em] },
      { start: 18, end: 20, marks: [link] },
    ]);
  });
});
