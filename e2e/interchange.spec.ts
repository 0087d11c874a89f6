/**
 * Interchange end to end: W3C and CSV exports from the export dialog, a Hypothesis
 * file imported (one undo step, nothing twice), and a deep link opened in the browser
 * host's page address scrolling to and flashing its excerpt.
 */
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from '@playwright/test';
import { deepLinkUrl, parseDeepLink } from '../src-main/shared/deep-link';
import { test, expect } from './fixtures';
import { addNote, cards, paintedTexts, storedNotebook, waitForApp } from './helpers';

const HYPOTHESIS = join(import.meta.dirname, '../src-main/notebook/interchange/testdata/hypothesis-search.json');

/** The notes pane's Import… button (the browser host has no menu bar). */
async function openImportDialog(page: Page): Promise<Locator> {
  await page.getByRole('complementary', { name: 'Notes' }).getByRole('button', { name: 'Import…' }).click();
  return page.getByRole('dialog', { name: 'Import Annotations' });
}

async function exportAs(page: Page, capture: (action: () => Promise<void>) => Promise<string>, format: RegExp, electron: boolean): Promise<string> {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const text = await capture(async () => {
    await page.keyboard.press('Control+e');
    await dialog.getByRole('radio', { name: format }).check();
    await dialog.getByRole('button', { name: electron ? 'Export…' : 'Download' }).click();
  });
  // Closed before the next export opens it again.
  await expect(dialog).toBeHidden();
  return text;
}

test('exports Web Annotations (JSON-LD) and the leads as CSV', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await addNote(page, 'Annotate', 'the price is very high', 'A steep price, "really".');
  const lead = await addNote(page, 'Add lead', '40,000 Syrian soldiers', 'Verify the SOHR figure, line one\nand two');
  await lead.getByRole('combobox', { name: 'Status' }).selectOption('dropped');

  const json = JSON.parse(await exportAs(page, (a) => app.captureExport(a), /Web Annotations/, app.mode === 'electron')) as {
    type: string;
    first: { items: Array<{ motivation: string; body: Array<{ value: string; purpose: string }>; target: Array<{ selector: Array<{ exact?: string }> }> }> };
  };
  expect(json.type).toBe('AnnotationCollection');
  expect(json.first.items.map((a) => a.motivation)).toEqual(['commenting', 'questioning']);
  expect(json.first.items[1]!.body).toEqual([
    { type: 'TextualBody', value: 'Verify the SOHR figure, line one\nand two', format: 'text/markdown', purpose: 'questioning' },
    { type: 'TextualBody', value: 'dropped', format: 'text/plain', purpose: 'classifying' },
  ]);
  expect(json.first.items[0]!.target[0]!.selector[0]!.exact).toBe('the price is very high');

  const csv = await exportAs(page, (a) => app.captureExport(a), /Leads as CSV/, app.mode === 'electron');
  const rows = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(rows).toEqual([
    expect.objectContaining({ status: 'Dropped', body: 'Verify the SOHR figure, line one\nand two', quotes: '40,000 Syrian soldiers', article: 'Putin Wants Syria to Return the Favor' }),
  ]);
  expect(parseDeepLink(rows[0]!.link!)).toMatchObject({ notebook: app.notebookPath, note: expect.any(String) });
});

test('imports Hypothesis annotations into the article: one undo step, nothing twice', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  const importFile = async (): Promise<void> => {
    const dialog = await openImportDialog(page);
    await dialog.getByLabel(/W3C Web Annotations \(JSON-LD\) or Hypothesis JSON/).setInputFiles(HYPOTHESIS);
    await dialog.getByRole('radio', { name: /This article/ }).check();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog).toBeHidden();
  };

  await importFile();
  await expect(page.locator('.toast').filter({ hasText: 'imported 5 annotations into "Putin Wants Syria to Return the Favor". added 4 annotations, 0 leads, 1 highlight' })).toBeVisible();
  await expect(cards(page)).toHaveCount(4);
  await expect(cards(page).filter({ hasText: 'The SOHR figure' })).toContainText('40,000 Syrian soldiers are expected to join the Russian army in Ukraine');
  // The orphan is kept, with its old quote.
  await expect(cards(page).filter({ hasText: 'This paragraph was cut' })).toContainText('Not found in the article.');
  await expect.poll(async () => (await storedNotebook(app.notebookPath)).notes.length).toBe(4);

  await importFile();
  await expect(page.locator('.toast').filter({ hasText: '5 annotations already there' })).toBeVisible();
  await expect(cards(page)).toHaveCount(4);

  await page.locator('.article-body').click();
  await page.keyboard.press('Control+z');
  await expect(cards(page)).toHaveCount(0);
  await expect.poll(async () => (await storedNotebook(app.notebookPath)).notes.length).toBe(0);
});

test('a bad annotations file is refused in one sentence, the notebook unchanged', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  const dialog = await openImportDialog(page);
  await dialog.getByLabel(/Hypothesis JSON/).setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from('{"rows": [{"id": "x", "uri": "u", "text": "<script>alert(1)</script>", "target": []}]}') });
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('.toast')).toContainText('"evil.json" carries script in the annotation "x"');
  await expect(page.locator('.toast')).toContainText('Nothing was imported.');
  expect((await storedNotebook(app.notebookPath)).notes).toEqual([]);
});

test('a deep link opens its article, scrolls to its excerpt and flashes it', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  const far = 'Putin will not leave Ukraine anytime soon';
  await addNote(page, 'Add lead', far, 'Watch for withdrawal signs');
  await cards(page).first().getByRole('button', { name: 'Copy Link' }).click();
  await expect(page.locator('.toast').filter({ hasText: 'Link to the note copied.' })).toBeVisible();
  const link = parseDeepLink(await app.readClipboard());
  expect(link).toMatchObject({ notebook: app.notebookPath, note: expect.any(String) });
  const excerpt = (await storedNotebook(app.notebookPath)).excerpts[0]!;

  // A view short enough that the passage is out of sight at the top of the article, which is
  // where the reader was left (saved); then the link, as the host receives one.
  await page.setViewportSize({ width: 1280, height: 420 });
  await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
  await expect.poll(async () => (await storedNotebook(app.notebookPath)).ui.scroll[link!.article]).toBe(0);
  await app.openLink(deepLinkUrl({ notebook: link!.notebook!, article: link!.article, excerpt: excerpt.id }));
  await waitForApp(page);
  await expect.poll(() => paintedTexts(page, 'll-flash')).toEqual([far]);
  const inView = await page.evaluate((text) => {
    const body = document.querySelector('.article-body')!;
    const p = [...body.querySelectorAll('p')].find((el) => el.textContent?.includes(text))!;
    const rect = p.getBoundingClientRect();
    return rect.bottom > 0 && rect.top < window.innerHeight;
  }, far);
  expect(inView).toBe(true);
  expect(await page.locator('.reader-pane').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await expect(cards(page).filter({ hasText: 'Watch for withdrawal signs' })).toHaveAttribute('aria-current', 'true');
  // The link is taken once: a reload does not jump again (the browser host's address no longer holds it).
  expect(new URL(page.url()).searchParams.has('excerpt')).toBe(false);
});
