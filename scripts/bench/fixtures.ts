/**
 * Deterministic test data for the benchmark: a ~1 MB article grown from the bundled one,
 * excerpts placed like a reader's selections, notes citing them, whole notebooks.
 * The same seed always gives the same data, so runs on different days compare.
 */
import { readFileSync } from 'node:fs';
import { mulberry32 } from '../../src-main/shared/testdata/prng';
import { join } from 'node:path';
import type { TextRange } from '../../src-main/shared/anchoring/text-range';
import { selectorsFor } from '../../src-main/shared/anchoring/describe-range';
import { canonicalText, splitTitle, type CanonicalText } from '../../src-main/shared/canonical-text';
import { SCHEMA_VERSION, type Article, type Excerpt, type LeadStatus, type Note, type Notebook } from '../../src-main/shared/model';
import { contentHash } from '../../src-main/notebook/articles';

export const BUNDLED_ARTICLE = 'resources/articles/putin-wants-syria-to-return-the-favor.txt';
export const ARTICLE_ID = 'bench-article';


function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export interface BigArticle {
  title: string;
  /** The article file's body, as stored in Article.content (paragraphs split by blank lines). */
  content: string;
  canonical: CanonicalText;
}

/**
 * The bundled article (2 KB) grown to about `targetChars`: copy after copy of its
 * paragraphs, each copy under its own heading and with about a quarter of its words
 * swapped for other words of the article, so that a quote of a sentence or two is as
 * unique as in a real long text while short ones ("Putin") still recur everywhere.
 */
export function buildArticle(root: string, targetChars = 1_000_000, seed = 1): BigArticle {
  const { title, body } = splitTitle(readFileSync(join(root, BUNDLED_ARTICLE), 'utf8'), 'Bench article');
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const vocabulary = [...new Set(body.split(/\s+/).filter(Boolean))];
  const random = mulberry32(seed);
  const blocks: string[] = [];
  let size = 0;
  for (let copy = 1; size < targetChars; copy++) {
    const heading = `Dispatch ${copy}: ${title}`;
    blocks.push(heading);
    size += heading.length + 2;
    for (const paragraph of paragraphs) {
      const varied = paragraph
        .split(' ')
        .map((word) => (random() < 0.25 ? pick(random, vocabulary) : word))
        .join(' ');
      blocks.push(varied);
      size += varied.length + 2;
    }
  }
  const content = blocks.join('\n\n');
  return { title: `${title} (1 MB benchmark copy)`, content, canonical: canonicalText(content) };
}

/**
 * `count` ranges placed as a reader selects: whole words, mostly a sentence or two
 * inside a paragraph, some a name or a phrase, some long passages across paragraphs.
 * In creation order, i.e. not in reading order.
 */
export function pickRanges(canonical: CanonicalText, count: number, seed = 2): TextRange[] {
  const { text, paragraphs } = canonical;
  const random = mulberry32(seed);
  const ranges: TextRange[] = [];
  const isSpace = (i: number): boolean => /\s/.test(text[i] ?? ' ');
  while (ranges.length < count) {
    const paragraph = pick(random, paragraphs);
    const r = random();
    const length = r < 0.1 ? 4 + Math.floor(random() * 16) : r < 0.9 ? 30 + Math.floor(random() * 170) : 200 + Math.floor(random() * 400);
    let start = paragraph.start + Math.floor(random() * Math.max(1, paragraph.end - paragraph.start - 4));
    while (start > paragraph.start && !isSpace(start - 1)) start--; // to the start of the word
    let end = Math.min(text.length, start + length);
    while (end < text.length && !isSpace(end)) end++; // to the end of the word
    while (end > start && isSpace(end - 1)) end--;
    if (end > start) ranges.push({ start, end });
  }
  return ranges;
}

const CREATED = Date.UTC(2024, 4, 1, 9, 0, 0);
const at = (seconds: number): string => new Date(CREATED + seconds * 1000).toISOString();

export function excerptsFor(text: string, ranges: readonly TextRange[], articleId = ARTICLE_ID): Excerpt[] {
  return ranges.map((range, i) => ({ id: `x${i}`, articleId, ...selectorsFor(text, range), createdAt: at(i) }));
}

const STATUSES: readonly LeadStatus[] = ['open', 'in-progress', 'done', 'dropped'];
const TAGS = ['russia', 'syria', 'units', 'casualties', 'sources', 'verify', 'timeline', 'recruitment', 'iran', 'ukraine', 'quote', 'numbers'];

/**
 * `count` notes over the excerpts: note i cites excerpt i (mod the excerpt count); every
 * fourth is a lead citing a second excerpt too. Bodies are short Markdown with emphasis,
 * a link and sometimes a list, like a researcher's notes.
 */
export function notesFor(count: number, excerpts: readonly Excerpt[], articleId = ARTICLE_ID): Note[] {
  const random = mulberry32(3);
  return Array.from({ length: count }, (_, i): Note => {
    const lead = i % 4 === 3;
    const first = excerpts[i % excerpts.length]!;
    const second = excerpts[(i * 7 + 3) % excerpts.length]!;
    const excerptIds = lead && second.id !== first.id ? [first.id, second.id] : [first.id];
    const word = first.quote.exact.split(' ')[0] ?? 'this';
    const body = lead
      ? `Check **${word}** against the [SOHR report](https://example.org/sohr/${i}): who counted, and when?\n\n- ask the desk\n- compare with the ${pick(random, TAGS)} file`
      : `The claim about *${word}* rests on one source (${i % 97} in the log). ${random() < 0.5 ? 'Compare with the earlier dispatch; the numbers moved.' : 'Plausible, but the dates do not line up.'}`;
    return {
      id: `n${i}`,
      articleId,
      kind: lead ? 'lead' : 'annotation',
      body,
      tags: [pick(random, TAGS), ...(random() < 0.3 ? [pick(random, TAGS)] : [])].filter((t, k, all) => all.indexOf(t) === k),
      excerptIds,
      ...(lead ? { status: STATUSES[i % STATUSES.length]! } : {}),
      createdAt: at(i),
      updatedAt: at(i + 60),
    };
  });
}

export function articleRecord(article: BigArticle, id = ARTICLE_ID): Article {
  return {
    id,
    title: article.title,
    source: { outlet: 'Leadline benchmark', date: '2024-05-01' },
    format: 'text',
    content: article.content,
    contentHash: contentHash(article.content),
    addedAt: at(0),
  };
}

/** A whole notebook on the article: `excerptCount` excerpts, `noteCount` notes. */
export function notebookWith(article: BigArticle, excerptCount: number, noteCount: number, seed = 2): Notebook {
  const excerpts = excerptsFor(article.canonical.text, pickRanges(article.canonical, excerptCount, seed));
  return {
    schemaVersion: SCHEMA_VERSION,
    articles: [articleRecord(article)],
    excerpts,
    notes: notesFor(noteCount, excerpts),
    dismissals: [],
    ui: { currentArticleId: ARTICLE_ID, scroll: {} },
  };
}

/**
 * The article after an editor's change: `insertions` sentences inserted at places spread
 * evenly from `from` (a fraction of the text) to the end, in the file's own text.
 */
/** The sentence editedArticle() inserts, so a bench can tell where each excerpt should land after it. */
export const EDITOR_NOTE = 'Editor’s note: this passage was updated after publication to correct a date. ';

export function editedArticle(article: BigArticle, insertions: number, from = 0): BigArticle {
  const sentence = EDITOR_NOTE;
  const { content } = article;
  const cuts: number[] = [];
  for (let k = 0; k < insertions; k++) {
    const target = Math.floor(content.length * (from + ((1 - from) * k) / insertions)) + 1;
    const space = content.indexOf(' ', target);
    cuts.push(space === -1 ? content.length : space + 1);
  }
  let edited = '';
  let done = 0;
  for (const cut of cuts) {
    edited += content.slice(done, cut) + sentence;
    done = cut;
  }
  edited += content.slice(done);
  return { title: article.title, content: edited, canonical: canonicalText(edited) };
}
