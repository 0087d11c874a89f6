/**
 * Hostile testing of issue 13's keyboard work (command table, sentence cursor, find in
 * article, plain highlight, appearance preferences). Each test is one fault found by
 * trying to break it, written to fail while the fault is there and pass once it is mended.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { contentHash, seedNotebook } from '../src-main/notebook/articles';
import { NotebookSchema } from '../src-main/shared/model';
import { test, expect, type LeadlineApp } from './fixtures';
import { dragSelect, paintedPoint, selectedText, storedNotebook, tabToArticle, toolbar, waitForApp } from './helpers';

const BUNDLED_ARTICLE = join(import.meta.dirname, '../resources/articles/putin-wants-syria-to-return-the-favor.txt');
const PASSAGE = 'Putin would prefer Syrian soldiers sacrifice themselves for Russia';
const OTHER_TITLE = 'The other article';
const OTHER = 'A second article about something else entirely. It has a few sentences of its own, long enough to be annotated in the wrong place by a stale selection from the first article. The quick brown fox jumps over the lazy dog again and again. '.repeat(6);

/** The bundled article with a plain highlight on PASSAGE, clicked so its toolbar is up, then the library's other article opened. */
async function clickHighlightThenSwitch(app: LeadlineApp): Promise<Page> {
  const path = join(app.dir, 'two-articles.json');
  const seed = await seedNotebook(BUNDLED_ARTICLE);
  const other = { id: 'other', title: OTHER_TITLE, format: 'text', content: OTHER, contentHash: contentHash(OTHER), addedAt: new Date().toISOString() };
  writeFileSync(path, JSON.stringify(NotebookSchema.parse({ ...seed, articles: [...seed.articles, other] })));
  const page = await app.relaunch({ notebookPath: path });
  await waitForApp(page);
  await expect(page.locator('.article-body[data-highlights="drawn"]')).toBeAttached();
  await dragSelect(page, PASSAGE);
  await page.keyboard.press('Control+Shift+H');
  await expect.poll(() => paintedPoint(page, PASSAGE), { timeout: 15_000 }).not.toBeNull(); // read back excerpt by excerpt: slow on a loaded machine
  const point = (await paintedPoint(page, PASSAGE))!;
  await page.mouse.click(point.x, point.y);
  await expect(toolbar(page).getByRole('button', { name: 'Remove highlight' })).toBeVisible();
  await page.locator('.library-item', { hasText: OTHER_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(OTHER_TITLE);
  await expect(page.locator('.article-body[data-highlights="drawn"]')).toBeAttached();
  return page;
}

test('a plain highlight clicked in one article does not follow the reader into another (Ctrl+Shift+A annotates nothing there)', async ({ app }) => {
  const page = await clickHighlightThenSwitch(app);
  // Nothing is chosen in this article: the toolbar is gone and the annotate key says to select first.
  await expect(toolbar(page)).toBeHidden();
  await page.keyboard.press('Control+Shift+A');
  await expect(page.getByText('Select a passage of the article first')).toBeVisible();
  const stored = await storedNotebook(app.notebookPath);
  expect(stored.notes.filter((n) => n.articleId === 'other')).toEqual([]);
  expect(stored.excerpts.filter((e) => e.articleId === 'other')).toEqual([]);
});

test('Remove highlight shown over another article does not delete the first article’s highlight', async ({ app }) => {
  const page = await clickHighlightThenSwitch(app);
  const remove = toolbar(page).getByRole('button', { name: 'Remove highlight' });
  // If the stale toolbar is still up, pressing it must not reach back into the article no longer shown.
  if (await remove.isVisible()) await remove.click();
  await page.locator('.library-item', { hasText: 'Putin Wants Syria' }).click();
  await waitForApp(page);
  await expect(page.locator('.article-body[data-highlights="drawn"]')).toBeAttached();
  await expect.poll(async () => (await storedNotebook(app.notebookPath)).excerpts.map((e) => e.quote.exact)).toEqual([PASSAGE]);
});

test('↓ in a newly opened article starts from its top, not after a highlight clicked in the previous article', async ({ app }) => {
  const page = await clickHighlightThenSwitch(app);
  await tabToArticle(page);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selectedText(page)).toBe('A second article about something else entirely.');
});

test('Ctrl+Shift+A on a non-Latin keyboard layout (Russian: key "ф", code KeyA) annotates the chosen sentence', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await tabToArticle(page);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selectedText(page)).not.toBe('');
  // What Chromium sends for Ctrl+Shift+A with a Russian layout active: the layout's letter as `key`, the physical key as `code`.
  await page.locator('.reader-pane').dispatchEvent('keydown', { key: 'Ф', code: 'KeyA', keyCode: 65, ctrlKey: true, shiftKey: true, bubbles: true, cancelable: true });
  await expect(page.getByRole('textbox', { name: 'Annotation' })).toBeFocused();
});

test('Ctrl+F with the article focused on a Greek layout (key "φ", code KeyF) opens find in article', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await tabToArticle(page);
  await page.locator('.reader-pane').dispatchEvent('keydown', { key: 'φ', code: 'KeyF', keyCode: 70, ctrlKey: true, bubbles: true, cancelable: true });
  await expect(page.getByRole('textbox', { name: 'Find in article' })).toBeFocused();
});

/** Opens find in the article on "Syria" (a dozen matches) and answers its count, at "1 of 12". */
async function findSyria(page: Page): Promise<Locator> {
  await waitForApp(page);
  await tabToArticle(page);
  await page.keyboard.press('Control+f');
  await page.keyboard.type('Syria');
  const count = page.locator('.find-count');
  await expect(count).toHaveText(/^1 of \d+$/);
  return count;
}

test('F3 does not step find behind an open dialog', async ({ app }) => {
  const { page } = app;
  const count = await findSyria(page);
  const scrolled = await page.locator('.reader-pane').evaluate((el) => el.scrollTop);
  await page.keyboard.press('Control+e'); // the export dialog
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('F3');
  await page.keyboard.press('F3');
  await expect(count).toHaveText(/^1 of \d+$/);
  expect(await page.locator('.reader-pane').evaluate((el) => el.scrollTop)).toBe(scrolled);
});

test('Ctrl+= works while the Appearance dialog, whose buttons advertise it, is open', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await page.getByRole('button', { name: 'Appearance' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Larger', exact: true })).toHaveAttribute('title', /Ctrl\+=/);
  await page.keyboard.press('Control+=');
  await expect(dialog.locator('output[aria-label="Text size"]')).toHaveText('110 %');
});

test('two windows changing the look: each change is kept, neither undoes the other’s', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  const second = await app.openSecondWindow();
  await waitForApp(second);
  const file = join(app.dir, 'user-data', 'preferences.json');
  // Polled until written: the file does not exist before the first change.
  const kept = (): { theme?: string; textStep?: number } => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {});
  await page.getByRole('button', { name: 'Appearance' }).click();
  await page.getByLabel('Dark').check();
  await expect.poll(() => kept().theme).toBe('dark');
  await second.locator('.reader-pane').focus();
  await second.keyboard.press('Control+=');
  await expect.poll(() => kept().textStep).toBe(1);
  // The first window's dark theme is still what is kept (the second window only made the text larger).
  expect(JSON.parse(readFileSync(file, 'utf8')).theme).toBe('dark');
});

test('Enter that commits an IME composition in the find bar does not step to the next match', async ({ app }) => {
  const { page } = app;
  const count = await findSyria(page);
  // A Japanese or Chinese input method: the Enter that picks the candidate arrives as a keydown while composing.
  await page.getByRole('textbox', { name: 'Find in article' }).dispatchEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true });
  await expect(count).toHaveText(/^1 of \d+$/);
});

test('Escape that cancels an IME composition in a note does not close the editor', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await dragSelect(page, PASSAGE);
  await page.keyboard.press('Control+Shift+A');
  const editor = page.getByRole('textbox', { name: 'Annotation' });
  await expect(editor).toBeFocused();
  await editor.dispatchEvent('keydown', { key: 'Escape', code: 'Escape', keyCode: 229, isComposing: true, bubbles: true, cancelable: true });
  await expect(editor).toBeFocused();
});
