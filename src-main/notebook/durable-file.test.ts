import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFs, removeStaleTempFiles, writeFileDurable, type NotebookFs } from './durable-file';

function osError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** Real fs, except that writing a temp file puts half the bytes down and then fails. */
function failingWriteFs(code: string): NotebookFs & { opened: string[] } {
  const opened: string[] = [];
  return {
    ...nodeFs,
    opened,
    open: async (path, flags, mode) => {
      const handle = await nodeFs.open(path, flags, mode);
      if (!path.endsWith('.tmp')) return handle;
      opened.push(path);
      return {
        writeFile: async (data) => {
          await handle.writeFile(typeof data === 'string' ? data.slice(0, data.length / 2) : data.subarray(0, data.length / 2));
          throw osError(code);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('writeFileDurable', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leadline-durable-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates and replaces a file, leaving no temp files', async () => {
    const target = join(dir, 'notebook.json');
    await writeFileDurable(target, 'one');
    expect(readFileSync(target, 'utf8')).toBe('one');
    await writeFileDurable(target, Buffer.from('two'));
    expect(readFileSync(target, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['notebook.json']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const target = join(dir, 'private.json');
    writeFileSync(target, 'x');
    chmodSync(target, 0o600);
    await writeFileDurable(target, 'y');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('serializes concurrent writes: the last call wins', async () => {
    const target = join(dir, 'n.json');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileDurable(target, `v${i}`)));
    expect(readFileSync(target, 'utf8')).toBe('v19');
    expect(readdirSync(dir)).toEqual(['n.json']);
  });

  it.each(['ENOSPC', 'EROFS', 'EACCES'])('on %s leaves the old file intact, removes the temp file and rethrows', async (code) => {
    const target = join(dir, 'n.json');
    writeFileSync(target, 'last good');
    const fs = failingWriteFs(code);
    await expect(writeFileDurable(target, 'new data that does not fit', fs)).rejects.toMatchObject({ code });
    expect(fs.opened).toHaveLength(1);
    expect(readFileSync(target, 'utf8')).toBe('last good');
    expect(readdirSync(dir)).toEqual(['n.json']);
    // A failed write does not poison the queue for the next one.
    await writeFileDurable(target, 'later');
    expect(readFileSync(target, 'utf8')).toBe('later');
  });

  it('fails on a missing folder without creating anything', async () => {
    await expect(writeFileDurable(join(dir, 'nope', 'n.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });

  it('removeStaleTempFiles removes only temp files of that target', async () => {
    const target = join(dir, 'n.json');
    writeFileSync(target, 'x');
    writeFileSync(join(dir, '.n.json.123.abcd0123.tmp'), 'half');
    writeFileSync(join(dir, '.other.json.123.abcd0123.tmp'), 'other');
    writeFileSync(join(dir, '.n.json.x.123.abcd0123.tmp'), 'temp of the notebook "n.json.x"');
    writeFileSync(join(dir, 'n.json.lock'), '{}');
    expect(await removeStaleTempFiles(target)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['.n.json.x.123.abcd0123.tmp', '.other.json.123.abcd0123.tmp', 'n.json', 'n.json.lock']);
  });
});
