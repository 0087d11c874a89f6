import { describe, expect, it } from 'vitest';
import { importPaste } from './import-paste';
import type { ImportResult } from './imported-article';
import { blockLines, markLines } from './testdata/document-view';

const NOW = new Date(Date.UTC(2024, 2, 6, 9, 30));

function article(result: ImportResult) {
  if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
  return result.article;
}

describe('importPaste', () => {
  it('converts a short HTML selection as it is, titled by its first words', () => {
    const a = article(importPaste({ html: '<meta charset="utf-8"><!--StartFragment--><p>The barge <b>carries</b> <a href="https://example.org/">eight</a> trucks.</p><ul><li>one</li></ul><script>alert(1)</script><!--EndFragment-->', text: 'ignored', now: NOW }));
    expect(a.format).toBe('html');
    expect(a.title).toBe('The barge carries eight trucks.');
    expect(blockLines(a.document)).toEqual(['paragraph: The barge carries eight trucks.', 'item1: one']);
    expect(markLines(a.document)).toEqual(['strong(carries)', 'link(eight → https://example.org/)']);
  });

  it('reads a long pasted page through Readability, leaving its boilerplate out', () => {
    const paragraph = (n: number): string => `<p>Paragraph ${n} of the article, with enough words in it to look like the body text of a real report, commas, and a full stop.</p>`;
    const html = `<html><head><title>Long read</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Long read</h1>${[1, 2, 3, 4, 5, 6].map(paragraph).join('')}</article><footer class="site-footer">© Outlet, all rights reserved</footer></body></html>`;
    const a = article(importPaste({ html, now: NOW }));
    expect(a.title).toBe('Long read');
    expect(a.document.blocks).toHaveLength(6);
    expect(a.document.text).not.toMatch(/Home|rights reserved/);
  });

  it('uses the plain text when there is no HTML, or the HTML holds no words', () => {
    const titled = article(importPaste({ text: 'Harbour notes\r\n\r\nFirst  point.\r\nSame paragraph.', now: NOW }));
    expect(titled).toMatchObject({ title: 'Harbour notes', format: 'text', content: 'First  point.\nSame paragraph.' });
    expect(titled.document.text).toBe('First point. Same paragraph.');
    const words = 'A pasted paragraph without any title line that runs on for quite a few words beyond eighty characters';
    const untitled = article(importPaste({ html: '<img src="x.png">', text: words, now: NOW }));
    expect(untitled.title).toBe('A pasted paragraph without any title line that runs on for quite a few words…');
  });

  it('fails with a sentence about the paste when there is nothing to import', () => {
    const result = importPaste({ text: '  \n ', html: '<p> </p>', now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('The pasted text is empty; copy the text again and paste it. Nothing was imported.');
  });
});
