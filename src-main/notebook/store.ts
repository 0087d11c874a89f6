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
import { basename, dirname, join, resolve } from 'node:path';
import type { StoreInfo } from '../shared/api';
import { emptyNotebook, NotebookSchema, type Notebook } from '../shared/model';
import {
  createBackup,
  DEFAULT_BACKUP_POLICY,
  findBackup,
  isBackupDue,
  listBackups,
  pruneBackups,
  stampFor,
  backupsDirFor,
  type BackupInfo,
  type BackupPolicy,
} from './backups';
import { notebookProblem } from './notebook-check';
import { errorCode, nodeFs, removeStaleTempFiles, type NotebookFs } from './durable-file';
import { acquireLock, realLockEnvironment, type HeldLock, type LockEnvironment } from './lock-file';
import { describeOsError, loadNotebookFile, NotebookAdapter, NotebookLoadFailure, parseNotebook, type LoadProblem } from './notebook-adapter';

export type { BackupInfo } from './backups';

export type NotebookProblem = LoadProblem;

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
  /** Memory is updated at once; resolves when the data is durably on disk. */
  commit(next: Notebook): Promise<void>;
  status(): StoreStatus;
  onStatusChange(listener: (s: StoreStatus) => void): () => void;
  listBackups(): Promise<BackupInfo[]>;
  restoreBackup(id: string): Promise<void>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  path: string;
  seed: () => Notebook;
  readOnly?: boolean;
  onCorrupt?: 'move-aside' | 'refuse';
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
  const absolute = resolve(path);
  try {
    const loaded = await loadNotebookFile(absolute, fs);
    if (loaded) return loaded.notebook;
  } catch (error) {
    if (!(error instanceof NotebookLoadFailure)) throw error;
    throw toOpenError(absolute, error, undefined, await listBackups(absolute, fs).catch(() => []));
  }
  throw missingFileError(absolute, []);
}

export async function openNotebookStore(options: OpenStoreOptions): Promise<NotebookStore> {
  const path = resolve(options.path);
  const fs = options.fs ?? nodeFs;
  const now = options.now ?? (() => new Date());

  let lock: HeldLock | undefined;
  let readOnlyReason: string | undefined;
  if (options.readOnly) {
    readOnlyReason = 'it was opened read-only on request';
  } else {
    try {
      await fs.mkdir(dirname(path));
      const result = await acquireLock(path, options.lockEnvironment ?? realLockEnvironment);
      if (result.acquired) lock = result.lock;
      else readOnlyReason = result.reason;
    } catch (error) {
      // A read-only disk or folder: the notebook can still be read, just not saved.
      readOnlyReason = `Leadline cannot create its lock file beside the notebook (${describeOsError(error)})`;
    }
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
        // If even the move fails (odd file system), report the damage as if refusing.
        movedTo = await moveAside(path, now(), fs).catch(() => undefined);
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
      if (!lock) throw missingFileError(path, backups);
      const seed = NotebookSchema.parse(options.seed()); // an invalid seed is a programming error
      await store.initialWrite(seed, { backupFirst: false });
    } else {
      store.lastSavedAt = await fs.stat(path).then((s) => s.mtime.toISOString(), () => undefined);
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

// ---------------------------------------------------------------------------------------
// The store

interface Waiter {
  resolve(): void;
  reject(error: NotebookWriteError): void;
}

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
  private readonly db: Low<Notebook>;
  private readonly fs: NotebookFs;
  private readonly now: () => Date;
  private lock: HeldLock | undefined;
  private readonly readOnlyReason: string | undefined;
  private readonly policy: BackupPolicy;
  private readonly retryDelayMs: (attempt: number) => number;
  private newestBackupAt: string | undefined;
  private writeError: string | undefined;
  private recoveredFrom: string | undefined;
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
    const s: StoreStatus = { path: this.path, readOnly: this.readOnlyReason !== undefined };
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

  commit(next: Notebook): Promise<void> {
    const refused = this.refuseWrite();
    if (refused) return Promise.reject(refused);
    // Never let invalid data reach the disk: the file would then refuse to open.
    const problem = notebookProblem(next);
    if (problem !== null) {
      return Promise.reject(new NotebookWriteError(`Leadline refused to save the notebook "${this.path}": the data is invalid (${problem}). The previous version is kept.`));
    }
    this.db.data = next;
    this.dirty = true;
    const settled = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    // A new edit is worth an immediate attempt even while a retry is scheduled: the user
    // may just have freed disk space.
    this.clearRetry();
    this.kick();
    return settled;
  }

  /** Used by open: the seed of a new file, or migrated data. */
  async initialWrite(data: Notebook, { backupFirst }: { backupFirst: boolean }): Promise<void> {
    if (backupFirst) {
      // Migrated data: without a copy of the original, leave the file as it is until the
      // next edit (whose routine backup tries again); the migrated form lives in memory.
      const copied = await this.backup(true).then(() => true, () => false);
      if (!copied) {
        this.db.data = data;
        return;
      }
    }
    // A failure here leaves the store open with writeError set and retrying, like any save.
    await this.commit(data).catch(() => undefined);
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
        if (!ok) {
          this.scheduleRetry();
          break;
        }
      }
    } finally {
      this.writing = false; // set in the same tick as the last `dirty` check: no lost wake-up
    }
  }

  /** One save attempt of the latest data; settles every commit waiting for it. */
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
      const failure = new NotebookWriteError(writeErrorMessage(this.path, error), errorCode(error));
      this.writeError = failure.message;
      for (const w of batch) w.reject(failure);
      this.emit();
      return false;
    }
    this.failures = 0;
    this.writeError = undefined;
    this.lastSavedAt = this.now().toISOString();
    this.savedSinceBackup = true;
    for (const w of batch) w.resolve();
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

  async restoreBackup(id: string): Promise<void> {
    const refused = this.refuseWrite();
    if (refused) throw refused;
    const info = await findBackup(this.path, id, this.fs);
    if (!info) {
      throw new NotebookOpenError({
        problem: 'unreadable',
        path: backupsDirFor(this.path),
        message: `Leadline cannot restore the backup "${id}": there is no such backup of "${this.path}". Choose one from the list of backups.`,
        backups: await this.listBackups(),
        code: 'ENOENT',
      });
    }
    let restored: Notebook;
    try {
      restored = parseNotebook((await this.fs.readFile(info.path)).toString('utf8')).notebook;
    } catch (error) {
      if (error instanceof NotebookLoadFailure) throw toOpenError(info.path, error, undefined, await this.listBackups());
      throw toOpenError(info.path, new NotebookLoadFailure('unreadable', `it cannot be read (${describeOsError(error)})`, errorCode(error)), undefined, []);
    }
    // Let pending saves land first so the safety backup holds the latest saved state.
    await this.flush().catch(() => undefined);
    await this.backup(true);
    await this.commit(restored);
    this.recoveredFrom = info.path;
    this.emit();
  }

  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    if (!this.dirty || this.closed) return;
    // Pending data (maybe after a failed save): make an attempt now and report its result.
    await new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.clearRetry();
      this.kick();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.readOnlyReason === undefined) {
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
