/**
 * Opening a notebook: the lock, reading the snapshot (through lowdb) and replaying the
 * journal, seeding a new file, migrating an old one, and a damaged file moved aside —
 * never overwritten. Also the lock-free read of the export CLI.
 */
import { Low } from 'lowdb';
import { basename, dirname, join } from 'node:path';
import { emptyNotebook, NotebookSchema, type Notebook } from '../shared/model';
import { DEFAULT_BACKUP_POLICY, listBackups, pinAllBackups, stampFor, backupsDirFor } from './backups';
import { errorCode, nodeFs, removeStaleTempFiles, resolveLinks, type NotebookFs } from './durable-file';
import { clearRecoveryMarker, readRecoveryMarker, writeRecoveryMarker } from './recovery';
import { acquireLock, lockPathFor, realLockEnvironment, type HeldLock } from './lock-file';
import { NotebookAdapter, NotebookLoadFailure, type Snapshot } from './notebook-adapter';
import { journalHeader, journalNotice, journalPathFor, parseJournal, readJournalText, type JournalRead } from './journal';
import { journalFor, loadNotebookState, replayJournal } from './load-notebook';
import { readBackup } from './read-backup';
import { awaitingRecoveryError, missingFileError, readOnlyBecause, toOpenError } from './store-messages';
import { fileStamp, JournaledStore } from './store-writer';
import type { CompactionPolicy, NotebookStore, OpenStoreOptions } from './store';

const defaultRetryDelay = (attempt: number): number => Math.min(30_000, 1_000 * 2 ** attempt);

/** Compact after 10 s without saves, or once the journal holds 8 MB (about ten thousand note edits). */
export const DEFAULT_COMPACTION: CompactionPolicy = { idleMs: 10_000, maxJournalBytes: 8 * 1024 * 1024 };

/** A file that exists and that this process may not (or should not) write: its mode has no write bit, or the OS says no. */
async function isReadOnlyFile(path: string, fs: NotebookFs): Promise<boolean> {
  const stat = await fs.stat(path).catch(() => null);
  if (!stat) return false;
  // Root may write anything; the mode bits still say what the user meant.
  return (stat.mode & 0o222) === 0 || !(await fs.mayWrite(path));
}

/**
 * Moves a file to `<base><ext>` (or `<base>-2<ext>`, …) beside it. link + unlink instead of
 * rename, because rename silently replaces an existing file and link fails with EEXIST:
 * an earlier copy is never overwritten. Nothing is deleted.
 */
async function moveAside(path: string, base: string, ext: string, fs: NotebookFs): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const target = n === 1 ? `${base}${ext}` : `${base}-${n}${ext}`;
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
  throw new Error(`too many copies of ${path} set aside`);
}

/** A damaged notebook goes to `<name>.corrupt-<timestamp>.json` beside it. */
function moveDamagedNotebook(path: string, now: Date, fs: NotebookFs): Promise<string> {
  const stem = basename(path).replace(/\.json$/i, '');
  return moveAside(path, join(dirname(path), `${stem}.corrupt-${stampFor(now)}`), '.json', fs);
}

/** A journal that cannot be applied (damaged, or not this snapshot's) is kept as `<journal>.unused-<timestamp>`. */
function setJournalAside(path: string, now: Date, fs: NotebookFs): Promise<string> {
  return moveAside(journalPathFor(path), `${journalPathFor(path)}.unused-${stampFor(now)}`, '', fs);
}

/**
 * Reads a notebook (snapshot + journal) without locking or writing anything (for the
 * export CLI). Throws NotebookOpenError, also when the file does not exist; `warn` hears,
 * in a sentence, what of the journal could not be applied.
 */
export async function readNotebookFile(path: string, warn?: (sentence: string) => void, fs: NotebookFs = nodeFs): Promise<Notebook> {
  const absolute = await resolveLinks(path, fs);
  try {
    const loaded = await loadNotebookState(absolute, fs);
    if (loaded) {
      // A torn last line is a writer mid-append (or a save never confirmed): not worth a warning.
      const problem = loaded.journal.problem?.kind === 'torn-tail' ? undefined : loaded.journal.problem;
      const notice = journalNotice(problem, undefined);
      if (notice !== undefined) warn?.(notice);
      return loaded.notebook;
    }
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
    // The journal first: its header says which snapshot bytes can be trusted as written.
    let journalText: string | null = null;
    let journalError: unknown;
    try {
      journalText = await readJournalText(path, fs);
    } catch (error) {
      journalError = error;
    }
    const adapter = new NotebookAdapter(path, fs);
    adapter.expected = journalText === null ? undefined : journalHeader(journalText);
    const db = new Low<Snapshot>(adapter, { notebook: emptyNotebook(), journalSeq: 0 }); // lowdb demands default data; replaced below
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

    const loaded = adapter.lastLoad;
    if (journalError !== undefined && lock) {
      // A change log the OS will not let us read may well be intact: never set it aside or
      // write over it. The notebook opens read-only, as last compacted, and says why.
      readOnlyReason = readOnlyBecause.journal(journalPathFor(path), journalError);
      await lock.release();
      lock = undefined;
    }
    if (lock) {
      // We hold the lock, so temp files beside the notebook belong to a crashed writer.
      await removeStaleTempFiles(path, fs);
      await removeStaleTempFiles(journalPathFor(path), fs);
      await removeStaleTempFiles(join(backupsDirFor(path), basename(path).replace(/\.json$/i, '')), fs);
    }

    const backups = await listBackups(path, fs).catch(() => []);
    const journal: JournalRead = journalText === null ? { entries: [], nonEmpty: false } : loaded ? journalFor(loaded, journalText) : parseJournal(journalText, 0);
    // A journal that cannot be applied in full (or has no notebook to apply to) is never
    // appended to, nor emptied: the writer keeps it aside and starts a new one with a
    // snapshot. If it cannot be moved, the notebook opens read-only instead.
    const unusable = journal.nonEmpty && (!loaded || (journal.problem !== undefined && journal.problem.kind !== 'torn-tail'));
    let keptAt: string | undefined;
    if (unusable && lock) {
      keptAt = await setJournalAside(path, now(), fs).catch(() => undefined);
      if (keptAt === undefined) {
        readOnlyReason = readOnlyBecause.journalStuck(journalPathFor(path));
        await lock.release();
        lock = undefined;
      }
    }
    const state = loaded ? replayJournal(loaded, journal) : undefined;
    // A reader may well catch the writer mid-append: a torn last line is no news to it.
    const problem = !lock && journal.problem?.kind === 'torn-tail' ? undefined : journal.problem;
    const notice = journalError !== undefined ? readOnlyBecause.journal(journalPathFor(path), journalError) : loaded ? journalNotice(problem, keptAt) : undefined;
    const store = new JournaledStore({
      path,
      db,
      adapter,
      notebook: state?.notebook ?? emptyNotebook(),
      seq: state?.seq ?? 0,
      journalBytes: keptAt !== undefined ? 0 : journal.nonEmpty ? await fs.stat(journalPathFor(path)).then((s) => s.size, () => 0) : 0,
      // A torn last line: no appending after it.
      journalDirty: journal.problem !== undefined && keptAt === undefined,
      fs,
      now,
      lock,
      readOnlyReason,
      backupPolicy: options.backupPolicy ?? DEFAULT_BACKUP_POLICY,
      compaction: options.compaction ?? DEFAULT_COMPACTION,
      retryDelayMs: options.retryDelayMs ?? defaultRetryDelay,
      newestBackupAt: backups[0]?.createdAt,
      journalNotice: notice,
      loadedStamp: await fileStamp(path, fs),
    });

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
      // A valid notebook is in place (put back by hand, or a restore whose cleanup was cut short).
      if (lock) await clearRecoveryMarker(path, fs).catch(() => undefined);
      if (loaded.migratedFrom !== undefined && lock) {
        // Keep the file exactly as the older version wrote it, then save the migrated form.
        await store.initialWrite(state?.notebook ?? loaded.notebook, { backupFirst: true });
      } else if (lock && journal.problem !== undefined) {
        // What was read of a journal cut short or kept aside is only in memory: a snapshot
        // now, and the new journal continues it.
        store.startWithSnapshot();
      } else if (lock && journal.nonEmpty) {
        // Left by a session that did not close (a crash): fold it into the snapshot soon.
        store.compactSoon();
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
    movedTo = await moveDamagedNotebook(path, at, fs);
  } catch (error) {
    await clearRecoveryMarker(path, fs).catch(() => undefined);
    throw error;
  }
  // The marker already holds back a fresh notebook; naming the copy is for the message.
  await writeRecoveryMarker(path, { movedTo, damagedAt, detail }, fs).catch(() => undefined);
  return movedTo;
}
