import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../shared/api';
import { backupsDirFor } from './backups';
import { dispatch } from './dispatch';
import { notebookOpener } from './open-notebook';
import { startNotebookService, type NotebookService, type PlatformActions } from './service';
import { nodeFs, type NotebookFs } from './durable-file';
import { openNotebookStore, readNotebookFile } from './store';
import { seededNotebook, select } from './testdata/test-notebook';

const resources = join(import.meta.dirname, '../../resources');
/** Where the fake save dialog points: a file named as suggested in the test folder, unless a test chooses. */
let chosenPath: string | undefined;
const platform: PlatformActions = { chooseExportPath: async (name) => chosenPath ?? join(dir, name), openExternal: async () => true };

let dir: string;
let service: NotebookService;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadline-service-'));
  chosenPath = undefined;
});
afterEach(async () => {
  await service?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(path = join(dir, 'notebook.json')): Promise<ApiHandlers> {
  service = await startNotebookService({ open: notebookOpener(path, resources), app: { name: 'Leadline', version: '0.0.0', host: 'browser' }, platform });
  return service.handlers;
}

describe('the notebook service', () => {
  it('seeds a first notebook on disk and serves the workspace', async () => {
    const api = await start();
    const ws = await api.getWorkspace({});
    expect(ws.article.title).toBe('Putin Wants Syria to Return the Favor');
    expect(ws.notes).toEqual([]);
    const onDisk = JSON.parse(readFileSync(join(dir, 'notebook.json'), 'utf8')) as { articles: unknown[] };
    expect(onDisk.articles).toHaveLength(1);
  });

  it('persists a mutation before answering, and reloads it', async () => {
    let api = await start();
    const ws = await api.getWorkspace({});
    const notebook = { articles: [ws.article] } as Parameters<typeof select>[0];
    const created = await api.createNote({ articleId: ws.article.id, kind: 'lead', selectors: [select(notebook, 'Hmeimim base')], excerptIds: [], body: 'Check flights' });
    const onDisk = await readNotebookFile(join(dir, 'notebook.json')); // the snapshot and its journal
    expect(onDisk.notes.map((n) => n.id)).toEqual([created.noteId]);
    await service.close();
    api = await start();
    expect((await api.getWorkspace({})).notes[0]).toMatchObject({ body: 'Check flights', status: 'open' });
  });

  it('serves the article first and its records apart, at the same revision', async () => {
    const api = await start();
    const ws = await api.getWorkspace({});
    const notebook = { articles: [ws.article] } as Parameters<typeof select>[0];
    const created = await api.createNote({ articleId: ws.article.id, kind: 'annotation', selectors: [select(notebook, 'Hmeimim base')], excerptIds: [], body: 'Which flights?' });
    const light = await api.getWorkspace({ deferRecords: true });
    expect(light).toMatchObject({ recordsDeferred: true, excerpts: [], notes: [] });
    expect(light.article.id).toBe(ws.article.id);
    const records = await api.getRecords({});
    expect(records).toMatchObject({ articleId: ws.article.id, revision: light.store.revision });
    expect(records.notes.map((n) => n.id)).toEqual([created.noteId]);
    expect(records.excerpts).toHaveLength(1);
    expect(await dispatch(api, 'getRecords', { articleId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses invalid calls with a typed error and changes nothing', async () => {
    const api = await start();
    const before = readFileSync(join(dir, 'notebook.json'), 'utf8');
    const bad = await dispatch(api, 'updateNote', { id: 'nope', status: 'finished' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await dispatch(api, 'updateNote', { id: 'nope', body: 'x' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(readFileSync(join(dir, 'notebook.json'), 'utf8')).toBe(before);
  });

  it('answers every call with the open error for a damaged notebook, after moving it aside', async () => {
    const path = join(dir, 'notebook.json');
    writeFileSync(path, '{ not json');
    const api = await start(path);
    const result = await dispatch(api, 'getWorkspace', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'recovery-needed' } });
    if (result.ok) throw new Error('unreachable');
    expect(result.error.message).toContain(path);
    const aside = readdirSync(dir).filter((f) => f.startsWith('notebook.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{ not json');
    expect(result.error.details?.[0]).toContain(aside[0]);
  });

  it('restores a backup after a damaged notebook was moved aside', async () => {
    const path = join(dir, 'notebook.json');
    let api = await start(path);
    const ws = await api.getWorkspace({});
    const notebook = { articles: [ws.article] } as Parameters<typeof select>[0];
    await api.createNote({ articleId: ws.article.id, kind: 'annotation', selectors: [select(notebook, 'Tiger Forces')], excerptIds: [], body: 'Saved before the damage' });
    await api.updateNote({ id: (await api.getWorkspace({})).notes[0]!.id, body: 'Saved before the damage, edited' });
    await service.close();
    writeFileSync(path, 'garbage');

    api = await start(path);
    const backups = await api.listBackups({});
    expect(backups.length).toBeGreaterThan(0);
    const newest = JSON.parse(readFileSync(join(backupsDirFor(path), `notebook.${backups[0]!.id}.json`), 'utf8')) as { notes: { body: string }[] };
    const restored = await api.restoreBackup({ id: backups[0]!.id });
    expect(restored.notes.map((n) => n.body)).toEqual(newest.notes.map((n) => n.body));
    expect(restored.article.title).toBe(ws.article.title);
    expect(readdirSync(dir).filter((f) => f.startsWith('notebook.corrupt-'))).toHaveLength(1);
    const onDisk = JSON.parse(readFileSync(path, 'utf8')) as { notes: unknown[] };
    expect(onDisk.notes).toHaveLength(newest.notes.length);
  });

  it('exports through the platform save action and refuses non-web links', async () => {
    const api = await start();
    const ws = await api.getWorkspace({});
    const saved = await api.saveExport({ scope: { kind: 'article', articleId: ws.article.id } });
    expect(saved.savedTo).toMatch(/-notes\.md$/);
    expect(readFileSync(saved.savedTo!, 'utf8')).toMatch(/^---\n/);
    chosenPath = join(dir, 'notebook.json'); // the user picks the notebook in the save dialog
    const before = readFileSync(chosenPath, 'utf8');
    const overNotebook = await dispatch(api, 'saveExport', { scope: { kind: 'all' } });
    expect(overNotebook).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/is the notebook itself/) } });
    expect(readFileSync(chosenPath, 'utf8')).toBe(before);
    const refused = await dispatch(api, 'openExternal', { url: 'javascript:alert(1)' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.openExternal({ url: 'https://example.org' })).toEqual({ opened: true });
  });

  it('refuses an undo made stale by another tab (conflict) and writes nothing; a fresh one applies', async () => {
    const api = await start();
    const ws = await api.getWorkspace({});
    const notebook = { articles: [ws.article] } as Parameters<typeof select>[0];
    const { noteId } = await api.createNote({ articleId: ws.article.id, kind: 'annotation', selectors: [select(notebook, 'Tiger Forces')], excerptIds: [], body: 'v1' });
    const tabA = await api.updateNote({ id: noteId, body: 'v2' }); // tab A: v1 → v2
    const tabB = await api.updateNote({ id: noteId, body: 'v3' }); // tab B: v2 → v3
    const before = readFileSync(join(dir, 'notebook.json'), 'utf8');

    const stale = await dispatch(api, 'applyPatch', tabA.inverse); // tab A presses undo
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/changed elsewhere.*Nothing was changed/) } });
    expect(readFileSync(join(dir, 'notebook.json'), 'utf8')).toBe(before);

    const undone = await api.applyPatch(tabB.inverse); // tab B's undo is current: v3 → v2
    expect(undone.applied.upsertNotes[0]?.body).toBe('v2');
    const redone = await api.applyPatch(undone.inverse);
    expect(redone.applied.upsertNotes[0]?.body).toBe('v3');
    // Deleting, then undoing the create from before the delete: the note is gone, so refused.
    const deleted = await api.deleteNote({ id: noteId, keepExcerpts: false });
    expect(await dispatch(api, 'applyPatch', redone.inverse)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await api.applyPatch(deleted.inverse);
    expect((await api.getWorkspace({})).notes.map((n) => n.body)).toEqual(['v3']);
  });

  it('on a full disk, concurrent changes are all applied and all answered "not on disk yet"', async () => {
    const path = join(dir, 'notebook.json');
    let full = false;
    const fs: NotebookFs = {
      ...nodeFs,
      open: async (p, flags, mode) => {
        if (full && (p.endsWith('.tmp') || p.endsWith('.journal'))) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return nodeFs.open(p, flags, mode);
      },
    };
    const seed = await seededNotebook();
    service = await startNotebookService({
      open: () => openNotebookStore({ path, seed: () => seed, fs, retryDelayMs: () => 60 * 60_000 }),
      app: { name: 'Leadline', version: '0.0.0', host: 'browser' },
      platform,
    });
    const api = service.handlers;
    const ws = await api.getWorkspace({});
    full = true;
    const phrases = ['Tiger Forces', 'Hmeimim', 'Syrian Observatory'];
    const results = await Promise.all(
      phrases.map((phrase) => api.createNote({ articleId: ws.article.id, kind: 'lead', selectors: [select(seed, phrase)], excerptIds: [], body: phrase })),
    );
    expect(results.map((r) => r.saved)).toEqual([false, false, false]);
    expect(new Set(results.map((r) => r.revision)).size).toBe(3);
    expect((await api.getWorkspace({})).notes.map((n) => n.body).sort()).toEqual([...phrases].sort());
    expect((await api.getStoreInfo({})).writeError).toMatch(/disk is full/);
    full = false;
    const next = await api.updateNote({ id: results[0]!.noteId, body: 'disk freed' });
    expect(next.saved).toBe(true);
    expect((await readNotebookFile(path)).notes).toHaveLength(3);
  });

  it('a notebook file marked read-only is served read-only, and a change says why', async () => {
    const path = join(dir, 'notebook.json');
    await start(path);
    await service.close();
    chmodSync(path, 0o444);
    const api = await start(path);
    const ws = await api.getWorkspace({});
    expect(ws.store).toMatchObject({ readOnly: true });
    const refused = await dispatch(api, 'updateNote', { id: 'x', body: 'y' });
    expect(refused).toMatchObject({ ok: false });
    const notebook = { articles: [ws.article] } as Parameters<typeof select>[0];
    const create = await dispatch(api, 'createNote', { articleId: ws.article.id, kind: 'lead', selectors: [select(notebook, 'Hmeimim')], excerptIds: [] });
    expect(create).toMatchObject({ ok: false, error: { code: 'read-only', message: expect.stringMatching(/marked read-only on disk/) } });
    if (!create.ok) expect(create.error.message).not.toMatch(/other window/);
  });

  it('after a damage, the next launch offers recovery again, and start over begins a fresh notebook', async () => {
    const path = join(dir, 'notebook.json');
    await start(path);
    await service.close();
    writeFileSync(path, 'garbage');
    await start(path); // finds the damage, moves it aside
    await service.close();
    const api = await start(path); // launched again, no choice made yet
    const result = await dispatch(api, 'getWorkspace', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'recovery-needed', message: expect.stringMatching(/found damaged.*start a new notebook/) } });
    const ws = await api.startOver({});
    expect(ws.notes).toEqual([]);
    expect(ws.article.title).toBe('Putin Wants Syria to Return the Favor');
    // A second tab still on the damage screen must not replace what the first one did.
    expect(await dispatch(api, 'startOver', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('two recovery choices at once: one applies, the other is refused; the notebook stays writable', async () => {
    const path = join(dir, 'notebook.json');
    const first = await start(path);
    const ws = await first.getWorkspace({});
    const notebook = { articles: [ws.article] } as Parameters<typeof select>[0];
    await first.createNote({ articleId: ws.article.id, kind: 'lead', selectors: [select(notebook, 'Hmeimim')], excerptIds: [], body: 'kept' });
    await service.close();
    writeFileSync(path, 'garbage');
    const api = await start(path);
    const [backup] = await api.listBackups({});
    const results = await Promise.all([
      dispatch(api, 'restoreBackup', { id: backup!.id, whileDamaged: true }),
      dispatch(api, 'restoreBackup', { id: backup!.id, whileDamaged: true }),
      dispatch(api, 'startOver', {}),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    expect((await api.getStoreInfo({})).readOnly).toBe(false);
    const ws2 = await api.getWorkspace({});
    expect(ws2.notes.map((n) => n.body)).toEqual(['kept']);
    await api.updateNote({ id: ws2.notes[0]!.id, body: 'still writable' });
  });

  it('a notebook file that went missing while backups of it exist is not silently replaced', async () => {
    const path = join(dir, 'notebook.json');
    const first = await start(path);
    const ws = await first.getWorkspace({});
    const notebook = { articles: [ws.article] } as Parameters<typeof select>[0];
    await first.createNote({ articleId: ws.article.id, kind: 'lead', selectors: [select(notebook, 'Hmeimim')], excerptIds: [], body: 'precious' });
    await service.close();
    rmSync(path);
    const api = await start(path);
    expect(await dispatch(api, 'getWorkspace', {})).toMatchObject({ ok: false, error: { code: 'recovery-needed', message: expect.stringMatching(/file is missing, but \d+ backups of it exist\. Restore the newest backup .*the backups stay where they are/) } });
    const [backup] = await api.listBackups({});
    const restored = await api.restoreBackup({ id: backup!.id, whileDamaged: true });
    expect(restored.notes.map((n) => n.body)).toEqual(['precious']);
  });

  it('undo must state every record it expects; a step the notebook moved past is a conflict, never applied', async () => {
    const api = await start();
    const ws = await api.getWorkspace({});
    const notebook = { articles: [ws.article] } as Parameters<typeof select>[0];
    const { noteId } = await api.createNote({ articleId: ws.article.id, kind: 'annotation', selectors: [select(notebook, 'Tiger Forces')], excerptIds: [], body: 'v1' });
    const mine = await api.updateNote({ id: noteId, body: 'v2' });
    await api.updateNote({ id: noteId, body: 'v3 from another tab' });
    const { expect: _dropped, ...withoutExpect } = mine.inverse;
    expect(await dispatch(api, 'applyPatch', withoutExpect)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(api, 'applyPatch', { ...mine.inverse, expect: [] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await api.getWorkspace({})).notes[0]?.body).toBe('v3 from another tab');

    // Another tab cites the excerpt this tab created: undoing the creation would break that note.
    const created = await api.createNote({ articleId: ws.article.id, kind: 'annotation', selectors: [select(notebook, 'Hmeimim base')], excerptIds: [] });
    await api.createNote({ articleId: ws.article.id, kind: 'lead', selectors: [select(notebook, 'Hmeimim base')], excerptIds: [] });
    expect(await dispatch(api, 'applyPatch', created.inverse)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('imports files into the library, names a file already there, pastes, and updates a source with a report', async () => {
    const api = await start();
    const memo = Buffer.from('# Field memo\n\nThe convoy left *Latakia* on 3 March.\n\n- Check the port records\n').toString('base64');
    const added = await api.importArticle({ fileName: 'memo.md', data: memo });
    expect(added).toMatchObject({ title: 'Field memo', duplicate: false, saved: true });
    const again = await api.importArticle({ fileName: 'copy of memo.md', data: memo });
    expect(again).toMatchObject({ articleId: added.articleId, duplicate: true });
    const refused = await dispatch(api, 'importArticle', { fileName: 'photo.txt', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('photo.txt') } });

    const opened = await api.openArticle({ articleId: added.articleId });
    expect(opened.article).toMatchObject({ title: 'Field memo', format: 'markdown' });
    expect(opened.article.document?.text).toContain('The convoy left Latakia on 3 March.');
    const text = opened.article.document!.text;
    const at = text.indexOf('Latakia');
    const selectors = { quote: { type: 'TextQuoteSelector' as const, exact: 'Latakia', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start: at, end: at + 7 } };
    await api.createNote({ articleId: added.articleId, kind: 'lead', selectors: [selectors], excerptIds: [] });

    const revised = Buffer.from('# Field memo\n\nA new first line.\n\nThe convoy left *Latakia* on 3 March.\n').toString('base64');
    const updated = await api.updateArticle({ articleId: added.articleId, fileName: 'memo-v2.md', data: revised });
    expect(updated.report).toEqual({ stayed: 0, moved: 1, changed: 0, orphaned: 0 });
    const summaries = await api.listArticles({});
    expect(summaries.find((a) => a.id === added.articleId)).toMatchObject({ versions: 1, notes: 1, openLeads: 1 });
    expect((await api.listLeads({})).map((l) => l.articleTitle)).toEqual(['Field memo']);

    const pasted = await api.pasteArticle({ text: 'Plain words', html: '<h1>Pasted page</h1><p>Some <a href="https://example.org">linked</a> words.</p>' });
    expect(pasted).toMatchObject({ title: 'Pasted page', duplicate: false });
    expect((await api.listArticles({})).length).toBe(3);
  });

  it('imports annotations as one undoable, journaled change, and exports every format', async () => {
    const api = await start();
    const ws = await api.getWorkspace({});
    const file = readFileSync(join(import.meta.dirname, 'interchange/testdata/hypothesis-search.json'));
    const imported = await api.importAnnotations({ fileName: 'hypothesis.json', data: file.toString('base64'), articleId: ws.article.id });
    expect(imported.report).toMatchObject({ notes: 4, highlights: 1, replies: 1 });
    expect((await readNotebookFile(join(dir, 'notebook.json'))).notes).toHaveLength(4);
    const again = await api.importAnnotations({ fileName: 'hypothesis.json', data: file.toString('base64'), articleId: ws.article.id });
    expect(again.report.alreadyThere).toBe(5);
    await api.applyPatch(imported.inverse);
    expect((await readNotebookFile(join(dir, 'notebook.json'))).notes).toEqual([]);
    await expect(dispatch(api, 'importAnnotations', { fileName: 'x.json', data: Buffer.from('nope').toString('base64') })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/^"x\.json" is not valid JSON/) } });

    const csv = await api.exportFile({ scope: { kind: 'all' }, format: 'csv' });
    expect(csv).toMatchObject({ fileName: 'leadline-notebook-leads.csv', mediaType: expect.stringMatching(/^text\/csv/) });
    const w3c = await api.saveExportFile({ scope: { kind: 'article', articleId: ws.article.id }, format: 'w3c' });
    expect(w3c.savedTo).toBe(join(dir, 'putin-wants-syria-to-return-the-favor-annotations.jsonld'));
    expect(JSON.parse(readFileSync(w3c.savedTo!, 'utf8')).type).toBe('AnnotationCollection');
  });
});

describe('suggested leads through the service', () => {
  it('serves the suggestions of an article, and a dismissal outlives a restart, on disk', async () => {
    let api = await start();
    const ws = await api.getWorkspace({});
    const suggestions = await api.getSuggestions({ articleId: ws.article.id });
    const sohr = suggestions.find((s) => s.source === 'The Syrian Observatory for Human Rights' && s.kind === 'attributed-claim');
    expect(sohr).toBeDefined();
    expect(await api.getSuggestions({ articleId: ws.article.id })).toBe(suggestions); // computed once per text
    const hedge = suggestions.find((s) => s.kind === 'hedge')!;
    const dismissed = await api.dismissSuggestion({ articleId: ws.article.id, kind: hedge.kind, start: hedge.start, end: hedge.end, quote: hedge.quote });
    expect(dismissed.applied.upsertDismissals).toEqual([expect.objectContaining({ kind: 'hedge', quote: hedge.quote })]);
    expect((await readNotebookFile(join(dir, 'notebook.json'))).dismissals).toHaveLength(1);
    await service.close();
    api = await start();
    expect((await api.getWorkspace({})).dismissals).toEqual([expect.objectContaining({ articleId: ws.article.id, kind: 'hedge', quote: hedge.quote })]);
  });
});
