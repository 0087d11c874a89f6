/**
 * What the notebook store tells people: the errors it throws and every sentence it
 * shows (which file, what is wrong, what to do). One place, so the wording stays one voice.
 */
import { basename } from 'node:path';
import type { BackupInfo } from './backups';
import { errorCode } from './durable-file';
import { describeOsError, NotebookLoadFailure, type LoadProblem } from './notebook-adapter';
import type { RecoveryMarker } from './recovery';

/** Why a notebook cannot be opened: a load problem, or a damage found earlier that awaits the user's choice. */
export type NotebookProblem = LoadProblem | 'awaiting-recovery';

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



export function openErrorMessage(problem: NotebookProblem, path: string, detail: string, movedTo: string | undefined, backups: BackupInfo[], code?: string): string {
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

export function writeErrorMessage(path: string, error: unknown): string {
  return `Leadline could not save the notebook "${path}" (${describeOsError(error)}). Your changes are kept in this window and Leadline keeps retrying; the file on disk still holds the last saved version.`;
}

export function toOpenError(path: string, failure: NotebookLoadFailure, movedTo: string | undefined, backups: BackupInfo[]): NotebookOpenError {
  return new NotebookOpenError({
    problem: failure.problem,
    path,
    message: openErrorMessage(failure.problem, path, failure.detail, movedTo, backups, failure.code),
    ...(movedTo !== undefined ? { movedTo } : {}),
    backups,
    ...(failure.code !== undefined ? { code: failure.code } : {}),
  });
}

export function missingFileError(path: string, backups: BackupInfo[]): NotebookOpenError {
  return toOpenError(path, new NotebookLoadFailure('unreadable', 'the file does not exist', 'ENOENT'), undefined, backups);
}

/**
 * The notebook is not there, but something of it is: a damaged copy moved aside earlier
 * (the marker), or backups. The user chooses; a fresh notebook is never started silently.
 */
export function awaitingRecoveryError(path: string, marker: RecoveryMarker | null, backups: BackupInfo[]): NotebookOpenError {
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
export const readOnlyBecause = {
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
  journal: (journalPath: string, error: unknown) =>
    `Leadline cannot read the notebook's change log "${journalPath}" (${describeOsError(error)}), so the notebook is shown as it was last saved in full, without the changes since, and cannot be edited. Make that file readable, then open the notebook again.`,
  journalStuck: (journalPath: string) =>
    `The notebook's change log "${journalPath}" could not be applied and could not be moved aside, so the notebook opens read-only to keep it as it is. Move that file out of the folder yourself (keep it), then open the notebook again.`,
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

