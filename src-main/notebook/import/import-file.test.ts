import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleDocumentSchema, plainTextDocument } from '../../shared/article-document';
import { ArticleSchema } from '../../shared/model';
import { MAX_FILE_BYTES } from './decode';
import { importFile } from './import-file';
import type { ImportResult } from './imported-article';
import { NEWS_SOURCE, NEWS_TITLE } from './testdata/news-page-expected';
import { blockLines } from './testdata/document-view';

const NOW = new Date(Date.UTC(2024, 2, 6, 9, 30));
const fixture = (name: string): Uint8Array => readFileSync(new URL(`./testdata/${name}`, import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function article(result: ImportResult) {
  if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
  expect(ArticleDocumentSchema.safeParse(result.article.document).success).toBe(true);
  // What the notebook stores must fit the article model once it adds an id and a hash
  // (a plain-text article derives its document from its content, so it stores none).
  const { document, ...stored } = result.article;
  expect(ArticleSchema.safeParse({ id: 'a1', contentHash: `sha256:${'0'.repeat(64)}`, ...stored, ...(stored.format === 'text' ? {} : { document }) }).success).toBe(true);
  return result.article;
}

function failure(result: ImportResult) {
  if (result.ok) throw new Error('import should have failed');
  return result.error;
}

describe('importFile', () => {
  it('imports plain text: first line as title, the body as content and document', () => {
    const a = article(importFile({ fileName: 'notes/utf16le-notes.txt', bytes: fixture('utf16le-notes.txt'), now: NOW }));
    expect(a.title).toBe('Field notes: Kherson crossing');
    expect(a.format).toBe('text');
    expect(a.source).toBeUndefined();
    expect(a.addedAt).toBe('2024-03-06T09:30:00.000Z');
    expect(a.content).toBe('The ferry ran twice on Tuesday — once at 06:40, once at 17:15.\nWitnesses said the convoy was “long”.\n\nПереправа работала дважды. 😀 Café owner: Zoë Ørsted.\n');
    expect(a.document).toEqual(plainTextDocument(a.content));
    expect(blockLines(a.document)).toEqual([
      'paragraph: The ferry ran twice on Tuesday — once at 06:40, once at 17:15. Witnesses said the convoy was “long”.',
      'paragraph: Переправа работала дважды. 😀 Café owner: Zoë Ørsted.',
    ]);
  });

  it('titles plain text with no title line after the file, and keeps a lone line as the text', () => {
    expect(article(importFile({ fileName: 'C:\\notes\\Kherson log.txt', bytes: utf8('one\ntwo\n\nthree'), now: NOW })).title).toBe('Kherson log');
    const lone = article(importFile({ fileName: 'memo.txt', bytes: utf8('Only a title line\n\n'), now: NOW }));
    expect(lone.title).toBe('memo');
    expect(lone.document.text).toBe('Only a title line');
  });

  it('imports the Markdown memo: front matter title, the whole source as content', () => {
    const bytes = fixture('field-memo.md');
    const a = article(importFile({ fileName: 'field-memo.md', bytes, now: NOW }));
    expect(a.title).toBe('Memo: the Kherson ferry crossings');
    expect(a.format).toBe('markdown');
    expect(a.content).toBe(new TextDecoder().decode(bytes));
    expect(blockLines(a.document)[0]).toBe('heading1: Kherson ferry crossings — working memo');
  });

  it('imports the saved news page with its source; the outlet, date and address fit the model', () => {
    const a = article(importFile({ fileName: 'news-page.html', bytes: fixture('news-page.html'), now: NOW }));
    expect(a.format).toBe('html');
    expect(a.title).toBe(NEWS_TITLE);
    expect(a.source).toEqual(NEWS_SOURCE);
    expect(a.content.startsWith('<!-- saved from url=')).toBe(true);
    expect(a.content).toContain('Zaporizhzhia’s');
  });

  it('sniffs a page saved under another extension, and reads unknown text as plain text', () => {
    expect(article(importFile({ fileName: 'page.php', bytes: utf8('<!doctype html><title>T</title><p>Some words.</p>'), now: NOW })).format).toBe('html');
    expect(article(importFile({ fileName: 'README', bytes: utf8('# Not Markdown here'), now: NOW })).format).toBe('text');
  });

  it('falls back to the file name for a Markdown file or page without a title', () => {
    expect(article(importFile({ fileName: 'draft.md', bytes: utf8('Just a paragraph.'), now: NOW })).title).toBe('draft');
    expect(article(importFile({ fileName: 'clip.htm', bytes: utf8('<p>Just a paragraph.</p>'), now: NOW })).title).toBe('clip');
  });

  it('fails, naming the file, for binary, empty, oversized, undecodable and textless files', () => {
    const cases: [string, Uint8Array, string][] = [
      ['report.pdf', utf8('%PDF-1.4\n'), '"report.pdf" is not a text, Markdown or web page file (it looks like a PDF). Nothing was imported.'],
      ['photo.txt', new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, 0]), '"photo.txt" is not a text, Markdown or web page file (it looks like a JPEG image). Nothing was imported.'],
      ['empty.md', new Uint8Array(), '"empty.md" is empty, so there is no text to read; check that it was saved completely. Nothing was imported.'],
      ['huge.txt', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20), '"huge.txt" is 20.1 MB, more than the 20 MB an article may hold; split it into smaller parts. Nothing was imported.'],
      ['latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), '"latin1.txt" is not valid UTF-8 text and does not declare another character set; save it again as UTF-8 and import that file. Nothing was imported.'],
      ['app.html', fixture('empty-app-page.html'), '"app.html" has no readable article text (a page that builds its text with scripts shows none here, as Leadline never runs them); copy the text and paste it instead. Nothing was imported.'],
      ['blank.md', utf8('---\ntitle: Blank\n---\n\n***\n'), '"blank.md" has no readable article text (only markup, front matter or a title); add the text and import it again. Nothing was imported.'],
    ];
    for (const [fileName, bytes, message] of cases) {
      const error = failure(importFile({ fileName: `/home/ana/${fileName}`, bytes, now: NOW }));
      expect(error.message).toBe(message);
      expect(error.fileName).toBe(fileName);
    }
  });

  it('keeps no script or handler text from the hostile page', () => {
    const a = article(importFile({ fileName: 'hostile-page.html', bytes: fixture('hostile-page.html'), now: NOW }));
    expect(a.document.text).not.toMatch(/__pwned|<script|onerror|onload|javascript:/);
    expect(a.source).toEqual({ url: 'https://harbour-log.example/week-9' });
  });
});

describe('pathological files', () => {
  it('refuses Markdown nested past the limit at once, naming the file, and survives a parser stack overflow', () => {
    const deepQuotes = utf8(`# T\n\n${'> '.repeat(100_000)}quoted\n`);
    const quotes = importFile({ fileName: 'deep.md', bytes: deepQuotes, now: new Date() });
    expect(quotes).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^"deep\.md" could not be turned into a readable article \(it is nested too deeply\)/) } });
    const stairs = utf8(Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'));
    expect(importFile({ fileName: 'stairs.md', bytes: stairs, now: new Date() })).toMatchObject({ ok: false, error: { message: expect.stringContaining('"stairs.md"') } });
    const fine = utf8(Array.from({ length: 6 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'));
    expect(importFile({ fileName: 'fine.md', bytes: fine, now: new Date() }).ok).toBe(true);
  });
});
