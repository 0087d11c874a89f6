import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsDirFor, backupsToKeep, createBackup, findBackup, isBackupDue, listBackups, pruneBackups, stampFor, type BackupInfo } from './backups';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function fake(createdAt: Date): BackupInfo {
  return { id: stampFor(createdAt), path: '', createdAt: createdAt.toISOString(), bytes: 1 };
}

describe('backup policy', () => {
  it('is due when there is none, after a minute, or when the clock went backwards', () => {
    const now = new Date('2024-05-01T10:00:00.000Z');
    expect(isBackupDue(undefined, now)).toBe(true);
    expect(isBackupDue(new Date(now.getTime() - 30_000).toISOString(), now)).toBe(false);
    expect(isBackupDue(new Date(now.getTime() - MIN).toISOString(), now)).toBe(true);
    expect(isBackupDue(new Date(now.getTime() + DAY).toISOString(), now)).toBe(true);
  });

  it('keeps the 10 newest plus the newest of each of the last 7 days', () => {
    const now = new Date(2024, 4, 20, 18, 0); // local time: days are the user's calendar days
    const list: BackupInfo[] = [];
    // 30 backups a minute apart today, then 3 a day (9:00, 12:00, 15:00) for the 12 days before.
    for (let i = 0; i < 30; i++) list.push(fake(new Date(now.getTime() - i * MIN)));
    for (let d = 1; d <= 12; d++) for (const h of [15, 12, 9]) list.push(fake(new Date(2024, 4, 20 - d, h)));
    const keep = backupsToKeep(list, now);
    const expected = [
      ...list.slice(0, 10).map((b) => b.id),
      ...[1, 2, 3, 4, 5, 6].map((d) => stampFor(new Date(2024, 4, 20 - d, 15))), // today's newest is among the 10
    ];
    expect([...keep].sort()).toEqual(expected.sort());
  });

  it('keeps the 10 newest however old they are', () => {
    const now = new Date(2024, 4, 20, 18, 0);
    const list = Array.from({ length: 12 }, (_, i) => fake(new Date(now.getTime() - 30 * DAY - i * MIN)));
    expect(backupsToKeep(list, now).size).toBe(10);
  });
});

describe('backups on disk', () => {
  let dir: string;
  let nb: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leadline-backups-'));
    nb = join(dir, 'notebook.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the file into backups/ with a Windows-safe name, listed newest first', async () => {
    writeFileSync(nb, 'v1');
    const a = await createBackup(nb, new Date('2024-05-01T10:00:00.000Z'));
    writeFileSync(nb, 'v22');
    const b = await createBackup(nb, new Date('2024-05-01T10:05:00.000Z'));
    expect(a?.id).toBe('2024-05-01T10-00-00-000Z');
    expect(readdirSync(backupsDirFor(nb)).sort()).toEqual(['notebook.2024-05-01T10-00-00-000Z.json', 'notebook.2024-05-01T10-05-00-000Z.json']);
    const list = await listBackups(nb);
    expect(list.map((x) => x.id)).toEqual([b?.id, a?.id]);
    expect(list[0]).toMatchObject({ createdAt: '2024-05-01T10:05:00.000Z', bytes: 3, path: join(dir, 'backups', 'notebook.2024-05-01T10-05-00-000Z.json') });
    expect(readFileSync(list[1]!.path, 'utf8')).toBe('v1');
  });

  it('never overwrites a backup made in the same millisecond', async () => {
    const at = new Date('2024-05-01T10:00:00.000Z');
    writeFileSync(nb, 'first');
    await createBackup(nb, at);
    writeFileSync(nb, 'second');
    const again = await createBackup(nb, at);
    expect(again?.id).toBe('2024-05-01T10-00-00-000Z-2');
    const list = await listBackups(nb);
    expect(list.map((b) => b.id)).toEqual(['2024-05-01T10-00-00-000Z-2', '2024-05-01T10-00-00-000Z']);
    expect(readFileSync(list[1]!.path, 'utf8')).toBe('first');
  });

  it('has nothing to back up when the notebook does not exist, and lists none without a folder', async () => {
    expect(await createBackup(nb, new Date())).toBeNull();
    expect(await listBackups(nb)).toEqual([]);
  });

  it('ignores other notebooks and stray files in backups/', async () => {
    mkdirSync(backupsDirFor(nb));
    writeFileSync(join(backupsDirFor(nb), 'other.2024-05-01T10-00-00-000Z.json'), 'x');
    writeFileSync(join(backupsDirFor(nb), 'notebook.not-a-stamp.json'), 'x');
    writeFileSync(join(backupsDirFor(nb), 'notebook.2024-05-01T10-00-00-000Z.json'), 'mine');
    expect((await listBackups(nb)).map((b) => b.id)).toEqual(['2024-05-01T10-00-00-000Z']);
  });

  it('prunes by the policy and finds backups only by listed id (no path tricks)', async () => {
    writeFileSync(nb, 'x');
    const now = new Date(2024, 4, 20, 18, 0);
    for (let i = 0; i < 15; i++) await createBackup(nb, new Date(now.getTime() - i * MIN));
    const removed = await pruneBackups(nb, now);
    expect(removed).toHaveLength(5);
    expect(await listBackups(nb)).toHaveLength(10);
    const newest = (await listBackups(nb))[0]!;
    expect(await findBackup(nb, newest.id)).toEqual(newest);
    expect(await findBackup(nb, '../notebook')).toBeUndefined();
  });
});
