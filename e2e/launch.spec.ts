import { readFileSync } from 'node:fs';
import { SCHEMA_VERSION } from '../src-main/shared/model';
import { test, expect } from './fixtures';
import { ARTICLE_TITLE, waitForApp, storedNotebook } from './helpers';

const articleFile = readFileSync('resources/articles/putin-wants-syria-to-return-the-favor.txt', 'utf8');
const paragraphs = articleFile.split(/\n\s*\n/).slice(1).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);

test('opens on the bundled article beside the notes pane', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await expect(page).toHaveTitle(`${ARTICLE_TITLE} — Leadline`);
  const shown = page.locator('.article-body p');
  await expect(shown).toHaveCount(paragraphs.length);
  for (const [i, text] of paragraphs.entries()) {
    await expect(shown.nth(i)).toHaveText(text);
  }
  await shown.last().scrollIntoViewIfNeeded();
  await expect(shown.last()).toBeVisible();

  const notes = page.getByRole('complementary', { name: 'Notes' });
  await expect(notes.getByRole('heading', { name: 'No notes yet' })).toBeVisible();
  await expect(notes).toContainText('Select a passage of the article');

  const reader = await page.getByRole('main', { name: 'Article' }).boundingBox();
  const pane = await notes.boundingBox();
  expect(reader && pane && reader.x + reader.width <= pane.x + 1).toBeTruthy();
});

test('first launch creates the notebook on disk holding the article', async ({ app }) => {
  await waitForApp(app.page);
  const notebook = await storedNotebook(app.notebookPath);
  expect(notebook.schemaVersion).toBe(SCHEMA_VERSION);
  expect(notebook.articles).toHaveLength(1);
  expect(notebook.articles[0]!.title).toBe(ARTICLE_TITLE);
  expect(notebook.articles[0]!.content).toContain('Hmeimim');
});

test('relaunching on the same notebook shows the same article', async ({ app }) => {
  await waitForApp(app.page);
  const before = await storedNotebook(app.notebookPath);
  const page = await app.restart();
  await waitForApp(page);
  await expect(page.locator('.article-body p')).toHaveCount(paragraphs.length);
  const after = await storedNotebook(app.notebookPath);
  expect(after.articles.map((a) => a.id)).toEqual(before.articles.map((a) => a.id));
});
