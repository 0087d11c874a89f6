/**
 * Hostile-user / hostile-environment attacks on the journaled notebook store.
 *
 * Written by an outside tester against the first journaled store. Each `it` named "was: …"
 * failed then (its comment says what the user lost or saw, and where the cause was); they
 * all pass since the fixes and stay as regression tests. Those named "holds: …" are attacks
 * that failed from the start, kept because they cover a hostile case no other test does.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counterOf, stateAt } from './testdata/crash-harness';
import { nodeFs, type NotebookFs } from './durable-file';
import { encodeEntry, journalPathFor, parseJournal } from './journal';
import { parseNotebook, serializeNotebook } from './notebook-adapter';
import { listBackups } from './backups';
import { runExportCli } from '../cli/export-cli';
import { openNotebookStore, readNotebookFile, NotebookOpenError, type NotebookStore, type OpenStoreOptions } from './store';
import type { Notebook } from '../shared/model';

const root = mkdtempSync(join(tmpdir(), 'leadline-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Compaction only when a test asks for it. */
const NEVER = { idleMs: 3_600_000, maxJournalBytes: 1e12 };
/** A clock at which no second routine backup (nor the compaction it brings) falls due. */
const CLOCK = new Date('2024-05-01T10:00:00.000Z');

function osError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure`), { code });
}

describe('hostile attacks on the journaled store', () => {
  let dir: string;
  let nb: string;
  const open: NotebookStore[] = [];
  const openStore = async (options: Partial<OpenStoreOptions> = {}): Promise<NotebookStore> => {
    const store = await openNotebookStore({ path: nb, seed: () => stateAt(0), compaction: NEVER, retryDelayMs: () => 20, now: () => CLOCK, ...options });
    open.push(store);
    return store;
  };
  const journal = (path = nb): string => (existsSync(journalPathFor(path)) ? readFileSync(journalPathFor(path), 'utf8') : '');
  /** Breaks one complete journal line (0 is the header) as bit rot would; returns the journal's new text. */
  const damageJournalLine = (index: number): string => {
    const lines = journal().split('\n');
    lines[index] = lines[index]!.replace('"counter"', '"counteR"');
    writeFileSync(journalPathFor(nb), lines.join('\n'));
    return lines.join('\n');
  };
  const snapshotOf = (path = nb) => parseNotebook(readFileSync(path, 'utf8'));
  const unusedFiles = (): string[] => readdirSync(dir).filter((n) => n.startsWith('notebook.json.journal.unused-'));

  beforeEach(() => {
    dir = mkdtempSync(join(root, 'case-'));
    nb = join(dir, 'notebook.json');
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close().catch(() => undefined);
  });

  /** What a SIGKILL leaves: the files as they are now, copied elsewhere; `nb` then names the copy. */
  function crashCopy(): void {
    const other = mkdtempSync(join(root, 'crashed-'));
    copyFileSync(nb, join(other, 'notebook.json'));
    if (existsSync(journalPathFor(nb))) copyFileSync(journalPathFor(nb), journalPathFor(join(other, 'notebook.json')));
    nb = join(other, 'notebook.json');
    dir = other;
  }

  /** Edit 1 in the snapshot, edits 2–5 acknowledged in the journal, then a crash (the files copied elsewhere). */
  async function crashedAfterFive(): Promise<void> {
    const store = await openStore();
    await store.commit(stateAt(1));
    await store.flush();
    for (let k = 2; k <= 5; k++) expect(await store.commit(stateAt(k))).toMatchObject({ onDisk: true });
    await store.flush();
    expect(snapshotOf().notebook).toEqual(stateAt(1));
    crashCopy();
  }

  // ---------------------------------------------------------------------------------
  // Journal bytes changed by the environment
  // ---------------------------------------------------------------------------------

  it('was: a journal whose line endings a sync tool turned into CRLF is called "one unconfirmed change" and then emptied: every acknowledged save in it is destroyed', async () => {
    // User loses: edits 2–5 (all acknowledged "saved"), silently; the banner claims only one
    // unconfirmed change was left out, and the compaction that open starts overwrites the
    // journal, so no copy is kept anywhere. Cause: parseJournal treats any run of unreadable
    // lines at the end as a torn tail (journal.ts parseJournal: `laterGood ? damaged : torn-tail`),
    // and a torn tail is neither kept aside nor refused (store-open.ts `unusable`).
    await crashedAfterFive();
    const crlf = journal().replace(/\n/g, '\r\n');
    writeFileSync(journalPathFor(nb), crlf);
    const store = await openStore();
    await store.flush(); // the compaction open started
    const keptSomewhere = unusedFiles().some((n) => readFileSync(join(dir, n), 'utf8') === crlf);
    expect(store.read().notes.find((n) => n.id === 'counter')?.body === '5' || keptSomewhere).toBe(true);
  });

  it('was: two complete, newline-terminated journal lines damaged at the end (bit rot, a bad sector) are passed off as one torn write and erased', async () => {
    // User loses: edits 4 and 5, both acknowledged and fsynced; told "that one unconfirmed
    // change was left out". A line that ends in "\n" was written whole, so its failing
    // checksum is damage, not a write cut short; yet journal.ts parseJournal reports
    // torn-tail, and the open's compaction (store-open.ts compactSoon → store-writer.ts
    // resetJournal) overwrites the only copy instead of keeping it aside.
    await crashedAfterFive();
    const lines = journal().split('\n'); // header, e2, e3, e4, e5, ''
    lines[3] = lines[3]!.replace('"counter"', '"counteR"');
    lines[4] = lines[4]!.replace('"counter"', '"counteR"');
    const damaged = lines.join('\n');
    writeFileSync(journalPathFor(nb), damaged);
    const store = await openStore();
    await store.flush();
    expect(store.status().journalNotice ?? '').not.toMatch(/one unconfirmed change/);
    expect(unusedFiles().map((n) => readFileSync(join(dir, n), 'utf8'))).toContain(damaged);
  });

  it('was: a byte-order mark at the start of the journal (an editor or sync tool added it) makes every intact change "damaged" and missing', async () => {
    // User sees: edits 2–5 missing, banner "Part of the change log is damaged (line 1)". The
    // snapshot reader strips a BOM (notebook-adapter.ts parseNotebook) but the journal reader
    // does not (journal.ts journalHeader/decodeLine), so the header fails and counts as a
    // damaged line 1 — although the header is only a trust hint and every entry is intact.
    // The same happens when only the header line is damaged: all good entries are set aside.
    await crashedAfterFive();
    writeFileSync(journalPathFor(nb), `\uFEFF${journal()}`);
    const store = await openStore();
    expect(store.read()).toEqual(stateAt(5));
  });

  it('holds: a zero-filled tail (a power cut on a delayed-allocation file system) drops nothing that was acknowledged', async () => {
    await crashedAfterFive();
    appendFileSync(journalPathFor(nb), Buffer.alloc(4096));
    const store = await openStore();
    expect(store.read()).toEqual(stateAt(5));
    await store.close();
    expect(await readNotebookFile(nb)).toEqual(stateAt(5));
  });

  it('holds: a valid-CRC line with hostile content (__proto__ keys, deep nesting, a huge line) is refused by the entry schema as damage, never applied', async () => {
    await crashedAfterFive();
    const line = (json: string): string => `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
    const good = journal();
    // Valid JSON, valid checksum: a note with an own "__proto__" key, then 100,000-deep nesting, then a good line after them.
    const note = JSON.stringify(stateAt(6).notes[0]).replace('"body"', '"__proto__":{"polluted":true},"body"');
    const withProto = `{"seq":6,"at":"x","delta":{"notes":{"put":[${note}],"del":[]}}}`;
    writeFileSync(journalPathFor(nb), good + line(withProto) + line(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) + encodeEntry(6, 'x', { ui: { scroll: {} } }));
    const store = await openStore();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(store.read()).toEqual(stateAt(5));
    expect(store.status().journalNotice).toMatch(/line 6/);
  });

  // ---------------------------------------------------------------------------------
  // A journal that cannot be applied, and what the writer then does with it
  // ---------------------------------------------------------------------------------

  it('was: a damaged journal that cannot be moved aside (link and rename refused) is overwritten by the compaction open starts', async () => {
    // User loses: the damaged journal — edits 4 and 5 after the damaged line 4, which the
    // banner says are "missing" and store-open.ts promises are "never appended to, nor
    // emptied". When setJournalAside fails (.catch(() => undefined) in store-open.ts),
    // journalDirty is set and `compactSoon()` runs writeSnapshot(false) → resetJournal
    // (store-writer.ts), which replaces the journal with a fresh header.
    await crashedAfterFive();
    const lines = journal().split('\n');
    lines[3] = lines[3]!.replace('"counter"', '"counteR"'); // line 4 (edit 4) damaged, edit 5 after it
    const damaged = lines.join('\n');
    writeFileSync(journalPathFor(nb), damaged);
    const fs: NotebookFs = {
      ...nodeFs,
      // e.g. Windows: an antivirus holds the just-read journal open for a moment.
      link: async (a, b) => (a.endsWith('.journal') ? Promise.reject(osError('EPERM')) : nodeFs.link(a, b)),
      rename: async (a, b) => (a.endsWith('.journal') ? Promise.reject(osError('EBUSY')) : nodeFs.rename(a, b)),
    };
    const store = await openStore({ fs });
    expect(store.read()).toEqual(stateAt(3));
    await store.flush();
    await store.close();
    const survivors = [journal(), ...readdirSync(dir).filter((n) => n.includes('.journal.')).map((n) => readFileSync(join(dir, n), 'utf8'))];
    expect(survivors).toContain(damaged);
  });

  it('was: after a damaged journal is kept aside, the changes applied from before the damage are never saved: a close without edits loses them', async () => {
    // User sees edits 2 and 3 in the window (the banner says only what follows line 4 is
    // missing), closes the app, and on the next launch edits 2 and 3 are gone too, with no
    // banner. Cause: with the journal moved aside, journalBytes is 0 and journalDirty false
    // (store-open.ts), so compactSoon() finds nothing to do (store-writer.ts drain:
    // `compactWanted && journalHasMore`) and close() skips its compaction: the snapshot stays
    // at edit 1 while memory held edit 3.
    await crashedAfterFive();
    damageJournalLine(3);
    const store = await openStore();
    expect(store.read()).toEqual(stateAt(3));
    expect(store.status().journalNotice).toMatch(/line 4/);
    await store.close();
    expect(await readNotebookFile(nb)).toEqual(stateAt(3));
  });

  it('was: after a damaged journal is kept aside, the next acknowledged save is lost by a crash (its line does not continue the snapshot)', async () => {
    // User loses: edit 9, acknowledged "saved", plus edits 2–3 they were shown. The new
    // journal is started by appending (no header, no snapshot first): its first line is
    // seq 4 while the snapshot on disk ends at 1, so the next open (and the export CLI)
    // calls it a "mismatch" and applies nothing (journal.ts parseJournal).
    await crashedAfterFive();
    damageJournalLine(3);
    const store = await openStore();
    expect(store.read()).toEqual(stateAt(3));
    expect(await store.commit(stateAt(9))).toMatchObject({ changed: true, onDisk: true });
    crashCopy();
    expect(await readNotebookFile(nb)).toEqual(stateAt(9));
  });

  it('was: a journal whose header names a different snapshot with the same seq (an old lineage\'s backup put back by hand) is replayed onto it', async () => {
    // User sees: a mix of two notebooks — the journal's notes spliced into the restored
    // file — with no banner; README promises "a journal that does not continue the snapshot
    // (an older snapshot put back by hand) is not applied". Seqs restart at 1 with every
    // new notebook ("Start a new notebook"), so an old backup can carry the same journalSeq.
    // The header's bytes/crc32 say plainly it is another snapshot, but journal.ts only uses
    // the header for trust (notebook-adapter.ts loadNotebookFile), never to check continuity.
    await crashedAfterFive();
    const header = JSON.parse(journal().split('\n')[0]!.slice(9)) as { snapshot: { seq: number } };
    const foreign: Notebook = { ...stateAt(0), notes: [{ ...stateAt(0).notes[0]!, id: 'old-lineage', body: 'from the other notebook' }] };
    writeFileSync(nb, serializeNotebook(foreign, header.snapshot.seq));
    const store = await openStore();
    expect(store.read()).toEqual(foreign);
    expect(store.status().journalNotice).toMatch(/does not belong|changed or replaced outside Leadline/);
  });

  it('was: a journal the OS refuses to read (permission denied) is reported as "damaged (line 1)" and all its changes are hidden', async () => {
    // User sees: every change since the last compaction missing, and a banner blaming damage
    // at line 1 of a journal that is intact (it could not be read: EACCES, EMFILE, EBUSY).
    // store-open.ts turns any read error into { kind: 'damaged', line: 1 } and sets the good
    // journal aside; the notice never says why.
    await crashedAfterFive();
    let refuse = true;
    const fs: NotebookFs = {
      ...nodeFs,
      readFile: async (p) => {
        if (refuse && p.endsWith('.journal')) {
          refuse = false;
          throw osError('EACCES');
        }
        return nodeFs.readFile(p);
      },
    };
    const store = await openStore({ fs });
    const notice = store.status().journalNotice ?? '';
    expect(notice).not.toMatch(/damaged \(line 1\)/);
    expect(notice).toMatch(/permission denied|cannot be read/);
  });

  // ---------------------------------------------------------------------------------
  // Files changed under a running writer
  // ---------------------------------------------------------------------------------

  it('was: a notebook file deleted while open (after an idle compaction) is not written back on close: the whole notebook is gone', async () => {
    // User loses: the notebook (edits 1–3). A sync tool or the user removes notebook.json
    // while the app is idle; on quit, close() sets snapshotDue but flush() returns at once
    // (durableSeq === seq, store-writer.ts flush) and the compaction is skipped because the
    // journal is empty — nothing ever writes the file back. The close backup finds no file
    // either (createBackup → ENOENT → null).
    const store = await openStore({ compaction: { idleMs: 20, maxJournalBytes: 1e12 } });
    for (let k = 1; k <= 3; k++) await store.commit(stateAt(k));
    await new Promise((r) => setTimeout(r, 200)); // the idle compaction folds the journal in
    await store.flush();
    expect(parseJournal(journal(), snapshotOf().journalSeq).nonEmpty).toBe(false);
    rmSync(nb);
    await store.close();
    expect(existsSync(nb)).toBe(true);
    expect(await readNotebookFile(nb)).toEqual(stateAt(3));
  });

  it('was: a journal deleted or replaced while open takes every later acknowledged save into the deleted file: a crash loses them', async () => {
    // User loses: edits 3–5, each answered "saved". The append handle stays open on the old
    // inode (store-writer.ts appendPending opens the journal once and keeps `this.journal`),
    // so after a sync tool deletes or replaces notebook.json.journal the lines go to a file
    // no one can read, and nothing notices until a compaction — a crash before it drops them.
    const store = await openStore();
    await store.commit(stateAt(1));
    await store.flush();
    await store.commit(stateAt(2)); // opens the append handle
    unlinkSync(journalPathFor(nb));
    for (let k = 3; k <= 5; k++) expect(await store.commit(stateAt(k))).toMatchObject({ onDisk: true });
    crashCopy();
    expect(counterOf(await readNotebookFile(nb))).toBe(5);
  });

  it('was: a save acknowledged while restoreBackup runs (another window) is overwritten by the restore and is in no backup', async () => {
    // User loses: edit 3, answered "saved" (onDisk true). restoreBackup takes its safety
    // backup, then pins backups, then commitSnapshot(restored) (store-writer.ts restoreBackup);
    // a commit that lands after the safety backup is journaled, acknowledged, then replaced by
    // the restore — neither the notebook nor any backup holds it.
    let during: (() => void) | undefined;
    let pinsReads = 0;
    const fs: NotebookFs = {
      ...nodeFs,
      readFile: async (p) => {
        // Pins reads during a restore: readBackup's listing, the safety backup's prune (right
        // after its copy), then pinAllBackups. The other window's save lands at the second.
        if (p.endsWith('.pins') && during && ++pinsReads === 2) {
          const run = during;
          during = undefined;
          run();
          await new Promise((r) => setTimeout(r, 50));
        }
        return nodeFs.readFile(p);
      },
    };
    let clock = new Date('2024-05-01T10:00:00.000Z');
    const store = await openStore({ fs, now: () => clock });
    await store.commit(stateAt(1));
    await store.flush();
    clock = new Date(clock.getTime() + 120_000);
    await store.commit(stateAt(2));
    await store.flush();
    const target = (await store.listBackups()).find((b) => counterOf(parseNotebook(readFileSync(b.path, 'utf8')).notebook) < 2);
    expect(target).toBeDefined();
    // No routine backup is due now: the first pins read is the safety backup's prune, right after its copy.
    let other: Promise<{ onDisk: boolean }> | undefined;
    pinsReads = 0;
    during = () => (other = store.commit(stateAt(3)));
    await store.restoreBackup(target!.id);
    expect(await other).toMatchObject({ onDisk: true });
    const backups = await listBackups(nb);
    const copies = [store.read(), ...backups.map((b) => parseNotebook(readFileSync(b.path, 'utf8')).notebook)];
    expect(copies.some((n) => counterOf(n) === 3)).toBe(true);
  });

  it('holds: a save made while close() runs (another window typing at quit) is on disk after close', async () => {
    for (const ticks of [0, 3, 10, 30]) {
      dir = mkdtempSync(join(root, 'close-'));
      nb = join(dir, 'notebook.json');
      const store = await openStore();
      await store.commit(stateAt(1));
      const closing = store.close();
      for (let i = 0; i < ticks; i++) await new Promise((r) => setImmediate(r));
      const late = store.commit(stateAt(2)).then((o) => o, (e: unknown) => e);
      await closing;
      const outcome = await Promise.race([late, new Promise((r) => setTimeout(() => r('hung'), 2_000))]);
      if (outcome instanceof Error) continue; // refused: fine, the caller was told
      expect(outcome).toMatchObject({ onDisk: true });
      expect(await readNotebookFile(nb)).toEqual(stateAt(2));
    }
  });

  it('was (crafted): a journal header that vouches for a schema-invalid snapshot crashes the open with a TypeError instead of a NotebookOpenError', async () => {
    // User sees: the app fails to start (service.ts tryOpen rethrows anything but
    // NotebookOpenError), with no move-aside and no recovery screen. A matching header
    // skips all validation (notebook-adapter.ts parseNotebook `trusted`), so a CRC-32
    // collision or a crafted header lets `notes: {}` reach markChecked
    // (notebook-check.ts: "list is not iterable"). Low likelihood (2^-32 per same-length
    // hand edit, or a deliberate header), but the trusted path has no shape check at all.
    const text = `${JSON.stringify({ schemaVersion: 3, journalSeq: 1, articles: [], excerpts: [], notes: {}, ui: { scroll: {} } })}\n`;
    writeFileSync(nb, text);
    const json = JSON.stringify({ snapshot: { seq: 1, bytes: Buffer.byteLength(text), crc32: crc32(text).toString(16).padStart(8, '0') } });
    writeFileSync(journalPathFor(nb), `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`);
    const error = await openStore({ onCorrupt: 'move-aside' }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(NotebookOpenError);
  });

  // ---------------------------------------------------------------------------------
  // Readers: the follower and the export CLI
  // ---------------------------------------------------------------------------------

  it('was: the export CLI silently exports a notebook without the changes after a damaged journal line', async () => {
    // User sees: an export missing edits 4–5 and no warning at all — README promises a
    // damaged journal "is reported"; readNotebookFile (store-open.ts) drops journal.problem.
    await crashedAfterFive();
    damageJournalLine(3);
    const err: string[] = [];
    const out: string[] = [];
    const code = await runExportCli(['--notebook', nb], {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      readNotebook: readNotebookFile,
      writeExport: async () => undefined,
      now: () => CLOCK,
      appVersion: '0.0.0',
    });
    expect(code === 0 ? err.join('') : 'refused').toMatch(/damaged|change log|refused/);
  });

  it('was: the export CLI on a notebook whose journal is a folder fails with a raw "EISDIR" instead of a NotebookOpenError saying what is wrong', async () => {
    // User sees: "leadline export: EISDIR: illegal operation on a directory, read".
    // readJournalText (journal.ts) rethrows everything but ENOENT, and readNotebookFile
    // (store-open.ts) only translates NotebookLoadFailure.
    await crashedAfterFive();
    rmSync(journalPathFor(nb));
    mkdirSync(journalPathFor(nb));
    await expect(readNotebookFile(nb)).rejects.toBeInstanceOf(NotebookOpenError);
  });

  it('was: a read-only second process that opens while the writer is mid-append keeps telling the user "Leadline stopped in the middle of saving"', async () => {
    // User sees (in the read-only window): a crash warning about a writer that is alive and
    // well, forever — journalNotice is fixed at open (store-writer.ts `readonly journalNotice`)
    // and refresh() never clears it, even after the line is complete and applied.
    const writer = await openStore();
    await writer.commit(stateAt(1));
    await writer.flush();
    const line = encodeEntry(parseJournal(journal(), snapshotOf().journalSeq).entries.length + snapshotOf().journalSeq + 1, CLOCK.toISOString(), { ui: { scroll: { x: 0.5 } } });
    const full = journal();
    appendFileSync(journalPathFor(nb), line.slice(0, 20)); // what the follower sees mid-append
    const follower = await openStore({ readOnly: true });
    writeFileSync(journalPathFor(nb), full); // the writer's append completes (here: its real next save)
    await writer.commit(stateAt(2));
    await follower.refresh();
    expect(follower.read()).toEqual(stateAt(2));
    expect(follower.status().journalNotice).toBeUndefined();
  });

  it('holds: the export CLI reading while the writer compacts again and again always sees a complete, acknowledged state', async () => {
    const store = await openStore({ compaction: { idleMs: 1, maxJournalBytes: 2_000 } });
    let acked = 0;
    let done = false;
    const writing = (async () => {
      for (let k = 1; k <= 60; k++) {
        const { onDisk } = await store.commit(stateAt(k));
        if (onDisk) acked = k;
      }
      done = true;
    })();
    while (!done) {
      const before = acked;
      const seen = counterOf(await readNotebookFile(nb));
      expect(seen).toBeGreaterThanOrEqual(before);
    }
    await writing;
  });

  it('holds: two stores in one process: the second is read-only and follows the first', async () => {
    const first = await openStore();
    const second = await openStore();
    expect(second.status().readOnly).toBe(true);
    await first.commit(stateAt(1));
    await second.refresh();
    expect(second.read()).toEqual(stateAt(1));
  });

  it('holds: open then close with no change rewrites nothing', async () => {
    const store = await openStore();
    await store.close();
    const snapshot = readFileSync(nb);
    const journalBytes = readFileSync(journalPathFor(nb));
    const again = await openStore();
    await again.close();
    expect(readFileSync(nb)).toEqual(snapshot);
    expect(readFileSync(journalPathFor(nb))).toEqual(journalBytes);
  });

  it('holds: a clock going backwards keeps saving and keeps every acknowledged save', async () => {
    let clock = new Date('2024-05-01T10:00:00.000Z');
    const store = await openStore({ now: () => clock });
    for (let k = 1; k <= 6; k++) {
      clock = new Date(clock.getTime() + (k % 2 ? -3_600_000 : 90_000));
      expect(await store.commit(stateAt(k))).toMatchObject({ onDisk: true });
    }
    crashCopy();
    expect(await readNotebookFile(nb)).toEqual(stateAt(6));
  });

  it('holds: a hand-restored backup over a journal with entries is not replayed onto (mismatch), and the journal is kept', async () => {
    await crashedAfterFive();
    const backupsDir = join(dir, 'backups');
    mkdirSync(backupsDir, { recursive: true });
    writeFileSync(nb, serializeNotebook(stateAt(0), 1));
    const store = await openStore();
    expect(store.read()).toEqual(stateAt(0));
    expect(unusedFiles()).toHaveLength(1);
  });

  it('holds: an old-schema (v2) notebook put back by hand beside a journal with entries does not get them', async () => {
    await crashedAfterFive();
    const { schemaVersion: _v, ...rest } = stateAt(0);
    writeFileSync(nb, `${JSON.stringify({ schemaVersion: 2, ...rest }, null, 1)}\n`);
    const store = await openStore();
    expect(store.read()).toEqual(stateAt(0));
    expect(store.status().journalNotice).toMatch(/does not belong/);
    await store.close();
    expect(await readNotebookFile(nb)).toEqual(stateAt(0));
  });
});
