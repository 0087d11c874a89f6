/**
 * `npm run export -- --notebook FILE [--article ID | --all] [--out FILE]`:
 * the headless Markdown export, reading the notebook without taking its lock.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readNotebookFile } from '../notebook/store';
import { appVersion } from './app-version';
import { runExportCli } from './export-cli';

const appRoot = join(import.meta.dirname, '../..');
const version = appVersion(appRoot);

const code = await runExportCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readNotebook: readNotebookFile,
  writeFile: (path, data) => writeFile(path, data, 'utf8'),
  now: () => new Date(),
  appVersion: version,
});
process.exitCode = code;
