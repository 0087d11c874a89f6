import { test, expect } from './fixtures';
import { addNote, cards, dragSelect, paintedTexts, toolbar, waitForApp, storedNotebook } from './helpers';

test('a selection across paragraphs becomes one excerpt with the paragraph break kept', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  const start = await page.locator('.article-body p').nth(1).textContent();
  const end = await page.locator('.article-body p').nth(2).textContent();
  const tail = 'ready to immediately join the Russians in Ukraine.';
  const head = 'The Moscow trained 5th Division';
  expect(start!.endsWith(tail) && end!.startsWith(head)).toBe(true);

  // Drag from the end of one paragraph into the next.
  const points = await page.evaluate(
    ({ tail, head }) => {
      const [a, b] = [document.querySelectorAll('.article-body p')[1]!, document.querySelectorAll('.article-body p')[2]!];
      const ta = a.firstChild as Text;
      const tb = b.firstChild as Text;
      const r1 = document.createRange();
      r1.setStart(ta, ta.data.indexOf(tail));
      r1.setEnd(ta, ta.data.indexOf(tail) + 1);
      const r2 = document.createRange();
      r2.setStart(tb, head.length - 1);
      r2.setEnd(tb, head.length);
      a.scrollIntoView({ block: 'center' });
      const p1 = r1.getBoundingClientRect();
      const p2 = r2.getBoundingClientRect();
      return { x1: p1.left + 1, y1: p1.top + p1.height / 2, x2: p2.right - 1, y2: p2.top + p2.height / 2 };
    },
    { tail, head },
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 6 });
  await page.mouse.up();
  await toolbar(page).getByRole('button', { name: 'Annotate' }).click();
  await page.keyboard.press('Escape');
  const storedQuote = async (): Promise<string | undefined> => (await storedNotebook(app.notebookPath)).excerpts[0]?.quote.exact;
  await expect.poll(storedQuote).toBe(`${tail}\n\n${head}`);
  // Highlights are registered in idle time after a change: wait for the frame that draws it.
  const painted = () => paintedTexts(page, 'll-annotation');
  await expect.poll(painted).toEqual([`${tail}${head}`]);
});

test('the keyboard moves between cards, opens and closes the editor, and steps through highlights', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await addNote(page, 'Annotate', 'Tiger Forces', 'First in reading order');
  await addNote(page, 'Add lead', 'Shia militias', 'Second in reading order');
  await addNote(page, 'Annotate', 'Hmeimim base', 'Between them');

  await cards(page).first().focus();
  await expect(cards(page).first()).toContainText('First in reading order');
  await page.keyboard.press('ArrowDown');
  await expect(cards(page).nth(1)).toBeFocused();
  await expect(cards(page).nth(1)).toContainText('Between them');
  await page.keyboard.press('ArrowDown');
  await expect(cards(page).nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: 'Annotation' });
  await expect(editor).toBeFocused();
  await page.keyboard.type(' (edited by keyboard)');
  await page.keyboard.press('Escape');
  await expect(cards(page).nth(1)).toBeFocused();
  await expect(cards(page).nth(1).locator('.note-body')).toHaveText('Between them (edited by keyboard)');

  await page.locator('.reader-pane').click({ position: { x: 5, y: 5 } });
  // F8 takes the keyboard to the card, not only the pane's scroll, and goes on from there.
  await page.keyboard.press('F8');
  await expect(page.locator('.note-card.focused')).toContainText('First in reading order');
  await expect(page.locator('.note-card.focused')).toBeFocused();
  await page.keyboard.press('F8');
  await expect(page.locator('.note-card.focused')).toContainText('Between them');
  await expect(page.locator('.note-card.focused')).toBeFocused();
  await page.keyboard.press('Shift+F8');
  await expect(page.locator('.note-card.focused')).toContainText('First in reading order');
  await expect(page.locator('.note-card.focused')).toBeFocused();
});

test('the reading position is back after a restart', async ({ app }) => {
  let page = app.page;
  await waitForApp(page);
  await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, (el.scrollHeight - el.clientHeight) * 0.6));
  const before = await page.locator('.reader-pane').evaluate((el) => el.scrollTop / (el.scrollHeight - el.clientHeight));
  expect(before).toBeGreaterThan(0.3);
  await expect.poll(async () => (await storedNotebook(app.notebookPath)).ui.scroll).not.toEqual({});
  page = await app.restart();
  await waitForApp(page);
  await expect.poll(() => page.locator('.reader-pane').evaluate((el) => el.scrollTop / (el.scrollHeight - el.clientHeight))).toBeCloseTo(before, 1);
});

test('a 1 MB note body saves and renders', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await dragSelect(page, 'Ba’ath Party');
  await toolbar(page).getByRole('button', { name: 'Annotate' }).click();
  const line = 'A long body line with **bold** text, a [link](https://example.org) and more. ';
  const body = `${line.repeat(Math.ceil(1_048_576 / line.length))}\n\nTHE END`;
  await page.getByRole('textbox', { name: 'Annotation' }).fill(body);
  await expect(page.locator('.save-state')).toHaveText('Saved', { timeout: 15_000 });
  await page.keyboard.press('Escape');
  await expect(cards(page).first().locator('.note-body')).toContainText('THE END');
  const stored = await storedNotebook(app.notebookPath);
  expect(stored.notes[0]!.body.length).toBe(body.length);
});
