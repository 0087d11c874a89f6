import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildNotebookChild, exited, startHolder } from './testdata/crash-harness';
import { acquireLock, lockPathFor, realLockEnvironment, type LockInfo } from './lock-file';

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', '']);
  return done.pid!;
}

function lockInfo(over: Partial<LockInfo>): LockInfo {
  return { app: 'leadline', pid: 1, hostname: hostname(), startedAt: new Date().toISOString(), token: 'other', ...over };
}

describe('lock file', () => {
  let root: string;
  let dir: string;
  let childPath: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'leadline-lock-'));
    childPath = await buildNotebookChild(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const fresh = (): string => {
    dir = mkdtempSync(join(root, 'nb-'));
    return join(dir, 'notebook.json');
  };

  it('creates <notebook>.lock with pid, hostname and start time, and removes it on release', async () => {
    const nb = fresh();
    const r = await acquireLock(nb);
    expect(r.acquired).toBe(true);
    if (!r.acquired) return;
    const info = JSON.parse(readFileSync(lockPathFor(nb), 'utf8')) as LockInfo;
    expect(info).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(Date.parse(info.startedAt)).toBeLessThanOrEqual(Date.now());
    await r.lock.release();
    expect(existsSync(lockPathFor(nb))).toBe(false);
  });

  it('refuses a second lock in the same process', async () => {
    const nb = fresh();
    const first = await acquireLock(nb);
    const second = await acquireLock(nb);
    expect(second).toMatchObject({ acquired: false, reason: expect.stringContaining(`this Leadline process (pid ${process.pid})`) });
    if (first.acquired) await first.lock.release();
  });

  it('takes over a lock whose pid is dead on this host', async () => {
    const nb = fresh();
    const pid = deadPid();
    writeFileSync(lockPathFor(nb), JSON.stringify(lockInfo({ pid })));
    const r = await acquireLock(nb);
    expect(r.acquired).toBe(true);
    expect(readdirSync(dir)).toEqual(['notebook.json.lock']); // the stale one is gone, no litter
    if (r.acquired) await r.lock.release();
  });

  it('takes over a lock from before the last boot even if its pid is alive now (pid reuse)', async () => {
    const nb = fresh();
    writeFileSync(lockPathFor(nb), JSON.stringify(lockInfo({ pid: process.ppid, startedAt: '2000-01-01T00:00:00.000Z' })));
    const r = await acquireLock(nb);
    expect(r.acquired).toBe(true);
    if (r.acquired) await r.lock.release();
  });

  it('takes over a lock naming our own pid but not held by us (containers reuse pids)', async () => {
    const nb = fresh();
    writeFileSync(lockPathFor(nb), JSON.stringify(lockInfo({ pid: process.pid, token: 'previous-run' })));
    const r = await acquireLock(nb);
    expect(r.acquired).toBe(true);
    if (r.acquired) await r.lock.release();
  });

  it('respects a live pid on this host', async () => {
    const nb = fresh();
    writeFileSync(lockPathFor(nb), JSON.stringify(lockInfo({ pid: process.ppid })));
    const r = await acquireLock(nb);
    expect(r).toMatchObject({ acquired: false, reason: expect.stringContaining(`pid ${process.ppid}`) });
  });

  it('never takes over a lock from another computer (its processes cannot be seen)', async () => {
    const nb = fresh();
    writeFileSync(lockPathFor(nb), JSON.stringify(lockInfo({ pid: deadPid(), hostname: 'other-laptop' })));
    const r = await acquireLock(nb);
    expect(r).toMatchObject({ acquired: false, reason: expect.stringContaining('"other-laptop"') });
  });

  it('treats a garbled lock as being created while fresh, and as stale once old', async () => {
    const nb = fresh();
    writeFileSync(lockPathFor(nb), '');
    expect(await acquireLock(nb)).toMatchObject({ acquired: false, reason: expect.stringContaining('opening this notebook right now') });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathFor(nb), old, old);
    const r = await acquireLock(nb);
    expect(r.acquired).toBe(true);
    if (r.acquired) await r.lock.release();
  });

  it('uses the injected environment (dead pid judged by isAlive)', async () => {
    const nb = fresh();
    writeFileSync(lockPathFor(nb), JSON.stringify(lockInfo({ pid: 4242 })));
    expect((await acquireLock(nb, { ...realLockEnvironment, isAlive: () => true })).acquired).toBe(false);
    const r = await acquireLock(nb, { ...realLockEnvironment, isAlive: () => false });
    expect(r.acquired).toBe(true);
    if (r.acquired) await r.lock.release();
  });

  it('release does not remove a lock that is no longer ours', async () => {
    const nb = fresh();
    const r = await acquireLock(nb);
    if (!r.acquired) throw new Error('expected the lock');
    writeFileSync(lockPathFor(nb), JSON.stringify(lockInfo({ pid: 99, token: 'someone-else' })));
    await r.lock.release();
    expect(existsSync(lockPathFor(nb))).toBe(true);
  });

  it('openers racing for a stale lock: exactly one wins, every round', async () => {
    const nb = fresh();
    const dead = deadPid();
    for (let round = 0; round < 100; round++) {
      writeFileSync(lockPathFor(nb), JSON.stringify(lockInfo({ pid: dead, token: `dead-${round}` })));
      const results = await Promise.all([acquireLock(nb), acquireLock(nb), acquireLock(nb), acquireLock(nb)]);
      const winners = results.filter((r) => r.acquired);
      expect(winners, `round ${round}`).toHaveLength(1);
      for (const r of winners) if (r.acquired) await r.lock.release();
      expect(readdirSync(dir).filter((n) => n.includes('.takeover'))).toEqual([]);
    }
  });

  it('a real second process sees the lock; SIGKILL leaves it stale; normal exit removes it', async () => {
    const nb = fresh();
    const holder = await startHolder(childPath, nb);
    expect(holder.status).toMatchObject({ readOnly: false });
    const held = await acquireLock(nb);
    expect(held).toMatchObject({ acquired: false, reason: expect.stringContaining(`pid ${holder.child.pid}`) });

    holder.child.kill('SIGKILL');
    await exited(holder.child);
    expect(existsSync(lockPathFor(nb))).toBe(true); // a crash cannot clean up…
    const taken = await acquireLock(nb); // …but the next opener takes the stale lock over
    expect(taken.acquired).toBe(true);
    if (taken.acquired) await taken.lock.release();

    const second = await startHolder(childPath, nb);
    expect(existsSync(lockPathFor(nb))).toBe(true);
    second.child.stdin.write('exit\n'); // process.exit(0) without close(): the exit hook releases
    await exited(second.child);
    expect(existsSync(lockPathFor(nb))).toBe(false);
  });
});
