import { execFileSync } from 'node:child_process';
import { blockquotes, parsers, splitFrontMatter, taskItems } from '../src-main/notebook/testdata/markdown-check';
import { test, expect } from './fixtures';
import { addNote, cards, waitForApp } from './helpers';

/** The export read back by an independent CommonMark parser (the unit tests' reader). */
function quotesAndTasks(markdown: string): { quotes: string[]; tasks: { checked: boolean; text: string }[] } {
  const body = markdown.startsWith('---\n') ? splitFrontMatter(markdown).body : markdown;
  const tokens = parsers.gfm.parse(body, {});
  return {
    quotes: blockquotes(tokens).map((q) => q.text),
    tasks: taskItems(tokens).map((t) => ({ checked: t.checked, text: t.label })),
  };
}

test('Export Markdown writes the article, its excerpts with annotations and its leads as tasks', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await addNote(page, 'Annotate', 'the price is very high', 'The price is *soldiers*.');
  const lead = await addNote(page, 'Add lead', '40,000 Syrian soldiers', 'Verify the SOHR figure');
  await lead.getByRole('combobox', { name: 'Status' }).selectOption('done');
  await addNote(page, 'Add lead', 'Hmeimim base', 'Check flights');

  const markdown = await app.captureExport(async () => {
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog.getByRole('radio', { name: /This article/ })).toBeChecked();
    await dialog.getByRole('button', { name: app.mode === 'electron' ? 'Export…' : 'Download' }).click();
  });

  expect(markdown).toMatch(/^---\ntitle: "Putin Wants Syria to Return the Favor"\n/);
  expect(markdown).toContain('\n# Putin Wants Syria to Return the Favor\n');
  const { quotes, tasks } = quotesAndTasks(markdown);
  expect(quotes).toEqual(['the price is very high', '40,000 Syrian soldiers', 'Hmeimim base']);
  expect(markdown).toContain('The price is *soldiers*.');
  expect(tasks.map((t) => t.checked)).toEqual([true, false]);
  expect(tasks[0]!.text).toContain('Done');

  // The command line writes the same Markdown from the same notebook.
  const cli = execFileSync(process.execPath, ['out/main/export-cli.js', '--notebook', app.notebookPath], { encoding: 'utf8' });
  const withoutTime = (text: string): string => text.replace(/^exported: .*$/m, '');
  expect(withoutTime(cli)).toBe(withoutTime(markdown));
});

test('Copy as Markdown puts one note with its quote on the clipboard', async ({ app }) => {
  const { page } = app;
  await waitForApp(page);
  await addNote(page, 'Add lead', 'Tiger Forces', 'Who commands them?');
  await cards(page).first().getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByText('Note copied as Markdown.')).toBeVisible();
  const copied = await app.readClipboard();
  expect(quotesAndTasks(copied).quotes).toEqual(['Tiger Forces']);
  expect(copied).toContain('Who commands them?');
});
