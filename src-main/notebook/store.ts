/**
 * The notebook store: the one place that reads and writes a notebook file.
 *
 * lowdb (`Low`) holds the data and drives our NotebookAdapter, which validates and
 * migrates on read and writes atomically + durably. Around it this module adds what a
 * desktop app needs and lowdb does not do: a lock against a second writer, serialized
 * and coalesced writes, background retry after a failed save (data stays in memory),
 * rolling backups, and a corrupt file that is refused or moved aside — never overwritten.
 *
 * Plain Node, no Electron: used by the Electron main process, the browser host and the CLI.
 */
import { Low } from 'lowdb';
import { basename, dirname, join } from 'node:path';
import type { StoreInfo } from '../shared/api';
import { emptyNotebook, NotebookSchema, type Notebook } from '../shared/model';
import {
  createBackup,
  DEFAULT_BACKUP_POLICY,
  findBackup,
  isBackupDue,
  listBackups,
  pinAllBackups,
  pruneBackups,
  stampFor,
  backupsDirFor,
  type BackupInfo,
  type BackupPolicy,
} from './backups';
import { notebookProblem } from './notebook-check';
import { errorCode, nodeFs, removeStaleTempFiles, resolveLinks, type NotebookFs } from './durable-file';
import { clearRecoveryMarker, readRecoveryMarker, writeRecoveryMarker, type RecoveryMarker } from './recovery';
import { acquireLock, lockPathFor, realLockEnvironment, type HeldLock, type LockEnvironment } from './lock-file';
import { describeOsError, loadNotebookFile, NotebookAdapter, NotebookLoadFailure, parseNotebook, type LoadProblem } from './notebook-adapter';

export type { BackupInfo } from './backups';

/** Why a notebook cannot be opened: a load problem, or a damage found earlier that awaits the user's choice. */
export type NotebookProblem = LoadProblem | 'awaiting-recovery';

/** What the user chose for a notebook that was moved aside: restore one of its backups, or start over. */
export type Recovery = { kind: 'restore'; backupId: string } | { kind: 'start-over' };

/** The answer to a commit: the data is in memory either way; `onDisk` says whether it reached the file. */
export interface CommitOutcome {
  onDisk: boolean;
  /** The store's revision right after this commit. */
  revision: number;
}

/** Why a notebook could not be opened. `message` says which file, what is wrong and what to do. */
export class NotebookOpenError extends Error {
  readonly problem: NotebookProblem;
  readonly path: string;
  readonly movedTo?: string;
  readonly backups: BackupInfo[];
  /** The OS error code behind an 'unreadable' problem (ENOENT, EACCES…), when there is one. */
  readonly code?: string;

  constructor(init: { problem: NotebookProblem; path: string; message: string; movedTo?: string; backups?: BackupInfo[]; code?: string }) {
    super(init.message);
    this.name = 'NotebookOpenError';
    this.problem = init.problem;
    this.path = init.path;
    if (init.movedTo !== undefined) this.movedTo = init.movedTo;
    this.backups = init.backups ?? [];
    if (init.code !== undefined) this.code = init.code;
  }
}

/** A save that did not reach the disk. `message` is a sentence including the OS reason. */
export class NotebookWriteError extends Error {
  readonly code?: string;
  constructor(message: string, code?: string) {
    super(message);
    this.name = 'NotebookWriteError';
    if (code !== undefined) this.code = code;
  }
}

/** What the UI is told about the notebook file: the contract's StoreInfo. */
export type StoreStatus = StoreInfo;

export interface NotebookStore {
  readonly path: string;
  /** Current in-memory data; callers treat it as immutable. */
  read(): Notebook;
  /**
   * Memory is updated at once; resolves after one write attempt that includes it: onDisk
   * true when durably saved, false when the disk refused (kept in memory, retried in the
   * background; status().writeError says why). Rejects only when the store refuses the
   * data (closed, read-only, invalid) — then nothing changed.
   */
  commit(next: Notebook): Promise<CommitOutcome>;
  status(): StoreStatus;
  /** A read-only store re-reads the file when another process saved it since; a writer does nothing. */
  refresh(): Promise<void>;
  onStatusChange(listener: (s: StoreStatus) => void): () => void;
  listBackups(): Promise<BackupInfo[]>;
  restoreBackup(id: string): Promise<CommitOutcome>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  path: string;
  seed: () => Notebook;
  readOnly?: boolean;
  onCorrupt?: 'move-aside' | 'refuse';
  /** The user's choice for a notebook moved aside earlier; without one, such a notebook is not replaced. */
  recover?: Recovery;
  /** Test hooks: file-system layer (fault injection), lock environment, clock, tuning. */
  fs?: NotebookFs;
  lockEnvironment?: LockEnvironment;
  now?: () => Date;
  backupPolicy?: BackupPolicy;
  /** Delay before background retry number `attempt` (0-based) after a failed save. */
  retryDelayMs?: (attempt: number) => number;
}

const defaultRetryDelay = (attempt: number): number => Math.min(30_000, 1_000 * 2 ** attempt);

// ---------------------------------------------------------------------------------------
// Messages

function openErrorMessage(problem: NotebookProblem, path: string, detail: string, movedTo: string | undefined, backups: BackupInfo[], code?: string): string {
  const head = `Leadline cannot open the notebook "${path}": ${detail}.`;
  const backupHint = backups.length > 0 ? `You can restore the newest backup (from ${backups[0]?.createdAt}).` : 'There is no backup of it yet.';
  switch (problem) {
    case 'is-directory':
      return `${head} Rename or move that folder, or choose another notebook file.`;
    case 'unreadable':
      return code === 'ENOENT'
        ? `${head} Check the path, or choose another notebook file.`
        : `${head} Check that the file and its folder exist and that you may read them.`;
    case 'newer-version':
      return `${head} Update Leadline to open it. The file was left untouched.`;
    case 'awaiting-recovery': {
      const choice = backups.length > 0 ? `Restore the newest backup (from ${backups[0]?.createdAt}), or start a new notebook in its place` : 'There is no backup of it: start a new notebook in its place';
      return `${head} ${choice}; ${movedTo !== undefined ? 'the damaged copy and the backups stay' : 'the backups stay'} where they are.`;
    }
    case 'not-json':
    case 'invalid':
      return movedTo
        ? `${head} It was moved, unchanged, to "${movedTo}" so that nothing in it is lost. ${backupHint}`
        : `${head} The file was left untouched: restore a backup or repair the file, then open it again.`;
  }
}

function writeErrorMessage(path: string, error: unknown): string {
  return `Leadline could not save the notebook "${path}" (${describeOsError(error)}). Your changes are kept in this window and Leadline keeps retrying; the file on disk still holds the last saved version.`;
}

function toOpenError(path: string, failure: NotebookLoadFailure, movedTo: string | undefined, backups: BackupInfo[]): NotebookOpenError {
  return new NotebookOpenError({
    problem: failure.problem,
    path,
    message: openErrorMessage(failure.problem, path, failure.detail, movedTo, backups, failure.code),
    ...(movedTo !== undefined ? { movedTo } : {}),
    backups,
    ...(failure.code !== undefined ? { code: failure.code } : {}),
  });
}

function missingFileError(path: string, backups: BackupInfo[]): NotebookOpenError {
  return toOpenError(path, new NotebookLoadFailure('unreadable', 'the file does not exist', 'ENOENT'), undefined, backups);
}

/**
 * The notebook is not there, but something of it is: a damaged copy moved aside earlier
 * (the marker), or backups. The user chooses; a fresh notebook is never started silently.
 */
function awaitingRecoveryError(path: string, marker: RecoveryMarker | null, backups: BackupInfo[]): NotebookOpenError {
  let detail: string;
  if (marker) {
    const when = marker.damagedAt ? ` on ${marker.damagedAt}` : '';
    const where = marker.movedTo ? `"${marker.movedTo}"` : `a file named "${basename(path).replace(/\.json$/i, '')}.corrupt-…" beside it`;
    detail = `it was found damaged${when} (${marker.detail}) and moved, unchanged, to ${where}`;
  } else {
    detail = `the file is missing, but ${backups.length} backup${backups.length === 1 ? '' : 's'} of it exist${backups.length === 1 ? 's' : ''}`;
  }
  return new NotebookOpenError({
    problem: 'awaiting-recovery',
    path,
    message: openErrorMessage('awaiting-recovery', path, detail, marker?.movedTo, backups),
    ...(marker?.movedTo ? { movedTo: marker.movedTo } : {}),
    backups,
  });
}

/** Read-only causes, each a sentence that says what to do. */
const readOnlyBecause = {
  requested: () => 'It was opened read-only on request.',
  otherWriter: (lockReason: string, lockPath: string, elsewhere: boolean) =>
    `${capitalize(lockReason)}. Close that Leadline, then open this notebook again to edit it.` +
    (elsewhere ? ` If that computer no longer uses it (a lock left by a crash there), delete the lock file "${lockPath}" and open the notebook again.` : ''),
  folder: (dir: string, error: unknown) => {
    const code = errorCode(error);
    const fix = code === 'ENOSPC' || code === 'EDQUOT' ? 'Free some disk space' : 'Make that folder writable, or copy the notebook to a folder you can write in';
    return `Leadline cannot write in the notebook's folder "${dir}" (${describeOsError(error)}). ${fix}, then open it again.`;
  },
  file: (path: string) => `The notebook file "${path}" is marked read-only on disk. Make it writable, then open it again to edit it.`,
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A file that exists and that this process may not (or should not) write: its mode has no write bit, or the OS says no. */
async function isReadOnlyFile(path: string, fs: NotebookFs): Promise<boolean> {
  const stat = await fs.stat(path).catch(() => null);
  if (!stat) return false;
  // Root may write anything; the mode bits still say what the user meant.
  return (stat.mode & 0o222) === 0 || !(await fs.mayWrite(path));
}

// ---------------------------------------------------------------------------------------
// Opening

/**
 * Moves a damaged notebook to `<name>.corrupt-<timestamp>.json` beside it. link + unlink
 * instead of rename, because rename silently replaces an existing file and link fails
 * with EEXIST: an earlier corrupt copy is never overwritten. Nothing is deleted.
 */
async function moveAside(path: string, now: Date, fs: NotebookFs): Promise<string> {
  const stem = basename(path).replace(/\.json$/i, '');
  const base = join(dirname(path), `${stem}.corrupt-${stampFor(now)}`);
  for (let n = 1; n < 1000; n++) {
    const target = n === 1 ? `${base}.json` : `${base}-${n}.json`;
    try {
      await fs.link(path, target);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
      // No hard links here (FAT, some network shares): check, then rename.
      if (await fs.stat(target).then(() => true, () => false)) continue;
      await fs.rename(path, target);
      return target;
    }
    await fs.unlink(path);
    return target;
  }
  throw new Error(`too many corrupt copies of ${path}`);
}

/**
 * Reads a notebook without locking or writing anything (for the export CLI). Throws
 * NotebookOpenError, also when the file does not exist.
 */
export async function readNotebookFile(path: string, fs: NotebookFs = nodeFs): Promise<Notebook> {
  const absolute = await resolveLinks(path, fs);
  try {
    const loaded = await loadNotebookFile(absolute, fs);
    if (loaded) return loaded.notebook;
  } catch (error) {
    if (!(error instanceof NotebookLoadFailure)) throw error;
    throw toOpenError(absolute, error, undefined, await listBackups(absolute, fs).catch(() => []));
  }
  const backups = await listBackups(absolute, fs).catch(() => []);
  const marker = await readRecoveryMarker(absolute, fs);
  throw marker || backups.length > 0 ? awaitingRecoveryError(absolute, marker, backups) : missingFileError(absolute, []);
}

export async function openNotebookStore(options: OpenStoreOptions): Promise<NotebookStore> {
  const fs = options.fs ?? nodeFs;
  const path = await resolveLinks(options.path, fs);
  const now = options.now ?? (() => new Date());

  let lock: HeldLock | undefined;
  let readOnlyReason: string | undefined;
  if (options.readOnly) {
    readOnlyReason = readOnlyBecause.requested();
  } else {
    try {
      await fs.mkdir(dirname(path));
      const result = await acquireLock(path, options.lockEnvironment ?? realLockEnvironment);
      if (result.acquired) lock = result.lock;
      else readOnlyReason = readOnlyBecause.otherWriter(result.reason, lockPathFor(path), result.owner !== null && result.owner.hostname !== (options.lockEnvironment ?? realLockEnvironment).hostname());
    } catch (error) {
      // A read-only disk or folder: the notebook can still be read, just not saved.
      readOnlyReason = readOnlyBecause.folder(dirname(path), error);
    }
  }
  if (lock && (await isReadOnlyFile(path, fs))) {
    readOnlyReason = readOnlyBecause.file(path);
    await lock.release();
    lock = undefined;
  }

  try {
    const adapter = new NotebookAdapter(path, fs);
    const db = new Low<Notebook>(adapter, emptyNotebook()); // lowdb demands default data; replaced below
    try {
      await db.read();
    } catch (error) {
      if (!(error instanceof NotebookLoadFailure)) throw error;
      let movedTo: string | undefined;
      // Only damaged files move. A folder or an unreadable file cannot be "repaired" by
      // moving it. A file from a newer Leadline is not damaged: moving it aside would hide
      // the user's real notebook behind a fresh one (and its backups are newer too), so it
      // stays where it is and the message says to update.
      // Only the lock holder may move the file: a read-only opener does not own it.
      const movable = error.problem === 'not-json' || error.problem === 'invalid';
      if (options.onCorrupt === 'move-aside' && movable && lock) {
        // If the move cannot be made safe (a full disk), report the damage as if refusing.
        movedTo = await moveAsideForRecovery(path, error.detail, now(), fs).catch(() => undefined);
      }
      throw toOpenError(path, error, movedTo, await listBackups(path, fs).catch(() => []));
    }

    if (lock) {
      // We hold the lock, so temp files beside the notebook belong to a crashed writer.
      await removeStaleTempFiles(path, fs);
      await removeStaleTempFiles(join(backupsDirFor(path), basename(path).replace(/\.json$/i, '')), fs);
    }

    const backups = await listBackups(path, fs).catch(() => []);
    const store = new Store({
      path,
      db,
      fs,
      now,
      lock,
      readOnlyReason,
      backupPolicy: options.backupPolicy ?? DEFAULT_BACKUP_POLICY,
      retryDelayMs: options.retryDelayMs ?? defaultRetryDelay,
      newestBackupAt: backups[0]?.createdAt,
    });

    const loaded = adapter.lastLoad;
    if (!loaded) {
      const marker = await readRecoveryMarker(path, fs);
      if (!lock) throw marker || backups.length > 0 ? awaitingRecoveryError(path, marker, backups) : missingFileError(path, backups);
      if ((marker || backups.length > 0) && !options.recover) throw awaitingRecoveryError(path, marker, backups);
      const recovered = options.recover?.kind === 'restore' ? await readBackup(path, options.recover.backupId, fs) : undefined;
      // A notebook that went missing: its backups stay, whatever the new one does.
      if (!marker && backups.length > 0) await pinAllBackups(path, `taken before the notebook file went missing (noticed ${now().toISOString()})`, fs);
      const seed = recovered?.notebook ?? NotebookSchema.parse(options.seed()); // an invalid seed is a programming error
      const { onDisk } = await store.initialWrite(seed, { backupFirst: false });
      if (recovered) store.recoveredFrom = recovered.path;
      // Until the choice is on disk, the next launch must ask again.
      if (marker && onDisk) await clearRecoveryMarker(path, fs).catch(() => undefined);
    } else {
      store.lastSavedAt = await fs.stat(path).then((s) => s.mtime.toISOString(), () => undefined);
      store.loadedStamp = await fileStamp(path, fs);
      // A valid notebook is in place (put back by hand, or a restore whose cleanup was cut short).
      if (lock) await clearRecoveryMarker(path, fs).catch(() => undefined);
      if (loaded.migratedFrom !== undefined && lock) {
        // Keep the file exactly as the older version wrote it, then save the migrated form.
        await store.initialWrite(loaded.notebook, { backupFirst: true });
      }
    }
    return store;
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

/**
 * Moves a damaged notebook aside so that the user can recover — but only once that is
 * safe: first the backups taken before are pinned (a fresh notebook's saves must not
 * prune them) and the marker that makes every launch ask again is written. If either
 * cannot be written (a full disk), nothing moves and the damaged file stays where it is.
 */
async function moveAsideForRecovery(path: string, detail: string, at: Date, fs: NotebookFs): Promise<string> {
  const damagedAt = at.toISOString();
  await pinAllBackups(path, `taken before the notebook was found damaged on ${damagedAt}`, fs);
  await writeRecoveryMarker(path, { movedTo: '', damagedAt, detail }, fs);
  let movedTo: string;
  try {
    movedTo = await moveAside(path, at, fs);
  } catch (error) {
    await clearRecoveryMarker(path, fs).catch(() => undefined);
    throw error;
  }
  // The marker already holds back a fresh notebook; naming the copy is for the message.
  await writeRecoveryMarker(path, { movedTo, damagedAt, detail }, fs).catch(() => undefined);
  return movedTo;
}

/** A backup's notebook, validated; throws NotebookOpenError when there is no such backup or it is damaged. */
async function readBackup(path: string, id: string, fs: NotebookFs): Promise<{ notebook: Notebook; path: string }> {
  const info = await findBackup(path, id, fs);
  if (!info) {
    throw new NotebookOpenError({
      problem: 'unreadable',
      path: backupsDirFor(path),
      message: `Leadline cannot restore the backup "${id}": there is no such backup of "${path}". Choose one from the list of backups.`,
      backups: await listBackups(path, fs).catch(() => []),
      code: 'ENOENT',
    });
  }
  try {
    return { notebook: parseNotebook((await fs.readFile(info.path)).toString('utf8')).notebook, path: info.path };
  } catch (error) {
    const failure = error instanceof NotebookLoadFailure ? error : new NotebookLoadFailure('unreadable', `it cannot be read (${describeOsError(error)})`, errorCode(error));
    throw new NotebookOpenError({
      problem: failure.problem,
      path: info.path,
      message: `Leadline cannot restore the backup from ${info.createdAt}: ${failure.detail}. Nothing was changed; choose another backup.`,
      backups: await listBackups(path, fs).catch(() => []),
      ...(failure.code !== undefined ? { code: failure.code } : {}),
    });
  }
}

/** What identifies one saved version of a file, to notice another process's save. */
async function fileStamp(path: string, fs: NotebookFs): Promise<string | undefined> {
  // Every save renames a new file into place: a new inode, even when size and mtime look the same.
  return fs.stat(path).then(
    (s) => `${s.ino}:${s.size}:${s.mtime.getTime()}`,
    () => undefined,
  );
}

// ---------------------------------------------------------------------------------------
// The store

type Waiter = (onDisk: boolean) => void;

interface StoreInit {
  path: string;
  db: Low<Notebook>;
  fs: NotebookFs;
  now: () => Date;
  lock: HeldLock | undefined;
  readOnlyReason: string | undefined;
  backupPolicy: BackupPolicy;
  retryDelayMs: (attempt: number) => number;
  newestBackupAt: string | undefined;
}

class Store implements NotebookStore {
  readonly path: string;
  lastSavedAt: string | undefined;
  recoveredFrom: string | undefined;
  /** For a read-only store: the file version last read, to notice another process's saves. */
  loadedStamp: string | undefined;
  /** Counts changes to the records (articles, excerpts, notes), so open windows notice each other's. */
  private revision = 0;
  private readonly db: Low<Notebook>;
  private readonly fs: NotebookFs;
  private readonly now: () => Date;
  private lock: HeldLock | undefined;
  private readonly readOnlyReason: string | undefined;
  private readonly policy: BackupPolicy;
  private readonly retryDelayMs: (attempt: number) => number;
  private newestBackupAt: string | undefined;
  private writeError: string | undefined;
  /** The OS reason of the last failed save, in words ("the disk is full, ENOSPC"). */
  private writeReason: string | undefined;
  private readonly listeners = new Set<(s: StoreStatus) => void>();

  // Write pipeline state. `dirty`: memory is newer than the disk. `writing`: a drain loop
  // runs. `inFlight`: the current attempt. `waiters`: commits the next write settles.
  private dirty = false;
  private writing = false;
  private inFlight: Promise<boolean> | undefined;
  private waiters: Waiter[] = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;
  /** A save reached the disk after the newest backup was taken. */
  private savedSinceBackup = false;

  constructor(init: StoreInit) {
    this.path = init.path;
    this.db = init.db;
    this.fs = init.fs;
    this.now = init.now;
    this.lock = init.lock;
    this.readOnlyReason = init.readOnlyReason;
    this.policy = init.backupPolicy;
    this.retryDelayMs = init.retryDelayMs;
    this.newestBackupAt = init.newestBackupAt;
  }

  read(): Notebook {
    return this.db.data;
  }

  status(): StoreStatus {
    const s: StoreStatus = { path: this.path, readOnly: this.readOnlyReason !== undefined, revision: this.revision };
    if (this.readOnlyReason !== undefined) s.readOnlyReason = this.readOnlyReason;
    if (this.lastSavedAt !== undefined) s.lastSavedAt = this.lastSavedAt;
    if (this.writeError !== undefined) s.writeError = this.writeError;
    if (this.recoveredFrom !== undefined) s.recoveredFrom = this.recoveredFrom;
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
    const refused = this.refuseWrite();
    if (refused) return Promise.reject(refused);
    // Never let invalid data reach the disk: the file would then refuse to open.
    const problem = notebookProblem(next);
    if (problem !== null) {
      return Promise.reject(new NotebookWriteError(`Leadline refused to save the notebook "${this.path}": the data is invalid (${problem}). The previous version is kept.`));
    }
    const before = this.db.data;
    if (next.articles !== before.articles || next.excerpts !== before.excerpts || next.notes !== before.notes) this.revision++;
    this.db.data = next;
    this.dirty = true;
    const revision = this.revision;
    const settled = new Promise<CommitOutcome>((resolve) => this.waiters.push((onDisk) => resolve({ onDisk, revision })));
    // A new edit is worth an immediate attempt even while a retry is scheduled: the user
    // may just have freed disk space.
    this.clearRetry();
    this.kick();
    return settled;
  }

  /** Used by open: the seed of a new file, or migrated data. */
  async initialWrite(data: Notebook, { backupFirst }: { backupFirst: boolean }): Promise<CommitOutcome> {
    if (backupFirst) {
      // Migrated data: without a copy of the original, leave the file as it is until the
      // next edit (whose routine backup tries again); the migrated form lives in memory.
      const copied = await this.backup(true).then(() => true, () => false);
      if (!copied) {
        this.db.data = data;
        return { onDisk: false, revision: this.revision };
      }
    }
    // A failure here leaves the store open with writeError set and retrying, like any save.
    return this.commit(data);
  }

  async refresh(): Promise<void> {
    if (this.readOnlyReason === undefined || this.closed) return;
    const stamp = await fileStamp(this.path, this.fs);
    if (stamp === undefined || stamp === this.loadedStamp) return;
    // The writer replaces the file atomically, so this reads one whole version; a damaged
    // one (a hand edit) is ignored and the last good data stays.
    const loaded = await loadNotebookFile(this.path, this.fs).catch(() => null);
    if (!loaded) return;
    this.loadedStamp = stamp;
    this.db.data = loaded.notebook;
    this.lastSavedAt = await this.fs.stat(this.path).then((s) => s.mtime.toISOString(), () => this.lastSavedAt);
    this.revision++;
    this.emit();
  }

  private kick(): void {
    if (this.writing || this.closed) return;
    this.writing = true;
    void this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.dirty && this.retryTimer === undefined && !this.closed) {
        this.inFlight = this.writeOnce();
        const ok = await this.inFlight;
        this.inFlight = undefined;
        // A commit that arrived after the failure was answered gets its own attempt now,
        // not after the retry delay.
        if (!ok && this.waiters.length === 0) {
          this.scheduleRetry();
          break;
        }
      }
    } finally {
      this.writing = false; // set in the same tick as the last `dirty` check: no lost wake-up
    }
  }

  /**
   * One save attempt of the latest data; settles every commit waiting for it. After a
   * failure, commits that arrived during the attempt are answered too (kept in memory):
   * no caller waits for the background retry, and all hear the same answer.
   */
  private async writeOnce(): Promise<boolean> {
    await this.backupIfDue();
    // Everything committed up to here is in db.data; the adapter serializes it synchronously.
    const batch = this.waiters.splice(0);
    this.dirty = false;
    try {
      await this.db.write();
    } catch (error) {
      this.dirty = true;
      this.failures++;
      this.writeError = writeErrorMessage(this.path, error);
      this.writeReason = describeOsError(error);
      for (const settle of [...batch, ...this.waiters.splice(0)]) settle(false);
      this.emit();
      return false;
    }
    this.failures = 0;
    this.writeError = undefined;
    this.lastSavedAt = this.now().toISOString();
    this.savedSinceBackup = true;
    for (const settle of batch) settle(true);
    this.emit();
    return true;
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

  /** Copies the file on disk (the last good version) into backups/ and prunes. */
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
      // broken backups/ folder is not retried on every keystroke.
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
    // Let pending saves land first so the safety backup holds the latest saved state.
    await this.flush().catch(() => undefined);
    await this.backup(true);
    // The state being replaced and what came before stay until the user unpins them;
    // without that promise kept, nothing is restored.
    await pinAllBackups(this.path, `taken before a backup was restored on ${this.now().toISOString()}`, this.fs).catch((error: unknown) => {
      throw new NotebookWriteError(`Leadline could not pin the backups before restoring (${describeOsError(error)}); nothing was changed. Free some disk space, then try again.`, errorCode(error));
    });
    const outcome = await this.commit(restored.notebook);
    this.recoveredFrom = restored.path;
    this.emit();
    return outcome;
  }

  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    if (!this.dirty || this.closed) return;
    // Pending data (maybe after a failed save): make an attempt now and report its result.
    const onDisk = await new Promise<boolean>((resolve) => {
      this.waiters.push(resolve);
      this.clearRetry();
      this.kick();
    });
    if (!onDisk) throw new NotebookWriteError(`Leadline could not write the latest changes to "${this.path}" (${this.writeReason ?? 'the disk refused them'}); the file holds the last saved version.`);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.readOnlyReason === undefined) {
        // The file was deleted while open (by hand, by a sync tool): write it back, not leave nothing.
        if (!this.dirty && !(await this.fs.stat(this.path).then(() => true, () => false))) {
          this.dirty = true;
          this.kick();
        }
        await this.flush();
        // Routine backups copy the file before a save, at most once a minute: without this
        // one, the end of a session would be missing from backups/ until the next session.
        if (this.savedSinceBackup) await this.backup(false);
      }
    } finally {
      this.closed = true;
      this.clearRetry();
      const lock = this.lock;
      this.lock = undefined;
      await lock?.release();
    }
  }
}
