/**
 * Leadline's Electron main process: parses the command line, opens the notebook,
 * then serves the sandboxed renderer and answers its API calls over IPC.
 */
import { join, resolve } from 'node:path';
import { app, dialog, session, BrowserWindow, Menu } from 'electron';
import type { NotebookService } from '../notebook/service';
import { COMMAND_CHANNEL, type AppCommand } from '../shared/api';
import { DEEP_LINK_SCHEME, type DeepLink } from '../shared/deep-link';
import { linkRequest } from './link-request';
import { notebookOpener } from '../notebook/open-notebook';
import { startNotebookService } from '../notebook/service';
import { workerImporter } from '../notebook/import/importer';
import { APP_USAGE, parseAppArgs, userArguments } from './app-args';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { confirmAndOpen, desktopActions } from './platform-actions';
import { APP_ORIGIN, guardWebContents, hardenSession, isAppUrl } from './security';
import { createMainWindow } from './window';

const args = parseAppArgs(userArguments(process.argv, Boolean(process.defaultApp)), process.env);
if (!args.ok || args.help) {
  const message = args.ok ? APP_USAGE : `leadline: ${args.error}\n\n${APP_USAGE}`;
  (args.ok ? console.log : console.error)(message);
  // Launched from a desktop icon there is no console to read: say it in a box too.
  if (!args.ok) dialog.showErrorBox('Leadline: unknown command-line option', message);
  app.exit(args.ok ? 0 : 2);
} else {
  if (process.env.LEADLINE_USER_DATA) app.setPath('userData', resolve(process.env.LEADLINE_USER_DATA));
  if (!app.requestSingleInstanceLock()) {
    // The running Leadline gets our arguments (a deep link among them) through 'second-instance'.
    app.quit();
  } else {
    registerAppScheme();
    // leadline:// links open in this app (a development run registers Electron with the app's path).
    // A link only names ids to show (parseDeepLink checks them), and never loads anything.
    const appPath = resolve(process.argv[1] ?? process.cwd());
    if (process.defaultApp) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [appPath]); // eng-disable PROTOCOL_HANDLER_JS_CHECK: ids only, checked
    else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME); // eng-disable PROTOCOL_HANDLER_JS_CHECK: ids only, checked
    start(args.notebook, args.link).catch((error: unknown) => {
      // Without this, a windowless process would keep the single-instance lock.
      dialog.showErrorBox('Leadline could not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
      app.exit(1);
    });
  }
}

async function start(notebookArg: string | undefined, linkArg: string | undefined): Promise<void> {
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  let mainWindow: BrowserWindow | null = null;
  const getWindow = (): BrowserWindow | null => mainWindow;
  const send = (command: AppCommand): void => mainWindow?.webContents.send(COMMAND_CHANNEL, command);

  const notebookPath = resolve(notebookArg ?? join(app.getPath('userData'), 'notebook.json'));

  /** The link waiting for the renderer to take it (takeDeepLink), one at a time. */
  let pendingLink: DeepLink | null = null;
  const receiveLink = (url: string): void => {
    const request = linkRequest(url, notebookPath);
    if ('refused' in request) {
      void dialog.showMessageBox({ type: 'info', ...request.refused });
      return;
    }
    pendingLink = request.link;
    // Before the window has loaded, the renderer takes the link as it starts.
    send('open-link');
  };
  if (linkArg) receiveLink(linkArg);
  // macOS hands links to the running app.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receiveLink(url);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    // One Leadline at a time: if the second launch asked for another notebook, say why it is not open.
    const asked = parseAppArgs(userArguments(argv, Boolean(process.defaultApp)), {});
    if (asked.ok && asked.link) receiveLink(asked.link);
    const wanted = asked.ok && asked.notebook ? resolve(workingDirectory, asked.notebook) : undefined;
    if (wanted && wanted !== notebookPath) {
      void dialog.showMessageBox(mainWindow, {
        type: 'info',
        message: 'Leadline is already open on another notebook.',
        detail: `Open now: ${notebookPath}\nAsked for: ${wanted}\n\nQuit Leadline, then start it again with that notebook.`,
      });
    }
  });
  guardWebContents((url) => void confirmAndOpen(getWindow(), url), devServerUrl);

  await app.whenReady();
  hardenSession(session.defaultSession, devServerUrl);
  serveRenderer(join(import.meta.dirname, '../renderer'));

  const service = await startNotebookService({
    open: notebookOpener(notebookPath, join(app.getAppPath(), 'resources')),
    app: { name: 'Leadline', version: app.getVersion(), host: 'electron' },
    platform: desktopActions(getWindow, () => {
      const link = pendingLink;
      pendingLink = null;
      return link;
    }),
    importer: workerImporter(join(import.meta.dirname, 'import-worker.js')),
  });
  registerIpc(service.handlers, (url) => isAppUrl(url, devServerUrl));

  Menu.setApplicationMenu(
    buildMenu(send, () =>
      void dialog.showMessageBox({ title: 'About Leadline', message: `Leadline ${app.getVersion()}`, detail: 'An offline research notebook. Your notes stay on this computer.' }),
    ),
  );

  mainWindow = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
    stateFile: join(app.getPath('userData'), 'window-state.json'),
  });
  mainWindow.on('closed', () => (mainWindow = null));

  let quitting = false;
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    void (async () => {
      // Windows first: their unload flushes the last typing into the store, which must still be open.
      const windowsClosed = BrowserWindow.getAllWindows().map(
        (window) =>
          new Promise<void>((done) => {
            window.once('closed', () => done());
            window.close();
          }),
      );
      await Promise.all(windowsClosed);
      await closeNotebook(service);
      closed = true;
      app.quit();
    })();
  });
  app.on('window-all-closed', () => app.quit());
}

/** Flushes and unlocks the notebook; while the disk refuses, the user chooses to retry or to quit anyway. */
async function closeNotebook(service: NotebookService): Promise<void> {
  for (;;) {
    try {
      await service.close();
      return;
    } catch (error) {
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        message: 'Your latest changes are not on disk yet.',
        detail: `${error instanceof Error ? error.message : String(error)}\n\nFree some space or fix the folder's permissions, then try again. Quitting now loses the changes since the last save.`,
        buttons: ['Try Again', 'Quit Anyway'],
        defaultId: 0,
        cancelId: 0,
      });
      if (response === 1) return;
    }
  }
}
