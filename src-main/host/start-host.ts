/**
 * Starts the browser host in this process: the notebook services, and the HTTP server
 * with the renderer on 127.0.0.1 behind a fresh random token. Used by `npm run host`
 * and by `npm start` when there is no Electron (browser-app.ts).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { appVersion } from '../cli/app-version';
import { defaultUserDataDir } from '../notebook/user-data';
import { ApiFailure } from '../notebook/api-failure';
import { notebookOpener } from '../notebook/open-notebook';
import { startNotebookService, type PlatformActions } from '../notebook/service';
import { workerImporter } from '../notebook/import/importer';
import { workerSuggester } from '../notebook/suggest/suggester';
import { createHostServer } from './server';

/** In a browser the page itself downloads exports and shows links; the host has no desktop to use. */
const browserActions: PlatformActions = {
  chooseExportPath: async () => {
    throw new ApiFailure('not-supported', 'In the browser, Leadline downloads the export instead of showing a save dialog.');
  },
  openExternal: async () => false,
};

export interface RunningHost {
  /** The address to open: `http://127.0.0.1:<port>/?token=<token>`. */
  url: string;
  /** Why the notebook could not be opened (the page shows it too), if it could not. */
  openError: string | null;
  /** Stops serving, then flushes and unlocks the notebook. */
  stop(): Promise<void>;
}

export interface HostOptions {
  notebookPath: string;
  port: number;
  /** The build's out/main folder, given by the entry point: this module may be bundled into a chunk elsewhere. */
  mainDir: string;
}

export async function startHost({ notebookPath, port, mainDir }: HostOptions): Promise<RunningHost> {
  const appRoot = join(mainDir, '../..');
  const service = await startNotebookService({
    open: notebookOpener(notebookPath, join(appRoot, 'resources')),
    app: { name: 'Leadline', version: appVersion(appRoot), host: 'browser' },
    platform: browserActions,
    importer: workerImporter(join(mainDir, 'import-worker.js')),
    suggester: workerSuggester(join(mainDir, 'suggest-worker.js')),
    preferencesFile: join(defaultUserDataDir(), 'preferences.json'),
  });
  const token = randomBytes(24).toString('base64url');
  const server = createHostServer({ handlers: service.handlers, rendererDir: join(appRoot, 'out/renderer'), token });
  try {
    await new Promise<void>((ready, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', ready);
    });
  } catch (error) {
    await service.close();
    throw error;
  }
  const address = server.address();
  const actualPort = address && typeof address === 'object' ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}/?token=${token}`,
    openError: service.openError()?.message ?? null,
    stop: async () => {
      server.close();
      server.closeAllConnections();
      await service.close();
    },
  };
}
