import { test, expect } from './fixtures';
import { addNote, cards, dragSelect, paintedPoint, paintedTexts, storedNotebook as readNotebook, toolbar, waitForApp } from './helpers';

test('select text, annotate, type: the note is saved, highlighted and survives a restart', async ({ app }) => {
  let page = app.page;
  await waitForApp(page);
  const passage = 'the price is very high';
  await dragSelect(page, passage);
  await expect(toolbar(page).getByRole('button', { name: 'Annotate' })).toBeVisible();
  await expect(toolbar(page).getByRole('button', { name: 'Add lead' })).toBeVisible();
  await expect(toolbar(page).getByRole('button', { name: 'Link to note…' })).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Annotate' }).click();

  const editor = page.getByRole('textbox', { name: 'Annotation' });
  await expect(editor).toBeFocused();
  await editor.pressSequentially('Which price? *Soldiers*, not money.', { delay: 5 });
  await expect(page.locator('.save-state')).toHaveText('Saved');

  const stored = await readNotebook(app.notebookPath);
  expect(stored.notes).toHaveLength(1);
  expect(stored.notes[0]!.body).toBe('Which price? *Soldiers*, not money.');
  expect(stored.excerpts[0]!.quote.exact).toBe(passage);

  // Painted behind the text, in idle time, with no element inserted into the article's text.
  await expect.poll(() => paintedTexts(page, 'll-annotation')).toEqual([passage]);
  await expect(page.locator('.article-body p mark, .article-body p span')).toHaveCount(0);

  page = await app.restart();
  await waitForApp(page);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first().locator('.note-body')).toContainText('Which price? Soldiers, not money.');
  await expect(cards(page).first().locator('.note-body em')).toHaveText('Soldiers');
  await expect(cards(page).first().locator('.quote')).toHaveText(passage);
});

test('keyboard shortcuts create an annotation and a lead', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await dragSelect(page, 'Hmeimim base');
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('textbox', { name: 'Lead' })).toBeFocused();
  await page.keyboard.type('Check flight records');
  await page.keyboard.press('Escape');
  await dragSelect(page, 'Tiger Forces');
  await page.keyboard.press('Control+Shift+A');
  await expect(page.getByRole('textbox', { name: 'Annotation' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(cards(page)).toHaveCount(2);
  await expect.poll(async () => (await readNotebook(app.notebookPath)).notes.map((n) => n.kind).sort()).toEqual(['annotation', 'lead']);
});

test('typing right after the shortcut, before the editor appears, loses nothing', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await dragSelect(page, 'Hmeimim base');
  await page.keyboard.press('Control+Shift+L');
  await page.keyboard.type('Check flight records');
  await expect(page.getByRole('textbox', { name: 'Lead' })).toHaveValue('Check flight records');
  await expect(page.locator('.save-state')).toHaveText('Saved');
  await expect.poll(async () => (await readNotebook(app.notebookPath)).notes[0]?.body).toBe('Check flight records');
});

test('a lead has a status that is saved', async ({ app }) => {
  let page = app.page;
  await waitForApp(page);
  const card = await addNote(page, 'Add lead', '40,000 Syrian soldiers', 'Verify the SOHR figure');
  const status = card.getByRole('combobox', { name: 'Status' });
  await expect(status).toHaveValue('open');
  await status.selectOption('in-progress');
  await expect.poll(async () => (await readNotebook(app.notebookPath)).notes[0]?.status).toBe('in-progress');
  await expect.poll(() => paintedTexts(page, 'll-lead')).toEqual(['40,000 Syrian soldiers']);
  page = await app.restart();
  await waitForApp(page);
  await expect(cards(page).first().getByRole('combobox', { name: 'Status' })).toHaveValue('in-progress');
});

test('the right "Putin" is anchored among many', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await addNote(page, 'Annotate', 'Putin', 'third mention', 2);
  const stored = await readNotebook(app.notebookPath);
  const text = await page.evaluate(() => Array.from(document.querySelectorAll('.article-body p'), (p) => p.textContent).join('\n\n'));
  let index = -1;
  for (let i = 0; i < 3; i++) index = text.indexOf('Putin', index + 1);
  expect(stored.excerpts[0]!.position.start).toBe(index);
});

test('one note cites two excerpts, and one excerpt carries two notes', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await addNote(page, 'Annotate', 'the loyal 4th Division', 'Units named in the piece');
  await dragSelect(page, 'the Tiger Forces');
  await toolbar(page).getByRole('button', { name: 'Link to note…' }).click();
  const picker = page.getByRole('dialog', { name: 'Link to note' });
  await picker.getByRole('combobox', { name: 'Find a note' }).fill('units named');
  await picker.getByRole('option').first().click();
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first().locator('.quote')).toHaveText(['the loyal 4th Division', 'the Tiger Forces']);

  await addNote(page, 'Add lead', 'the Tiger Forces', 'Who commands them now?');
  const stored = await readNotebook(app.notebookPath);
  const tiger = stored.excerpts.find((e) => e.quote.exact === 'the Tiger Forces')!;
  expect(stored.notes.filter((n) => n.excerptIds.includes(tiger.id))).toHaveLength(2);

  // A card can unlink an excerpt.
  const first = cards(page).filter({ hasText: 'Units named' });
  await first.locator('.quote-item').filter({ hasText: 'the Tiger Forces' }).getByRole('button', { name: 'Unlink excerpt' }).click();
  await expect(first.locator('.quote')).toHaveText(['the loyal 4th Division']);
});

test('clicking a highlight focuses its note; clicking a quote scrolls to its excerpt', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await addNote(page, 'Annotate', 'Moscow trained 5th Division', 'Trained by whom, when?');
  await addNote(page, 'Annotate', 'Ukrainian officials said', 'Which officials?');
  await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
  // Click in the middle of the first highlight.
  await expect.poll(() => paintedPoint(page, 'Moscow trained 5th Division')).not.toBeNull();
  const box = (await paintedPoint(page, 'Moscow trained 5th Division'))!;
  await page.mouse.click(box.x, box.y);
  await expect(page.locator('.note-card.focused')).toContainText('Trained by whom');

  await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
  await cards(page).filter({ hasText: 'Which officials?' }).locator('.quote').click();
  await expect(page.locator('.note-card.focused')).toContainText('Which officials?');
  await expect.poll(() => paintedTexts(page, 'll-flash')).toEqual(['Ukrainian officials said']);
});

test('no toolbar for an empty selection or one outside the article', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await page.locator('.article-body p').first().click();
  await expect(toolbar(page)).toHaveCount(0);
  await page.getByRole('heading', { level: 1 }).dblclick();
  await expect(toolbar(page)).toHaveCount(0);
});
