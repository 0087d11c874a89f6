/** The journaled store: what a crash, a torn write, a damaged or foreign journal, and compaction leave behind. */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stateAt } from './testdata/crash-harness';
import { nodeFs, type NotebookFs } from './durable-file';
import { encodeEntry, journalHeader, journalPathFor, parseJournal } from './journal';
import { parseNotebook, serializeNotebook } from './notebook-adapter';
import { openNotebookStore, readNotebookFile, type NotebookStore, type OpenStoreOptions } from './store';

const root = mkdtempSync(join(tmpdir(), 'leadline-journal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Compaction only when a test asks for it. */
const NEVER = { idleMs: 3_600_000, maxJournalBytes: 1e12 };

describe('the journaled store', () => {
  let dir: string;
  let nb: string;
  const open: NotebookStore[] = [];
  const openStore = async (options: Partial<OpenStoreOptions> = {}): Promise<NotebookStore> => {
    const store = await openNotebookStore({ path: nb, seed: () => stateAt(0), compaction: NEVER, retryDelayMs: () => 20, ...options });
    open.push(store);
    return store;
  };
  const journal = (path = nb): string => (existsSync(journalPathFor(path)) ? readFileSync(journalPathFor(path), 'utf8') : '');
  const journalHeaderOf = () => journalHeader(journal());
  const snapshotOf = (path = nb) => parseNotebook(readFileSync(path, 'utf8'));
  /** Whether the journal holds nothing but its header (what a compaction leaves). */
  const journalIsFresh = (): boolean => !parseJournal(journal(), snapshotOf().journalSeq).nonEmpty;

  beforeEach(() => {
    dir = mkdtempSync(join(root, 'case-'));
    nb = join(dir, 'notebook.json');
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close().catch(() => undefined);
  });

  /**
   * Five saved edits, as a crash would leave them: edit 1 in the snapshot (the first save
   * also takes the first backup, with a compaction), edits 2–5 in the journal. The store
   * is not closed; the files are copied elsewhere and opened there.
   */
  async function crashedAfterFive(): Promise<void> {
    const clock = new Date('2024-05-01T10:00:00.000Z'); // no second backup (nor compaction) is due
    const store = await openStore({ now: () => clock });
    await store.commit(stateAt(1));
    await store.flush();
    for (let k = 2; k <= 5; k++) await store.commit(stateAt(k));
    await store.flush();
    expect(snapshotOf().notebook).toEqual(stateAt(1));
    const other = mkdtempSync(join(root, 'crashed-'));
    copyFileSync(nb, join(other, 'notebook.json'));
    copyFileSync(journalPathFor(nb), journalPathFor(join(other, 'notebook.json')));
    nb = join(other, 'notebook.json');
    dir = other;
  }

  it('a save appends one line and rewrites nothing else; the export CLI reads snapshot + journal', async () => {
    const store = await openStore();
    await store.flush();
    const snapshotBefore = readFileSync(nb, 'utf8');
    await store.commit(stateAt(1));
    expect(readFileSync(nb, 'utf8')).toBe(snapshotBefore);
    expect(parseJournal(journal(), snapshotOf().journalSeq).entries).toHaveLength(1);
    expect(await readNotebookFile(nb)).toEqual(stateAt(1));
  });

  it('after a crash, the next open replays the journal, then folds it into the snapshot', async () => {
    await crashedAfterFive();
    const store = await openStore();
    expect(store.read()).toEqual(stateAt(5));
    expect(store.status().journalNotice).toBeUndefined();
    await store.flush(); // the compaction that open started
    expect(snapshotOf().notebook).toEqual(stateAt(5));
    expect(journalIsFresh()).toBe(true);
    await store.commit(stateAt(6));
    await store.close();
    expect(await readNotebookFile(nb)).toEqual(stateAt(6));
    expect(journalIsFresh()).toBe(true); // closing compacts
  });

  it('a torn last line is left out and reported; the next save writes a snapshot, never appends after it', async () => {
    await crashedAfterFive();
    appendFileSync(journalPathFor(nb), encodeEntry(99, '2024-01-01T00:00:00.000Z', { ui: { scroll: {} } }).slice(0, 30));
    const store = await openStore({ compaction: NEVER });
    expect(store.read()).toEqual(stateAt(5));
    expect(store.status().journalNotice).toMatch(/unconfirmed change was left out/);
    await store.flush();
    await store.commit(stateAt(6));
    await store.flush();
    const lines = parseJournal(journal(), snapshotOf().journalSeq);
    expect(lines.problem).toBeUndefined();
    expect(await readNotebookFile(nb)).toEqual(stateAt(6));
  });

  it('a damaged line in the middle: what precedes it is applied, the journal is kept aside unchanged, and the user is told', async () => {
    await crashedAfterFive();
    const text = journal();
    const lines = text.split('\n');
    lines[2] = lines[2]!.replace('"counter"', '"counteR"'); // line 1 is the header; line 3 holds edit 3
    writeFileSync(journalPathFor(nb), lines.join('\n'));
    const damagedBytes = readFileSync(journalPathFor(nb));
    const store = await openStore();
    const kept = readdirSync(dir).find((n) => n.startsWith('notebook.json.journal.unused-'));
    expect(kept).toBeDefined();
    expect(readFileSync(join(dir, kept!))).toEqual(damagedBytes);
    expect(store.status().journalNotice).toMatch(/line 3.*unused-/);
    expect(store.read()).toEqual(stateAt(2)); // the snapshot (edit 1) and the good line before the damage (edit 2)
    await store.commit(stateAt(7));
    await store.close();
    expect(await readNotebookFile(nb)).toEqual(stateAt(7));
  });

  it('a journal that does not continue the snapshot (an older snapshot put back by hand) is not applied, and kept', async () => {
    await crashedAfterFive();
    writeFileSync(nb, serializeNotebook(stateAt(0), 0)); // an old copy of the notebook file
    const journalBytes = readFileSync(journalPathFor(nb));
    const store = await openStore();
    expect(store.read()).toEqual(stateAt(0));
    expect(store.status().journalNotice).toMatch(/does not belong/);
    const kept = readdirSync(dir).find((n) => n.startsWith('notebook.json.journal.unused-'));
    expect(readFileSync(join(dir, kept!))).toEqual(journalBytes);
  });

  it('lines the snapshot already holds (a compaction cut short) are skipped silently', async () => {
    await crashedAfterFive();
    const seq = parseJournal(journal(), snapshotOf().journalSeq).entries.at(-1)!.seq;
    writeFileSync(nb, serializeNotebook(stateAt(5), seq));
    const store = await openStore();
    expect(store.read()).toEqual(stateAt(5));
    expect(store.status().journalNotice).toBeUndefined();
  });

  it('compacts when the journal passes its size limit', async () => {
    const store = await openStore({ compaction: { idleMs: 3_600_000, maxJournalBytes: 4_000 } });
    for (let k = 1; k <= 40; k++) await store.commit(stateAt(k));
    await store.flush();
    expect(statSync(journalPathFor(nb)).size).toBeLessThan(4_000);
    expect(snapshotOf().journalSeq).toBeGreaterThan(1);
    expect(await readNotebookFile(nb)).toEqual(stateAt(40));
  });

  it('compacts after a quiet spell', async () => {
    const store = await openStore({ compaction: { idleMs: 30, maxJournalBytes: 1e12 } });
    await store.commit(stateAt(1));
    await store.commit(stateAt(2));
    expect(journalIsFresh()).toBe(false);
    await vi.waitFor(() => expect(journalIsFresh()).toBe(true), { timeout: 5_000 });
    expect(snapshotOf().notebook).toEqual(stateAt(2));
  });

  it('after a failed append, the next save writes a whole snapshot and starts the journal afresh', async () => {
    let failJournal = false;
    const fs: NotebookFs = {
      ...nodeFs,
      open: async (path, flags, mode) => {
        const handle = await nodeFs.open(path, flags, mode);
        if (!path.endsWith('.journal')) return handle;
        return {
          // A full disk mid-append: part of the line reaches the file, then the write fails.
          writeFile: async (data) => {
            if (!failJournal) return handle.writeFile(data);
            await handle.writeFile(typeof data === 'string' ? data.slice(0, 12) : data.slice(0, 12));
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const store = await openStore({ fs, retryDelayMs: () => 3_600_000 });
    await store.commit(stateAt(1));
    failJournal = true;
    expect(await store.commit(stateAt(2))).toMatchObject({ changed: true, onDisk: false });
    expect(store.status().writeError).toMatch(/disk is full/);
    failJournal = false;
    expect(await store.commit(stateAt(3))).toMatchObject({ onDisk: true });
    expect(snapshotOf().notebook).toEqual(stateAt(3)); // a snapshot, not an append after the partial line
    expect(journalIsFresh()).toBe(true);
    expect(await readNotebookFile(nb)).toEqual(stateAt(3));
  });

  it('a read-only follower sees each appended save on refresh()', async () => {
    const writer = await openStore();
    await writer.commit(stateAt(1));
    const follower = await openStore({ readOnly: true });
    expect(follower.read()).toEqual(stateAt(1));
    await writer.commit(stateAt(2));
    await follower.refresh();
    expect(follower.read()).toEqual(stateAt(2));
  });

  it('a snapshot that matches its journal header is trusted as written; any other change to it is validated in full', async () => {
    const store = await openStore();
    await store.commit(stateAt(4));
    await store.close();
    expect(journalHeaderOf()).toMatchObject({ seq: snapshotOf().journalSeq, bytes: statSync(nb).size });
    expect(await readNotebookFile(nb)).toEqual(stateAt(4)); // the trusted read gives what a validated one does
    expect((await openStore()).read()).toEqual(stateAt(4));
    await open.pop()!.close();
    // Edited by hand: still JSON, same length, but a record breaks the schema.
    writeFileSync(nb, readFileSync(nb, 'utf8').replace('"id": "counter"', '"id": "count r"'));
    await expect(openStore()).rejects.toMatchObject({ problem: 'invalid' });
  });

  it('a commit of the same data writes nothing and says so', async () => {
    const store = await openStore();
    await store.flush();
    expect(await store.commit(store.read())).toMatchObject({ changed: false, onDisk: true });
    expect(journalIsFresh()).toBe(true);
  });
});
