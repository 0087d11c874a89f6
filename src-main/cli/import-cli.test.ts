import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../shared/ids';
import { notebookOpener } from '../notebook/open-notebook';
import { openNotebookStore } from '../notebook/store';
import { runImportCli, type ImportCliIo } from './import-cli';

const resources = join(import.meta.dirname, '../../resources');
const testdata = join(import.meta.dirname, '../notebook/import/testdata');
let dir: string;
let nb: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadline-import-cli-'));
  nb = join(dir, 'notebook.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io(): ImportCliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), readFile: (p) => readFile(p), openStore: (p) => notebookOpener(p, resources)(), ctx: { now: () => new Date('2026-03-01T00:00:00Z'), newId } };
}

const stored = (): { articles: { id: string; title: string; format: string; versions?: unknown[] }[] } => JSON.parse(readFileSync(nb, 'utf8'));

describe('npm run import', () => {
  it('imports a saved page, a Markdown memo and a text file: one line each, exit 0; a second run says they are there', async () => {
    const first = io();
    const files = [join(testdata, 'news-page.html'), join(testdata, 'field-memo.md'), join(testdata, 'utf16le-notes.txt')];
    expect(await runImportCli(['--notebook', nb, ...files], first)).toBe(0);
    expect(first.err).toEqual([]);
    expect(first.out).toHaveLength(3);
    for (const line of first.out) expect(line).toMatch(/^imported [\w-]+ ".+"\n$/);
    expect(stored().articles.map((a) => a.format)).toEqual(['text', 'html', 'markdown', 'text']);

    const again = io();
    expect(await runImportCli(['--notebook', nb, files[1]!], again)).toBe(0);
    expect(again.out[0]).toMatch(/^already in the library /);
  });

  it('errors are one line each, exit 1, and the other files still import', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'ok.txt'), 'A title\n\nSome words.');
    const run = io();
    expect(await runImportCli(['--notebook', nb, join(dir, 'empty.txt'), join(dir, 'missing.md'), join(dir, 'ok.txt')], run)).toBe(1);
    expect(run.err).toHaveLength(2);
    expect(run.err[0]).toMatch(/^leadline import: .*empty\.txt.*\n$/);
    expect(run.err[1]).toMatch(/^leadline import: ".*missing\.md" cannot be read \(there is no such file or folder, ENOENT\)/);
    expect(run.out).toEqual([expect.stringMatching(/^imported [\w-]+ "A title"\n$/)]);
  });

  it('--update replaces an article text, keeps the old one, and reports the excerpts', async () => {
    writeFileSync(join(dir, 'v1.txt'), 'Memo\n\nFirst paragraph.\n\nSecond paragraph.');
    writeFileSync(join(dir, 'v2.txt'), 'Memo\n\nA new opening.\n\nFirst paragraph.\n\nSecond paragraph.');
    const add = io();
    await runImportCli(['--notebook', nb, join(dir, 'v1.txt')], add);
    const id = /^imported ([\w-]+)/.exec(add.out[0]!)![1]!;
    const update = io();
    expect(await runImportCli(['--notebook', nb, '--update', id, join(dir, 'v2.txt')], update)).toBe(0);
    expect(update.out).toEqual([`updated ${id} "Memo": 0 stayed, 0 moved, 0 changed, 0 orphaned\n`]);
    expect(stored().articles.find((a) => a.id === id)?.versions).toHaveLength(1);
  });

  it('refuses usage errors with exit 2, and a notebook Leadline has open with exit 1', async () => {
    expect(await runImportCli(['--notebook', nb], io())).toBe(2);
    expect(await runImportCli([join(dir, 'a.txt')], io())).toBe(2);
    expect(await runImportCli(['--notebook', nb, '--update', 'x', 'a.txt', 'b.txt'], io())).toBe(2);
    await runImportCli(['--notebook', nb, join(testdata, 'field-memo.md')], io());
    const holder = await openNotebookStore({ path: nb, seed: () => { throw new Error('exists'); } });
    try {
      const blocked = io();
      expect(await runImportCli(['--notebook', nb, join(testdata, 'utf16le-notes.txt')], blocked)).toBe(1);
      expect(blocked.err[0]).toMatch(/cannot be changed now: .*Nothing was imported/);
    } finally {
      await holder.close();
    }
  });
});

describe('npm run import -- --annotations', () => {
  const hypothesis = join(import.meta.dirname, '../notebook/interchange/testdata/hypothesis-search.json');

  it('imports Hypothesis annotations into the chosen article, lists what it did not, and adds nothing the second time', async () => {
    const seed = io();
    await runImportCli(['--notebook', nb, join(testdata, 'field-memo.md')], seed);
    const articleId = stored().articles[0]!.id;
    const first = io();
    expect(await runImportCli(['--notebook', nb, '--annotations', hypothesis, '--article', articleId], first)).toBe(0);
    expect(first.err).toEqual([]);
    expect(first.out.join('')).toMatch(new RegExp(`^imported 5 annotations into ${articleId} ".+"\\nadded 4 annotations, 0 leads, 1 highlight\\norphan \\(quote not found, kept\\): "Wagner Group convoys crossed at Deir ez-Zor" from hypothesis:Oq5eU6ZcEe2fBa\\nnot imported: 1 reply \\(Hypothesis replies\\)\\n$`));
    const notes = (JSON.parse(readFileSync(nb, 'utf8')) as { notes: unknown[] }).notes;
    expect(notes).toHaveLength(4);
    const again = io();
    expect(await runImportCli(['--notebook', nb, '--annotations', hypothesis, '--article', articleId], again)).toBe(0);
    expect(again.out.join('')).toContain('added 0 annotations, 0 leads, 0 highlights; 5 annotations already there');
    expect((JSON.parse(readFileSync(nb, 'utf8')) as { notes: unknown[] }).notes).toHaveLength(4);
  });

  it('refuses a bad file in one line (exit 1), the notebook unchanged', async () => {
    await runImportCli(['--notebook', nb, join(dir, 'nothing')], io());
    writeFileSync(join(dir, 'bad.json'), '{"rows": [{"id": "a", "uri": "https://a.example/", "text": "<script>alert(1)</script>", "target": []}]}');
    const before = readFileSync(nb, 'utf8');
    const run = io();
    expect(await runImportCli(['--notebook', nb, '--annotations', join(dir, 'bad.json')], run)).toBe(1);
    expect(run.err).toEqual([expect.stringMatching(/^leadline import: ".*bad\.json" carries script in the annotation "a" .* Nothing was imported\.\n$/)]);
    expect(readFileSync(nb, 'utf8')).toBe(before);
  });

  it('takes --article only with --annotations, and --annotations alone', async () => {
    const run = io();
    expect(await runImportCli(['--notebook', nb, '--article', 'x', join(dir, 'a.txt')], run)).toBe(2);
    expect(await runImportCli(['--notebook', nb, '--annotations', 'a.json', join(dir, 'a.txt')], run)).toBe(2);
    expect(run.err).toEqual([expect.stringMatching(/--article ID goes with --annotations FILE/), expect.stringMatching(/--annotations FILE imports annotations only/)]);
  });
});
