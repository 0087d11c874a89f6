/**
 * axe-core in every state a user meets: the fresh notebook, a selection with its toolbar,
 * a note being edited, a long list of notes, each dialog and the library, each in the light
 * and the dark colour scheme. No violation of serious or critical impact is allowed (see
 * e2e/axe.ts for the rules). The reader's whole article is checked once, in the fresh state;
 * the later states check what they add, so each test stays quick on a busy machine.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectAccessible } from './axe';
import { addNote, cards, dragSelect, toolbar, waitForApp } from './helpers';
import { rewriteBodies, writeLongNotebook } from './long-notebook';

const PASSAGE = 'Hmeimim base';
const LEAD_PASSAGE = 'the Tiger Forces';
/** What researchers write in notes: links, emphasis, code, lists, a quote, a tag. */
const MARKDOWN_BODIES = [
  'Ask the [ministry](https://example.org) for the _dates_. #moscow',
  'A **bold** claim, see `the` [source](https://example.org).',
  '## Units\n\n- the 5th Division\n- the 4th\n\n> as the wire put it',
];

function library(page: Page) {
  return page.getByRole('navigation', { name: 'Library' });
}

/** Opens a dialog with `open`, checks it, and closes it with Escape as a user would. */
async function checkDialog(page: Page, name: string | RegExp, open: () => Promise<void>): Promise<void> {
  await test.step(`dialog: ${String(name)}`, async () => {
    await open();
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, `the “${String(name)}” dialog`, 'dialog[open]');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
}

test('a fresh notebook with its default article', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await expect(page.getByText('Loading notes…')).toBeHidden();
  await expectAccessible(page, 'a fresh notebook');
});

test('a selection in the article with the selection toolbar, then the find bar', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await dragSelect(page, PASSAGE);
  await expect(toolbar(page)).toBeVisible();
  await expectAccessible(page, 'the selection toolbar', '.selection-toolbar');
  // Find in article, with matches counted and highlighted.
  await page.locator('.reader-pane').focus();
  await page.keyboard.press('Control+F');
  const find = page.getByRole('search', { name: 'Find in article' });
  await expect(find).toBeVisible();
  await find.getByRole('textbox', { name: 'Find in article' }).fill('Syria');
  await expect(find.getByRole('status')).toContainText(/\d/);
  await expectAccessible(page, 'the find bar', '.find-bar');
});

test('a note being edited, then its delete dialog', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await dragSelect(page, PASSAGE);
  await toolbar(page).getByRole('button', { name: 'Annotate', exact: true }).click();
  const editor = page.getByRole('textbox', { name: 'Annotation' });
  await expect(editor).toBeFocused();
  await editor.pressSequentially('Who said **this**, and when?', { delay: 5 });
  await expect(page.locator('.save-state')).toHaveText('Saved');
  await expectAccessible(page, 'a note being edited', '.notes-pane');
  await page.keyboard.press('Escape');
  await checkDialog(page, /^Delete this annotation/, () => cards(page).first().getByRole('button', { name: 'Delete', exact: true }).click());
});

test('a long list of notes with Markdown at rest, and their highlights in the article', async ({ app }) => {
  const path = join(app.dir, 'long.json');
  await writeLongNotebook(path, 45);
  rewriteBodies(path, MARKDOWN_BODIES);
  const page = await app.relaunch({ notebookPath: path });
  await waitForApp(page);
  await expect(cards(page).first()).toContainText('Ask the ministry');
  await expect(page.locator('.hl-layer [data-excerpt]').first()).toBeAttached();
  // Neither hovered nor focused: the cards draw their actions as cards at rest do.
  await expect(page.locator('.note-card:focus-within, .note-card.focused')).toHaveCount(0);
  await expectAccessible(page, 'forty-five notes');
});

test('the library sidebar with two articles, and the delete-article dialog', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  // The library is shown from the first start; its toggle says so, and names what it counts.
  await expect(page.getByRole('button', { name: 'Library, 1 article' })).toHaveAttribute('aria-expanded', 'true');
  // A second article, so the delete dialog is the one with choices.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), library(page).getByRole('button', { name: 'Import…' }).click()]);
  await chooser.setFiles(join('src-main/notebook/import/testdata', 'field-memo.md'));
  await expect(library(page).locator('.library-item')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Library, 2 articles' })).toBeVisible();
  await expectAccessible(page, 'the library sidebar', '.library');
  await checkDialog(page, /^Delete “/, async () => {
    await library(page).locator('li.current').hover();
    await library(page).locator('li.current').getByRole('button', { name: /^Delete “/ }).click();
  });
});

test('the leads across the library', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await addNote(page, 'Add lead', LEAD_PASSAGE, 'Ask the **ministry** for the dates.');
  await checkDialog(page, 'Leads across the library', () => library(page).getByRole('button', { name: 'Leads…' }).click());
});

test('the dialogs of the notes pane’s header', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  const header = page.locator('.pane-header');
  await checkDialog(page, 'Keyboard shortcuts', () => header.getByRole('button', { name: 'Keyboard shortcuts' }).click());
  await checkDialog(page, 'Export', () => header.getByRole('button', { name: 'Export…' }).click());
  await checkDialog(page, 'Import Annotations', () => header.getByRole('button', { name: 'Import…' }).click());
});

test('the backups, paste and appearance dialogs', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await checkDialog(page, 'Appearance', () => page.locator('.pane-header').getByRole('button', { name: 'Appearance' }).click());
  await checkDialog(page, 'Restore a backup', () => page.locator('.pane-header').getByRole('button', { name: 'Backups…' }).click());
  await checkDialog(page, 'Paste as a new article', async () => {
    await page.locator('.reader-pane').focus();
    await page.keyboard.press('Control+Shift+V');
  });
});

test('the link picker', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await addNote(page, 'Annotate', PASSAGE, 'A **bold** claim.');
  await checkDialog(page, 'Link to note', async () => {
    await dragSelect(page, LEAD_PASSAGE);
    await toolbar(page).getByRole('button', { name: 'Link to note…' }).click();
  });
});
