/**
 * The notebook store: the one place that reads and writes a notebook file.
 *
 * A notebook on disk is a snapshot (the lowdb JSON file, written atomically and durably)
 * plus a journal beside it (`<file>.journal`, one checksummed line per change, appended
 * and fsynced before a commit is answered). Around lowdb this layer adds what a desktop
 * app needs: a lock against a second writer, O(change) saves with group commit,
 * compaction, background retry after a failed save (data stays in memory), rolling
 * backups, and a corrupt file that is refused or moved aside — never overwritten.
 *
 * By job: store-open.ts (lock, load, replay, seed, move aside), store-writer.ts (write
 * queue, journal, compaction, backups), store-messages.ts (errors and what they say),
 * journal.ts and notebook-delta.ts (the journal's format). Plain Node, no Electron: used
 * by the Electron main process, the browser host and the CLI.
 */
import type { StoreInfo } from '../shared/api';
import type { Notebook } from '../shared/model';
import type { BackupInfo, BackupPolicy } from './backups';
import type { NotebookFs } from './durable-file';
import type { LockEnvironment } from './lock-file';

export type { BackupInfo } from './backups';
export { NotebookOpenError, NotebookWriteError, type NotebookProblem } from './store-messages';
export { openNotebookStore, readNotebookFile } from './store-open';

/** What the user chose for a notebook that was moved aside: restore one of its backups, or start over. */
export type Recovery = { kind: 'restore'; backupId: string } | { kind: 'start-over' };

/** The answer to a commit: whether it changed anything, and whether that reached the disk (memory has it either way). */
export interface CommitOutcome {
  /** False when the data committed equals what the store holds: nothing was written. */
  changed: boolean;
  /** True when everything committed so far is durably on disk. */
  onDisk: boolean;
  /** The store's revision right after this commit. */
  revision: number;
}

/** When the journal is folded into the snapshot, besides on close. */
export interface CompactionPolicy {
  /** After this long without a save. */
  idleMs: number;
  /** Once the journal holds this many bytes. */
  maxJournalBytes: number;
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
   * background; status().writeError says why). Resolves at once with changed false when
   * `next` holds nothing new. Rejects only when the store refuses the data (closed,
   * read-only, invalid) — then nothing changed.
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
  compaction?: CompactionPolicy;
  /** Delay before background retry number `attempt` (0-based) after a failed save. */
  retryDelayMs?: (attempt: number) => number;
}
