/**
 * Find in article (Ctrl/Cmd+F with the article focused; elsewhere it still searches the
 * notes): matches counted and drawn with the CSS Custom Highlight API, stepped with
 * Enter / Shift+Enter / F3, and the current one becomes the selection on Esc, to annotate.
 * On a 1 MB article a match far down is reached, and only the matches near the view are
 * registered with the browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { contentHash, seedNotebook } from '../src-main/notebook/articles';
import { splitTitle } from '../src-main/shared/canonical-text';
import { NotebookSchema } from '../src-main/shared/model';
import { test, expect } from './fixtures';
import { cards, selectedText, storedNotebook, tabToArticle, waitForApp } from './helpers';

const BUNDLED_ARTICLE = join(import.meta.dirname, '../resources/articles/putin-wants-syria-to-return-the-favor.txt');

/** What the browser has registered under a highlight name: each range's text, in order. */
function highlighted(page: Page, name: string): Promise<string[] | null> {
  return page.evaluate((n) => {
    const highlight = CSS.highlights.get(n);
    return highlight ? [...highlight].map(rangeText) : null;
    function rangeText(range: AbstractRange): string {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      return live.toString();
    }
  }, name);
}

/** Whether the current match is on screen in the reader. */
function currentInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const [range] = CSS.highlights.get('ll-find-current') ?? [];
    if (!range) return false;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const box = live.getBoundingClientRect();
    const frame = document.querySelector('.reader-pane')!.getBoundingClientRect();
    return box.height > 0 && box.top >= frame.top && box.bottom <= frame.bottom;
  });
}

test('Ctrl+F in the article finds, counts, draws and steps; Esc selects the match to annotate it', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await tabToArticle(page);
  await page.keyboard.press('Control+f');
  const input = page.getByRole('textbox', { name: 'Find in article' });
  await expect(input).toBeFocused();
  const total = await page.locator('.article-body').evaluate((el) => el.textContent!.match(/syria/gi)!.length);
  expect(total).toBeGreaterThan(5);

  await page.keyboard.type('SYRIA');
  const count = page.locator('.find-count');
  await expect(count).toHaveText(`1 of ${total}`);
  const all = await highlighted(page, 'll-find');
  expect(all!.length).toBe(total); // a short article: all its chunks are near the view
  expect(all!.every((text) => text.toLowerCase() === 'syria')).toBe(true);
  await expect.poll(() => highlighted(page, 'll-find-current')).toEqual([all![0]]);
  await page.screenshot({ path: '/tmp/keys-find-bar.png' });

  await page.keyboard.press('Enter');
  await expect(count).toHaveText(`2 of ${total}`);
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText(`1 of ${total}`);
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText(`${total} of ${total}`); // round the start to the last
  await expect.poll(() => currentInView(page)).toBe(true);
  await page.keyboard.press('F3');
  await expect(count).toHaveText(`1 of ${total}`);
  await page.keyboard.press('F3');
  await expect(count).toHaveText(`2 of ${total}`);

  // Narrowing the query keeps to where one is.
  await page.keyboard.type('n');
  await expect(count).toHaveText(/^\d+ of \d+$/);
  await expect.poll(() => highlighted(page, 'll-find-current')).toEqual(['Syrian']);

  // Esc: the bar closes, its highlights go, the focus is back in the article with the match selected.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('search', { name: 'Find in article' })).toBeHidden();
  await expect(page.locator('.reader-pane')).toBeFocused();
  expect(await page.evaluate(() => CSS.highlights.has('ll-find') || CSS.highlights.has('ll-find-current'))).toBe(false);
  await expect.poll(() => selectedText(page)).toBe('Syrian');
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('textbox', { name: 'Lead' })).toBeFocused();
  await page.keyboard.type('Which Syrians?');
  await expect(page.locator('.save-state')).toHaveText('Saved');
  await page.keyboard.press('Escape');
  await expect(cards(page).first().locator('.quote')).toHaveText('Syrian');
  expect((await storedNotebook(app.notebookPath)).excerpts.map((e) => e.quote.exact)).toEqual(['Syrian']);

  // Outside the article (on the note's card now), Ctrl+F still searches the notes.
  await expect(cards(page).first()).toBeFocused();
  await page.keyboard.press('Control+f');
  await expect(page.locator('#note-search')).toBeFocused();
  await expect(page.getByRole('search', { name: 'Find in article' })).toBeHidden();

  // Ctrl+F again brings the last query back, selected, searched again.
  await tabToArticle(page);
  await page.keyboard.press('Control+f');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('SYRIAn');
  await expect(count).toHaveText(/^\d+ of \d+$/);
  await page.keyboard.type('Nothing like this');
  await expect(count).toHaveText('No matches');
  await expect(page.getByRole('button', { name: 'Next match' })).toBeDisabled();
});

/** The bundled article's paragraphs again and again (about 1 MB), with one sentence with accents near the end. */
async function writeLongNotebook(path: string): Promise<void> {
  const seed = await seedNotebook(BUNDLED_ARTICLE);
  const { body } = splitTitle(readFileSync(BUNDLED_ARTICLE, 'utf8'), 'x');
  const parts: string[] = [];
  const copies = Math.ceil(1_000_000 / body.length);
  for (let copy = 1; copy <= copies; copy++) {
    parts.push(`Part ${copy}`, body.trim());
    if (copy === copies - 20) parts.push('Le ministre a déclaré l’État d’urgence à Lattaquié.');
  }
  const content = parts.join('\n\n');
  const when = new Date().toISOString();
  const notebook = NotebookSchema.parse({
    ...seed,
    articles: [...seed.articles, { id: 'megabyte', title: 'A megabyte of dispatches', format: 'text', content, contentHash: contentHash(content), addedAt: when }],
    ui: { currentArticleId: 'megabyte', scroll: {} },
  });
  writeFileSync(path, JSON.stringify(notebook));
}

test('on a 1 MB article, a far match typed without accents is reached, and only matches near the view are drawn', async ({ app }) => {
  // A second launch, on a notebook holding a megabyte that is read, laid out and filled in (most of the time here, on a shared machine).
  test.setTimeout(90_000);
  const notebookPath = join(app.dir, 'megabyte.json');
  await writeLongNotebook(notebookPath);
  const page = await app.relaunch({ notebookPath });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A megabyte of dispatches');
  await tabToArticle(page);
  await page.keyboard.press('Control+f');
  await page.keyboard.type('etat d\'urgence a lattaquie'.replace("'", '’'));
  const count = page.locator('.find-count');
  await expect(count).toHaveText('1 of 1');
  await expect.poll(() => highlighted(page, 'll-find-current')).toEqual(['État d’urgence à Lattaquié']);
  await expect.poll(() => currentInView(page)).toBe(true);
  expect(await page.locator('.reader-pane').evaluate((el) => el.scrollTop / el.scrollHeight)).toBeGreaterThan(0.5);

  // A frequent word: all counted, a bounded few registered (those near the view).
  await page.keyboard.press('Control+a');
  await page.keyboard.type('russia');
  // The count still shows the last query's "1 of 1" until the new one is counted: wait on the new total, not on the format.
  const countedTotal = async () => Number(((await count.textContent()) ?? '').split(' of ')[1]?.replace(/,/g, '') ?? 0);
  await expect.poll(countedTotal).toBeGreaterThan(2_000);
  const total = await countedTotal();
  await expect.poll(async () => (await highlighted(page, 'll-find'))?.length ?? 0).toBeGreaterThan(0);
  const drawn = await highlighted(page, 'll-find');
  expect(drawn!.length).toBeLessThan(total / 10);
  expect(drawn!.every((text) => text.toLowerCase() === 'russia')).toBe(true);

  // Scrolling elsewhere draws the matches there.
  await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
  await expect.poll(async () => (await highlighted(page, 'll-find'))?.[0]).toBeDefined();
  await expect.poll(() =>
    page.evaluate(() => {
      const [first] = CSS.highlights.get('ll-find') ?? [];
      return first ? first.startContainer.parentElement!.closest('[data-chunk]')!.getAttribute('data-chunk') : null;
    }),
  ).toBe('0');
  await page.keyboard.press('Escape');
  await expect.poll(() => selectedText(page)).toMatch(/^russia$/i);
});
