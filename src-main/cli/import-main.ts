/**
 * `npm run import -- --notebook FILE [--update ARTICLE_ID] PATH...`: the headless import,
 * through the same store (lock, backups, durable writes) as the app.
 */
import { join } from 'node:path';
import { newId } from '../shared/ids';
import { notebookOpener } from '../notebook/open-notebook';
import { runImportCli } from './import-cli';
import { readBounded } from './read-bounded';
import { MAX_FILE_BYTES as MAX_ARTICLE_BYTES } from '../notebook/import/decode';
import { MAX_FILE_BYTES as MAX_ANNOTATION_FILE_BYTES } from '../notebook/interchange/annotation-file';

const appRoot = join(import.meta.dirname, '../..');

const code = await runImportCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Past the larger of the two limits (articles, annotation files), the importers refuse the file as too large.
  readFile: (path) => readBounded(path, Math.max(MAX_ARTICLE_BYTES, MAX_ANNOTATION_FILE_BYTES)),
  openStore: (path) => notebookOpener(path, join(appRoot, 'resources'))(),
  ctx: { now: () => new Date(), newId },
});
process.exitCode = code;
