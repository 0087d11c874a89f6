/**
 * The notes pane at a researcher's scale: a notebook of 1,500 notes on one article. The
 * list is virtual (only cards near the viewport are in the DOM), and still the keyboard
 * reaches every card, a highlight brings its off-screen note into view, search and
 * filters work over the whole list, screen readers hear each card's place in it, and an
 * open editor survives being scrolled away.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { cards, paintedPoint, scrollNotesToEnd, storedNotebook, waitForApp } from './helpers';
import { noteLabel, writeLongNotebook, type LongNotebook } from './long-notebook';

const COUNT = 1500;
/** Far fewer cards than notes are in the DOM: a screenful and some overscan. */
const AT_MOST_RENDERED = 60;

async function openLong(app: { dir: string; relaunch(options: { notebookPath: string }): Promise<Page> }): Promise<{ page: Page; book: LongNotebook; path: string }> {
  const path = join(app.dir, 'long.json');
  const book = await writeLongNotebook(path, COUNT);
  const page = await app.relaunch({ notebookPath: path });
  await waitForApp(page);
  await expect(cards(page).first()).toContainText(noteLabel(1));
  return { page, book, path };
}

const pane = (page: Page) => page.locator('.notes-pane');
const card = (page: Page, n: number) => cards(page).filter({ hasText: `${noteLabel(n)}:` });

test('the keyboard moves across the whole long list, scrolling off-screen cards in', async ({ app }) => {
  const { page } = await openLong(app);
  expect(await cards(page).count()).toBeLessThanOrEqual(AT_MOST_RENDERED);
  await expect(cards(page).first()).toHaveAttribute('aria-setsize', String(COUNT));
  await expect(cards(page).first()).toHaveAttribute('aria-posinset', '1');
  await expect(page.getByRole('list', { name: 'Notes in reading order' })).toBeVisible();

  await cards(page).first().focus();
  await page.keyboard.press('End');
  const last = card(page, COUNT);
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-posinset', String(COUNT));
  expect(await cards(page).count()).toBeLessThanOrEqual(AT_MOST_RENDERED);

  await page.keyboard.press('ArrowUp');
  await expect(card(page, COUNT - 1)).toBeFocused();
  await expect(card(page, COUNT - 1)).toBeInViewport();

  await page.keyboard.press('Home');
  await expect(card(page, 1)).toBeFocused();
  await expect(card(page, 1)).toBeInViewport();
  for (let n = 2; n <= 12; n++) {
    await page.keyboard.press('ArrowDown');
    await expect(card(page, n)).toBeFocused();
  }
  await expect(card(page, 12)).toBeInViewport();
});

test('clicking a highlight far down the article focuses its off-screen note and scrolls the pane to it', async ({ app }) => {
  const { page, book } = await openLong(app);
  await expect(card(page, 1)).toBeInViewport();
  await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  // The highlight of the article's last sentence, once it is drawn.
  const point = (): ReturnType<typeof paintedPoint> => paintedPoint(page, book.lastQuote);
  await expect.poll(point).not.toBeNull();
  const { x, y } = (await point())!;
  await page.mouse.click(x, y);
  const focused = page.locator('.note-card.focused');
  await expect(focused).toContainText(`${book.firstOnLastQuote}:`);
  await expect(focused).toBeInViewport();
});

test('search and filters cover the whole long list, and the list says how long it is', async ({ app }) => {
  const { page, book } = await openLong(app);
  const search = page.getByRole('searchbox', { name: 'Search notes' });
  await search.fill(`${noteLabel(1234)}:`);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText(noteLabel(1234));
  await expect(cards(page).first()).toHaveAttribute('aria-setsize', '1');
  await expect(page.locator('.filter-summary')).toContainText(`Showing 1 of ${COUNT}`);

  await search.fill('');
  await page.locator('.filter-bar').getByRole('radio', { name: /Leads/ }).click();
  await expect(page.locator('.filter-summary')).toContainText(`Showing ${book.leads} of ${COUNT}`);
  await expect(cards(page).first()).toHaveAttribute('aria-setsize', String(book.leads));
  expect(await cards(page).count()).toBeLessThanOrEqual(AT_MOST_RENDERED);
  // The last lead is reachable at the bottom of the filtered list.
  await scrollNotesToEnd(page, card(page, COUNT));
  await expect(card(page, COUNT)).toHaveAttribute('aria-posinset', String(book.leads));

  // Leads tagged #sevens: notes 15, 50, 85… (every 35th).
  await page.locator('.filter-bar').getByRole('button', { name: '#sevens' }).click();
  const tagged = Math.ceil((COUNT - 14) / 35);
  await expect(page.locator('.filter-summary')).toContainText(`Showing ${tagged} of ${COUNT}`);
  await pane(page).evaluate((el) => el.scrollTo(0, 0));
  await expect(cards(page).first()).toContainText(`${noteLabel(15)}:`);
  await expect(cards(page).first()).toHaveAttribute('aria-setsize', String(tagged));
});

test('the card being edited stays open with its draft while scrolled away and back', async ({ app }) => {
  const { page, path } = await openLong(app);
  const first = card(page, 1);
  await first.getByRole('button', { name: 'Edit', exact: true }).click();
  const editor = first.getByRole('textbox', { name: 'Annotation' });
  await expect(editor).toBeFocused();
  await editor.press('End');
  await editor.pressSequentially(' Draft typed before scrolling.', { delay: 5 });

  // Scroll the pane to the bottom (as a mouse wheel would, keeping the focus in the editor).
  await scrollNotesToEnd(page, card(page, COUNT));
  await expect(editor).toHaveCount(1);
  await expect(editor).toBeFocused();
  expect(await cards(page).count()).toBeLessThanOrEqual(AT_MOST_RENDERED);

  await pane(page).evaluate((el) => el.scrollTo(0, 0));
  await expect(editor).toBeInViewport();
  await expect(editor).toHaveValue(/a short remark\. Draft typed before scrolling\.$/);
  await editor.pressSequentially(' And after.', { delay: 5 });
  await page.keyboard.press('Escape');
  await expect(first.locator('.note-body')).toHaveText(`${noteLabel(1)}: a short remark. Draft typed before scrolling. And after.`);
  // As the next launch reads it: the snapshot with its journal replayed (the store appends saves to the journal).
  const stored = async (): Promise<string | undefined> => (await storedNotebook(path)).notes.find((n) => n.id === 'longNote0')?.body;
  await expect.poll(stored).toBe(`${noteLabel(1)}: a short remark. Draft typed before scrolling. And after.`);
});

test('Tab from a card goes on to the next card, even one not rendered when the pane was scrolled away', async ({ app }) => {
  const { page } = await openLong(app);
  // Opening fills the cards in view a few per frame (each an empty busy shell until then): wait until they are all built.
  await expect(page.locator('.note-card.shell')).toHaveCount(0);
  // The last card in the DOM, its last control focused in the same task that finds it (cards are built ahead in idle time).
  const n = await page.evaluate(() => {
    const all = document.querySelectorAll<HTMLElement>('.note-card');
    const last = all[all.length - 1]!;
    last.querySelector<HTMLElement>('.card-actions button.danger')!.focus();
    return Number(last.getAttribute('aria-posinset'));
  });
  expect(n).toBeLessThan(COUNT);
  await expect(card(page, n).getByRole('button', { name: 'Delete' })).toBeFocused();
  // Scrolled far away (by the wheel, say): the cards around it are no longer rendered.
  await pane(page).evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await expect(card(page, 1)).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(card(page, n + 1)).toBeFocused();
  await expect(card(page, n + 1)).toBeInViewport();
  await expect(card(page, n + 1)).toHaveAttribute('aria-posinset', String(n + 1));
});

test('dragging the scrollbar to the bottom lands at the end of the list', async ({ app }) => {
  const { page } = await openLong(app);
  // Once, as the end of a drag: cards measured on the way in may make the list taller than estimated.
  await pane(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(card(page, COUNT)).toBeInViewport();
  await expect.poll(() => pane(page).evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop)).toBeLessThanOrEqual(2);
  await expect(card(page, COUNT)).toBeInViewport();
});

test('a jump shows the cards it lands on as busy shells at first, then fills them all in a few frames', async ({ app }) => {
  const { page } = await openLong(app);
  // Each frame's cards recorded from the jump on, as a user would see them.
  const frames = await pane(page).evaluate(async (el) => {
    const seen: { shells: number; built: number }[] = [];
    await new Promise<void>((resolve) => {
      requestAnimationFrame(() => {
        el.scrollTop = Math.round(el.scrollHeight / 2);
        const tick = (): void => {
          const shells = el.querySelectorAll('.note-card.shell').length;
          const built = el.querySelectorAll('.note-card:not(.shell) .card-actions').length;
          seen.push({ shells, built });
          if (seen.length < 60 && (shells > 0 || seen.length < 4)) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
    });
    return seen;
  });
  expect(frames.some((f) => f.shells > 0)).toBe(true);
  expect(frames.at(-1)!.shells).toBe(0);
  // Shells are busy and not named; the built cards read as notes again.
  await expect(page.locator('.note-card.shell')).toHaveCount(0);
  await expect(page.locator('.note-card[aria-busy="true"]')).toHaveCount(0);
  const inView = page.locator('.note-card').filter({ has: page.locator('.card-actions') });
  expect(await inView.count()).toBeGreaterThan(0);
});

