/**
 * Data-loss paths found by outside testing: two windows on one notebook, tags typed as the
 * window closes, and a damaged notebook relaunched before the user chose what to do.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startHost, test, expect } from './fixtures';
import { addNote, cards, waitForApp, storedNotebook } from './helpers';

interface StoredNote {
  body: string;
  tags: string[];
}
const storedNotes = async (path: string): Promise<StoredNote[]> => (await storedNotebook(path)).notes;

async function editBody(page: Page, text: string): Promise<void> {
  await cards(page).first().getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByRole('textbox', { name: 'Annotation' });
  await expect(editor).toBeFocused();
  await editor.fill(text);
  await expect(page.locator('.save-state')).toHaveText('Saved');
  await page.keyboard.press('Escape');
}

test('two windows see each other’s changes, and an undo made stale elsewhere is skipped, not applied', async ({ app }) => {
  const a = app.page;
  await waitForApp(a);
  await addNote(a, 'Annotate', 'Tiger Forces', 'v1');
  await editBody(a, 'v2');

  const b = await app.openSecondWindow();
  await waitForApp(b);
  await expect(cards(b).first().locator('.note-body')).toHaveText('v2');
  await editBody(b, 'v3');
  await expect.poll(async () => (await storedNotes(app.notebookPath))[0]?.body).toBe('v3');

  // Window A follows without a reload by the user.
  await expect(cards(a).first().locator('.note-body')).toHaveText('v3');
  // A change made in A shows in B as well.
  await addNote(a, 'Add lead', 'Hmeimim base', 'Check flights');
  await expect(cards(b)).toHaveCount(2);

  // A's undo history holds, newest first: the lead's body, the lead, then v2 → v1. The lead's
  // steps are current and apply; the edit was overtaken by B's v3 and is skipped.
  await a.locator('.reader-pane').click({ position: { x: 10, y: 10 } });
  await a.keyboard.press('Control+z');
  await expect(cards(a).filter({ hasText: 'Check flights' })).toHaveCount(0);
  await a.keyboard.press('Control+z');
  await expect(cards(a)).toHaveCount(1);
  await expect(cards(b)).toHaveCount(1);
  await a.keyboard.press('Control+z');
  await expect(a.getByText(/This note changed elsewhere; undo of edit skipped/)).toBeVisible();
  await expect(cards(a).first().locator('.note-body')).toHaveText('v3');
  expect((await storedNotes(app.notebookPath)).map((n) => n.body)).toEqual(['v3']);
});

test('tags typed but not yet confirmed are saved when the window closes', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  const card = await addNote(page, 'Annotate', 'Tiger Forces', 'Who commands them?');
  await card.getByRole('button', { name: 'Edit' }).click();
  const tags = page.getByRole('textbox', { name: 'Tags' });
  await tags.click();
  await tags.pressSequentially('units syria', { delay: 5 });
  await expect(tags).toBeFocused(); // no blur, no Enter: the window goes away now

  const reopened = await app.restart();
  await waitForApp(reopened);
  expect((await storedNotes(app.notebookPath))[0]?.tags).toEqual(['units', 'syria']);
  await expect(cards(reopened).first()).toContainText('#units');
});

test('a damaged notebook is offered again at every launch until the user chooses, then Start a new notebook begins afresh', async ({ app }) => {
  let page = app.page;
  await waitForApp(page);
  await addNote(page, 'Annotate', 'Tiger Forces', 'Kept safe by a backup');
  page = await app.restart(() => writeFileSync(app.notebookPath, '{"schemaVersion": 1, "notes": [ truncated'));
  await expect(page.getByRole('heading', { name: 'Leadline cannot open this notebook' })).toBeVisible();
  const aside = readdirSync(app.dir).filter((f) => f.startsWith('notebook.corrupt-'));
  expect(aside).toHaveLength(1);

  // Quit without choosing: the next launch does not quietly start a fresh notebook.
  page = await app.restart();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Leadline cannot open this notebook' })).toBeVisible();
  await expect(alert).toContainText(aside[0]!);
  await expect(alert.getByRole('button', { name: /Restore the newest backup/ })).toBeVisible();
  expect(existsSync(app.notebookPath)).toBe(false);

  await alert.getByRole('button', { name: 'Start a new notebook' }).click();
  await waitForApp(page);
  await expect(cards(page)).toHaveCount(0);
  // The damaged copy and the backups of the old notebook are still there, the backups pinned.
  expect(readFileSync(join(app.dir, aside[0]!), 'utf8')).toContain('truncated');
  const pins = JSON.parse(readFileSync(join(app.dir, 'backups', 'notebook.json.pins'), 'utf8')) as { pins: { reason: string }[] };
  expect(pins.pins.length).toBeGreaterThan(0);
  expect(pins.pins[0]!.reason).toMatch(/found damaged/);
});

test('a read-only second process follows the writer’s saves', async ({ app }) => {
  await waitForApp(app.page);
  const { host: second, url: address } = await startHost(app.notebookPath);
  try {
    const url = new URL(address);
    const call = async <T,>(name: string, body: unknown): Promise<T> => {
      const response = await fetch(new URL(`/api/${name}`, url), { method: 'POST', headers: { 'x-leadline-token': url.searchParams.get('token')!, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return ((await response.json()) as { value: T }).value;
    };
    const before = await call<{ readOnly: boolean; revision: number }>('getStoreInfo', {});
    expect(before.readOnly).toBe(true);
    await addNote(app.page, 'Add lead', 'Hmeimim base', 'Written by the first window');
    await expect.poll(async () => (await call<{ revision: number }>('getStoreInfo', {})).revision).toBeGreaterThan(before.revision);
    const ws = await call<{ notes: { body: string }[] }>('getWorkspace', {});
    expect(ws.notes.map((n) => n.body)).toEqual(['Written by the first window']);
  } finally {
    second.kill('SIGTERM');
  }
});
