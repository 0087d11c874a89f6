/**
 * Writing an export to a file the user named — never over the notebook or the files that
 * keep it safe. The target is compared by real path (symbolic links followed) and by
 * inode (hard links), and written atomically (temp file, fsync, rename), so an
 * interrupted export never leaves half a file either.
 */
import { basename, dirname, join } from 'node:path';
import { backupsDirFor } from './backups';
import { errorCode, nodeFs, resolveLinks, writeFileDurable, type NotebookFs } from './durable-file';
import { lockPathFor } from './lock-file';
import { recoveryPathFor } from './recovery';

/** The export target would overwrite something of the notebook's; `message` is one sentence. */
export class ExportTargetRefused extends Error {
  override name = 'ExportTargetRefused';
}

interface FileId {
  dev: number;
  ino: number;
}

async function fileId(path: string, fs: NotebookFs): Promise<FileId | null> {
  const stat = await fs.stat(path).catch(() => null);
  return stat && typeof stat.ino === 'number' && typeof stat.dev === 'number' ? { dev: stat.dev, ino: stat.ino } : null;
}

/** What the target is of the notebook's own files, or null when it is none of them. */
async function notebookFileAt(notebookPath: string, target: string, fs: NotebookFs): Promise<string | null> {
  const notebook = await resolveLinks(notebookPath, fs);
  const stem = basename(notebook).replace(/\.json$/i, '');
  const folder = dirname(notebook);
  const backups = backupsDirFor(notebook);
  const named: Array<[string, string]> = [
    [notebook, 'the notebook itself'],
    [lockPathFor(notebook), "the notebook's lock file"],
    [recoveryPathFor(notebook), "the notebook's recovery record"],
  ];
  for (const [path, what] of named) if (path === target) return what;
  if (dirname(target) === backups || target === backups) return "one of the notebook's backups";
  if (dirname(target) === folder && basename(target).startsWith(`${stem}.corrupt-`)) return 'a damaged copy of the notebook kept for recovery';
  if (dirname(target) === folder && basename(target).startsWith(`.${basename(notebook)}.`)) return "one of the notebook's temporary files";

  // A hard link to one of them has another name but the same inode.
  const targetId = await fileId(target, fs);
  if (!targetId) return null;
  const inFolder = (await fs.readdir(folder).catch(() => [] as string[]))
    .filter((n) => n.startsWith(`${stem}.corrupt-`))
    .map((n): [string, string] => [join(folder, n), 'a damaged copy of the notebook kept for recovery']);
  const inBackups = (await fs.readdir(backups).catch(() => [] as string[])).map((n): [string, string] => [join(backups, n), "one of the notebook's backups"]);
  const candidates = [...named, ...inFolder, ...inBackups];
  for (const [path, what] of candidates) {
    const id = await fileId(path, fs);
    if (id && id.dev === targetId.dev && id.ino === targetId.ino) return `${what} (through a hard link)`;
  }
  return null;
}

/**
 * Writes `content` to `outPath` (its link target, when it is a link). Throws
 * ExportTargetRefused when that would overwrite the notebook or a file that keeps it safe.
 */
export async function writeExportFile(notebookPath: string, outPath: string, content: string, fs: NotebookFs = nodeFs): Promise<string> {
  const target = await resolveLinks(outPath, fs);
  const clash = await notebookFileAt(notebookPath, target, fs);
  if (clash) throw new ExportTargetRefused(`"${outPath}" is ${clash}; choose another file for the export. Nothing was written.`);
  const stat = await fs.stat(target).catch((error: unknown) => (errorCode(error) === 'ENOENT' ? null : Promise.reject(error)));
  if (stat?.isDirectory()) throw new ExportTargetRefused(`"${outPath}" is a folder; give a file name for the export. Nothing was written.`);
  await writeFileDurable(target, content, fs);
  return target;
}
