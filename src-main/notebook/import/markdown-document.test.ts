import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleDocumentSchema } from '../../shared/article-document';
import { HOSTILE_CASES, PWNED_GLOBAL } from '../../shared/testdata/hostile-corpus';
import { markdownToDocument } from './markdown-document';
import { blockLines, markLines } from './testdata/document-view';

const MEMO = readFileSync(new URL('./testdata/field-memo.md', import.meta.url), 'utf8');

describe('markdownToDocument', () => {
  it('turns the field memo into exactly these blocks', () => {
    const { title, document } = markdownToDocument(MEMO);
    expect(title).toBe('Memo: the Kherson ferry crossings');
    expect(ArticleDocumentSchema.safeParse(document).success).toBe(true);
    expect(blockLines(document)).toEqual([
      'heading1: Kherson ferry crossings — working memo',
      'paragraph: Prepared for the Tuesday call by Desk B. Sources are listed at the end; see the shared tracker and the old spreadsheet.',
      'heading2: What we know',
      'item1: Two crossings a day since 3 March:',
      'item2: morning, around 06:40',
      'item2: evening, around 17:15',
      'item3: once delayed by fog',
      'item1: The barge carries up to eight trucks.',
      "item1: [x] Confirm the barge's name",
      'item1: [ ] Find the second operator',
      'quote1: The ferry "never ran at night", said the harbour master.',
      'quote2: Quoting a local channel: the convoy was long.',
      'heading2: Numbers',
      'paragraph: Date | Trucks | Source',
      'paragraph: 3 March | 6 | photo',
      'paragraph: 4 March | 8',
      "code: # count the trips in the log\ngrep -c 'ferry' trips.log\nsort -u trips.log",
      'paragraph: A hard break here and a soft line there. An image: Barge at the pier and a bad link, a relative one and mailto:desk@example.org. Raw inline HTML and end.',
      'paragraph: Boxed note from the HTML export.',
      'paragraph: See the harbour report[harbour].',
      'paragraph: [harbour] Port authority bulletin, 5 March.',
    ]);
    expect(markLines(document)).toEqual([
      'em(Tuesday)',
      'strong(Desk B)',
      'link(shared tracker → https://example.org/tracker?id=42)',
      'strike(old)',
      'strong(3 March)',
      'code(06:40)',
      'code(17:15)',
      'em(eight)',
      'em(the convoy was long)',
      'link(photo → https://example.org/p/1)',
      'image(Barge at the pier)',
      'link(mailto:desk@example.org → mailto:desk@example.org)',
    ]);
  });

  it('takes a leading level-1 heading as the title and leaves it out of the blocks', () => {
    const { title, document } = markdownToDocument('# The *Title*\n\nBody.\n\n# Later');
    expect(title).toBe('The Title');
    expect(blockLines(document)).toEqual(['paragraph: Body.', 'heading1: Later']);
  });

  it('drops a leading heading that repeats the front matter title, keeps one that differs', () => {
    expect(blockLines(markdownToDocument('---\ntitle: Same\n---\n# same\n\nBody').document)).toEqual(['paragraph: Body']);
    expect(markdownToDocument('## Not a title\n\nBody')).toEqual({ document: expect.objectContaining({ text: 'Not a title\n\nBody' }) });
    expect(markdownToDocument('Body only').title).toBeUndefined();
  });

  it('resolves reference links, keeping only safe destinations', () => {
    const { document } = markdownToDocument('[ok][a], [bad][b], ![pic][c] and [[x]][a]\n\n[a]: https://example.org/a\n[b]: javascript:alert(1)\n[c]: https://example.org/c.png');
    expect(blockLines(document)).toEqual(['paragraph: ok, bad, pic and [x]']);
    expect(markLines(document)).toEqual(['link(ok → https://example.org/a)', 'image(pic)', 'link([x] → https://example.org/a)']);
  });

  it('reads an empty or blank source as an empty document', () => {
    expect(markdownToDocument('')).toEqual({ document: { text: '', blocks: [] } });
    expect(markdownToDocument('---\ntitle: Only a title\n---\n\n***\n').document.blocks).toEqual([]);
  });

  it('keeps no script or dangerous link from the hostile corpus', () => {
    for (const { name, payload } of HOSTILE_CASES) {
      const { document } = markdownToDocument(`Before.\n\n${payload}\n\nAfter.`);
      // Raw HTML shows only its words. (The split tag's leftovers "<scr" + "ipt>" read "<script>" as
      // plain text, as a browser shows them; a javascript: autolink shows its address as text, unlinked.)
      if (name !== 'split script tag') expect(document.text, name).not.toMatch(/<script|onerror=|onload=/i);
      if (!name.includes('javascript:')) expect(document.text, name).not.toContain(`${PWNED_GLOBAL}=`);
      for (const block of document.blocks) for (const mark of block.marks ?? []) if (mark.href) expect(mark.href, name).toMatch(/^(https?|mailto):/);
    }
  });
});
