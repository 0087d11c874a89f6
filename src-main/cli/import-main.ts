/**
 * `npm run import -- --notebook FILE [--update ARTICLE_ID] PATH...`: the headless import,
 * through the same store (lock, backups, durable writes) as the app.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newId } from '../shared/ids';
import { notebookOpener } from '../notebook/open-notebook';
import { runImportCli } from './import-cli';

const appRoot = join(import.meta.dirname, '../..');

const code = await runImportCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path),
  openStore: (path) => notebookOpener(path, join(appRoot, 'resources'))(),
  ctx: { now: () => new Date(), newId },
});
process.exitCode = code;
