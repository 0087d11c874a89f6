/**
 * Leadline's Electron main process: parses the command line, opens the notebook,
 * then serves the sandboxed renderer and answers its API calls over IPC. The notebook
 * can be switched while the app runs (File menu: notebook-actions.ts).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { app, dialog, session as electronSession, BrowserWindow } from 'electron';
import { COMMAND_CHANNEL, DEFAULT_PREFERENCES, PreferencesSchema, type AppCommand, type CallName, type MenuContext, type Preferences, type Result } from '../shared/api';
import { DEEP_LINK_SCHEME, type DeepLink } from '../shared/deep-link';
import { notebookOpener } from '../notebook/open-notebook';
import { startNotebookService } from '../notebook/service';
import { workerImporter } from '../notebook/import/importer';
import { workerSuggester } from '../notebook/suggest/suggester';
import { APP_USAGE, parseAppArgs, userArguments } from './app-args';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { onMenuContext, registerIpc } from './ipc';
import { installMenu } from './menu';
import { notebookActions } from './notebook-actions';
import { notebookSession, type NotebookSession } from './notebook-session';
import { confirmAndOpen, desktopActions } from './platform-actions';
import { loadRecent } from './recent-notebooks';
import { APP_ORIGIN, guardWebContents, hardenSession, isAppUrl } from './security';
import { createMainWindow } from './window';
import { windowTitle } from './window-title';
import { linkRequest } from './link-request';

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
    app.quit();
  } else {
    registerAppScheme();
    // leadline:// links open in this app (a development run registers Electron with the app's path).
    // A link only names ids to show (parseDeepLink checks them), and never loads anything.
    const appPath = resolve(process.argv[1] ?? process.cwd());
    if (process.defaultApp) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [appPath]); // eng-disable PROTOCOL_HANDLER_JS_CHECK: ids only, checked
    else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME); // eng-disable PROTOCOL_HANDLER_JS_CHECK: ids only, checked
    start(args.notebook, args.files, args.links).catch((error: unknown) => {
      // Without this, a windowless process would keep the single-instance lock.
      dialog.showErrorBox('Leadline could not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
      app.exit(1);
    });
  }
}

async function start(notebookArg: string | undefined, filesToOpen: string[], linksToOpen: string[]): Promise<void> {
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const appUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;
  let mainWindow: BrowserWindow | null = null;
  const getWindow = (): BrowserWindow | null => mainWindow;

  // macOS hands over files opened with Leadline as events, from before the app is ready.
  const openedEarly: string[] = [...filesToOpen];
  let openFiles = (paths: string[]): void => void openedEarly.push(...paths);
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles([path]);
  });

  let session: NotebookSession | null = null;
  const firstPath = resolve(notebookArg ?? join(app.getPath('userData'), 'notebook.json'));
  const send = (command: AppCommand): void => mainWindow?.webContents.send(COMMAND_CHANNEL, command);

  /** The link waiting for the renderer to take it (takeDeepLink), one at a time. */
  let pendingLink: DeepLink | null = null;
  const receiveLink = (url: string): void => {
    const request = linkRequest(url, session?.path() ?? firstPath);
    if ('refused' in request) {
      void dialog.showMessageBox({ type: 'info', ...request.refused });
      return;
    }
    pendingLink = request.link;
    // Before the window has loaded, the renderer takes the link as it starts.
    send('open-link');
  };
  const takeLink = (): DeepLink | null => {
    const link = pendingLink;
    pendingLink = null;
    return link;
  };
  linksToOpen.forEach(receiveLink);
  // macOS hands links to the running app.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receiveLink(url);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const asked = parseAppArgs(userArguments(argv, Boolean(process.defaultApp)), {});
    if (!asked.ok) return;
    asked.links.forEach(receiveLink);
    if (asked.files.length) openFiles(asked.files.map((file) => resolve(workingDirectory, file)));
    // One Leadline at a time: a second launch on another notebook says how to get there.
    const wanted = asked.notebook ? resolve(workingDirectory, asked.notebook) : undefined;
    if (wanted && session && wanted !== session.path()) {
      void dialog.showMessageBox(mainWindow, {
        type: 'info',
        message: 'Leadline is already open on another notebook.',
        detail: `Open now: ${session.path()}\nAsked for: ${wanted}\n\nUse File → Open Notebook… (or Open Recent) to switch to it.`,
      });
    }
  });
  guardWebContents((url) => void confirmAndOpen(getWindow(), url), devServerUrl);

  await app.whenReady();
  hardenSession(electronSession.defaultSession, devServerUrl);
  serveRenderer(join(import.meta.dirname, '../renderer'));

  const startService = (path: string) =>
    startNotebookService({
      open: notebookOpener(path, join(app.getAppPath(), 'resources')),
      app: { name: 'Leadline', version: app.getVersion(), host: 'electron' },
      platform: desktopActions(getWindow, takeLink),
      importer: workerImporter(join(import.meta.dirname, 'import-worker.js')),
      suggester: workerSuggester(join(import.meta.dirname, 'suggest-worker.js')),
      preferencesFile: join(app.getPath('userData'), 'preferences.json'),
    });
  const open = notebookSession({ path: firstPath, service: await startService(firstPath) });
  session = open;
  // The menu's theme and reading-width radio items follow the preferences kept, whichever window read or changed them.
  let looks: Pick<Preferences, 'theme' | 'width'> = DEFAULT_PREFERENCES;
  const answer = async (name: CallName, input: unknown): Promise<Result<unknown>> => {
    const result = await open.dispatch(name, input);
    const kept = (name === 'getPreferences' || name === 'setPreferences') && result.ok ? PreferencesSchema.safeParse(result.value) : null;
    if (kept?.success && (kept.data.theme !== looks.theme || kept.data.width !== looks.width)) {
      looks = kept.data;
      refresh();
    }
    return result;
  };
  registerIpc(answer, (url) => isAppUrl(url, devServerUrl));
  // Nothing greyed out until the page says what it has.
  let context: MenuContext = { article: true, selection: true };
  onMenuContext(
    (next) => {
      if (next.article === context.article && next.selection === context.selection) return;
      context = next;
      refresh();
    },
    (url) => isAppUrl(url, devServerUrl),
  );

  const recentFile = join(app.getPath('userData'), 'recent-notebooks.json');
  const refresh = (): void => {
    installMenu(
      { platform: process.platform, packaged: app.isPackaged, home: homedir(), notebookPath: open.path(), recent: loadRecent(recentFile), preferences: looks, context },
      { send, ...notebooks },
    );
    if (!mainWindow) return;
    mainWindow.setTitle(windowTitle(mainWindow.webContents.getTitle(), open.path()));
    if (process.platform === 'darwin') mainWindow.setRepresentedFilename(open.path());
  };
  const notebooks = notebookActions({ session: open, startService, appUrl, recentFile, changed: refresh });
  notebooks.remember(firstPath);

  mainWindow = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    url: appUrl,
    stateFile: join(app.getPath('userData'), 'window-state.json'),
  });
  mainWindow.on('closed', () => (mainWindow = null));
  // The page names the article; the window adds the notebook.
  mainWindow.on('page-title-updated', (event, title) => {
    event.preventDefault();
    mainWindow?.setTitle(windowTitle(title, open.path()));
  });
  refresh();
  openFiles = (paths) => void notebooks.openFiles(paths);
  if (openedEarly.length) openFiles(openedEarly.splice(0));

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
      await closeNotebook(open);
      closed = true;
      app.quit();
    })();
  });
  app.on('window-all-closed', () => app.quit());
}

/** Flushes and unlocks the notebook; while the disk refuses, the user chooses to retry or to quit anyway. */
async function closeNotebook(session: NotebookSession): Promise<void> {
  for (;;) {
    try {
      await session.close();
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
