import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBounded } from './read-bounded';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'leadline-read-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readBounded', () => {
  it('reads a file within the limit whole', async () => {
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'x'.repeat(3 << 20));
    expect((await readBounded(path, 5 << 20)).length).toBe(3 << 20);
  });
  it('stops just past the limit on an endless device', async () => {
    const bytes = await readBounded('/dev/zero', 2_500_000);
    expect(bytes.length).toBeGreaterThan(2_500_000);
    expect(bytes.length).toBeLessThanOrEqual(2_500_000 + (1 << 20));
  });
  it('fails as the file system says for a missing file', async () => {
    await expect(readBounded(join(dir, 'missing.txt'), 10)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
