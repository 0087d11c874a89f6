import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { splitTitle } from '../shared/canonical-text';
import { newId } from '../shared/ids';
import { SCHEMA_VERSION, type Article, type ArticleSource, type Notebook } from '../shared/model';

export function contentHash(content: string): string {
  return `sha256:${createHash('sha256').update(content, 'utf8').digest('hex')}`;
}

/** A plain-text article from a file's text: first line is the title when a blank line follows it. */
export function articleFromText(fileText: string, options: { fallbackTitle: string; source?: ArticleSource; now: Date }): Article {
  const { title, body } = splitTitle(fileText, options.fallbackTitle);
  return {
    id: newId(),
    title,
    ...(options.source ? { source: options.source } : {}),
    format: 'text',
    content: body,
    contentHash: contentHash(body),
    addedAt: options.now.toISOString(),
  };
}

/** The notebook a first launch starts with: the bundled article, no notes. */
export async function seedNotebook(bundledArticlePath: string, now = new Date()): Promise<Notebook> {
  const fileText = await readFile(bundledArticlePath, 'utf8');
  const article = articleFromText(fileText, { fallbackTitle: basename(bundledArticlePath, '.txt'), now });
  return {
    schemaVersion: SCHEMA_VERSION,
    articles: [article],
    excerpts: [],
    notes: [],
    dismissals: [],
    ui: { currentArticleId: article.id, scroll: {} },
  };
}
