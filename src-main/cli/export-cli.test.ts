import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Notebook } from '../shared/model';
import { exportMarkdown } from '../notebook/export-markdown';
import { resolve } from 'node:path';
import { leadsCsv } from '../notebook/interchange/leads-csv';
import { exportWebAnnotations } from '../notebook/interchange/web-annotation-export';
import { ARTICLE_ID, OTHER_ARTICLE_ID, buildSampleNotebook } from '../notebook/testdata/sample-notebook';
import { runExportCli, type CliIo } from './export-cli';

const NOW = new Date('2025-03-15T08:30:00.000Z');

interface FakeIo extends CliIo {
  out: string[];
  err: string[];
  written: Map<string, string>;
}

function fakeIo(notebook: Notebook | Error = buildSampleNotebook(), writeError?: Error): FakeIo {
  const io: FakeIo = {
    out: [],
    err: [],
    written: new Map(),
    stdout: (s) => io.out.push(s),
    stderr: (s) => io.err.push(s),
    readNotebook: async () => {
      if (notebook instanceof Error) throw notebook;
      return notebook;
    },
    writeExport: async (_notebook, path, data) => {
      if (writeError) throw writeError;
      io.written.set(path, data);
    },
    now: () => NOW,
    appVersion: '0.1.0',
  };
  return io;
}

function expected(notebook: Notebook, scope: Parameters<typeof exportMarkdown>[1]['scope']): string {
  return exportMarkdown(notebook, { scope, exportedAt: NOW, appVersion: '0.1.0', notebookPath: resolve('nb.json') });
}

/** One line on stderr, starting with the program's name. */
function expectOneErrorLine(io: FakeIo, pattern: RegExp): void {
  expect(io.out).toEqual([]);
  expect(io.err).toHaveLength(1);
  expect(io.err[0]).toMatch(/^leadline export: [^\n]+\n$/);
  expect(io.err[0]).toMatch(pattern);
}

describe('runExportCli', () => {
  it('writes the current article to stdout by default', async () => {
    const io = fakeIo();
    expect(await runExportCli(['--notebook', 'nb.json'], io)).toBe(0);
    expect(io.out.join('')).toBe(expected(buildSampleNotebook(), { kind: 'article', articleId: ARTICLE_ID }));
    expect(io.err).toEqual([]);
  });

  it('falls back to the first article when none is current', async () => {
    const notebook = { ...buildSampleNotebook(), ui: { scroll: {} } };
    notebook.articles.reverse();
    const io = fakeIo(notebook);
    expect(await runExportCli(['--notebook=nb.json'], io)).toBe(0);
    expect(io.out.join('')).toBe(expected(notebook, { kind: 'article', articleId: OTHER_ARTICLE_ID }));
  });

  it('exports a chosen article, or all of them', async () => {
    const one = fakeIo();
    expect(await runExportCli(['--notebook', 'nb.json', '--article', OTHER_ARTICLE_ID], one)).toBe(0);
    expect(one.out.join('')).toBe(expected(buildSampleNotebook(), { kind: 'article', articleId: OTHER_ARTICLE_ID }));
    const all = fakeIo();
    expect(await runExportCli(['--all', '--notebook', 'nb.json'], all)).toBe(0);
    expect(all.out.join('')).toBe(expected(buildSampleNotebook(), { kind: 'all' }));
  });

  it('writes to --out instead of stdout', async () => {
    const io = fakeIo();
    expect(await runExportCli(['--notebook', 'nb.json', '--out', 'notes.md'], io)).toBe(0);
    expect(io.out).toEqual([]);
    expect(io.written.get('notes.md')).toBe(expected(buildSampleNotebook(), { kind: 'article', articleId: ARTICLE_ID }));
  });

  it('exports W3C Web Annotations with --format w3c', async () => {
    const io = fakeIo();
    expect(await runExportCli(['--notebook', 'nb.json', '--format', 'w3c', '--all'], io)).toBe(0);
    expect(JSON.parse(io.out.join(''))).toEqual(JSON.parse(JSON.stringify(exportWebAnnotations(buildSampleNotebook(), { scope: { kind: 'all' }, exportedAt: NOW, appVersion: '0.1.0' }))));
    const one = fakeIo();
    expect(await runExportCli(['--notebook', 'nb.json', '--format=w3c', '--article', OTHER_ARTICLE_ID, '--out', 'a.jsonld'], one)).toBe(0);
    expect(JSON.parse(one.written.get('a.jsonld')!).label).toMatch(/^Leadline notes on/);
  });

  it('exports the leads as CSV with --format csv, linking into the notebook file', async () => {
    const io = fakeIo();
    expect(await runExportCli(['--notebook', 'nb.json', '--format', 'csv', '--all'], io)).toBe(0);
    const notebook = buildSampleNotebook();
    expect(io.out.join('')).toBe(leadsCsv(notebook, { scope: { kind: 'all' }, notebookPath: resolve('nb.json') }));
    expect(io.out.join('').split('\r\n').length - 2).toBeGreaterThanOrEqual(notebook.notes.filter((n) => n.kind === 'lead').length);
  });

  it('writes Obsidian block ids with --flavor obsidian', async () => {
    const io = fakeIo();
    expect(await runExportCli(['--notebook', 'nb.json', '--flavor', 'obsidian'], io)).toBe(0);
    expect(io.out.join('')).toBe(exportMarkdown(buildSampleNotebook(), { scope: { kind: 'article', articleId: ARTICLE_ID }, exportedAt: NOW, appVersion: '0.1.0', flavor: 'obsidian', notebookPath: resolve('nb.json') }));
    expect(io.out.join('')).toContain('[[#^e3|E3]]');
  });

  it('prints its usage for --help', async () => {
    const io = fakeIo();
    expect(await runExportCli(['--help'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/--notebook FILE[\s\S]*--article ID[\s\S]*--all[\s\S]*--out FILE/);
    expect(io.err).toEqual([]);
  });

  it.each([
    [[], /--notebook/],
    [['--article', 'x'], /--notebook/],
    [['--notebook'], /--notebook needs a value/],
    [['--notebook', 'nb.json', '--bogus'], /unknown flag "--bogus"/],
    [['nb.json'], /unexpected argument "nb.json"/],
    [['--notebook', 'nb.json', '--all', '--article', ARTICLE_ID], /either --article ID or --all/],
    [['--notebook', 'nb.json', '--all=yes'], /--all takes no value/],
    [['--notebook', 'nb.json', '--format', 'docx'], /--format must be one of markdown, w3c, csv, not "docx"/],
    [['--notebook', 'nb.json', '--flavor', 'roam'], /--flavor must be one of commonmark, obsidian, not "roam"/],
    [['--notebook', 'nb.json', '--format', 'w3c', '--flavor', 'obsidian'], /--flavor applies to --format markdown only/],
  ])('rejects %j as a usage error (exit 2)', async (argv, message) => {
    const io = fakeIo();
    expect(await runExportCli(argv, io)).toBe(2);
    expectOneErrorLine(io, message);
  });

  it('reports an unreadable notebook in the reader’s own words (exit 1)', async () => {
    const io = fakeIo(new Error('The notebook "nb.json" is not valid JSON:\nUnexpected token } at line 3.'));
    expect(await runExportCli(['--notebook', 'nb.json'], io)).toBe(1);
    expectOneErrorLine(io, /is not valid JSON: Unexpected token/);
  });

  it('reports an unknown article (exit 1)', async () => {
    const io = fakeIo();
    expect(await runExportCli(['--notebook', 'nb.json', '--article', 'nope'], io)).toBe(1);
    expectOneErrorLine(io, /no article with id "nope"/);
  });

  it('reports a notebook without articles (exit 1)', async () => {
    const empty: Notebook = { schemaVersion: SCHEMA_VERSION, articles: [], excerpts: [], notes: [], dismissals: [], ui: { scroll: {} } };
    const io = fakeIo(empty);
    expect(await runExportCli(['--notebook', 'nb.json'], io)).toBe(1);
    expectOneErrorLine(io, /no article/);
    const all = fakeIo(empty);
    expect(await runExportCli(['--notebook', 'nb.json', '--all'], all)).toBe(0);
  });

  it('reports a file it cannot write (exit 1)', async () => {
    const io = fakeIo(buildSampleNotebook(), Object.assign(new Error("EACCES: permission denied, open '.notes.md.1.ab.tmp'"), { code: 'EACCES' }));
    expect(await runExportCli(['--notebook', 'nb.json', '--out', 'notes.md'], io)).toBe(1);
    expectOneErrorLine(io, /could not write "notes\.md" \(permission denied, EACCES\); nothing was written/);
  });
});
