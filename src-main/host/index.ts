/**
 * `npm run host -- [--port N] [--notebook FILE]`: the browser host. Serves the
 * production renderer on 127.0.0.1 with the notebook API over HTTP, for any
 * Chromium where no Electron binary can be had. Prints exactly one line to stdout
 * when ready: `Leadline host: http://127.0.0.1:<port>/?token=<token>`.
 */
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { appVersion } from '../cli/app-version';
import { parseFlags } from '../cli/flags';
import { ApiFailure } from '../notebook/api-failure';
import { notebookOpener } from '../notebook/open-notebook';
import { startNotebookService, type PlatformActions } from '../notebook/service';
import { workerImporter } from '../notebook/import/importer';
import { workerSuggester } from '../notebook/suggest/suggester';
import { defaultNotebookPath } from '../notebook/user-data';
import { createHostServer } from './server';

const USAGE = `Usage: npm run host -- [--port N] [--notebook FILE]

  --port N          listen on 127.0.0.1:N (default: a free port)
  --notebook FILE   notebook file (default: LEADLINE_NOTEBOOK, else the desktop app's notebook)
  --help            show this message`;

const appRoot = join(import.meta.dirname, '../..');

/** In a browser the page itself downloads exports and shows links; the host has no desktop to use. */
const browserActions: PlatformActions = {
  chooseExportPath: async () => {
    throw new ApiFailure('not-supported', 'In the browser, Leadline downloads the export instead of showing a save dialog.');
  },
  openExternal: async () => false,
};

async function main(): Promise<number> {
  const parsed = parseFlags(process.argv.slice(2), { port: 'string', notebook: 'string', help: 'boolean' });
  if (!parsed.ok) {
    console.error(`leadline host: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = parsed.values.port === undefined ? 0 : Number(parsed.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`leadline host: --port must be a whole number from 0 to 65535, not "${String(parsed.values.port)}"`);
    return 2;
  }

  const notebookPath = resolve((parsed.values.notebook as string | undefined) ?? defaultNotebookPath());
  const version = appVersion(appRoot);
  const service = await startNotebookService({
    open: notebookOpener(notebookPath, join(appRoot, 'resources')),
    app: { name: 'Leadline', version, host: 'browser' },
    platform: browserActions,
    importer: workerImporter(join(import.meta.dirname, 'import-worker.js')),
    suggester: workerSuggester(join(import.meta.dirname, 'suggest-worker.js')),
  });
  const openError = service.openError();
  if (openError) console.error(`leadline host: ${openError.message}`);
  const token = randomBytes(24).toString('base64url');
  const server = createHostServer({ handlers: service.handlers, rendererDir: join(appRoot, 'out/renderer'), token });

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ready);
  });
  const address = server.address();
  const actualPort = address && typeof address === 'object' ? address.port : port;

  // Signals first, then the ready line: a SIGTERM right after it must still close the notebook.
  const stopped = new Promise<number>((done) => {
    const stop = (): void => {
      server.close();
      server.closeAllConnections();
      service.close().then(
        () => done(0),
        (error: unknown) => {
          console.error(`leadline host: ${error instanceof Error ? error.message : String(error)}`);
          done(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write(`Leadline host: http://127.0.0.1:${actualPort}/?token=${token}\n`);
  return stopped;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`leadline host: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
