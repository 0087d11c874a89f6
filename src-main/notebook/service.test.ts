import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../shared/api';
import { backupsDirFor } from './backups';
import { dispatch } from './dispatch';
import { notebookOpener } from './open-notebook';
import { startNotebookService, type NotebookService, type PlatformActions } from './service';
import { select } from './test-notebook';

const resources = join(import.meta.dirname, '../../resources');
const platform: PlatformActions = { saveFile: async (name) => `/saved/${name}`, openExternal: async () => true };

let dir: string;
let service: NotebookService;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadline-service-'));
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
    const onDisk = JSON.parse(readFileSync(join(dir, 'notebook.json'), 'utf8')) as { notes: { id: string }[] };
    expect(onDisk.notes.map((n) => n.id)).toEqual([created.noteId]);
    await service.close();
    api = await start();
    expect((await api.getWorkspace({})).notes[0]).toMatchObject({ body: 'Check flights', status: 'open' });
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
    expect(result).toMatchObject({ ok: false, error: { code: 'notebook-unavailable' } });
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
    expect(saved.savedTo).toMatch(/^\/saved\/.+-notes\.md$/);
    const refused = await dispatch(api, 'openExternal', { url: 'javascript:alert(1)' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.openExternal({ url: 'https://example.org' })).toEqual({ opened: true });
  });
});
