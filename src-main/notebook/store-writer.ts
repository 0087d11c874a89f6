/**
 * The open notebook: memory, the write queue, the journal and compaction.
 *
 * A commit updates memory at once and queues its change as one journal line; the queue
 * appends every line waiting, fsyncs once (group commit) and only then answers those
 * commits "on disk". So a save costs what changed, not the size of the notebook.
 *
 * Compaction rewrites the snapshot (the notebook file, durably, through lowdb) and starts
 * the journal afresh: when the journal passes a size, after a quiet spell, and on close.
 * A whole snapshot is also written whenever appending is not safe: the first save of a
 * new file, a migrated or restored notebook, and after a failed append (which may have
 * left part of a line behind: appending after it would damage the journal's middle).
 *
 * Writes never overlap: one drain loop runs them in order. A failed save keeps the data
 * in memory, tells every waiting caller at once, and is retried in the background.
 */
import type { Low } from 'lowdb';
import { createBackup, isBackupDue, listBackups, pinAllBackups, pruneBackups, type BackupInfo, type BackupPolicy } from './backups';
import { errorCode, nodeFs, syncDirectory, writeFileDurable, type DurableHandle, type NotebookFs } from './durable-file';
import { encodeEntry, encodeHeader, journalNotice, journalPathFor } from './journal';
import { loadNotebookState } from './load-notebook';
import { deltaBetween } from './notebook-delta';
import { changeProblem } from './notebook-check';
import { describeOsError, type NotebookAdapter, type Snapshot } from './notebook-adapter';
import type { HeldLock } from './lock-file';
import { NotebookWriteError, writeErrorMessage } from './store-messages';
import { readBackup } from './read-backup';
import type { CommitOutcome, CompactionPolicy, NotebookStore, StoreStatus } from './store';
import { dirname } from 'node:path';
import type { Notebook } from '../shared/model';

interface Waiter {
  seq: number;
  settle: (onDisk: boolean) => void;
}

interface JournalLine {
  seq: number;
  text: string;
}

export interface WriterInit {
  path: string;
  db: Low<Snapshot>;
  /** The db's adapter: it tells the size and checksum of the snapshot it wrote. */
  adapter: NotebookAdapter;
  notebook: Notebook;
  /** The last journal entry in memory (what the snapshot and the journal on disk hold). */
  seq: number;
  /** Bytes in the journal file now (0 when it is empty or absent). */
  journalBytes: number;
  /** The journal ends in part of a line (a crash while appending): see JournaledStore.journalDirty. */
  journalDirty: boolean;
  fs: NotebookFs;
  now: () => Date;
  lock: HeldLock | undefined;
  readOnlyReason: string | undefined;
  backupPolicy: BackupPolicy;
  compaction: CompactionPolicy;
  retryDelayMs: (attempt: number) => number;
  newestBackupAt: string | undefined;
  journalNotice: string | undefined;
  /** For a read-only store: the version of snapshot + journal read, to notice another process's saves. */
  loadedStamp: string | undefined;
}

export class JournaledStore implements NotebookStore {
  readonly path: string;
  lastSavedAt: string | undefined;
  recoveredFrom: string | undefined;
  private notebook: Notebook;
  /** Counts changes to the records (articles, excerpts, notes), so open windows notice each other's. */
  private revision = 0;
  private readonly db: Low<Snapshot>;
  private readonly adapter: NotebookAdapter;
  private readonly fs: NotebookFs;
  private readonly now: () => Date;
  private lock: HeldLock | undefined;
  private readonly readOnlyReason: string | undefined;
  private readonly policy: BackupPolicy;
  private readonly compaction: CompactionPolicy;
  private readonly retryDelayMs: (attempt: number) => number;
  private journalNotice: string | undefined;
  private loadedStamp: string | undefined;
  private newestBackupAt: string | undefined;
  private writeError: string | undefined;
  /** The OS reason of the last failed save, in words ("the disk is full, ENOSPC"). */
  private writeReason: string | undefined;
  private readonly listeners = new Set<(s: StoreStatus) => void>();

  // Sequence numbers: `seq` is the newest change in memory, `durableSeq` the newest on disk.
  private seq: number;
  private durableSeq: number;
  /** Journal lines not yet appended. */
  private pending: JournalLine[] = [];
  private waiters: Waiter[] = [];
  private journal: DurableHandle | undefined;
  private journalBytes: number;
  /** The next write must be a whole snapshot (see the header). */
  private snapshotDue = false;
  /** The last journal entry the snapshot on disk holds. */
  private snapshotSeq: number;
  /** Migrated data kept in memory only (its original could not be backed up): the next save writes a snapshot. */
  private migrationPending = false;
  /** The inode of the journal the append handle writes to: a journal deleted or replaced meanwhile is noticed. */
  private journalIno: number | undefined;
  /** A compaction is wanted when convenient (size, a quiet spell, close). */
  private compactWanted = false;
  /**
   * The journal file may hold bytes it must not be appended to: part of a line from a
   * failed append or an earlier crash, or lines a failed reset left. Until a snapshot
   * has emptied it, saves write whole snapshots.
   */
  private journalDirty: boolean;
  private writing = false;
  private drained: Promise<void> = Promise.resolve();
  private inFlight: Promise<boolean> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;
  /** The snapshot changed after the newest backup was taken. */
  private savedSinceBackup = false;

  constructor(init: WriterInit) {
    this.path = init.path;
    this.db = init.db;
    this.adapter = init.adapter;
    this.notebook = init.notebook;
    this.seq = init.seq;
    this.durableSeq = init.seq;
    this.snapshotSeq = init.seq;
    this.journalBytes = init.journalBytes;
    this.journalDirty = init.journalDirty;
    this.fs = init.fs;
    this.now = init.now;
    this.lock = init.lock;
    this.readOnlyReason = init.readOnlyReason;
    this.policy = init.backupPolicy;
    this.compaction = init.compaction;
    this.retryDelayMs = init.retryDelayMs;
    this.newestBackupAt = init.newestBackupAt;
    this.journalNotice = init.journalNotice;
    this.loadedStamp = init.loadedStamp;
  }

  read(): Notebook {
    return this.notebook;
  }

  status(): StoreStatus {
    const s: StoreStatus = { path: this.path, readOnly: this.readOnlyReason !== undefined, revision: this.revision };
    if (this.readOnlyReason !== undefined) s.readOnlyReason = this.readOnlyReason;
    if (this.lastSavedAt !== undefined) s.lastSavedAt = this.lastSavedAt;
    if (this.writeError !== undefined) s.writeError = this.writeError;
    if (this.recoveredFrom !== undefined) s.recoveredFrom = this.recoveredFrom;
    if (this.journalNotice !== undefined) s.journalNotice = this.journalNotice;
    return s;
  }

  onStatusChange(listener: (s: StoreStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    const s = this.status();
    for (const listener of this.listeners) {
      try {
        listener(s);
      } catch {
        // A broken listener must not break saving.
      }
    }
  }

  private refuseWrite(): NotebookWriteError | undefined {
    if (this.closed) return new NotebookWriteError(`The notebook "${this.path}" is closed; nothing was saved.`);
    if (this.readOnlyReason !== undefined) {
      return new NotebookWriteError(`The notebook "${this.path}" is open read-only (${this.readOnlyReason}); nothing was saved.`, 'EREADONLY');
    }
    return undefined;
  }

  commit(next: Notebook): Promise<CommitOutcome> {
    const change = deltaBetween(this.notebook, next);
    // Nothing changed: "onDisk" says whether everything so far is on disk.
    if (!change) return Promise.resolve({ changed: false, onDisk: this.durableSeq === this.seq && this.writeError === undefined, revision: this.revision });
    const refused = this.refuseWrite();
    if (refused) return Promise.reject(refused);
    // Never let invalid data reach the disk: the notebook would then refuse to open.
    const problem = changeProblem(next, change.delta);
    if (problem !== null) {
      return Promise.reject(new NotebookWriteError(`Leadline refused to save the notebook "${this.path}": the data is invalid (${problem}). The previous version is kept.`));
    }
    this.notebook = next;
    if (change.records) this.revision++;
    if (this.migrationPending) {
      this.migrationPending = false;
      this.snapshotDue = true; // an older version's file takes no journal lines
    }
    const seq = ++this.seq;
    this.pending.push({ seq, text: encodeEntry(seq, this.now().toISOString(), change.delta) });
    return this.settledAt(seq);
  }

  /** Replaces the whole notebook with a snapshot write (a seed, migrated data, a restored backup). */
  private commitSnapshot(next: Notebook): Promise<CommitOutcome> {
    if (deltaBetween(this.notebook, next)?.records) this.revision++;
    this.notebook = next;
    this.snapshotDue = true;
    return this.settledAt(++this.seq);
  }

  private settledAt(seq: number): Promise<CommitOutcome> {
    const revision = this.revision;
    const settled = new Promise<CommitOutcome>((resolve) => this.waiters.push({ seq, settle: (onDisk) => resolve({ changed: true, onDisk, revision }) }));
    // A new edit is worth an immediate attempt even while a retry is scheduled: the user
    // may just have freed disk space.
    this.clearRetry();
    this.kick();
    return settled;
  }

  /** Used by open: the seed of a new file, or migrated data (the original copied to backups first). */
  async initialWrite(data: Notebook, { backupFirst }: { backupFirst: boolean }): Promise<CommitOutcome> {
    if (backupFirst) {
      // Migrated data: without a copy of the original, leave the file as it is until the
      // next save (whose routine backup tries again); the migrated form lives in memory.
      const copied = await this.backup(true).then(() => true, () => false);
      if (!copied) {
        this.notebook = data;
        this.migrationPending = true;
        return { changed: true, onDisk: false, revision: this.revision };
      }
    }
    // A failure here leaves the store open with writeError set and retrying, like any save.
    return this.commitSnapshot(data);
  }

  /** Open read a journal cut short, or kept it aside: what was read is only in memory, so a snapshot comes first. */
  startWithSnapshot(): void {
    this.snapshotDue = true;
    this.kick();
  }

  /** Folds a journal left by a session that did not close into the snapshot, in the background. */
  compactSoon(): void {
    this.compactWanted = true;
    this.kick();
  }

  async refresh(): Promise<void> {
    if (this.readOnlyReason === undefined || this.closed) return;
    const stamp = await fileStamp(this.path, this.fs);
    if (stamp === undefined || stamp === this.loadedStamp) return;
    // The writer replaces the snapshot atomically and appends whole lines, so this reads a
    // version it committed; a damaged snapshot (a hand edit) is ignored and the last good data stays.
    const loaded = await loadNotebookState(this.path, this.fs).catch(() => null);
    if (!loaded) return;
    this.loadedStamp = stamp;
    this.notebook = loaded.notebook;
    // A torn last line is the writer mid-append, not news; damage is.
    const problem = loaded.journal.problem?.kind === 'torn-tail' ? undefined : loaded.journal.problem;
    this.journalNotice = journalNotice(problem, undefined);
    this.lastSavedAt = await this.fs.stat(this.path).then((s) => s.mtime.toISOString(), () => this.lastSavedAt);
    this.revision++;
    this.emit();
  }

  private kick(): void {
    if (this.writing || this.closed) return;
    this.writing = true;
    this.drained = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (!this.closed && this.retryTimer === undefined) {
        let attempt: Promise<boolean>;
        const journalHasMore = this.journalBytes > 0 || this.journalDirty;
        if (this.snapshotDue || (this.pending.length > 0 && this.journalDirty)) attempt = this.writeSnapshot(true);
        else if (this.pending.length > 0) attempt = this.appendPending();
        else if (this.compactWanted && journalHasMore) attempt = this.writeSnapshot(false);
        else break;
        this.inFlight = attempt;
        const ok = await attempt;
        this.inFlight = undefined;
        // A commit that arrived after the failure was answered gets its own attempt now,
        // not after the retry delay.
        if (!ok && this.waiters.length === 0) {
          this.scheduleRetry();
          break;
        }
      }
    } finally {
      this.writing = false; // set in the same tick as the last check: no lost wake-up
    }
  }

  /**
   * Whether appending is safe: the journal we hold is still the file at its path, and the
   * snapshot it continues is still there. A file deleted or replaced meanwhile (by hand, by
   * a sync tool) would take the lines where no open ever reads them.
   */
  private async journalStillOurs(): Promise<boolean> {
    const [journal, snapshot] = await Promise.all([this.fs.stat(journalPathFor(this.path)).catch(() => null), this.fs.stat(this.path).catch(() => null)]);
    return snapshot !== null && (this.journal === undefined || journal?.ino === this.journalIno);
  }

  /** Appends every waiting line with one write and one fsync. */
  private async appendPending(): Promise<boolean> {
    if (!(await this.journalStillOurs())) {
      await this.closeJournal();
      this.snapshotDue = true; // the drain loop writes it, with a fresh journal
      return true;
    }
    const batch = this.pending.splice(0);
    const text = batch.map((line) => line.text).join('');
    try {
      if (!this.journal) {
        this.journal = await this.fs.open(journalPathFor(this.path), 'a');
        this.journalIno = (await this.fs.stat(journalPathFor(this.path))).ino;
        await syncDirectory(dirname(this.path), this.fs); // a new journal's name must survive a power cut too
      }
      await this.journal.writeFile(text);
      await this.journal.sync();
    } catch (error) {
      this.pending.unshift(...batch);
      await this.closeJournal();
      this.journalDirty = true;
      return this.failed(error);
    }
    this.journalBytes += Buffer.byteLength(text);
    this.durableSeq = Math.max(this.durableSeq, batch.at(-1)?.seq ?? 0);
    // A routine backup is a copy of the snapshot, so one that is due needs a fresh snapshot
    // after it: backups keep their rhythm (at most one a minute) while someone types.
    if (this.journalBytes >= this.compaction.maxJournalBytes || isBackupDue(this.newestBackupAt, this.now(), this.policy)) this.compactWanted = true;
    else this.compactWhenIdle();
    this.succeeded();
    return true;
  }

  /**
   * Writes the whole notebook as the new snapshot, then empties the journal (every line
   * in it is in the snapshot now). `required`: a save depends on it; otherwise it is
   * housekeeping, whose failure costs nothing (the journal still holds everything).
   */
  private async writeSnapshot(required: boolean): Promise<boolean> {
    await this.backupIfDue();
    const seq = this.seq;
    this.db.data = { notebook: this.notebook, journalSeq: seq };
    try {
      await this.db.write(); // serializes synchronously: exactly the data of `seq`
    } catch (error) {
      if (!required) {
        this.compactWanted = false;
        this.compactWhenIdle();
        return true;
      }
      return this.failed(error);
    }
    this.pending = this.pending.filter((line) => line.seq > seq);
    this.durableSeq = Math.max(this.durableSeq, seq);
    this.snapshotSeq = seq;
    this.snapshotDue = false;
    this.compactWanted = false;
    this.savedSinceBackup = true;
    // Every line in the journal is in the snapshot now (and skipped if read). If it
    // cannot be started afresh, journalDirty stays set and saves keep writing snapshots.
    await this.resetJournal(seq).catch(() => (this.journalDirty = true));
    this.succeeded();
    return true;
  }

  /** Starts the journal afresh: only its header, naming the snapshot just written. */
  private async resetJournal(seq: number): Promise<void> {
    await this.closeJournal();
    const written = this.adapter.lastWritten;
    await writeFileDurable(journalPathFor(this.path), written ? encodeHeader({ seq, ...written }) : '', this.fs);
    this.journalBytes = 0;
    this.journalDirty = false;
  }

  private async closeJournal(): Promise<void> {
    const handle = this.journal;
    this.journal = undefined;
    await handle?.close().catch(() => undefined);
  }

  private succeeded(): void {
    this.failures = 0;
    this.writeError = undefined;
    this.lastSavedAt = this.now().toISOString();
    const still: Waiter[] = [];
    for (const waiter of this.waiters.splice(0)) {
      if (waiter.seq <= this.durableSeq) waiter.settle(true);
      else still.push(waiter);
    }
    this.waiters.push(...still);
    this.emit();
  }

  /** Every caller waiting hears "kept in memory" now; none waits for the background retry. */
  private failed(error: unknown): false {
    this.failures++;
    this.writeError = writeErrorMessage(this.path, error);
    this.writeReason = describeOsError(error);
    for (const waiter of this.waiters.splice(0)) waiter.settle(false);
    this.emit();
    return false;
  }

  private compactWhenIdle(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    const timer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.journalBytes === 0 || this.closed) return;
      this.compactWanted = true;
      this.kick();
    }, this.compaction.idleMs);
    timer.unref(); // housekeeping never keeps a CLI or test process alive
    this.idleTimer = timer;
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    this.clearRetry();
    const timer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, this.retryDelayMs(this.failures - 1));
    // Do not keep a CLI or test process alive just to retry; flush()/close() force an attempt.
    timer.unref();
    this.retryTimer = timer;
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async backupIfDue(): Promise<void> {
    if (isBackupDue(this.newestBackupAt, this.now(), this.policy)) await this.backup(false);
  }

  /** Copies the snapshot on disk (a committed version) into backups/ and prunes. */
  private async backup(force: boolean): Promise<BackupInfo | null> {
    const at = this.now();
    try {
      const made = await createBackup(this.path, at, this.fs);
      if (!made) return null; // no file yet (the very first save): nothing to keep
      this.newestBackupAt = made.createdAt;
      this.savedSinceBackup = false;
      await pruneBackups(this.path, at, this.policy, this.fs);
      return made;
    } catch (error) {
      if (force) throw new NotebookWriteError(`Leadline could not back up the notebook "${this.path}" (${describeOsError(error)}); nothing was changed.`, errorCode(error));
      // Routine backups must not block saving the user's work; note the attempt so a
      // broken backups/ folder is not retried on every save.
      this.newestBackupAt = at.toISOString();
      return null;
    }
  }

  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.path, this.fs);
  }

  async restoreBackup(id: string): Promise<CommitOutcome> {
    const refused = this.refuseWrite();
    if (refused) throw refused;
    const restored = await readBackup(this.path, id, this.fs);
    // The safety backup must hold the latest state, also a save another window makes
    // meanwhile: until a round passes with no save between the snapshot and the pins, again.
    for (let round = 1; ; round++) {
      await this.flush();
      this.compactWanted = true;
      this.kick();
      await this.drained;
      if (this.journalBytes > 0 || this.journalDirty || this.snapshotSeq !== this.seq) {
        throw new NotebookWriteError(`Leadline could not save the notebook "${this.path}" before restoring (${this.writeReason ?? 'the disk refused it'}); nothing was changed.`);
      }
      const covered = this.seq;
      await this.backup(true);
      // The state being replaced and what came before stay until the user unpins them;
      // without that promise kept, nothing is restored.
      await pinAllBackups(this.path, `taken before a backup was restored on ${this.now().toISOString()}`, this.fs).catch((error: unknown) => {
        throw new NotebookWriteError(`Leadline could not pin the backups before restoring (${describeOsError(error)}); nothing was changed. Free some disk space, then try again.`, errorCode(error));
      });
      if (this.seq === covered) break; // no await from here to the restore: nothing can slip in
      if (round === 3) throw new NotebookWriteError(`Leadline did not restore the backup: changes kept arriving from another window while it made the safety copy. Nothing was changed; try again.`);
    }
    const outcome = await this.commitSnapshot(restored.notebook);
    this.recoveredFrom = restored.path;
    this.emit();
    return outcome;
  }

  /** Resolves once everything committed is on disk and the queue's housekeeping (a compaction, a backup) is done. */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    if (this.durableSeq === this.seq || this.closed) return this.drained;
    // Pending data (maybe after a failed save): make an attempt now and report its result.
    const onDisk = await new Promise<boolean>((resolve) => {
      this.waiters.push({ seq: this.seq, settle: resolve });
      this.clearRetry();
      this.kick();
    });
    if (!onDisk) throw new NotebookWriteError(`Leadline could not write the latest changes to "${this.path}" (${this.writeReason ?? 'the disk refused them'}); the file holds the last saved version.`);
    await this.drained;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.readOnlyReason === undefined) {
        // The file was deleted while open (by hand, by a sync tool): write it back, not leave nothing.
        if (!(await this.fs.stat(this.path).then(() => true, () => false))) this.snapshotDue = true;
        await this.flush();
        // Leave the snapshot with everything and the journal with its header only.
        if (this.snapshotDue || this.journalBytes > 0 || this.journalDirty) {
          this.compactWanted = true;
          this.kick();
          await this.drained;
        }
        // Routine backups copy the file before a snapshot, at most once a minute: without
        // this one, the end of a session would be missing from backups/ until the next session.
        if (this.savedSinceBackup) await this.backup(false);
      }
    } finally {
      this.closed = true;
      this.clearRetry();
      if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
      await this.closeJournal();
      const lock = this.lock;
      this.lock = undefined;
      await lock?.release();
    }
  }
}

/** What identifies one saved version of the snapshot and the journal, to notice another process's saves. */
export async function fileStamp(path: string, fs: NotebookFs = nodeFs): Promise<string | undefined> {
  // Every snapshot renames a new file into place: a new inode, even when size and mtime look the same.
  const stampOf = (p: string) => fs.stat(p).then((s) => `${s.ino}:${s.size}:${s.mtime.getTime()}`, () => undefined);
  const snapshot = await stampOf(path);
  return snapshot === undefined ? undefined : `${snapshot}/${(await stampOf(journalPathFor(path))) ?? '-'}`;
}
