import { shortcutRows } from '../src-main/shared/keyboard-table';
import { test, expect } from './fixtures';
import { cards, dragSelect, paintedTexts, storedNotebook, toolbar, waitForApp } from './helpers';

test('the shortcuts dialog lists the command table, and its keys do what it says', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await page.locator('.reader-pane').focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  // The browser host has no notebook menu: the desktop app's own rows are left out.
  const expected = shortcutRows().filter((row) => row.where !== 'desktop app');
  await expect(dialog.locator('tbody tr')).toHaveCount(expected.length);
  await expect(dialog.getByRole('row', { name: /highlight the selection/ }).locator('kbd')).toHaveText('Ctrl+Shift+H');
  await expect(dialog.getByRole('table', { name: 'Note card focused' }).getByRole('row')).toHaveCount(expected.filter((row) => row.where === 'note card focused').length);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A command that needs a selection says so instead of doing nothing.
  await page.keyboard.press('Control+Shift+A');
  await expect(page.locator('.toast')).toContainText('Select a passage of the article first');
});

test('Ctrl+Shift+H and the toolbar’s Highlight keep a passage with no note; undo takes it away', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await dragSelect(page, 'Hmeimim base');
  await expect(toolbar(page).getByRole('button', { name: 'Highlight' })).toHaveAttribute('title', 'Highlight without a note (Ctrl+Shift+H)');
  await page.keyboard.press('Control+Shift+H');
  await expect.poll(() => paintedTexts(page, 'll-plain')).toEqual(['Hmeimim base']);
  await expect(cards(page)).toHaveCount(0);
  await expect(toolbar(page)).toBeHidden();

  await dragSelect(page, 'Tiger Forces');
  await toolbar(page).getByRole('button', { name: 'Highlight' }).click();
  await expect.poll(() => paintedTexts(page, 'll-plain')).toEqual(expect.arrayContaining(['Hmeimim base', 'Tiger Forces']));
  await expect.poll(async () => (await storedNotebook(app.notebookPath)).excerpts.map((e) => e.quote.exact).sort()).toEqual(['Hmeimim base', 'Tiger Forces']);
  expect((await storedNotebook(app.notebookPath)).notes).toHaveLength(0);

  await page.locator('.reader-pane').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => paintedTexts(page, 'll-plain')).toEqual(['Hmeimim base']);
  await expect.poll(async () => (await storedNotebook(app.notebookPath)).excerpts.map((e) => e.quote.exact)).toEqual(['Hmeimim base']);
});

test('text size, reading width and theme change at once and are kept after a restart', async ({ app }) => {
  let page = app.page;
  await waitForApp(page);
  const reader = page.locator('.reader');
  const size = () => reader.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const usual = await size();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect.poll(size).toBeCloseTo(usual * 1.2, 1);
  await page.keyboard.press('Control+-');
  await expect.poll(size).toBeCloseTo(usual * 1.1, 1);

  await page.getByRole('button', { name: 'Appearance' }).click();
  const dialog = page.getByRole('dialog', { name: 'Appearance' });
  await expect(dialog.getByLabel('Text size')).toHaveText('110 %');
  // The column's widest (the pane may be narrower than that on a small window).
  const width = () => reader.evaluate((el) => parseFloat(getComputedStyle(el).maxWidth));
  const medium = await width();
  await dialog.getByRole('radio', { name: 'Narrow' }).check();
  await expect.poll(width).toBeLessThan(medium);
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = () => page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background()).toBe('rgb(27, 29, 33)');
  await dialog.getByRole('button', { name: 'Close' }).click();

  page = await app.restart();
  await waitForApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-width', 'narrow');
  await expect.poll(() => page.locator('.reader').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(usual * 1.1, 1);
  await page.keyboard.press('Control+0');
  await expect.poll(() => page.locator('.reader').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(usual, 1);
});

test('“As the system” follows the system’s colours as they change', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
