/**
 * `npm run export -- --notebook FILE [--format F] [--article ID | --all] [--out FILE]`:
 * the headless export (Markdown, W3C Web Annotations), reading the notebook without taking its lock.
 */
import { join } from 'node:path';
import { writeExportFile } from '../notebook/export-file';
import { readNotebookFile } from '../notebook/store';
import { appVersion } from './app-version';
import { runExportCli } from './export-cli';

const appRoot = join(import.meta.dirname, '../..');
const version = appVersion(appRoot);

const code = await runExportCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readNotebook: readNotebookFile,
  writeExport: async (notebookPath, outPath, data) => void (await writeExportFile(notebookPath, outPath, data)),
  now: () => new Date(),
  appVersion: version,
});
process.exitCode = code;
