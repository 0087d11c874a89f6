import { test, expect } from './fixtures';
import { cards, paintedTexts, storedNotebook as readNotebook, waitForApp } from './helpers';

const SOHR = 'The Syrian Observatory for Human Rights has stated that 40,000 Syrian soldiers are expected to join the Russian army in Ukraine.';

test('Suggestions: expand, add the SOHR claim as a lead, dismiss another, restart: the lead stays, the dismissed one stays hidden', async ({ app }) => {
  let page = app.page;
  await waitForApp(page);
  const toggle = page.getByRole('button', { name: /^Suggestions \(\d+\)$/ });
  // Collapsed by default, with a count once the article has been read.
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toHaveText(/Suggestions \(6\)/);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  const list = page.getByRole('region', { name: 'Suggestions' });
  const sohr = list.getByRole('listitem').filter({ hasText: SOHR });
  await expect(sohr).toContainText('Sourced claim');
  await expect(sohr).toContainText('Claim attributed to The Syrian Observatory for Human Rights');
  const hmeimim = list.getByRole('listitem').filter({ hasText: 'Hmeimim' });
  await expect(hmeimim).toContainText('Unnamed source');
  await expect(hmeimim).toContainText('Ukrainian officials');

  // Hovering a suggestion shows its passage in the article (the flash highlight), leaving takes it away.
  const flashed = (): Promise<string[]> => paintedTexts(page, 'll-flash');
  await sohr.hover();
  await expect.poll(flashed).toEqual([SOHR]);
  await page.getByRole('heading', { level: 1 }).hover();
  await expect.poll(flashed).toEqual([]);

  // Add as lead: a lead on that passage, with the proposed text, open for editing.
  await sohr.getByRole('button', { name: 'Add as lead' }).click();
  const editor = page.getByRole('textbox', { name: 'Lead' });
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue(/^Claim attributed to The Syrian Observatory for Human Rights: “40,000 Syrian soldiers/);
  await page.keyboard.press('Escape');
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first().locator('.quote')).toHaveText(SOHR);
  // A suggestion made a lead leaves the list.
  await expect(sohr).toHaveCount(0);
  await expect(toggle).toHaveText(/Suggestions \(5\)/);

  // Dismiss another, from the keyboard.
  await hmeimim.getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Enter');
  await expect(hmeimim).toHaveCount(0);
  await expect(toggle).toHaveText(/Suggestions \(4\)/);
  await expect
    .poll(async () => {
      const stored = await readNotebook(app.notebookPath);
      return { leads: stored.notes.map((n) => [n.kind, n.status]), dismissed: stored.dismissals.map((d) => [d.kind, d.quote.slice(0, 30)]) };
    })
    .toEqual({ leads: [['lead', 'open']], dismissed: [['unnamed-source', 'Ukrainian officials said that ']] });

  page = await app.restart();
  await waitForApp(page);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first().locator('.quote')).toHaveText(SOHR);
  const again = page.getByRole('button', { name: /^Suggestions \(\d+\)$/ });
  await expect(again).toHaveAttribute('aria-expanded', 'false');
  await expect(again).toHaveText(/Suggestions \(4\)/);
  await again.click();
  const items = page.getByRole('region', { name: 'Suggestions' }).getByRole('listitem');
  await expect(items).toHaveCount(4);
  await expect(items.filter({ hasText: 'Hmeimim' })).toHaveCount(0);
  await expect(items.filter({ hasText: SOHR })).toHaveCount(0);
});

test('Dismiss is undoable: Ctrl+Z brings the suggestion back', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await page.getByRole('button', { name: /^Suggestions \(\d+\)$/ }).click();
  const items = page.getByRole('region', { name: 'Suggestions' }).getByRole('listitem');
  await expect(items).toHaveCount(6);
  await items.filter({ hasText: 'Since late 2015' }).getByRole('button', { name: 'Dismiss' }).click();
  await expect(items).toHaveCount(5);
  await page.locator('.article-body').click();
  await page.keyboard.press('Control+Z');
  await expect(items).toHaveCount(6);
  await expect.poll(async () => (await readNotebook(app.notebookPath)).dismissals).toEqual([]);
});
