/**
 * Leadline's Electron main process: parses the command line, opens the notebook,
 * then serves the sandboxed renderer and answers its API calls over IPC.
 */
import { join, resolve } from 'node:path';
import { app, dialog, session, Menu, type BrowserWindow } from 'electron';
import { COMMAND_CHANNEL, type AppCommand } from '../shared/api';
import { notebookOpener } from '../notebook/open-notebook';
import { startNotebookService } from '../notebook/service';
import { APP_USAGE, parseAppArgs } from './app-args';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { confirmAndOpen, desktopActions } from './platform-actions';
import { APP_ORIGIN, guardWebContents, hardenSession, isAppUrl } from './security';
import { createMainWindow } from './window';

const args = parseAppArgs(process.argv.slice(app.isPackaged ? 1 : 2), process.env);
if (!args.ok || args.help) {
  const message = args.ok ? APP_USAGE : `leadline: ${args.error}\n\n${APP_USAGE}`;
  (args.ok ? console.log : console.error)(message);
  app.exit(args.ok ? 0 : 2);
} else {
  if (process.env.LEADLINE_USER_DATA) app.setPath('userData', resolve(process.env.LEADLINE_USER_DATA));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    registerAppScheme();
    void start(args.notebook);
  }
}

async function start(notebookArg: string | undefined): Promise<void> {
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  let mainWindow: BrowserWindow | null = null;
  const getWindow = (): BrowserWindow | null => mainWindow;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  guardWebContents((url) => void confirmAndOpen(getWindow(), url), devServerUrl);

  await app.whenReady();
  hardenSession(session.defaultSession, devServerUrl);
  serveRenderer(join(import.meta.dirname, '../renderer'));

  const notebookPath = resolve(notebookArg ?? join(app.getPath('userData'), 'notebook.json'));
  const service = await startNotebookService({
    open: notebookOpener(notebookPath, join(app.getAppPath(), 'resources')),
    app: { name: 'Leadline', version: app.getVersion(), host: 'electron' },
    platform: desktopActions(getWindow),
  });
  registerIpc(service.handlers, (url) => isAppUrl(url, devServerUrl));

  const send = (command: AppCommand): void => mainWindow?.webContents.send(COMMAND_CHANNEL, command);
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

  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void service.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
}
