import { expect, test } from '../fixtures';
import { addNote, ARTICLE_TITLE, cards, waitForApp } from '../helpers';

test('README screenshot: the library, and an article with annotations and leads', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
  await waitForApp(page);
  const library = page.getByRole('navigation', { name: 'Library' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), library.getByRole('button', { name: 'Import…' }).click()]);
  await chooser.setFiles(['src-main/notebook/import/testdata/news-page.html', 'src-main/notebook/import/testdata/field-memo.md']);
  await library.locator('.library-item').nth(2).waitFor();
  await library.locator('.library-item', { hasText: ARTICLE_TITLE }).click();
  await waitForApp(page);
  await addNote(page, 'Annotate', 'Putin would prefer Syrian soldiers sacrifice themselves for Russia', 'The core claim: **casualty aversion** at home drives recruitment abroad.');
  await addNote(page, 'Add lead', '40,000 Syrian soldiers', 'Verify the SOHR figure against independent sources.');
  await addNote(page, 'Add lead', 'fly from the Hmeimim base', 'Check flight-tracking data for Hmeimim → Russia transports.');
  await addNote(page, 'Annotate', 'the Tiger Forces', 'Elite unit, Russian-backed since 2015 — see Suheil al-Hassan.');
  await cards(page).filter({ hasText: 'SOHR' }).getByRole('combobox', { name: 'Status' }).selectOption('in-progress');
  const flights = cards(page).filter({ hasText: 'flight-tracking' });
  await flights.getByRole('button', { name: 'Edit' }).click();
  await flights.getByRole('textbox', { name: 'Tags' }).fill('logistics air');
  await flights.getByRole('textbox', { name: 'Tags' }).press('Enter');
  await flights.getByRole('textbox', { name: 'Tags' }).press('Escape');
  await cards(page).filter({ hasText: 'SOHR' }).click();
  await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
  await page.locator('.notes-pane').evaluate((el) => el.scrollTo(0, 0)); // the pane's header and Suggestions in view
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // The focused lead's box is drawn, and the note saved, before the shot.
  await expect(page.locator('.hl-layer .ll-focus').first()).toBeAttached();
  await expect(page.locator('.pane-header')).toContainText(/saved/i);
  await page.screenshot({ path: 'docs/screenshot.png' });
});
