import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyNotebook, SCHEMA_VERSION } from '../shared/model';
import { stateAt } from './testdata/crash-harness';
import { nodeFs, type NotebookFs } from './durable-file';
import { loadNotebookFile, NotebookAdapter, NotebookLoadFailure, parseNotebook, serializeNotebook } from './notebook-adapter';

function failure(fn: () => unknown): NotebookLoadFailure {
  try {
    fn();
  } catch (error) {
    if (error instanceof NotebookLoadFailure) return error;
    throw error;
  }
  throw new Error('expected a NotebookLoadFailure');
}

describe('parseNotebook', () => {
  it('round-trips serialized data', () => {
    const nb = stateAt(7);
    expect(parseNotebook(serializeNotebook(nb))).toEqual({ notebook: nb, journalSeq: 0 });
    expect(parseNotebook(serializeNotebook(nb, 41))).toEqual({ notebook: nb, journalSeq: 41 });
  });

  it('keeps journalSeq out of the notebook and refuses one that is not a whole number', () => {
    const text = serializeNotebook(stateAt(2), 5);
    expect(Object.keys(JSON.parse(text) as object).slice(0, 2)).toEqual(['schemaVersion', 'journalSeq']);
    const bad = JSON.stringify({ ...stateAt(2), journalSeq: -1 });
    expect(failure(() => parseNotebook(bad))).toMatchObject({ problem: 'invalid', detail: expect.stringContaining('journalSeq') });
  });

  it('accepts a leading BOM', () => {
    expect(parseNotebook(`\uFEFF${serializeNotebook(emptyNotebook())}`).notebook).toEqual(emptyNotebook());
  });

  it.each([
    ['', 'the file is empty'],
    ['   \n', 'the file is empty'],
    ['{"schemaVersion": 1, "articles": [', 'not valid JSON'],
    ['\0\0\0\0', 'not valid JSON'],
  ])('reports %j as not-json', (text, words) => {
    const f = failure(() => parseNotebook(text));
    expect(f.problem).toBe('not-json');
    expect(f.detail).toContain(words);
  });

  it('reports a schema violation as invalid, naming where', () => {
    const nb = { ...emptyNotebook(), notes: [{ id: 'bad id!', kind: 'lead' }] };
    const f = failure(() => parseNotebook(JSON.stringify(nb)));
    expect(f.problem).toBe('invalid');
    expect(f.detail).toMatch(/notes\.0\.id/);
    expect(f.detail).toMatch(/more problems/);
  });

  it('reports a top-level array or string as invalid', () => {
    expect(failure(() => parseNotebook('[]')).problem).toBe('invalid');
    expect(failure(() => parseNotebook('"notebook"')).problem).toBe('invalid');
  });

  it('reports a newer schemaVersion, with both versions', () => {
    const f = failure(() => parseNotebook(JSON.stringify({ ...emptyNotebook(), schemaVersion: SCHEMA_VERSION + 1 })));
    expect(f.problem).toBe('newer-version');
    expect(f.detail).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(f.detail).toContain(`reads up to ${SCHEMA_VERSION}`);
  });
});

describe('loadNotebookFile and the lowdb adapter', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leadline-adapter-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a missing file as null', async () => {
    expect(await loadNotebookFile(join(dir, 'none.json'))).toBeNull();
  });

  it('reports a directory as is-directory', async () => {
    mkdirSync(join(dir, 'nb.json'));
    await expect(loadNotebookFile(join(dir, 'nb.json'))).rejects.toMatchObject({ problem: 'is-directory' });
  });

  it('reports EACCES (injected: tests run as root, where chmod 000 does not block reads) as unreadable', async () => {
    writeFileSync(join(dir, 'nb.json'), serializeNotebook(emptyNotebook()));
    const denied: NotebookFs = { ...nodeFs, readFile: async () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })) };
    await expect(loadNotebookFile(join(dir, 'nb.json'), denied)).rejects.toMatchObject({
      problem: 'unreadable',
      code: 'EACCES',
      detail: expect.stringContaining('permission denied, EACCES'),
    });
  });

  it('works as the adapter of lowdb Low: write then read back', async () => {
    const path = join(dir, 'nb.json');
    const db = new Low(new NotebookAdapter(path), { notebook: emptyNotebook(), journalSeq: 0 });
    db.data = { notebook: stateAt(3), journalSeq: 12 };
    await db.write();
    const again = new Low(new NotebookAdapter(path), { notebook: emptyNotebook(), journalSeq: 0 });
    await again.read();
    expect(again.data).toEqual({ notebook: stateAt(3), journalSeq: 12 });
    expect(readFileSync(path, 'utf8')).toBe(serializeNotebook(stateAt(3), 12));
  });

  it('writes the exact data passed in, even if the caller changes its object afterwards', async () => {
    const path = join(dir, 'nb.json');
    const adapter = new NotebookAdapter(path);
    const data = { notebook: stateAt(1), journalSeq: 1 };
    const pending = adapter.write(data);
    data.notebook.notes = [];
    await pending;
    expect(parseNotebook(readFileSync(path, 'utf8')).notebook).toEqual(stateAt(1));
  });

  it('indentation costs little: 1-space JSON vs compact, on a notebook with 200 notes', () => {
    const nb = stateAt(0);
    nb.notes = Array.from({ length: 200 }, (_, i) => ({ ...stateAt(i + 1).notes.at(-1)!, id: `x${i}` }));
    const compact = JSON.stringify(nb).length;
    const one = serializeNotebook(nb).length;
    const two = JSON.stringify(nb, null, 2).length;
    console.log(`size: compact ${compact} B, indent 1 ${one} B (+${(((one - compact) / compact) * 100).toFixed(0)}%), indent 2 ${two} B (+${(((two - compact) / compact) * 100).toFixed(0)}%)`);
    expect(one).toBeLessThan(compact * 1.35);
  });
});
