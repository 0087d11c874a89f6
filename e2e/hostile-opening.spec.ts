/**
 * Outside testing of the opening in two answers (the article, then its notes and
 * excerpts: loadNotebook in src-renderer/src/state/actions.ts). Every test here, named
 * "was: …", failed on the product as first built; all pass since the fixes and stay as
 * regression tests. Slow or stalled answers are made with page.route, so they bite in the
 * browser host (in Electron the calls do not go over HTTP and arrive at once).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dragSelect, storedNotebook, waitForApp } from './helpers';

const TYPED = 'Typed while the notes were still on their way.';

/** Reloads the page with getRecords answered only when `release` says so. */
async function reloadWithRecords(page: Page, release: () => Promise<void>): Promise<void> {
  await page.route('**/api/getRecords', async (route) => {
    await release();
    await route.continue().catch(() => undefined); // the page may be gone by then
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

// The user lost: the words typed right after Annotate. The new note waited in the queue
// behind the notes still loading, and the keys typed meanwhile were kept for 3 s only
// (type-ahead.ts), then went to the page: spaces scrolled the article, letters vanished.
test('was: words typed after Annotate are lost while the notes are slow to arrive', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  let arrived = false;
  await reloadWithRecords(page, async () => {
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    arrived = true;
  });
  await expect(page.locator('.notes-pane')).toContainText('Loading notes…');
  await dragSelect(page, 'Tiger Forces');
  await page.keyboard.press('Control+Shift+A');
  await page.keyboard.type(TYPED, { delay: 80 }); // about 4 s of typing, past the old limit
  await expect.poll(() => arrived).toBe(true);
  await expect(page.getByRole('textbox', { name: 'Annotation' })).toHaveValue(TYPED);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await storedNotebook(app.notebookPath)).notes.map((n) => n.body)).toEqual([TYPED]);
});

// The user lost: every change from then on. When getRecords never answered, the queue
// waited on it for ever: nothing typed or annotated reached the notebook, and the pane
// said "Loading notes…" until the window closed.
test('was: notes that never arrive stop every save', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await reloadWithRecords(page, () => new Promise<void>(() => undefined));
  await dragSelect(page, 'Tiger Forces');
  await page.keyboard.press('Control+Shift+A');
  await page.keyboard.type(TYPED);
  // The notes are asked for again, whole, after a wait; the note follows them.
  await expect(page.getByRole('textbox', { name: 'Annotation' })).toHaveValue(TYPED, { timeout: 20_000 });
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await storedNotebook(app.notebookPath)).notes.map((n) => n.body)).toEqual([TYPED]);
  await expect(page.locator('.notes-pane')).not.toContainText('Loading notes…');
});
