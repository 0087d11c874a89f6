import { test, expect } from './fixtures';
import { addNote, cards, paintedPoint, paintedTexts, revealPainted, storedNotebook, waitForApp } from './helpers';

const storedNotes = async (path: string) => (await storedNotebook(path)).notes;

test('tags are saved and the pane filters by kind, status, tag and text, with counts', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await addNote(page, 'Annotate', 'the price is very high', 'Price paid in soldiers');
  const lead = await addNote(page, 'Add lead', 'Hmeimim base', 'Check flight records');
  await addNote(page, 'Add lead', 'Tiger Forces', 'Who commands the Tigers?');

  await lead.getByRole('button', { name: 'Edit' }).click();
  await lead.getByRole('textbox', { name: 'Tags' }).fill('logistics #air');
  await lead.getByRole('textbox', { name: 'Tags' }).press('Enter');
  await expect.poll(async () => (await storedNotes(app.notebookPath)).find((n) => n.body === 'Check flight records')?.tags).toEqual(['logistics', 'air']);
  await page.keyboard.press('Escape');
  await expect(lead.locator('.note-body')).toHaveText('Check flight records');
  await expect(lead.getByRole('list', { name: 'Tags' })).toHaveText(/#logistics\s*#air/);
  await cards(page).filter({ hasText: 'Tigers' }).getByRole('combobox', { name: 'Status' }).selectOption('done');

  const filters = page.locator('.filter-bar');
  await expect(filters.getByRole('radio', { name: /All/ })).toContainText('3');
  await expect(filters.getByRole('radio', { name: /Annotations/ })).toContainText('1');
  await expect(filters.getByRole('radio', { name: /Leads/ })).toContainText('2');

  await filters.getByRole('radio', { name: /Leads/ }).click();
  await expect(cards(page)).toHaveCount(2);
  await filters.getByRole('combobox', { name: 'Lead status filter' }).selectOption('done');
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText('Tigers');

  await filters.getByRole('radio', { name: /All/ }).click();
  await filters.getByRole('button', { name: /#logistics/ }).click();
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText('flight records');
  await expect(page.getByText('Showing 1 of 3')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(cards(page)).toHaveCount(3);

  // Search covers note bodies and excerpt text.
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('searchbox', { name: 'Search notes' })).toBeFocused();
  await page.keyboard.type('price');
  await expect(cards(page)).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('hmeimim');
  await expect(cards(page)).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('nothing like this');
  await expect(page.getByText('No note matches these filters.')).toBeVisible();
});

test('undo and redo a delete, an edit and a status change', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  const card = await addNote(page, 'Add lead', 'Palestinians', 'Which Palestinian groups?');
  await card.getByRole('combobox', { name: 'Status' }).selectOption('dropped');
  await expect.poll(async () => (await storedNotes(app.notebookPath))[0]?.status).toBe('dropped');

  await page.locator('.reader-pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(card.getByRole('combobox', { name: 'Status' })).toHaveValue('open');
  await expect.poll(async () => (await storedNotes(app.notebookPath))[0]?.status).toBe('open');
  await page.keyboard.press('Control+Shift+z');
  await expect(card.getByRole('combobox', { name: 'Status' })).toHaveValue('dropped');

  // Delete: asked whether to keep the excerpt; undo brings note and excerpt back.
  await card.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: /Delete this lead/ });
  await dialog.getByRole('button', { name: 'Delete note and highlight' }).click();
  await expect(cards(page)).toHaveCount(0);
  await expect.poll(() => storedNotes(app.notebookPath)).toHaveLength(0);
  await page.keyboard.press('Control+z');
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText('Which Palestinian groups?');
  await expect.poll(() => storedNotes(app.notebookPath)).toHaveLength(1);
  // Highlights are registered in idle time after a change: wait for the frame that draws it.
  await expect.poll(() => paintedTexts(page, 'll-lead')).toEqual(['Palestinians']);

  // An editing session is one undo step.
  await cards(page).first().getByRole('button', { name: 'Edit' }).click();
  await expect(page.locator('.note-card textarea').first()).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' And who recruits them?');
  await expect(page.locator('.save-state')).toHaveText('Saved');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(cards(page).first().locator('.note-body')).toHaveText('Which Palestinian groups?');
  await expect.poll(async () => (await storedNotes(app.notebookPath))[0]?.body).toBe('Which Palestinian groups?');
});

test('deleting a note can keep its excerpt as a plain highlight', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  const card = await addNote(page, 'Annotate', 'Shia militias', 'Which militias?');
  await card.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete note, keep highlight' }).click();
  await expect(cards(page)).toHaveCount(0);
  const plainRanges = (): Promise<string[]> => paintedTexts(page, 'll-plain');
  await expect.poll(plainRanges).toEqual(['Shia militias']);

  // Clicking the plain highlight offers to annotate it again or to remove it; a click elsewhere dismisses that.
  const clickHighlight = async (): Promise<void> => {
    await revealPainted(page, 'Shia militias');
    const point = (await paintedPoint(page, 'Shia militias'))!;
    await page.mouse.click(point.x, point.y);
  };
  await clickHighlight();
  const bar = page.getByRole('toolbar', { name: 'Selection actions' });
  await expect(bar.getByRole('button', { name: 'Remove highlight' })).toBeVisible();
  await page.locator('.article-body p').first().click({ position: { x: 3, y: 3 } });
  await expect(bar).toHaveCount(0);
  await clickHighlight();
  await bar.getByRole('button', { name: 'Remove highlight' }).click();
  await expect.poll(plainRanges).toEqual([]);
  await expect.poll(async () => (await storedNotebook(app.notebookPath)).excerpts).toHaveLength(0);
});
