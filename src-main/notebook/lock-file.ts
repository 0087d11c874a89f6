/**
 * One lock file per notebook: `<notebook>.lock`, holding the owner's pid, hostname,
 * process start time and a random token. It exists so that two Leadline processes never
 * both write one notebook (last writer would silently win); the second opener gets a
 * read-only store instead.
 *
 * - Created with O_EXCL ('wx'): exactly one creator wins, on every OS and most network
 *   file systems.
 * - Stale when its process is gone: same host and the pid is dead (kill(pid, 0) → ESRCH),
 *   or the lock predates the last boot (the pid may have been reused since), or it names
 *   our own pid but not a lock we hold (pid reuse in containers, where the app is often
 *   pid 1 on every run). A lock from another host is never judged stale: we cannot see
 *   its processes.
 * - Released by close(), and on normal process exit by a synchronous 'exit' handler.
 *   A crash or SIGKILL leaves the file behind; the next opener takes it over as stale.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import { errorCode } from './durable-file';

export interface LockInfo {
  app: 'leadline';
  pid: number;
  hostname: string;
  /** When the owning process started (ISO). */
  startedAt: string;
  /** Identifies this particular lock, so release never removes someone else's. */
  token: string;
}

export interface HeldLock {
  readonly path: string;
  readonly info: LockInfo;
  release(): Promise<void>;
}

export type LockResult =
  | { acquired: true; lock: HeldLock }
  | { acquired: false; owner: LockInfo | null; reason: string };

/** Hooks for tests; production uses the real process table, hostname and clock. */
export interface LockEnvironment {
  isAlive(pid: number): boolean;
  hostname(): string;
  bootTime(): number;
  now(): number;
}

export const realLockEnvironment: LockEnvironment = {
  isAlive: (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: the process exists but belongs to another user — alive.
      return errorCode(error) === 'EPERM';
    }
  },
  hostname: () => os.hostname(),
  bootTime: () => Date.now() - os.uptime() * 1000,
  now: () => Date.now(),
};

/** A lock file with unreadable content younger than this is assumed to be mid-creation. */
const FRESH_GARBLED_MS = 5_000;

export function lockPathFor(notebookPath: string): string {
  return `${notebookPath}.lock`;
}

// Locks this process holds, by lock path → token; released synchronously on exit.
const held = new Map<string, string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' runs on normal exit and process.exit(); only sync work is possible there.
  // Signals with default handlers and crashes skip it: stale-lock takeover covers those.
  process.on('exit', () => {
    for (const [path, token] of held) releaseSync(path, token);
  });
}

function parseLock(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.hostname === 'string' && typeof v.startedAt === 'string' && typeof v.token === 'string') {
      return { app: 'leadline', pid: v.pid, hostname: v.hostname, startedAt: v.startedAt, token: v.token };
    }
  } catch {
    // fall through: garbled
  }
  return null;
}

/** Why `owner` still holds the lock, or null when the lock is stale. */
function liveReason(owner: LockInfo, env: LockEnvironment): string | null {
  const sameHost = owner.hostname === env.hostname();
  if (!sameHost) return `another Leadline process (pid ${owner.pid} on the computer "${owner.hostname}") has this notebook open`;
  if (owner.pid === process.pid) {
    // Our pid but not our token: a previous process that happened to get the same pid.
    if (![...held.values()].includes(owner.token)) return null;
    return `this Leadline process (pid ${owner.pid}) already has this notebook open`;
  }
  const started = Date.parse(owner.startedAt);
  if (Number.isFinite(started) && started < env.bootTime() - 60_000) return null;
  if (!env.isAlive(owner.pid)) return null;
  return `another Leadline process (pid ${owner.pid}, started ${owner.startedAt}) has this notebook open`;
}

/**
 * Tries to take the notebook's lock. Never waits for a live owner: the caller opens the
 * notebook read-only instead.
 */
export async function acquireLock(notebookPath: string, env: LockEnvironment = realLockEnvironment): Promise<LockResult> {
  const path = lockPathFor(notebookPath);
  const info: LockInfo = {
    app: 'leadline',
    pid: process.pid,
    hostname: env.hostname(),
    startedAt: new Date(env.now() - process.uptime() * 1000).toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  // A few rounds: a stale lock is removed, then we race for the O_EXCL create again.
  for (let attempt = 0; attempt < 20; attempt++) {
    if (await createExclusive(path, info)) {
      held.set(path, info.token);
      installExitHook();
      return { acquired: true, lock: { path, info, release: () => release(path, info.token) } };
    }
    let text: string;
    let mtimeMs: number;
    try {
      text = await fsp.readFile(path, 'utf8');
      mtimeMs = (await fsp.stat(path)).mtimeMs;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue; // released meanwhile: try again
      throw error;
    }
    const owner = parseLock(text);
    if (owner) {
      const reason = liveReason(owner, env);
      if (reason) return { acquired: false, owner, reason };
    } else if (env.now() - mtimeMs < FRESH_GARBLED_MS) {
      return { acquired: false, owner: null, reason: 'another Leadline process is opening this notebook right now' };
    }
    await takeOver(path, text);
  }
  return { acquired: false, owner: null, reason: 'the lock file kept changing while Leadline tried to take it' };
}

async function createExclusive(path: string, info: LockInfo): Promise<boolean> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(path, 'wx', 0o644);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    // One write right after the create keeps the "exists but empty" window tiny.
    await handle.writeFile(`${JSON.stringify(info)}\n`);
  } catch (error) {
    // A full disk: an empty lock left behind would look like an opener at work to the next launch.
    await handle.close().catch(() => undefined);
    await fsp.unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return true;
}

/** How long a takeover may take before its guard file is judged abandoned (its process died mid-way). */
const TAKEOVER_STALE_MS = 10_000;

/**
 * Removes a stale lock, one taker at a time: a taker first creates `<lock>.takeover` with
 * O_EXCL, then checks the lock is still the very one it judged stale, and only then deletes
 * it; everyone then races for the lock with O_EXCL again. Without the guard, three openers
 * could interleave so that one deletes a lock another had just won (two writers).
 */
async function takeOver(path: string, staleText: string): Promise<void> {
  const guard = `${path}.takeover`;
  try {
    await (await fsp.open(guard, 'wx', 0o644)).close();
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    // Another taker is at work: let it finish, unless its guard was abandoned long ago.
    const age = await fsp.stat(guard).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > TAKEOVER_STALE_MS) await fsp.unlink(guard).catch(() => undefined);
    await new Promise((done) => setTimeout(done, 20));
    return;
  }
  try {
    const current = await fsp.readFile(path, 'utf8').catch(() => null);
    if (current === staleText) await fsp.unlink(path).catch(() => undefined);
  } finally {
    await fsp.unlink(guard).catch(() => undefined);
  }
}

async function release(path: string, token: string): Promise<void> {
  if (held.get(path) !== token) return;
  held.delete(path);
  try {
    const current = parseLock(await fsp.readFile(path, 'utf8'));
    if (current?.token === token) await fsp.unlink(path);
  } catch {
    // Already gone or unreadable: nothing of ours to remove.
  }
}

function releaseSync(path: string, token: string): void {
  try {
    if (parseLock(readFileSync(path, 'utf8'))?.token === token) unlinkSync(path);
  } catch {
    // best effort at exit
  }
}
