/**
 * Atomic, durable file replacement — the one write path of the notebook.
 *
 * A reader (or a crash) must only ever see the old complete file or the new complete
 * file, never a torn one. So: write a unique temp file in the same directory (rename is
 * only atomic within one file system), fsync it (data on disk before the name points
 * at it), rename it over the target, then fsync the directory (so the rename itself
 * survives a power cut). Writes to one target are serialized in this process.
 *
 * All file-system access goes through a small `NotebookFs` interface so tests can
 * inject ENOSPC / EROFS / EACCES failures (the test suite runs as root, where chmod
 * cannot produce them).
 */
import * as fsp from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';

/** The few handle methods we use; node's FileHandle satisfies it. */
export interface DurableHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FileStat {
  size: number;
  mtime: Date;
  mode: number;
  dev: number;
  ino: number;
  isDirectory(): boolean;
}

/** The file-system surface of the notebook layer (store, adapter, backups). */
export interface NotebookFs {
  readFile(path: string): Promise<Buffer>;
  open(path: string, flags: string, mode?: number): Promise<DurableHandle>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  stat(path: string): Promise<FileStat>;
  readdir(path: string): Promise<string[]>;
  chmod(path: string, mode: number): Promise<void>;
  readlink(path: string): Promise<string>;
  realpath(path: string): Promise<string>;
  /** Whether this process may write the file (the OS's answer; root may write anything). */
  mayWrite(path: string): Promise<boolean>;
}

export const nodeFs: NotebookFs = {
  readFile: (p) => fsp.readFile(p),
  open: (p, flags, mode) => fsp.open(p, flags, mode),
  rename: (a, b) => fsp.rename(a, b),
  link: (a, b) => fsp.link(a, b),
  unlink: (p) => fsp.unlink(p),
  mkdir: async (p) => {
    await fsp.mkdir(p, { recursive: true });
  },
  stat: (p) => fsp.stat(p),
  readdir: (p) => fsp.readdir(p),
  chmod: (p, m) => fsp.chmod(p, m),
  readlink: (p) => fsp.readlink(p),
  realpath: (p) => fsp.realpath(p),
  mayWrite: (p) => fsp.access(p, constants.W_OK).then(() => true, () => false),
};

/**
 * The file a notebook path names, with symbolic links followed — also a dangling one, whose
 * target is where the notebook will be created. Writing goes to that real file, so an
 * atomic rename never replaces the user's link with a plain file, and the lock and the
 * backups sit beside the real file however it is reached.
 */
export async function resolveLinks(path: string, fs: NotebookFs = nodeFs): Promise<string> {
  // Not path.resolve first: it would cancel "link/.." by hand, where the OS follows the link.
  const absolute = isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`;
  const whole = await fs.realpath(absolute).catch(() => null);
  if (whole !== null) return whole;
  // Not there yet, or a dangling link: follow the link chain by hand, from its real folder.
  let current = join(await fs.realpath(dirname(absolute)).catch(() => resolve(dirname(absolute))), basename(absolute));
  for (let hops = 0; hops < 40; hops++) {
    let target: string;
    try {
      target = await fs.readlink(current);
    } catch {
      break; // not a link (EINVAL) or missing (ENOENT): this is the file
    }
    const next = isAbsolute(target) ? target : `${dirname(current)}${sep}${target}`;
    current = join(await fs.realpath(dirname(next)).catch(() => resolve(dirname(next))), basename(next));
  }
  return current;
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Temp names start with "." and end with ".tmp" so they are easy to spot and clean up. */
export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function isTempOf(target: string, name: string): boolean {
  // Exactly the shape tempNameFor makes, so another file's temps are never touched.
  const prefix = `.${basename(target)}.`;
  return name.startsWith(prefix) && /^\d+\.[0-9a-f]{8}\.tmp$/.test(name.slice(prefix.length));
}

// One promise chain per target path: a second write waits for the first to finish, so
// two renames can never race and leave the older data on top.
const queues = new Map<string, Promise<unknown>>();

export function writeFileDurable(target: string, data: string | Uint8Array, fs: NotebookFs = nodeFs): Promise<void> {
  const previous = queues.get(target) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => writeOnce(target, data, fs));
  const tail = run.catch(() => undefined);
  queues.set(target, tail);
  // Forget the chain once idle so the map does not grow with every path ever written.
  void tail.then(() => {
    if (queues.get(target) === tail) queues.delete(target);
  });
  return run;
}

async function writeOnce(target: string, data: string | Uint8Array, fs: NotebookFs): Promise<void> {
  const temp = tempNameFor(target);
  // Keep the permissions of the file we replace (a user who made it private keeps it private).
  const mode = await fs.stat(target).then(
    (s) => s.mode & 0o777,
    () => undefined,
  );
  let handle: DurableHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx', mode ?? 0o666);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (mode !== undefined) await fs.chmod(temp, mode).catch(() => undefined); // umask may have narrowed it
    await renameWithRetry(temp, target, fs);
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined); // the target is untouched; don't leave litter
    throw error;
  }
  await syncDirectory(dirname(target), fs);
}

/**
 * On Windows a rename over a file that an antivirus or indexer has open fails for a
 * moment with EPERM/EACCES/EBUSY; retrying briefly is what graceful-fs does too.
 */
async function renameWithRetry(from: string, to: string, fs: NotebookFs): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      const transient = process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY');
      if (!transient || attempt >= 10) throw error;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
}

/** fsync the directory so the new directory entry is durable. Not possible on Windows. */
export async function syncDirectory(dir: string, fs: NotebookFs = nodeFs): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (certain network mounts) refuse fsync on a directory; the data
    // itself was already synced, so this is not worth failing a save over.
    const code = errorCode(error);
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR') throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Remove temp files a killed process left beside `target`. Only call while holding the
 * notebook's lock: then no live writer can own them.
 */
export async function removeStaleTempFiles(target: string, fs: NotebookFs = nodeFs): Promise<number> {
  const dir = dirname(target);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!isTempOf(target, name)) continue;
    if (await fs.unlink(join(dir, name)).then(() => true, () => false)) removed++;
  }
  return removed;
}
