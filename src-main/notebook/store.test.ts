import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyNotebook, SCHEMA_VERSION, type Notebook } from '../shared/model';
import { backupsDirFor, listBackups, pinsPathFor } from './backups';
import { buildNotebookChild, exited, startHolder, stateAt } from './testdata/crash-harness';
import { nodeFs, type NotebookFs } from './durable-file';
import { journalPathFor } from './journal';
import { lockPathFor } from './lock-file';
import { parseNotebook, serializeNotebook } from './notebook-adapter';
import { recoveryPathFor } from './recovery';
import { NotebookOpenError, NotebookWriteError, openNotebookStore, readNotebookFile, type NotebookStore, type OpenStoreOptions, type StoreStatus } from './store';

function osError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure`), { code });
}

/** Real fs with a switch: while `failWith` is set, every temp-file write fails with it. */
function switchableFs(): NotebookFs & { failWith: string | undefined; renames: string[]; syncs: string[] } {
  const fs = {
    ...nodeFs,
    failWith: undefined as string | undefined,
    renames: [] as string[],
    syncs: [] as string[],
    open: async (path: string, flags: string, mode?: number) => {
      const handle = await nodeFs.open(path, flags, mode);
      if (!path.endsWith('.tmp') && !path.endsWith('.journal')) return handle;
      return {
        writeFile: async (data: string | Uint8Array) => {
          if (fs.failWith) throw osError(fs.failWith);
          await handle.writeFile(data);
        },
        sync: () => {
          fs.syncs.push(path);
          return handle.sync();
        },
        close: () => handle.close(),
      };
    },
    rename: async (from: string, to: string) => {
      fs.renames.push(to);
      await nodeFs.rename(from, to);
    },
  };
  return fs;
}

async function openError(options: OpenStoreOptions): Promise<NotebookOpenError> {
  try {
    const store = await openNotebookStore(options);
    await store.close();
  } catch (error) {
    if (error instanceof NotebookOpenError) return error;
    throw error;
  }
  throw new Error('expected the open to fail');
}

function nextStatus(store: NotebookStore, test: (s: StoreStatus) => boolean): Promise<StoreStatus> {
  return new Promise((resolve) => {
    const off = store.onStatusChange((s) => {
      if (test(s)) {
        off();
        resolve(s);
      }
    });
  });
}

/** What is on disk: the snapshot with its journal replayed (as the next open or the export CLI reads it). */
const onDisk = (path: string): Promise<Notebook> => readNotebookFile(path);

describe('notebook store', () => {
  let root: string;
  let dir: string;
  let nb: string;
  let childPath: string;
  const open: NotebookStore[] = [];
  const openStore = async (options: Partial<OpenStoreOptions> = {}): Promise<NotebookStore> => {
    const store = await openNotebookStore({ path: nb, seed: () => stateAt(0), retryDelayMs: () => 20, ...options });
    open.push(store);
    return store;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'leadline-store-'));
    childPath = await buildNotebookChild(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    dir = mkdtempSync(join(root, 'case-'));
    nb = join(dir, 'notebook.json');
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close().catch(() => undefined);
  });

  describe('opening', () => {
    it('creates a missing notebook (and its folders) from the seed, durably, and takes the lock', async () => {
      nb = join(dir, 'deep', 'er', 'notebook.json');
      const store = await openStore();
      expect(store.read()).toEqual(stateAt(0));
      expect(readFileSync(nb, 'utf8')).toBe(serializeNotebook(stateAt(0), 1));
      expect(existsSync(lockPathFor(nb))).toBe(true);
      expect(store.status()).toMatchObject({ path: nb, readOnly: false });
      expect(store.status().lastSavedAt).toBeDefined();
      await store.close();
      expect(existsSync(lockPathFor(nb))).toBe(false);
    });

    it('opens an existing notebook without rewriting it', async () => {
      writeFileSync(nb, serializeNotebook(stateAt(5)));
      const before = statSync(nb).mtimeMs;
      const store = await openStore();
      expect(store.read()).toEqual(stateAt(5));
      expect(statSync(nb).mtimeMs).toBe(before);
    });

    it('removes temp files a crashed writer left behind', async () => {
      writeFileSync(nb, serializeNotebook(stateAt(1)));
      writeFileSync(join(dir, '.notebook.json.999.deadbeef.tmp'), '{"half":');
      await openStore();
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });

    const damaged: [string, string, string][] = [
      ['not-json', '{"schemaVersion": 1, "articles": [', 'not valid JSON'],
      ['not-json', '', 'empty'],
      ['invalid', JSON.stringify({ ...emptyNotebook(), notes: [{ id: 'x' }] }), 'shape of a Leadline notebook'],
      ['newer-version', JSON.stringify({ ...emptyNotebook(), schemaVersion: SCHEMA_VERSION + 1 }), 'newer version of Leadline'],
    ];

    it.each(damaged)('refuses a %s file (%j) and never writes, moves or deletes it', async (problem, text, words) => {
      writeFileSync(nb, text);
      const error = await openError({ path: nb, seed: emptyNotebook });
      expect(error).toMatchObject({ problem, path: nb, movedTo: undefined });
      expect(error.message).toContain(nb);
      expect(error.message).toContain(words);
      expect(error.message).toMatch(/left untouched/);
      expect(readFileSync(nb, 'utf8')).toBe(text);
      expect(readdirSync(dir)).toEqual(['notebook.json']); // no lock, no backup, no corrupt copy
    });

    it('refuses a folder where the notebook should be, even with move-aside', async () => {
      mkdirSync(nb);
      const error = await openError({ path: nb, seed: emptyNotebook, onCorrupt: 'move-aside' });
      expect(error.problem).toBe('is-directory');
      expect(error.movedTo).toBeUndefined();
      expect(error.message).toMatch(/folder/);
      expect(statSync(nb).isDirectory()).toBe(true);
      expect(readdirSync(dir)).toEqual(['notebook.json']);
    });

    it('reports an unreadable file (EACCES injected: root ignores chmod) and never moves it', async () => {
      writeFileSync(nb, serializeNotebook(stateAt(1)));
      const denied: NotebookFs = { ...nodeFs, readFile: async () => Promise.reject(osError('EACCES')) };
      const error = await openError({ path: nb, seed: emptyNotebook, onCorrupt: 'move-aside', fs: denied });
      expect(error).toMatchObject({ problem: 'unreadable', code: 'EACCES', movedTo: undefined });
      expect(error.message).toMatch(/permission denied, EACCES/);
      expect(readFileSync(nb, 'utf8')).toBe(serializeNotebook(stateAt(1)));
      expect(existsSync(lockPathFor(nb))).toBe(false);
    });

    it('leaves a newer-version file in place even with move-aside (it is not damaged)', async () => {
      const text = JSON.stringify({ ...emptyNotebook(), schemaVersion: SCHEMA_VERSION + 1 });
      writeFileSync(nb, text);
      const error = await openError({ path: nb, seed: emptyNotebook, onCorrupt: 'move-aside' });
      expect(error).toMatchObject({ problem: 'newer-version', movedTo: undefined });
      expect(readFileSync(nb, 'utf8')).toBe(text);
    });

    it('moves a damaged file aside without overwriting an earlier corrupt copy, and lists backups newest first', async () => {
      const clock = new Date('2024-05-01T10:00:00.000Z');
      // Two saves a few minutes apart leave two backups (each of the file before the save),
      // and closing backs up the final state.
      // (flush: the backup that is due comes with the compaction right after the save.)
      const store = await openStore({ now: () => clock });
      clock.setTime(clock.getTime() + 5 * 60_000);
      await store.commit(stateAt(1));
      await store.flush();
      clock.setTime(clock.getTime() + 5 * 60_000);
      await store.commit(stateAt(2));
      await store.flush();
      clock.setTime(clock.getTime() + 60_000);
      await store.close();
      const backups = await listBackups(nb);
      expect(backups).toHaveLength(3);

      const at = new Date('2024-06-01T08:00:00.000Z');
      const earlier = join(dir, 'notebook.corrupt-2024-06-01T08-00-00-000Z.json');
      writeFileSync(earlier, 'an earlier corrupt copy');
      writeFileSync(nb, '{ damaged');
      const error = await openError({ path: nb, seed: emptyNotebook, onCorrupt: 'move-aside', now: () => at });
      expect(error.problem).toBe('not-json');
      expect(error.movedTo).toBe(join(dir, 'notebook.corrupt-2024-06-01T08-00-00-000Z-2.json'));
      expect(readFileSync(error.movedTo!, 'utf8')).toBe('{ damaged');
      expect(readFileSync(earlier, 'utf8')).toBe('an earlier corrupt copy');
      expect(existsSync(nb)).toBe(false);
      expect(error.message).toContain(error.movedTo!);
      expect(error.message).toMatch(/restore the newest backup/);
      expect(error.backups.map((b) => b.id)).toEqual(backups.map((b) => b.id));
      expect(error.backups[0]!.createdAt > error.backups[1]!.createdAt).toBe(true);

      // The UI's way back: open with the user's choice, the newest backup.
      const restored = await openStore({ recover: { kind: 'restore', backupId: error.backups[0]!.id } });
      expect(restored.read()).toEqual(stateAt(2));
      expect(await onDisk(nb)).toEqual(stateAt(2));
      expect(restored.status().recoveredFrom).toBe(error.backups[0]!.path);
      expect(existsSync(recoveryPathFor(nb))).toBe(false);
    });

    it('a notebook moved aside is never silently replaced: every launch asks until the user chooses, and old backups outlive a fresh notebook', async () => {
      const clock = new Date('2024-05-01T10:00:00.000Z');
      const tick = (minutes: number): void => void clock.setTime(clock.getTime() + minutes * 60_000);
      const store = await openStore({ now: () => clock });
      for (let i = 1; i <= 2; i++) {
        tick(5);
        await store.commit(stateAt(i));
        await store.flush();
      }
      tick(1);
      await store.close();
      const good = (await listBackups(nb)).map((b) => b.id);
      expect(good).toHaveLength(3);

      writeFileSync(nb, '{"schemaVersion": 1, "articles": [tru'); // truncated
      tick(60);
      const first = await openError({ path: nb, seed: () => stateAt(0), onCorrupt: 'move-aside', now: () => clock });
      expect(first.problem).toBe('not-json');
      expect(existsSync(nb)).toBe(false);

      // Launched again without a choice: still the damage, the damaged copy and the backups, not a fresh notebook.
      for (let launch = 0; launch < 3; launch++) {
        const again = await openError({ path: nb, seed: () => stateAt(0), onCorrupt: 'move-aside', now: () => clock });
        expect(again.problem).toBe('awaiting-recovery');
        expect(again.movedTo).toBe(first.movedTo);
        expect(again.message).toContain(first.movedTo!);
        expect(again.message).toMatch(/Restore the newest backup .*or start a new notebook/);
        expect(again.backups.map((b) => b.id)).toEqual(good);
        expect(existsSync(nb)).toBe(false);
      }

      // The user starts over; nine short sessions on the fresh notebook follow.
      const fresh = await openStore({ now: () => clock, recover: { kind: 'start-over' } });
      expect(fresh.read()).toEqual(stateAt(0));
      expect(existsSync(recoveryPathFor(nb))).toBe(false);
      await fresh.close();
      for (let session = 1; session <= 9; session++) {
        tick(2);
        const s = await openStore({ now: () => clock });
        tick(1);
        await s.commit(stateAt(100 + session));
        tick(1);
        await s.close();
      }
      const after = await listBackups(nb);
      for (const id of good) expect(after.find((b) => b.id === id)?.pinned).toMatch(/found damaged/);
      // The fresh notebook's own backups are pruned by the usual rule, not counting the pinned ones.
      expect(after.filter((b) => b.pinned === undefined)).toHaveLength(10);
      expect(readFileSync(first.movedTo!, 'utf8')).toBe('{"schemaVersion": 1, "articles": [tru');
    });

    it('a damaged file is not moved aside when its recovery cannot be made safe (full disk): it stays in place', async () => {
      const store = await openStore();
      await store.commit(stateAt(1));
      await store.close();
      writeFileSync(nb, '{ damaged');
      const full: NotebookFs = { ...nodeFs, open: async (path, flags, mode) => (path.endsWith('.tmp') ? Promise.reject(osError('ENOSPC')) : nodeFs.open(path, flags, mode)) };
      const error = await openError({ path: nb, seed: () => stateAt(0), onCorrupt: 'move-aside', fs: full });
      expect(error.problem).toBe('not-json');
      expect(error.movedTo).toBeUndefined();
      expect(readFileSync(nb, 'utf8')).toBe('{ damaged');
      // With space again, the next launch moves it aside safely.
      const next = await openError({ path: nb, seed: () => stateAt(0), onCorrupt: 'move-aside' });
      expect(next.movedTo).toBeDefined();
      expect(existsSync(recoveryPathFor(nb))).toBe(true);
      expect((await listBackups(nb)).every((b) => b.pinned !== undefined)).toBe(true);
    });

    it('an unreadable pins file keeps every backup: nothing is pruned', async () => {
      const clock = new Date('2024-05-01T10:00:00.000Z');
      const store = await openStore({ now: () => clock });
      for (let i = 1; i <= 14; i++) {
        clock.setTime(clock.getTime() + 2 * 60_000);
        await store.commit(stateAt(i));
        await store.flush();
      }
      const before = (await listBackups(nb)).length;
      expect(before).toBeGreaterThan(0);
      writeFileSync(pinsPathFor(nb), '{ "pins": [ trunc');
      for (let i = 15; i <= 30; i++) {
        clock.setTime(clock.getTime() + 2 * 60_000);
        await store.commit(stateAt(i));
        await store.flush();
      }
      const after = await listBackups(nb);
      expect(after.length).toBe(before + 16);
      expect(after.every((b) => /cannot be read/.test(b.pinned ?? ''))).toBe(true);
    });

    it('a notebook deleted while open is written back when it closes', async () => {
      const store = await openStore();
      await store.commit(stateAt(3));
      rmSync(nb);
      await store.close();
      expect(await onDisk(nb)).toEqual(stateAt(3));
    });

    it('a restore from the damage screen reads the chosen backup, and an unknown one changes nothing', async () => {
      const store = await openStore();
      await store.commit(stateAt(4));
      await store.close();
      const [only] = await listBackups(nb);
      writeFileSync(nb, 'garbage');
      await openError({ path: nb, seed: () => stateAt(0), onCorrupt: 'move-aside' });
      const unknown = await openError({ path: nb, seed: () => stateAt(0), onCorrupt: 'move-aside', recover: { kind: 'restore', backupId: 'nope' } });
      expect(unknown.message).toMatch(/no such backup/);
      expect(existsSync(nb)).toBe(false);
      expect(existsSync(recoveryPathFor(nb))).toBe(true);
      const restored = await openStore({ recover: { kind: 'restore', backupId: only!.id } });
      expect(restored.read()).toEqual(stateAt(4));
      expect(existsSync(recoveryPathFor(nb))).toBe(false);
    });

    it('a notebook reached through a symbolic link is written to its target; the link stays a link', async () => {
      const realDir = join(dir, 'real');
      mkdirSync(realDir);
      const target = join(realDir, 'notes.json');
      writeFileSync(target, serializeNotebook(stateAt(1)));
      symlinkSync(target, nb);
      const store = await openStore();
      expect(store.path).toBe(target);
      await store.commit(stateAt(2));
      expect(lstatSync(nb).isSymbolicLink()).toBe(true);
      expect(await onDisk(target)).toEqual(stateAt(2));
      expect(existsSync(lockPathFor(target))).toBe(true);
      await store.close();
      expect(lstatSync(nb).isSymbolicLink()).toBe(true);

      // A dangling link: the notebook is created where it points.
      const dangling = join(dir, 'dangling.json');
      const future = join(realDir, 'future.json');
      symlinkSync(future, dangling);
      const created = await openStore({ path: dangling });
      await created.commit(stateAt(3));
      expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
      expect(await onDisk(future)).toEqual(stateAt(3));
    });

    it('a notebook file marked read-only (mode 444) opens read-only, says why, and is never rewritten', async () => {
      writeFileSync(nb, serializeNotebook(stateAt(5)));
      chmodSync(nb, 0o444);
      const before = statSync(nb);
      const store = await openStore();
      expect(store.status()).toMatchObject({ readOnly: true, readOnlyReason: expect.stringMatching(/marked read-only on disk\. Make it writable/) });
      await expect(store.commit(stateAt(6))).rejects.toThrow(/read-only/);
      await store.close();
      expect(statSync(nb).mtimeMs).toBe(before.mtimeMs);
      expect(statSync(nb).ino).toBe(before.ino);
      expect(existsSync(lockPathFor(nb))).toBe(false);
    });

    it('a folder Leadline may not write in gives that cause, not "another window"', async () => {
      writeFileSync(nb, serializeNotebook(stateAt(5)));
      const fs: NotebookFs = { ...nodeFs, mkdir: async () => Promise.reject(osError('EROFS')) };
      const store = await openStore({ fs });
      const reason = store.status().readOnlyReason ?? '';
      expect(reason).toMatch(/cannot write in the notebook's folder .*the disk is read-only, EROFS.*Make that folder writable/);
      expect(reason).not.toMatch(/other|window/i);
    });

    it('migrates an older file: keeps the original as a backup, saves the migrated form', async () => {
      const v0 = { schemaVersion: 0, articles: [], excerpts: [], notes: [{ id: 'l1', articleId: 'a1', kind: 'lead', body: 'x', tags: [], excerptIds: [], createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' }] };
      writeFileSync(nb, JSON.stringify(v0));
      const store = await openStore();
      expect(store.read().ui).toEqual({ scroll: {} });
      expect(store.read().notes[0]?.status).toBe('open');
      expect((JSON.parse(readFileSync(nb, 'utf8')) as Notebook).schemaVersion).toBe(SCHEMA_VERSION);
      const backups = await store.listBackups();
      expect(backups).toHaveLength(1);
      expect(JSON.parse(readFileSync(backups[0]!.path, 'utf8'))).toEqual(v0);
    });

    it('does not overwrite an older file it could not back up first', async () => {
      const text = JSON.stringify({ schemaVersion: 0, articles: [], excerpts: [], notes: [] });
      writeFileSync(nb, text);
      const fs = switchableFs();
      fs.failWith = 'ENOSPC';
      const store = await openStore({ fs });
      expect(store.read().schemaVersion).toBe(SCHEMA_VERSION);
      expect(readFileSync(nb, 'utf8')).toBe(text);
      fs.failWith = undefined;
      await store.commit(stateAt(1)); // the first edit backs the original up, then saves
      expect(await onDisk(nb)).toEqual(stateAt(1));
      const [backup] = await store.listBackups();
      expect(readFileSync(backup!.path, 'utf8')).toBe(text);
    });

    it('a read-only opener does not migrate, move or create anything', async () => {
      writeFileSync(nb, JSON.stringify({ schemaVersion: 0, articles: [], excerpts: [], notes: [] }));
      const store = await openStore({ readOnly: true });
      expect(store.read().schemaVersion).toBe(SCHEMA_VERSION);
      expect(readdirSync(dir)).toEqual(['notebook.json']);
      const missing = await openError({ path: join(dir, 'none.json'), seed: emptyNotebook, readOnly: true });
      expect(missing).toMatchObject({ problem: 'unreadable', code: 'ENOENT' });
    });
  });

  describe('saving', () => {
    it('updates memory at once and resolves once the data is on disk', async () => {
      const store = await openStore();
      const saving = store.commit(stateAt(1));
      expect(store.read()).toEqual(stateAt(1));
      await saving;
      expect(await onDisk(nb)).toEqual(stateAt(1));
    });

    it('appends each commit to the journal, coalescing those that arrive during a write: the latest data, every caller resolved', async () => {
      const fs = switchableFs();
      const clock = new Date('2024-05-01T10:00:00.000Z');
      const store = await openStore({ fs, now: () => clock });
      await store.commit(stateAt(1)); // the first save also takes the first backup (with a compaction)
      await store.flush();
      fs.renames.length = 0;
      fs.syncs.length = 0;
      const outcomes = await Promise.all(Array.from({ length: 25 }, (_, i) => store.commit(stateAt(i + 2))));
      expect(outcomes.every((o) => o.onDisk && o.changed)).toBe(true);
      await store.flush();
      expect(await onDisk(nb)).toEqual(stateAt(26));
      const journalSyncs = fs.syncs.filter((p) => p === journalPathFor(nb)).length;
      expect(journalSyncs).toBeGreaterThanOrEqual(1);
      expect(journalSyncs).toBeLessThanOrEqual(3); // group commit: not one fsync per commit
      expect(fs.renames.filter((p) => p === nb)).toEqual([]); // the snapshot is not rewritten per save
    });

    it('refuses invalid data and keeps the previous version in memory and on disk', async () => {
      const store = await openStore();
      const bad = { ...stateAt(1), notes: [{ ...stateAt(1).notes[0]!, id: 'not an id!' }] };
      await expect(store.commit(bad)).rejects.toBeInstanceOf(NotebookWriteError);
      expect(store.read()).toEqual(stateAt(0));
      expect(await onDisk(nb)).toEqual(stateAt(0));
    });

    it.each([
      ['ENOSPC', 'the disk is full'],
      ['EROFS', 'the disk is read-only'],
      ['EACCES', 'permission denied'],
    ])('on %s: answers "kept in memory", keeps the last good file, says why, retries until it works', async (code, words) => {
      const fs = switchableFs();
      const store = await openStore({ fs });
      await store.commit(stateAt(1));
      fs.failWith = code;
      const statuses: StoreStatus[] = [];
      store.onStatusChange((s) => statuses.push(s));

      expect(await store.commit(stateAt(2))).toMatchObject({ onDisk: false });
      expect(store.status().writeError).toContain(`${words}, ${code}`);
      expect(store.read()).toEqual(stateAt(2)); // kept in memory
      expect(await onDisk(nb)).toEqual(stateAt(1)); // the last good version
      expect(store.status().writeError).toContain(code);
      expect(statuses.at(-1)?.writeError).toContain(code);
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      await expect(store.flush()).rejects.toBeInstanceOf(NotebookWriteError);

      // Background retries keep failing quietly, then succeed once the disk recovers.
      await new Promise((r) => setTimeout(r, 80));
      expect(await onDisk(nb)).toEqual(stateAt(1));
      const recovered = nextStatus(store, (s) => s.writeError === undefined);
      fs.failWith = undefined;
      await recovered;
      expect(await onDisk(nb)).toEqual(stateAt(2));
      expect(store.status().writeError).toBeUndefined();
      await store.flush();
    });

    it('a new commit during a failure is attempted at once', async () => {
      const fs = switchableFs();
      const store = await openStore({ fs, retryDelayMs: () => 60_000 });
      fs.failWith = 'ENOSPC';
      expect(await store.commit(stateAt(1))).toMatchObject({ onDisk: false });
      fs.failWith = undefined;
      expect(await store.commit(stateAt(2))).toMatchObject({ onDisk: true }); // does not wait a minute for the retry
      expect(await onDisk(nb)).toEqual(stateAt(2));
    });

    it('on a full disk, concurrent commits all hear "kept in memory" at once, none waits for the retry timer', async () => {
      const fs = switchableFs();
      const store = await openStore({ fs, retryDelayMs: () => 60 * 60_000 });
      fs.failWith = 'ENOSPC';
      const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => store.commit(stateAt(i + 1))));
      expect(outcomes.map((o) => o.onDisk)).toEqual(Array.from({ length: 8 }, () => false));
      expect(store.read()).toEqual(stateAt(8));
      expect(await onDisk(nb)).toEqual(stateAt(0));
      fs.failWith = undefined;
      await store.flush();
      expect(await onDisk(nb)).toEqual(stateAt(8));
    });

    it('opens with the seed in memory and keeps retrying when the new file cannot be written', async () => {
      const fs = switchableFs();
      fs.failWith = 'ENOSPC';
      const store = await openStore({ fs });
      expect(store.read()).toEqual(stateAt(0));
      expect(store.status().writeError).toMatch(/ENOSPC/);
      const ok = nextStatus(store, (s) => s.writeError === undefined);
      fs.failWith = undefined;
      await ok;
      expect(await onDisk(nb)).toEqual(stateAt(0));
    });

    it('a store opened read-only rejects commits and writes nothing', async () => {
      writeFileSync(nb, serializeNotebook(stateAt(3)));
      const store = await openStore({ readOnly: true });
      expect(store.status()).toMatchObject({ readOnly: true, readOnlyReason: expect.any(String) });
      await expect(store.commit(stateAt(4))).rejects.toThrow(/read-only/);
      await expect(store.restoreBackup('x')).rejects.toThrow(/read-only/);
      expect(store.read()).toEqual(stateAt(3));
      expect(readdirSync(dir)).toEqual(['notebook.json']);
    });

    it('close() flushes, releases the lock, and later commits are refused', async () => {
      const store = await openStore();
      void store.commit(stateAt(9));
      await store.close();
      expect(await onDisk(nb)).toEqual(stateAt(9));
      expect(existsSync(lockPathFor(nb))).toBe(false);
      await expect(store.commit(stateAt(10))).rejects.toThrow(/closed/);
    });
  });

  describe('revisions and followers', () => {
    it('counts record changes, not reading-position changes', async () => {
      const store = await openStore();
      const start = store.status().revision;
      await store.commit(stateAt(1));
      expect(store.status().revision).toBe(start + 1);
      const now = store.read();
      await store.commit({ ...now, ui: { ...now.ui, scroll: { a: 0.5 } } });
      expect(store.status().revision).toBe(start + 1);
    });

    it('a read-only store follows the writer on refresh()', async () => {
      const writer = await openStore();
      await writer.commit(stateAt(1));
      const follower = await openStore({ readOnly: true });
      const seen = follower.status().revision;
      await follower.refresh();
      expect(follower.status().revision).toBe(seen); // nothing new
      await writer.commit(stateAt(2));
      await follower.refresh();
      expect(follower.read()).toEqual(stateAt(2));
      expect(follower.status().revision).toBeGreaterThan(seen);
      // Same size, same coarse mtime: the new inode still tells a new save.
      const { mtime } = statSync(nb);
      const sameSize = { ...stateAt(2), notes: stateAt(2).notes.map((n) => (n.id === 'counter' ? { ...n, body: '3' } : n)) };
      await writer.commit(sameSize);
      utimesSync(nb, mtime, mtime);
      await follower.refresh();
      expect(follower.read()).toEqual(sameSize);
      writeFileSync(nb, '{ damaged by hand'); // a torn hand edit is ignored: the last good data stays
      await follower.refresh();
      expect(follower.read()).toEqual(sameSize);
    });
  });

  describe('two processes', () => {
    it('a second opener gets a read-only store naming the holder pid, never a second writer', async () => {
      const mine = await openStore();
      const other = await startHolder(childPath, nb);
      expect(other.status).toMatchObject({ readOnly: true, readOnlyReason: expect.stringContaining(`pid ${process.pid}`) });
      other.child.stdin.write('close\n');
      await exited(other.child);
      expect(existsSync(lockPathFor(nb))).toBe(true); // the read-only child did not remove our lock
      await mine.commit(stateAt(1));
      await mine.close();

      const holder = await startHolder(childPath, nb);
      expect(holder.status).toMatchObject({ readOnly: false });
      const second = await openStore();
      expect(second.status().readOnly).toBe(true);
      expect(second.status().readOnlyReason).toContain(`pid ${holder.child.pid}`);
      await expect(second.commit(stateAt(2))).rejects.toThrow(/read-only/);
      await second.close();
      expect(existsSync(lockPathFor(nb))).toBe(true); // closing a read-only store leaves the holder's lock

      holder.child.kill('SIGKILL');
      await exited(holder.child);
      const third = await openStore(); // stale lock (dead pid) taken over
      expect(third.status().readOnly).toBe(false);
      await third.commit(stateAt(3));
      expect(await onDisk(nb)).toEqual(stateAt(3));
    });
  });

  describe('backups', () => {
    it('backs up the last good file before replacing it, at most once a minute, and prunes', async () => {
      const clock = new Date(2024, 4, 20, 9, 0);
      const store = await openStore({ now: () => clock });
      const tick = (ms: number): void => {
        clock.setTime(clock.getTime() + ms);
      };
      expect(await store.listBackups()).toEqual([]); // nothing to back up before the first file

      await store.commit(stateAt(1));

      await store.flush(); // seed on disk → backed up
      tick(10_000);
      await store.commit(stateAt(2));
      await store.flush(); // 10 s later: no new backup
      let backups = await store.listBackups();
      expect(backups).toHaveLength(1);
      expect(parseNotebook(readFileSync(backups[0]!.path, 'utf8')).notebook).toEqual(stateAt(0));

      tick(60_000);
      await store.commit(stateAt(3));
      await store.flush();
      backups = await store.listBackups();
      expect(backups).toHaveLength(2);
      // What the snapshot held: edit 2 was still in the journal (the idle compaction comes after 10 s).
      expect(parseNotebook(readFileSync(backups[0]!.path, 'utf8')).notebook).toEqual(stateAt(1));

      for (let i = 4; i < 40; i++) {
        tick(61_000);
        await store.commit(stateAt(i));
        await store.flush();
      }
      backups = await store.listBackups();
      expect(backups).toHaveLength(10);
      expect(parseNotebook(readFileSync(backups[0]!.path, 'utf8')).notebook).toEqual(stateAt(38));

      // A week of daily use keeps one per earlier day on top of the 10 newest.
      for (let day = 1; day <= 9; day++) {
        clock.setTime(new Date(2024, 4, 20 + day, 9, 0).getTime());
        for (let i = 0; i < 3; i++) {
          tick(61_000);
          await store.commit(stateAt(100 + day * 10 + i));
          await store.flush();
        }
      }
      backups = await store.listBackups();
      const days = new Set(backups.map((b) => new Date(b.createdAt).toDateString()));
      expect(days.size).toBe(7);
      expect(backups.length).toBeLessThanOrEqual(10 + 7);
      expect(readdirSync(backupsDirFor(nb)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });

    it('restoreBackup backs up the current file first, then restores, validated', async () => {
      const clock = new Date('2024-05-01T10:00:00.000Z');
      const store = await openStore({ now: () => clock });
      await store.commit(stateAt(1));
      await store.flush();
      clock.setTime(clock.getTime() + 120_000);
      await store.commit(stateAt(2));
      await store.flush();
      const target = (await store.listBackups()).find((b) => JSON.parse(readFileSync(b.path, 'utf8')).notes[0].body === '1');
      expect(target).toBeDefined();

      clock.setTime(clock.getTime() + 1_000); // within the minute: the safety backup is forced anyway
      await store.restoreBackup(target!.id);
      expect(store.read()).toEqual(stateAt(1));
      expect(await onDisk(nb)).toEqual(stateAt(1));
      const after = await store.listBackups();
      expect(parseNotebook(readFileSync(after[0]!.path, 'utf8')).notebook).toEqual(stateAt(2)); // the pre-restore state
      expect(store.status().recoveredFrom).toBe(target!.path);
    });

    it('restoreBackup refuses an unknown id or a damaged backup and changes nothing', async () => {
      const store = await openStore();
      await store.commit(stateAt(1));
      await store.flush();
      await expect(store.restoreBackup('2020-01-01T00-00-00-000Z')).rejects.toBeInstanceOf(NotebookOpenError);
      await expect(store.restoreBackup('../notebook')).rejects.toThrow(/no such backup/);
      const [backup] = await store.listBackups();
      writeFileSync(backup!.path, '{"broken');
      await expect(store.restoreBackup(backup!.id)).rejects.toMatchObject({ problem: 'not-json', path: backup!.path });
      expect(store.read()).toEqual(stateAt(1));
      expect(await onDisk(nb)).toEqual(stateAt(1));
    });
  });

  describe('readNotebookFile (export CLI)', () => {
    it('reads without locking or writing', async () => {
      writeFileSync(nb, serializeNotebook(stateAt(2)));
      expect(await readNotebookFile(nb)).toEqual(stateAt(2));
      expect(readdirSync(dir)).toEqual(['notebook.json']);
    });

    it('migrates in memory only', async () => {
      const text = JSON.stringify({ articles: [], excerpts: [], notes: [] });
      writeFileSync(nb, text);
      expect((await readNotebookFile(nb)).schemaVersion).toBe(SCHEMA_VERSION);
      expect(readFileSync(nb, 'utf8')).toBe(text);
    });

    it('says a missing file does not exist', async () => {
      await expect(readNotebookFile(join(dir, 'gone.json'))).rejects.toMatchObject({
        problem: 'unreadable',
        message: expect.stringContaining('does not exist'),
      });
    });

    it('reports a damaged file and leaves it alone', async () => {
      writeFileSync(nb, 'nope');
      await expect(readNotebookFile(nb)).rejects.toMatchObject({ problem: 'not-json', movedTo: undefined });
      expect(readdirSync(dir)).toEqual(['notebook.json']);
    });
  });
});
