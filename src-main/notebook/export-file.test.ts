import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExportCli, type CliIo } from '../cli/export-cli';
import { SCHEMA_VERSION } from '../shared/model';
import { backupsDirFor } from './backups';
import { nodeFs, type NotebookFs } from './durable-file';
import { ExportTargetRefused, writeExportFile } from './export-file';
import { lockPathFor } from './lock-file';
import { serializeNotebook } from './notebook-adapter';
import { readNotebookFile } from './store';
import { buildSampleNotebook } from './testdata/sample-notebook';

let dir: string;
let nb: string;
let original: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadline-export-file-'));
  nb = join(dir, 'notebook.json');
  original = serializeNotebook(buildSampleNotebook());
  writeFileSync(nb, original);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function realCli(): CliIo & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdout: () => undefined,
    stderr: (text) => err.push(text),
    readNotebook: readNotebookFile,
    writeExport: async (notebookPath, outPath, data) => void (await writeExportFile(notebookPath, outPath, data)),
    now: () => new Date('2025-01-01T00:00:00Z'),
    appVersion: '0.0.0',
  };
}

describe('writing an export', () => {
  it('refuses the notebook, its lock, a backup, a damaged copy, and links to them; nothing is written', async () => {
    mkdirSync(backupsDirFor(nb));
    const backup = join(backupsDirFor(nb), 'notebook.2025-01-01T00-00-00-000Z.json');
    writeFileSync(backup, original);
    writeFileSync(lockPathFor(nb), '{}');
    const corrupt = join(dir, 'notebook.corrupt-2025-01-01T00-00-00-000Z.json');
    writeFileSync(corrupt, 'damaged');
    symlinkSync(nb, join(dir, 'link-to-notebook.md'));
    linkSync(nb, join(dir, 'hard-link.md'));
    linkSync(backup, join(dir, 'hard-link-to-backup.md'));
    linkSync(corrupt, join(dir, 'hard-link-to-corrupt.md'));
    // "folder-link/.." is the notebook's folder seen through a link into backups/: the OS follows the link first.
    mkdirSync(join(dir, 'sub'));
    symlinkSync(backupsDirFor(nb), join(dir, 'sub', 'into-backups'));
    const refused = [
      nb,
      join(dir, 'sub', '..', 'notebook.json'),
      lockPathFor(nb),
      backup,
      join(backupsDirFor(nb), 'new-file.md'),
      corrupt,
      join(dir, 'link-to-notebook.md'),
      join(dir, 'hard-link.md'),
      join(dir, 'hard-link-to-backup.md'),
      join(dir, 'hard-link-to-corrupt.md'),
      `${join(dir, 'sub', 'into-backups')}/../notebook.json`,
      dir,
    ];
    for (const out of refused) {
      await expect(writeExportFile(nb, out, '# x\n'), out).rejects.toBeInstanceOf(ExportTargetRefused);
    }
    expect(readFileSync(nb, 'utf8')).toBe(original);
    expect(readFileSync(backup, 'utf8')).toBe(original);
    expect(readFileSync(corrupt, 'utf8')).toBe('damaged');
  });

  it('the CLI refuses --out on the notebook with one line and exit 2, and the notebook still opens', async () => {
    const io = realCli();
    expect(await runExportCli(['--notebook', nb, '--out', nb], io)).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(/^leadline export: ".*notebook\.json" is the notebook itself; choose another file/);
    expect(io.err[0]!.trimEnd()).not.toContain('\n');
    expect(readFileSync(nb, 'utf8')).toBe(original);
    await expect(readNotebookFile(nb)).resolves.toMatchObject({ schemaVersion: SCHEMA_VERSION });
  });

  it('writes a new file, or through a link to its target, leaving the link a link', async () => {
    const io = realCli();
    const out = join(dir, 'notes.md');
    expect(await runExportCli(['--notebook', nb, '--out', out], io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^---\n/);
    const linked = join(dir, 'linked.md');
    symlinkSync(out, linked);
    await writeExportFile(nb, linked, 'second\n');
    expect(readFileSync(out, 'utf8')).toBe('second\n');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('an export cut short leaves the earlier file whole (temp file, then rename)', async () => {
    const out = join(dir, 'notes.md');
    writeFileSync(out, 'the earlier export\n');
    const failing: NotebookFs = {
      ...nodeFs,
      open: async (path, flags, mode) => {
        const handle = await nodeFs.open(path, flags, mode);
        return {
          writeFile: async (data) => {
            await handle.writeFile(typeof data === 'string' ? data.slice(0, 3) : data.slice(0, 3));
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(writeExportFile(nb, out, 'x'.repeat(10_000), failing)).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(out, 'utf8')).toBe('the earlier export\n');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
