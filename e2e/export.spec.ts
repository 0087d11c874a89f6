import { execFileSync } from 'node:child_process';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { test, expect } from './fixtures';
import { addNote, cards, waitForApp } from './helpers';

const md = new MarkdownIt({ html: true });

function quotesAndTasks(markdown: string): { quotes: string[]; tasks: { checked: boolean; text: string }[] } {
  const tokens = md.parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), {});
  const quotes: string[] = [];
  const tasks: { checked: boolean; text: string }[] = [];
  let depth = 0;
  let current: string[] = [];
  tokens.forEach((t: Token, i) => {
    if (t.type === 'blockquote_open' && depth++ === 0) current = [];
    else if (t.type === 'blockquote_close' && --depth === 0) quotes.push(current.join('\n\n'));
    else if (t.type === 'inline' && depth > 0) current.push(t.content.replace(/\\(.)/g, '$1'));
    if (t.type === 'list_item_open' && t.level === 1) {
      const inline = tokens[i + 2];
      const marker = inline?.type === 'inline' ? /^\[( |x)\] (.*)$/s.exec(inline.content) : null;
      if (marker) tasks.push({ checked: marker[1] === 'x', text: marker[2]! });
    }
  });
  return { quotes, tasks };
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
    const dialog = page.getByRole('dialog', { name: 'Export Markdown' });
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
