import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newId } from '../shared/ids';
import { addArticle } from './article-operations';
import { exportMarkdown } from './export-markdown';
import { importFile } from './import/import-file';
import { seededNotebook } from './testdata/test-notebook';

describe('exporting an imported web page', () => {
  it('writes its metadata (address, outlet, byline, published date) into the front matter and the source line', async () => {
    const bytes = readFileSync(join(import.meta.dirname, 'import/testdata/news-page.html'));
    const now = new Date('2026-03-01T00:00:00Z');
    const imported = importFile({ fileName: 'news-page.html', bytes, now });
    if (!imported.ok) throw new Error(imported.error.message);
    const { source } = imported.article;
    expect(source?.url && source.outlet && source.byline && source.date).toBeTruthy();
    const { next, mutation } = addArticle(await seededNotebook(), imported.article, { now: () => now, newId });
    const markdown = exportMarkdown(next, { scope: { kind: 'article', articleId: mutation.articleId }, exportedAt: now, appVersion: '0.0.0' });
    const front = markdown.split('\n---\n', 1)[0]!;
    expect(front).toContain(`  url: "${source!.url}"`);
    expect(front).toContain(`  outlet: "${source!.outlet}"`);
    expect(front).toContain(`  byline: "${source!.byline}"`);
    expect(front).toContain(`  date: "${source!.date}"`);
    expect(markdown).toMatch(/\nSource: .*by .+/);
  });
});
