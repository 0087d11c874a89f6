/**
 * The recovery marker: `<notebook file name>.recovery` beside a notebook that was found damaged
 * and moved aside. While it exists and the notebook file does not, opening refuses to
 * seed a fresh notebook in its place: the user is asked again, at every launch, to
 * restore a backup or to start over, and a fresh notebook's saves cannot quietly push
 * the old backups out. Choosing (or a valid notebook file put back by hand) removes it.
 */
import { basename, dirname, join } from 'node:path';
import { errorCode, nodeFs, writeFileDurable, type NotebookFs } from './durable-file';

export interface RecoveryMarker {
  /** Where the damaged file was moved ('' when that is not known: the move was cut short). */
  movedTo: string;
  damagedAt: string;
  /** What was wrong with it, as a clause ("it is not valid JSON (…)"). */
  detail: string;
}

/** Named after the whole file name, like the lock: "research.json" and "research.JSON" keep apart. */
export function recoveryPathFor(notebookPath: string): string {
  return join(dirname(notebookPath), `${basename(notebookPath)}.recovery`);
}

/** The marker, or null when there is none. An unreadable marker still counts: better to ask once too often. */
export async function readRecoveryMarker(notebookPath: string, fs: NotebookFs = nodeFs): Promise<RecoveryMarker | null> {
  let text: string;
  try {
    text = (await fs.readFile(recoveryPathFor(notebookPath))).toString('utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return null;
    return { movedTo: '', damagedAt: '', detail: 'the record of an earlier damage cannot be read' };
  }
  try {
    const v = JSON.parse(text) as Partial<RecoveryMarker>;
    return {
      movedTo: typeof v.movedTo === 'string' ? v.movedTo : '',
      damagedAt: typeof v.damagedAt === 'string' ? v.damagedAt : '',
      detail: typeof v.detail === 'string' ? v.detail : 'it was damaged',
    };
  } catch {
    return { movedTo: '', damagedAt: '', detail: 'it was damaged' };
  }
}

export function writeRecoveryMarker(notebookPath: string, marker: RecoveryMarker, fs: NotebookFs = nodeFs): Promise<void> {
  return writeFileDurable(recoveryPathFor(notebookPath), `${JSON.stringify(marker, null, 1)}\n`, fs);
}

export async function clearRecoveryMarker(notebookPath: string, fs: NotebookFs = nodeFs): Promise<void> {
  await fs.unlink(recoveryPathFor(notebookPath)).catch((error: unknown) => {
    if (errorCode(error) !== 'ENOENT') throw error;
  });
}
