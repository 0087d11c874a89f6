/** Reading one backup for a restore: found by its id in the listing, parsed and validated like a notebook. */
import { findBackup, listBackups, backupsDirFor } from './backups';
import { errorCode, type NotebookFs } from './durable-file';
import { describeOsError, NotebookLoadFailure, parseNotebook } from './notebook-adapter';
import { NotebookOpenError } from './store-messages';
import type { Notebook } from '../shared/model';

/** A backup's notebook, validated; throws NotebookOpenError when there is no such backup or it is damaged. */
export async function readBackup(path: string, id: string, fs: NotebookFs): Promise<{ notebook: Notebook; path: string }> {
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
