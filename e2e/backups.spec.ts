import { test, expect } from './fixtures';
import { addNote, cards, storedNotebook, waitForApp } from './helpers';

test('Backups… lists the rolling backups and restores one, keeping the current state as a backup too', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  // The first save backs up the notebook as it was: the seed, with no notes.
  await addNote(page, 'Annotate', 'Tiger Forces', 'Written after the first backup');
  await expect(cards(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  const rows = dialog.getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  await rows.last().getByRole('button', { name: 'Restore' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/Restored the backup/)).toBeVisible();
  await expect(cards(page)).toHaveCount(0);
  const onDisk = await storedNotebook(app.notebookPath);
  expect(onDisk.notes).toHaveLength(0);

  // The state before the restore is itself a backup now.
  await page.getByRole('button', { name: 'Backups…' }).click();
  await expect(page.getByRole('dialog', { name: 'Restore a backup' }).getByRole('listitem')).toHaveCount(count + 1);
});
