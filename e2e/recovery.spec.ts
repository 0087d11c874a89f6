import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { addNote, cards, waitForApp, storedNotebook } from './helpers';

test('a notebook damaged while the app was closed is moved aside and the newest backup restores it', async ({ app }) => {
  await waitForApp(app.page);
  await addNote(app.page, 'Annotate', 'Tiger Forces', 'Kept safe by a backup');
  await addNote(app.page, 'Add lead', 'Hmeimim base', 'Check flights');

  const page = await app.restart(() => writeFileSync(app.notebookPath, '{"schemaVersion": 1, "notes": [ truncated by a crash'));
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Leadline cannot open this notebook' })).toBeVisible();
  const aside = readdirSync(app.dir).filter((f) => f.startsWith('notebook.corrupt-'));
  expect(aside).toHaveLength(1);
  await expect(alert).toContainText(aside[0]!);

  await alert.getByRole('button', { name: /Restore the newest backup/ }).click();
  await waitForApp(page);
  // Closing the notebook backed up its final state: everything written before the damage is back.
  await expect(cards(page)).toHaveCount(2);
  const restored = await storedNotebook(app.notebookPath);
  expect(restored.notes.map((n) => n.body).sort()).toEqual(['Check flights', 'Kept safe by a backup']);
  expect(readFileSync(`${app.dir}/${aside[0]}`, 'utf8')).toContain('truncated by a crash');
});
