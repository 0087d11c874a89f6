/**
 * Test helpers: random notebooks full of hostile text (titles, sources, excerpts,
 * tags and note bodies), for the export tests and the export soak. Seeded, so a
 * failure names its seed.
 */
import { selectorsFor } from '../../shared/anchoring/describe-range';
import { canonicalText } from '../../shared/canonical-text';
import { SCHEMA_VERSION, type Excerpt, type Note, type Notebook } from '../../shared/model';
import { hostileArticle, hostileBody, hostileLine, hostileText, type Random } from './random';

const HOSTILE_TAGS = ['*bold*', '_x_', '<b>', 'a|b', '`x`', '[x]', '\\', '1.', '-', 'émoji😀', 'مرحبا', '&amp;', '~~s~~', '$x$', 'tag'];

function time(random: Random): string {
  return new Date(Date.UTC(2025, 0, 1) + random.int(1_000_000) * 1000).toISOString();
}

function randomArticle(random: Random, id: string): Notebook['articles'][number] {
  const content = hostileArticle(random, 1 + random.int(6));
  const title = random.chance(0.3) ? hostileText(random, 5).trim() || 'x' : hostileLine(random, 5).trim() || 'x';
  const source = random.chance(0.5)
    ? {
        ...(random.chance(0.7) ? { url: random.pick(['https://example.com/a?b=1&c=(2)', 'javascript:alert(1)', 'not a url', 'http://x.y/<z>']) } : {}),
        ...(random.chance(0.7) ? { outlet: hostileLine(random, 3) } : {}),
        ...(random.chance(0.5) ? { date: hostileLine(random, 2) } : {}),
      }
    : undefined;
  return {
    id,
    title,
    ...(source ? { source } : {}),
    format: 'text',
    content,
    contentHash: `sha256:${'0'.repeat(64)}`,
    addedAt: time(random),
  };
}

function randomExcerpt(random: Random, id: string, articleId: string, text: string): Excerpt {
  if (text.length === 0 || random.chance(0.15)) {
    // An orphan: text that is not in the article, of any shape (tabs, edge spaces, odd line breaks).
    const exact = hostileText(random, 6) || 'x';
    return {
      id,
      articleId,
      quote: { type: 'TextQuoteSelector', exact: `${exact}\u0000`.slice(0, -1), prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
      createdAt: time(random),
    };
  }
  const start = random.int(text.length);
  const end = Math.min(text.length, start + 1 + random.int(120));
  return { id, articleId, ...selectorsFor(text, { start, end }), createdAt: time(random) };
}

/** Upper bounds of a random notebook's size. */
export interface NotebookSize {
  articles: number;
  excerptsPerArticle: number;
  notes: number;
  bodyLines: number;
}

const DEFAULT_SIZE: NotebookSize = { articles: 3, excerptsPerArticle: 7, notes: 11, bodyLines: 8 };

export function randomNotebook(random: Random, size: NotebookSize = DEFAULT_SIZE): Notebook {
  const articles = Array.from({ length: 1 + random.int(size.articles) }, (_, i) => randomArticle(random, `a${i}`));
  const excerpts: Excerpt[] = [];
  articles.forEach((article) => {
    const text = canonicalText(article.content).text;
    for (let i = 0, n = random.int(size.excerptsPerArticle + 1); i < n; i++) excerpts.push(randomExcerpt(random, `x${excerpts.length}`, article.id, text));
  });
  const notes: Note[] = [];
  for (let i = 0, n = random.int(size.notes + 1); i < n; i++) {
    const article = random.pick(articles);
    const own = excerpts.filter((e) => e.articleId === article.id);
    const excerptIds = own.length > 0 ? Array.from({ length: random.int(4) }, () => random.pick(own).id) : [];
    if (random.chance(0.1)) excerptIds.push('gone');
    const kind = random.chance(0.4) ? 'lead' : 'annotation';
    notes.push({
      id: `n${i}`,
      articleId: article.id,
      kind,
      // A marker that survives any rewrite, to find the note in the output.
      body: `${hostileBody(random, size.bodyLines)}\nNOTEMARK${i}X ${hostileLine(random, 3)}`,
      tags: Array.from({ length: random.int(3) }, () => random.pick(HOSTILE_TAGS)),
      excerptIds: [...new Set(excerptIds)],
      ...(kind === 'lead' ? { status: random.pick(['open', 'in-progress', 'done', 'dropped'] as const) } : {}),
      createdAt: time(random),
      updatedAt: time(random),
    });
  }
  return { schemaVersion: SCHEMA_VERSION, articles, excerpts, notes, dismissals: [], ui: { scroll: {} } };
}

