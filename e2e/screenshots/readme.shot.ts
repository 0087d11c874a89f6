import { test } from '../fixtures';
import { addNote, cards, waitForApp } from '../helpers';

test('README screenshot: the article with annotations and leads', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1440, height: 900 });
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
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshot.png' });
});
