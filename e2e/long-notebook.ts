/**
 * A researcher's long notebook for the specs of the virtual notes pane: the bundled article
 * with one excerpt per sentence and `count` notes over them, each saying its number
 * ("Note 0042"), every fifth a lead. Notes are created in reading order, so the pane lists
 * them by number: the last note cites the last sentence.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedNotebook } from '../src-main/notebook/articles';
import { selectorsFor } from '../src-main/shared/anchoring/describe-range';
import { documentOf } from '../src-main/shared/article-document';
import { NotebookSchema, type Excerpt, type Note } from '../src-main/shared/model';

const BUNDLED_ARTICLE = join(import.meta.dirname, '../resources/articles/putin-wants-syria-to-return-the-favor.txt');
const WHEN = Date.UTC(2026, 0, 2, 3, 4, 5);

export const noteLabel = (n: number): string => `Note ${String(n).padStart(4, '0')}`;

export interface LongNotebook {
  count: number;
  leads: number;
  /** The sentence the last notes cite (the last one of the article). */
  lastQuote: string;
  /** The first note, in pane order, citing that sentence. */
  firstOnLastQuote: string;
}

export async function writeLongNotebook(path: string, count: number): Promise<LongNotebook> {
  const seed = await seedNotebook(BUNDLED_ARTICLE, new Date(WHEN));
  const article = seed.articles[0]!;
  const { text } = documentOf(article);
  const sentences = [...text.matchAll(/[^.\n]{20,}?[.]/g)].map((m) => ({ start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length }));
  const excerpts: Excerpt[] = sentences.map((range, i) => ({ id: `longExcerpt${i}`, articleId: article.id, ...selectorsFor(text, range), createdAt: new Date(WHEN).toISOString() }));
  // Note n cites sentence floor(n × sentences / count): reading order is number order.
  const notes: Note[] = Array.from({ length: count }, (_, i) => {
    const lead = i % 5 === 4;
    return {
      id: `longNote${i}`,
      articleId: article.id,
      kind: lead ? 'lead' : 'annotation',
      ...(lead ? { status: 'open' as const } : {}),
      body: `${noteLabel(i + 1)}: ${i % 3 === 0 ? 'a short remark.' : 'a longer remark that runs over a few lines of the card, as researchers write when a passage needs more than a word: who said it, when, and what it rests on.'}`,
      tags: i % 7 === 0 ? ['sevens'] : [],
      excerptIds: [excerpts[Math.floor((i * excerpts.length) / count)]!.id],
      createdAt: new Date(WHEN + i * 1000).toISOString(),
      updatedAt: new Date(WHEN + i * 1000).toISOString(),
    };
  });
  writeFileSync(path, JSON.stringify(NotebookSchema.parse({ ...seed, excerpts, notes })));
  const lastId = excerpts.at(-1)!.id;
  const first = notes.findIndex((n) => n.excerptIds.includes(lastId));
  return { count, leads: notes.filter((n) => n.kind === 'lead').length, lastQuote: excerpts.at(-1)!.quote.exact, firstOnLastQuote: noteLabel(first + 1) };
}

/** Gives the first notes of a notebook written above these bodies (e.g. Markdown), in pane order. */
export function rewriteBodies(path: string, bodies: readonly string[]): void {
  const notebook = NotebookSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  bodies.forEach((body, i) => (notebook.notes[i]!.body = body));
  writeFileSync(path, JSON.stringify(notebook));
}
