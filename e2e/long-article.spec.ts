/**
 * A long article with hundreds of excerpts: the reader registers only the highlights
 * near the viewport, so an excerpt far down is drawn once the reader gets there — by
 * scrolling, or by jumping from its note — and clicking it there still finds its note.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { contentHash, seedNotebook } from '../src-main/notebook/articles';
import { selectorsFor } from '../src-main/shared/anchoring/describe-range';
import type { TextRange } from '../src-main/shared/anchoring/text-range';
import { canonicalText, splitTitle } from '../src-main/shared/canonical-text';
import { NotebookSchema, type Excerpt, type Note, type Notebook } from '../src-main/shared/model';
import { test, expect } from './fixtures';
import { cards, paintedCount, paintedPoint, paintedTexts, revealPainted, scrollNotesToEnd } from './helpers';

const BUNDLED_ARTICLE = join(import.meta.dirname, '../resources/articles/putin-wants-syria-to-return-the-favor.txt');
const ARTICLE_ID = 'longArticle';
const TITLE = 'A long dispatch';
const WHEN = '2026-01-02T03:04:05.000Z';
const COPIES = 120;
const FAR_QUOTE = 'the convoy crossed the river at dawn';
const FAR_NOTE = 'Who saw the convoy?';
const TOP_QUOTE = 'Part 1 opens here';

/** The bundled article's paragraphs, again and again under numbered headings, with one unique sentence near the end. */
function longContent(): string {
  const { body } = splitTitle(readFileSync(BUNDLED_ARTICLE, 'utf8'), 'x');
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const parts: string[] = [];
  for (let copy = 1; copy <= COPIES; copy++) {
    parts.push(copy === 1 ? `${TOP_QUOTE}.` : `Part ${copy}`, ...paragraphs);
    if (copy === COPIES - 1) parts.push(`Witnesses say ${FAR_QUOTE}, then turned north.`);
  }
  return parts.join('\n\n');
}

async function longNotebook(): Promise<Notebook> {
  const seed = await seedNotebook(BUNDLED_ARTICLE, new Date(WHEN));
  const content = longContent();
  const { text } = canonicalText(content);
  const excerptAt = (id: string, range: TextRange): Excerpt => ({ id, articleId: ARTICLE_ID, ...selectorsFor(text, range), createdAt: WHEN });
  const noteOn = (id: string, body: string, excerptId: string): Note => ({ id, articleId: ARTICLE_ID, kind: 'annotation', body, tags: [], excerptIds: [excerptId], createdAt: WHEN, updatedAt: WHEN });
  // A few words every 700 characters, all through the text.
  const excerpts: Excerpt[] = [];
  for (let at = 900; at + 40 < text.length; at += 700) {
    const start = text.indexOf(' ', at) + 1;
    const end = text.indexOf(' ', start + 20);
    if (start > 0 && end > start && !text.slice(start, end).includes('\n')) excerpts.push(excerptAt(`fill${excerpts.length}`, { start, end }));
  }
  const notes = excerpts.filter((_, i) => i % 4 === 0).map((e, i) => noteOn(`n${i}`, `Filler note ${i}`, e.id));
  const far = text.indexOf(FAR_QUOTE);
  excerpts.push(excerptAt('far', { start: far, end: far + FAR_QUOTE.length }), excerptAt('top', { start: 0, end: TOP_QUOTE.length }));
  notes.push(noteOn('farNote', FAR_NOTE, 'far'), noteOn('topNote', 'The opening line', 'top'));
  return NotebookSchema.parse({
    ...seed,
    articles: [...seed.articles, { id: ARTICLE_ID, title: TITLE, format: 'text', content, contentHash: contentHash(content), addedAt: WHEN }],
    excerpts,
    notes,
    ui: { currentArticleId: ARTICLE_ID, scroll: {} },
  });
}

async function openLongArticle(app: { dir: string; relaunch(options: { notebookPath: string }): Promise<Page> }): Promise<{ page: Page; excerptCount: number }> {
  const notebook = await longNotebook();
  const notebookPath = join(app.dir, 'long.json');
  writeFileSync(notebookPath, `${JSON.stringify(notebook, null, 1)}\n`);
  const page = await app.relaunch({ notebookPath });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  // The highlights near the top are drawn once the article is in place.
  await expect.poll(() => paintedTexts(page, 'll-annotation')).toContain(TOP_QUOTE);
  return { page, excerptCount: notebook.excerpts.length };
}

/** The far excerpt's box, in viewport coordinates (null while it is not drawn). */
function farBox(page: Page): ReturnType<typeof paintedPoint> {
  return paintedPoint(page, FAR_QUOTE);
}

test('an excerpt far down a long article is highlighted once the reader scrolls to it', async ({ app }) => {
  const { page, excerptCount } = await openLongArticle(app);
  expect(excerptCount).toBeGreaterThan(300);
  // Only what is near the viewport is registered with the browser.
  expect(await paintedTexts(page, 'll-annotation')).not.toContain(FAR_QUOTE);
  expect(await paintedCount(page)).toBeLessThan(excerptCount / 4);

  await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => paintedTexts(page, 'll-annotation')).toContain(FAR_QUOTE);
  expect(await paintedTexts(page, 'll-annotation')).not.toContain(TOP_QUOTE);
  expect(await paintedCount(page)).toBeLessThan(excerptCount / 4);
});

test('clicking a highlight far down a long article focuses its note', async ({ app }) => {
  const { page } = await openLongArticle(app);
  await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(() => paintedTexts(page, 'll-annotation')).toContain(FAR_QUOTE);
  await revealPainted(page, FAR_QUOTE);
  await expect.poll(async () => (await farBox(page))?.inView ?? false).toBe(true);
  const box = (await farBox(page))!;
  await page.mouse.click(box.x, box.y);
  await expect(page.locator('.note-card.focused')).toContainText(FAR_NOTE);
  await expect.poll(() => paintedTexts(page, 'll-focus')).toEqual([FAR_QUOTE]);
});

test('jumping from a card to an excerpt off screen scrolls there, draws it and flashes it', async ({ app }) => {
  const { page } = await openLongArticle(app);
  expect(await paintedTexts(page, 'll-annotation')).not.toContain(FAR_QUOTE);
  const far = cards(page).filter({ hasText: FAR_NOTE });
  await scrollNotesToEnd(page, far); // the notes list is virtual: its last card is drawn once scrolled to
  await far.locator('.quote').click();
  await expect.poll(() => paintedTexts(page, 'll-flash')).toEqual([FAR_QUOTE]);
  await expect.poll(async () => (await farBox(page))?.inView ?? false).toBe(true);
  await expect(page.locator('.note-card.focused')).toContainText(FAR_NOTE);
});
