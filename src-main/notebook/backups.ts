/**
 * Rolling backups in `backups/` beside the notebook.
 *
 * Before a save replaces the notebook file, the file on disk — always the last good
 * version, since every write is atomic and validated — is copied to
 * `backups/<name>.<timestamp>.json`, at most once per minute (saves happen as the user
 * types; a copy per keystroke would be noise). Pruning keeps:
 *   - the 10 newest backups (≈ the last 10 minutes of active work, or further back), and
 *   - the newest backup of each of the last 7 calendar days (local time),
 * and deletes the rest. Restores and migrations force a backup regardless of spacing.
 *
 * Pinned backups are never pruned and do not count towards the 10: when a notebook is
 * found damaged, or a backup is restored, the backups taken before are pinned (listed in
 * `backups/<notebook file name>.pins` with the reason) until the user unpins them. Otherwise a few
 * short sessions on a fresh notebook would prune away the last good copies of the old one.
 *
 * Backup ids are the timestamp part of the file name (short, safe to pass over IPC); the
 * file name keeps the notebook's name so several notebooks can share one folder.
 */
import { basename, dirname, join } from 'node:path';
import { errorCode, nodeFs, writeFileDurable, type NotebookFs } from './durable-file';

export interface BackupInfo {
  id: string;
  path: string;
  createdAt: string;
  bytes: number;
  /** Why the backup is pinned (kept until the user unpins it), when it is. */
  pinned?: string;
}

interface Pin {
  id: string;
  reason: string;
}

export interface BackupPolicy {
  /** No new routine backup while the newest is younger than this. */
  minSpacingMs: number;
  keepRecent: number;
  keepDailyDays: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { minSpacingMs: 60_000, keepRecent: 10, keepDailyDays: 7 };

// 2024-05-01T10-22-33-123Z, optionally "-2": colons are not allowed in Windows file names.
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(\d{1,4}))?$/;

export function backupsDirFor(notebookPath: string): string {
  return join(dirname(notebookPath), 'backups');
}

function notebookStem(notebookPath: string): string {
  return basename(notebookPath).replace(/\.json$/i, '');
}

export function stampFor(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

function parseStamp(id: string): { createdAt: string; seq: number } | null {
  const m = STAMP.exec(id);
  if (!m) return null;
  const createdAt = `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`;
  if (!Number.isFinite(Date.parse(createdAt))) return null;
  return { createdAt, seq: m[6] ? Number(m[6]) : 0 };
}

/** Named after the whole file name, like the lock, so two notebooks of one folder keep apart. */
export function pinsPathFor(notebookPath: string): string {
  return join(backupsDirFor(notebookPath), `${basename(notebookPath)}.pins`);
}

/**
 * The pins: [] when there is no pins file; null when it exists but cannot be read or
 * parsed — then nobody knows which backups must stay, and pruning keeps them all.
 */
async function readPins(notebookPath: string, fs: NotebookFs): Promise<Pin[] | null> {
  let text: string;
  try {
    text = (await fs.readFile(pinsPathFor(notebookPath))).toString('utf8');
  } catch (error) {
    return errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR' ? [] : null;
  }
  try {
    const parsed = JSON.parse(text) as { pins?: unknown };
    if (!Array.isArray(parsed.pins)) return null;
    return parsed.pins.filter((p): p is Pin => typeof p?.id === 'string' && typeof p?.reason === 'string');
  } catch {
    return null;
  }
}

const UNREADABLE_PINS = 'the list of pinned backups cannot be read, so every backup is kept';

async function writePins(notebookPath: string, pins: Pin[], fs: NotebookFs): Promise<void> {
  await fs.mkdir(backupsDirFor(notebookPath));
  await writeFileDurable(pinsPathFor(notebookPath), `${JSON.stringify({ pins }, null, 1)}\n`, fs);
}

/** Pins every backup that exists now (those already pinned keep their first reason). */
export async function pinAllBackups(notebookPath: string, reason: string, fs: NotebookFs = nodeFs): Promise<number> {
  const [backups, pins] = await Promise.all([listBackupFiles(notebookPath, fs), readPins(notebookPath, fs)]);
  // A damaged pins file is rewritten from scratch: every backup there is now gets pinned.
  const kept = pins ?? [];
  const known = new Set(kept.map((p) => p.id));
  const added = backups.filter((b) => !known.has(b.id)).map((b) => ({ id: b.id, reason }));
  if (added.length > 0 || pins === null) await writePins(notebookPath, [...kept, ...added], fs);
  return added.length;
}

/** Unpins the given backups: from then on the rolling policy applies to them again. */
export async function unpinBackups(notebookPath: string, ids: readonly string[], fs: NotebookFs = nodeFs): Promise<void> {
  const pins = await readPins(notebookPath, fs);
  if (pins === null) throw new Error(`${UNREADABLE_PINS}; repair or remove "${pinsPathFor(notebookPath)}" first`);
  const drop = new Set(ids);
  const kept = pins.filter((p) => !drop.has(p.id));
  if (kept.length !== pins.length) await writePins(notebookPath, kept, fs);
}

/** The notebook's backups, newest first, with their pins. A missing backups folder means none. */
export async function listBackups(notebookPath: string, fs: NotebookFs = nodeFs): Promise<BackupInfo[]> {
  const [backups, pins] = await Promise.all([listBackupFiles(notebookPath, fs), readPins(notebookPath, fs)]);
  if (pins === null) return backups.map((b) => ({ ...b, pinned: UNREADABLE_PINS }));
  const reasons = new Map(pins.map((p) => [p.id, p.reason]));
  return backups.map((b) => (reasons.has(b.id) ? { ...b, pinned: reasons.get(b.id)! } : b));
}

async function listBackupFiles(notebookPath: string, fs: NotebookFs): Promise<BackupInfo[]> {
  const dir = backupsDirFor(notebookPath);
  const prefix = `${notebookStem(notebookPath)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
  const found: (BackupInfo & { seq: number })[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.json')) continue;
    const id = name.slice(prefix.length, -'.json'.length);
    const stamp = parseStamp(id);
    if (!stamp) continue;
    const path = join(dir, name);
    const stat = await fs.stat(path).catch(() => null);
    if (!stat || stat.isDirectory()) continue;
    found.push({ id, path, createdAt: stamp.createdAt, bytes: stat.size, seq: stamp.seq });
  }
  found.sort((a, b) => (a.createdAt === b.createdAt ? b.seq - a.seq : a.createdAt < b.createdAt ? 1 : -1));
  return found.map(({ id, path, createdAt, bytes }) => ({ id, path, createdAt, bytes }));
}

export function isBackupDue(newest: string | undefined, now: Date, policy: BackupPolicy = DEFAULT_BACKUP_POLICY): boolean {
  if (!newest) return true;
  const age = now.getTime() - Date.parse(newest);
  // A clock that jumped backwards must not stop backups for hours.
  return age >= policy.minSpacingMs || age < 0;
}

function localDay(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/**
 * Which backups to keep (ids), given the list newest first. Pinned ones always, and the
 * rolling policy over the others. Pure, so it is easy to test.
 */
export function backupsToKeep(all: BackupInfo[], now: Date, policy: BackupPolicy = DEFAULT_BACKUP_POLICY): Set<string> {
  const pinned = all.filter((b) => b.pinned !== undefined).map((b) => b.id);
  const backups = all.filter((b) => b.pinned === undefined);
  const keep = new Set([...pinned, ...backups.slice(0, policy.keepRecent).map((b) => b.id)]);
  const days = new Set<string>();
  for (let i = 0; i < policy.keepDailyDays; i++) {
    days.add(localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - i, 12)));
  }
  const seenDays = new Set<string>();
  for (const b of backups) {
    const day = localDay(new Date(b.createdAt));
    if (days.has(day) && !seenDays.has(day)) {
      seenDays.add(day); // newest first, so the first one seen is that day's newest
      keep.add(b.id);
    }
  }
  return keep;
}

export async function pruneBackups(
  notebookPath: string,
  now: Date,
  policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
  fs: NotebookFs = nodeFs,
): Promise<string[]> {
  const backups = await listBackups(notebookPath, fs);
  const keep = backupsToKeep(backups, now, policy);
  const removed: string[] = [];
  for (const b of backups) {
    if (keep.has(b.id)) continue;
    await fs.unlink(b.path).then(
      () => removed.push(b.id),
      () => undefined, // one undeletable backup must not break saving
    );
  }
  return removed;
}

/**
 * Copies the notebook file as it is on disk into a new backup. Resolves null when there is
 * no file yet. Never overwrites an existing backup: a clash in the same millisecond gets
 * a "-n" suffix.
 */
export async function createBackup(notebookPath: string, now: Date, fs: NotebookFs = nodeFs): Promise<BackupInfo | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(notebookPath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  const dir = backupsDirFor(notebookPath);
  await fs.mkdir(dir);
  const existing = new Set((await listBackupFiles(notebookPath, fs)).map((b) => b.id));
  const base = stampFor(now);
  let id = base;
  for (let n = 2; existing.has(id); n++) id = `${base}-${n}`;
  const path = join(dir, `${notebookStem(notebookPath)}.${id}.json`);
  await writeFileDurable(path, bytes, fs);
  return { id, path, createdAt: parseStamp(id)?.createdAt ?? now.toISOString(), bytes: bytes.length };
}

export async function findBackup(notebookPath: string, id: string, fs: NotebookFs = nodeFs): Promise<BackupInfo | undefined> {
  // Looked up in the listing, never joined into a path: an id cannot point outside backups/.
  return (await listBackups(notebookPath, fs)).find((b) => b.id === id);
}
