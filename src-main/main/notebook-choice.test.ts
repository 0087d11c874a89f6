import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeNotebook } from '../notebook/notebook-adapter';
import { emptyNotebook } from '../shared/model';
import { checkNewNotebook, checkNotebookToOpen, notebookFileName } from './notebook-choice';

const dir = mkdtempSync(join(tmpdir(), 'leadline-choice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('checkNotebookToOpen', () => {
  it('accepts a notebook as Leadline writes it', () => {
    expect(checkNotebookToOpen(file('n.json', serializeNotebook(emptyNotebook())))).toEqual({ ok: true });
  });

  it('accepts a damaged notebook that still begins like one, so that it can be recovered', () => {
    expect(checkNotebookToOpen(file('torn.json', serializeNotebook(emptyNotebook()).slice(0, 40)))).toEqual({ ok: true });
  });

  it('accepts what is left of a notebook: its journal, or its pending recovery', () => {
    const path = file('j.json', 'garbage');
    file('j.json.journal', '');
    expect(checkNotebookToOpen(path)).toEqual({ ok: true });
    file('moved.json.recovery', '{}');
    expect(checkNotebookToOpen(join(dir, 'moved.json'))).toEqual({ ok: true });
  });

  it('refuses, untouched, a file that is not a notebook', () => {
    const path = file('package.json', '{"name": "x", "version": "1.0.0"}');
    const choice = checkNotebookToOpen(path);
    expect(choice).toEqual({ ok: false, message: expect.stringContaining('“package.json” is not a Leadline notebook, so it was not opened (and not changed).') });
    expect(checkNotebookToOpen(file('notes.md', '# schemaVersion'))).toMatchObject({ ok: false });
  });

  it('says so for a folder or an unreadable path', () => {
    mkdirSync(join(dir, 'folder.json'));
    expect(checkNotebookToOpen(join(dir, 'folder.json'))).toEqual({ ok: false, message: '“folder.json” is a folder, not a notebook file. Nothing was opened.' });
    expect(checkNotebookToOpen(join(dir, 'absent.json'))).toEqual({ ok: false, message: 'Leadline could not read “absent.json” (ENOENT). Nothing was opened.' });
  });
});

describe('checkNewNotebook', () => {
  it('makes a notebook only where there is nothing yet', () => {
    expect(checkNewNotebook(join(dir, 'fresh.json'))).toEqual({ ok: true });
    expect(checkNewNotebook(file('taken.json', 'x'))).toEqual({ ok: false, message: expect.stringContaining('“taken.json” already exists, and Leadline does not overwrite') });
    file('left.json.journal', '');
    expect(checkNewNotebook(join(dir, 'left.json'))).toMatchObject({ ok: false });
  });

  it('adds .json when the name has none', () => {
    expect(notebookFileName('/a/Syria')).toBe('/a/Syria.json');
    expect(notebookFileName('/a/Syria.JSON')).toBe('/a/Syria.JSON');
  });
});
