/**
 * A dialog closed by Escape sends its close event a task later; a shortcut handled in
 * between (the input queue goes first on a busy machine) opens the next dialog, which that
 * late event must not close. The ordering is forced here: the shortcut is sent from the
 * closing dialog's own cancel event, before its close event can run.
 */
import { test, expect } from './fixtures';
import { waitForApp } from './helpers';

test('a dialog opened by a key while the last one is closing by Escape stays open', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await page.locator('.pane-header').getByRole('button', { name: 'Backups…' }).click();
  const backups = page.getByRole('dialog', { name: 'Restore a backup' });
  await expect(backups).toBeVisible();
  await backups.evaluate((closing) => {
    // Registered after the app's own listener: the app has already let go of this dialog when it runs.
    closing.addEventListener(
      'cancel',
      () => {
        const paste = new KeyboardEvent('keydown', { key: 'V', code: 'KeyV', ctrlKey: true, shiftKey: true, bubbles: true, cancelable: true });
        document.querySelector('.reader-pane')!.dispatchEvent(paste);
      },
      { once: true },
    );
  });
  await page.keyboard.press('Escape');
  await expect(backups).toBeHidden();
  const paste = page.getByRole('dialog', { name: 'Paste as a new article' });
  await expect(paste).toBeVisible();
  // Still open once the closed dialog's close event has run (two frames later at the latest).
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
  await expect(paste).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(paste).toBeHidden();
});
