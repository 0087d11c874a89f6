import { describe, expect, it } from 'vitest';
import { ArticleDocumentSchema, blockAt, DocumentBuilder, documentProblem, plainTextDocument } from './article-document';

describe('article documents', () => {
  it('a plain-text article is its paragraphs, joined by blank lines', () => {
    const doc = plainTextDocument('Title line\n\nFirst  para\ngraph.\n\n\n\nSecond.');
    expect(doc.text).toBe('Title line\n\nFirst para graph.\n\nSecond.');
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end))).toEqual(['Title line', 'First para graph.', 'Second.']);
    expect(documentProblem(doc)).toBeNull();
  });

  it('the builder places blocks and marks on one text, dropping empty blocks and clamping marks', () => {
    const b = new DocumentBuilder();
    b.add('heading', 'Intro', { level: 2 });
    b.add('paragraph', '');
    b.add('paragraph', 'See the report.', { marks: [{ kind: 'link', start: 8, end: 14, href: 'https://example.org/r' }, { kind: 'em', start: 0, end: 99 }] });
    b.add('item', 'one', { level: 9 });
    const doc = b.build();
    expect(doc.text).toBe('Intro\n\nSee the report.\n\none');
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 2, start: 0, end: 5 },
      { kind: 'paragraph', start: 7, end: 22, marks: [{ kind: 'link', start: 15, end: 21, href: 'https://example.org/r' }, { kind: 'em', start: 7, end: 22 }] },
      { kind: 'item', level: 6, start: 24, end: 27 },
    ]);
    expect(ArticleDocumentSchema.safeParse(doc).success).toBe(true);
    expect(blockAt(doc.blocks, 23)).toBe(1);
    expect(blockAt(doc.blocks, 24)).toBe(2);
  });

  it('refuses documents whose blocks do not tile the text', () => {
    const bad = [
      { text: 'ab', blocks: [{ kind: 'paragraph' as const, start: 0, end: 1 }] },
      { text: 'a b', blocks: [{ kind: 'paragraph' as const, start: 0, end: 1 }, { kind: 'paragraph' as const, start: 2, end: 3 }] },
      { text: 'ab', blocks: [{ kind: 'paragraph' as const, start: 0, end: 2, marks: [{ kind: 'em' as const, start: 1, end: 3 }] }] },
      { text: 'ab', blocks: [{ kind: 'paragraph' as const, start: 1, end: 2 }] },
    ];
    for (const doc of bad) expect(ArticleDocumentSchema.safeParse(doc).success).toBe(false);
  });
});
