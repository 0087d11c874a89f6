/**
 * The library: bring your own sources in (file picker, drop, paste), annotate each, switch
 * between them, update a source and see what moved, and list every lead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { addNote, ARTICLE_TITLE, cards, dragSelect, toolbar, waitForApp, storedNotebook } from './helpers';

const TESTDATA = 'src-main/notebook/import/testdata';

function library(page: Page) {
  return page.getByRole('navigation', { name: 'Library' });
}

async function importThroughPicker(page: Page, files: string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), library(page).getByRole('button', { name: 'Import…' }).click()]);
  await chooser.setFiles(files);
}

/** Drops files on the window as a file manager would (a DataTransfer holding Files). */
async function dropFiles(page: Page, files: { name: string; text: string; type: string }[]): Promise<void> {
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([f.text], f.name, { type: f.type }));
    const target = document.querySelector('.reader-pane')!;
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  }, files);
}

test('import a saved news page, a Markdown memo and a text file; annotate each; switch and come back', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await importThroughPicker(page, [join(TESTDATA, 'news-page.html'), join(TESTDATA, 'field-memo.md')]);
  // The last one imported is open: the memo, with its structure.
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).not.toHaveText(ARTICLE_TITLE);
  const memoName = (await heading.textContent())!;
  await expect(page.locator('.article-body :is(h2, h3)').first()).toBeVisible();
  await expect(page.locator('.article-body .list-item').first()).toBeVisible();
  await expect(library(page).locator('.library-item')).toHaveCount(3);

  // Annotate in the memo.
  const memoWord = (await page.locator('.article-body p').first().textContent())!.split(' ').slice(0, 3).join(' ');
  await addNote(page, 'Annotate', memoWord, 'In the memo');
  await expect(cards(page)).toHaveCount(1);

  // The news page: its article text only, metadata kept, nothing of the page's chrome.
  await library(page).locator('.library-item').filter({ hasNotText: ARTICLE_TITLE }).filter({ hasNotText: memoName }).click();
  await expect(cards(page)).toHaveCount(0);
  const body = await page.locator('.article-body').textContent();
  expect(body).not.toMatch(/cookie|Subscribe to our newsletter|Related stories/i);
  await expect(page.locator('.article-source')).not.toBeEmpty();
  const pageWord = (await page.locator('.article-body p').first().textContent())!.split(' ').slice(0, 3).join(' ');
  await addNote(page, 'Add lead', pageWord, 'Check this claim');

  // Drop a text file on the window.
  await dropFiles(page, [{ name: 'notes from the call.txt', text: 'Call with the source\n\nThey said the convoy left at night.', type: 'text/plain' }]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Call with the source');
  await addNote(page, 'Annotate', 'the convoy left at night', 'Which night?');

  // Back to the memo: its note is there; the reading position per article is kept.
  await library(page).locator('.library-item', { hasText: memoName }).click();
  await expect(heading).toHaveText(memoName);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText('In the memo');
  await expect(page).toHaveTitle(/ — Leadline$/);
});

test('paste as a new article, rename it, delete it with its notes, undo brings it back', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await page.keyboard.press('Control+Shift+V');
  const paste = page.getByRole('textbox', { name: 'Paste here' });
  await expect(paste).toBeFocused();
  await paste.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/html', '<h1>Pasted report</h1><p>The <b>ministry</b> denied the report on Tuesday.</p>');
    data.setData('text/plain', 'Pasted report\n\nThe ministry denied the report on Tuesday.');
    el.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pasted report');
  await expect(page.locator('.article-body strong')).toHaveText('ministry');
  await addNote(page, 'Add lead', 'denied the report', 'Find the denial');

  const item = library(page).locator('li', { hasText: 'Pasted report' });
  await item.hover();
  await item.getByRole('button', { name: /^Rename/ }).click();
  const field = library(page).getByRole('textbox', { name: 'Article title' });
  await field.fill('Ministry denial');
  await field.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ministry denial');
  await expect(page).toHaveTitle('Ministry denial — Leadline');

  const renamed = library(page).locator('li', { hasText: 'Ministry denial' });
  await renamed.hover();
  await renamed.getByRole('button', { name: /^Delete/ }).click();
  const dialog = page.getByRole('dialog', { name: /Delete “Ministry denial”/ });
  await expect(dialog).toContainText('Its 1 note (1 open lead)');
  await dialog.getByRole('button', { name: 'Delete article and its notes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
  await expect(library(page).locator('.library-item')).toHaveCount(1);
  const stored = () => storedNotebook(app.notebookPath);
  await expect.poll(async () => (await stored()).articles.length).toBe(1);

  await page.locator('.reader-pane').click({ position: { x: 10, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(library(page).locator('.library-item')).toHaveCount(2);
  await expect.poll(async () => {
    const now = await stored();
    return [now.articles.length, now.notes.length];
  }).toEqual([2, 1]);
});

test('update the bundled article from a revised text: counts, the orphan list, re-attach; leads across the library', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await addNote(page, 'Add lead', 'Tiger Forces', 'Who commands them?');
  await addNote(page, 'Annotate', 'Syrian Observatory for Human Rights', 'Check their figure');
  const original = readFileSync('resources/articles/putin-wants-syria-to-return-the-favor.txt', 'utf8');
  const observatory = original.split('\n\n').find((p) => p.includes('Syrian Observatory for Human Rights'))!;
  const revised = original.replace(observatory, 'An observatory in London now puts the number of recruits far lower.');

  const item = library(page).locator('li', { hasText: ARTICLE_TITLE });
  await item.hover();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), item.getByRole('button', { name: /^Update/ }).click()]);
  await chooser.setFiles({ name: 'putin-revised.txt', mimeType: 'text/plain', buffer: Buffer.from(revised) });
  await expect(page.getByText(/Updated from “putin-revised\.txt”: .*1 moved.*1 orphaned/)).toBeVisible();

  // The orphan is listed with its old quote; its note is kept and marked; the moved one asks for a check.
  const orphans = page.getByRole('region', { name: 'Orphaned excerpts' });
  await expect(orphans).toContainText('Syrian Observatory for Human Rights');
  await expect(cards(page)).toHaveCount(2);
  await expect(page.locator('.check-badge')).toContainText('Moved');

  // Re-attach it to the new wording.
  await orphans.getByRole('button', { name: 'Re-attach…' }).click();
  await dragSelect(page, 'An observatory in London');
  await toolbar(page).getByRole('button', { name: 'Re-attach to Selection' }).click();
  await expect(orphans).toHaveCount(0);
  await expect(cards(page).filter({ hasText: 'Check their figure' }).locator('.quote')).toHaveText('An observatory in London');

  // Leads across the library, each jumping to its excerpt.
  await library(page).getByRole('button', { name: 'Leads…' }).click();
  const leads = page.getByRole('dialog', { name: 'Leads across the library' });
  await expect(leads.getByRole('region', { name: 'Open' })).toContainText('Who commands them?');
  await leads.getByRole('button', { name: /Who commands them/ }).click();
  await expect(page.locator('.note-card.focused')).toContainText('Who commands them?');
});
