/**
 * Annotating without a mouse: Tab to the article, choose sentences with the arrow keys
 * (the sentence cursor), adjust the end by words, annotate with the shortcut, type the
 * note. The excerpt is what the keys chose, painted as an annotation.
 */
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { writeLongNotebook } from './long-notebook';
import { cards, paintedTexts, selectedText, storedNotebook, tabToArticle, toolbar, waitForApp } from './helpers';

const FIRST = 'Russian President Vladmir Putin wants Syrian President Bashar al-Assad, who recently won a civil war with the assistance provided to them by Russia, to repay them for their help — and the price is very high.';
const SECOND = 'It is very clear why Russia wants payback: Putin would prefer Syrian soldiers sacrifice themselves for Russia than face the public scrutiny at home that could result from Russian troops being killed fighting in Ukraine.';
const THIRD = 'The Syrian Observatory for Human Rights has stated that 40,000 Syrian soldiers are expected to join the Russian army in Ukraine.';

test('choose sentences with the keyboard, adjust by words, annotate and type the note', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await tabToArticle(page);
  const spoken = page.locator('.reader .sr-only[role="status"]');

  // ↓ starts at the first sentence in view, and it is announced.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selectedText(page)).toBe(FIRST);
  await expect(spoken).toHaveText(/^Russian President Vladmir Putin wants .* … .*the price is very high\.$/);
  await expect(toolbar(page).getByRole('button', { name: 'Annotate' })).toBeVisible();
  await expect(page.locator('.reader-pane')).toBeFocused();

  // Esc lets go; ↓ then starts again from the top of the view.
  await page.keyboard.press('Escape');
  await expect.poll(() => selectedText(page)).toBe('');
  await expect(toolbar(page)).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selectedText(page)).toBe(FIRST);

  // ↓ ↓ ↑: across the paragraph break and back.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selectedText(page)).toBe(SECOND);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selectedText(page)).toBe(THIRD);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => selectedText(page)).toBe(SECOND);

  // Shift+↓ extends into the next paragraph, Shift+↑ gives it back.
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(() => selectedText(page)).toBe(`${SECOND} ${THIRD}`);
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(() => selectedText(page)).toBe(SECOND);

  // Alt+Shift+← gives back the full stop, then a word; Alt+Shift+→ takes the word again.
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect.poll(() => selectedText(page)).toBe(SECOND.slice(0, -1));
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect.poll(() => selectedText(page)).toBe(SECOND.slice(0, -' Ukraine.'.length));
  await page.keyboard.press('Alt+Shift+ArrowRight');
  const chosen = SECOND.slice(0, -1);
  await expect.poll(() => selectedText(page)).toBe(chosen);
  await expect(spoken).toContainText('fighting in Ukraine');

  // The usual shortcut acts on the choice: annotate, type, done.
  await page.keyboard.press('Control+Shift+A');
  const editor = page.getByRole('textbox', { name: 'Annotation' });
  await expect(editor).toBeFocused();
  await page.keyboard.type('Why Syrians and not Russians: the cost at home.');
  await expect(page.locator('.save-state')).toHaveText('Saved');
  await page.keyboard.press('Escape');

  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first().locator('.quote')).toHaveText(chosen);
  await expect(cards(page).first().locator('.note-body')).toHaveText('Why Syrians and not Russians: the cost at home.');
  const stored = await storedNotebook(app.notebookPath);
  expect(stored.excerpts.map((e) => e.quote.exact)).toEqual([chosen]);
  expect(stored.notes.map((n) => n.body)).toEqual(['Why Syrians and not Russians: the cost at home.']);
  await expect.poll(() => paintedTexts(page, 'll-annotation')).toEqual([chosen]);
});

test('the sentence cursor keeps the chosen sentence in view as it walks down the article', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await tabToArticle(page);
  const pane = page.locator('.reader-pane');
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(() => pane.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  const inView = (): Promise<boolean> =>
    page.evaluate(() => {
      const box = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
      const frame = document.querySelector('.reader-pane')!.getBoundingClientRect();
      return box.height > 0 && box.top >= frame.top && box.bottom <= frame.bottom;
    });
  await expect.poll(inView).toBe(true);
  await expect.poll(() => selectedText(page)).not.toBe('');
  // Shift+↑ from a single sentence grows it upwards: the sentence before joins it.
  const one = await selectedText(page);
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(() => selectedText(page)).toMatch(new RegExp(`^.+ ${one.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.screenshot({ path: '/tmp/keys-sentence-cursor.png' });
});

test('F8 takes the keyboard to the note card of a highlight, even one the virtual list had not built', async ({ app }) => {
  const notebookPath = join(app.dir, 'long.json');
  const long = await writeLongNotebook(notebookPath, 2000);
  const page = await app.relaunch({ notebookPath });
  await waitForApp(page);
  await tabToArticle(page);
  await expect(cards(page).filter({ hasText: long.firstOnLastQuote })).toHaveCount(0); // far down the list: not built
  await page.keyboard.press('Shift+F8'); // back from the start: the last highlight
  const card = page.locator('.note-card.focused');
  await expect(card).toContainText(long.firstOnLastQuote);
  await expect(card).toBeFocused();
  await expect(card).toBeInViewport();
  await page.keyboard.press('F8'); // round to the first
  await expect(page.locator('.note-card.focused')).toContainText('Note 0001');
  await expect(page.locator('.note-card.focused')).toBeFocused();
});
