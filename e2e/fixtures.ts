/**
 * One fixture, two ways to run every spec: real Electron through _electron.launch,
 * or Debian's Chromium against the browser host (same renderer build, same notebook
 * services). Every request a page makes is checked: none may leave the app's origin.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test as base, expect, chromium, _electron, type Browser, type Page } from '@playwright/test';
import { launchMode, type LaunchMode } from './launch-mode';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface LaunchOptions {
  notebookPath?: string;
  /** Extra flags for the app or the host. */
  args?: string[];
}

export interface LeadlineApp {
  readonly page: Page;
  readonly mode: LaunchMode['kind'];
  /** A fresh folder for this test; the notebook lives here unless a test picks another file. */
  readonly dir: string;
  readonly notebookPath: string;
  /** Every request that left the app's own origin (the fixture asserts it stays empty). */
  readonly foreignRequests: string[];
  /** Quits and relaunches on the same notebook, as a user restarting the app; `whileClosed` runs in between. */
  restart(whileClosed?: () => void): Promise<Page>;
  /** Closes the current instance and launches on other options (e.g. a broken notebook). */
  relaunch(options: LaunchOptions): Promise<Page>;
  /** For the host: the address it printed; for Electron: the app origin. */
  readonly origin: string;
  /** Runs an action that exports Markdown and returns the file's text (a download, or the desktop save dialog answered with a file in `dir`). */
  captureExport(action: () => Promise<void>): Promise<string>;
  /** The text on the clipboard. */
  readClipboard(): Promise<string>;
  /** A second window (a second tab, in the browser) on the same notebook, served by the same process. */
  openSecondWindow(): Promise<Page>;
  /**
   * Follows a leadline:// link as each host receives one: the browser host as the page's
   * address (its query), the desktop app as the system hands it over (open-url).
   */
  openLink(url: string): Promise<void>;
}

interface Running {
  page: Page;
  origin: string;
  close(): Promise<void>;
  captureExport(action: () => Promise<void>, target: string): Promise<string>;
  readClipboard(): Promise<string>;
  openSecondWindow(): Promise<Page>;
  openLink(url: string): Promise<void>;
}

const mode = launchMode();

function isOwnRequest(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url === origin || url.startsWith(`blob:${origin}/`) || url.startsWith('data:') || url.startsWith('devtools://');
}

/** Starts the built browser host and resolves with the address it prints. */
export async function startHost(notebookPath: string, args: string[] = []): Promise<{ host: ChildProcessWithoutNullStreams; url: string }> {
  // The host's user-data folder (preferences) sits beside the notebook: a restart finds it, and no test touches the real one.
  const env = { ...process.env, LEADLINE_USER_DATA: join(dirname(notebookPath), 'user-data') };
  const host = spawn(process.execPath, ['out/main/host.js', '--notebook', notebookPath, ...args], { stdio: 'pipe', env });
  let stderr = '';
  host.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`The host did not start within 20 s. stderr: ${stderr}`)), 20_000);
    host.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Leadline host: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)\n/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    host.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited with code ${code}. stderr: ${stderr}`));
    });
  });
  return { host, url };
}

async function launchInBrowser(browser: Browser, notebookPath: string, args: string[], onRequest: (url: string, origin: string) => void): Promise<Running> {
  const { host, url } = await startHost(notebookPath, args);
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  context.on('request', (request) => onRequest(request.url(), origin));
  const page = await context.newPage();
  await page.goto(url);
  return {
    page,
    origin,
    async captureExport(action) {
      const [download] = await Promise.all([page.waitForEvent('download'), action()]);
      return readFileSync((await download.path())!, 'utf8');
    },
    readClipboard: () => page.evaluate(() => navigator.clipboard.readText()),
    async openSecondWindow() {
      const second = await context.newPage();
      await second.goto(url);
      return second;
    },
    async openLink(link) {
      const address = new URL(page.url());
      for (const [key, value] of new URL(link).searchParams) address.searchParams.set(key, value);
      await page.goto(address.toString());
    },
    async close() {
      await context.close();
      const exited = new Promise((resolve) => host.once('exit', resolve));
      host.kill('SIGTERM');
      await exited;
    },
  };
}

async function launchInElectron(executable: string, notebookPath: string, userData: string, args: string[], onRequest: (url: string, origin: string) => void): Promise<Running> {
  const origin = 'app://leadline';
  const app = await _electron.launch({
    executablePath: executable,
    args: ['out/main/index.js', '--notebook', notebookPath, ...args],
    env: { ...process.env, LEADLINE_USER_DATA: userData },
  });
  const page = await app.firstWindow();
  page.on('request', (request) => onRequest(request.url(), origin));
  await page.waitForLoadState('domcontentloaded');
  return {
    page,
    origin,
    close: () => app.close(),
    async captureExport(action, target) {
      // Answer the native save dialog as a user would, with a file in the test folder.
      await app.evaluate(({ dialog }, file) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as unknown as typeof dialog.showSaveDialog;
      }, target);
      await action();
      await expect.poll(() => existsSync(target)).toBe(true);
      return readFileSync(target, 'utf8');
    },
    readClipboard: () => app.evaluate(({ clipboard }) => clipboard.readText()),
    async openLink(link) {
      await app.evaluate(({ app: electronApp }, url) => void electronApp.emit('open-url', { preventDefault: () => undefined }, url), link);
    },
    async openSecondWindow() {
      const [second] = await Promise.all([
        app.waitForEvent('window'),
        // The app has one window per notebook; a second one, as hardened as the first, stands in for a second tab.
        app.evaluate(
          ({ BrowserWindow }, preload) => {
            const first = BrowserWindow.getAllWindows()[0]!;
            const window = new BrowserWindow({ width: 1280, height: 820, webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false } });
            void window.loadURL(first.webContents.getURL());
          },
          join(process.cwd(), 'out/preload/index.cjs'),
        ),
      ]);
      second.on('request', (request) => onRequest(request.url(), origin));
      await second.waitForLoadState('domcontentloaded');
      return second;
    },
  };
}

export const test = base.extend<{ app: LeadlineApp }, { chromiumBrowser: Browser | null }>({
  chromiumBrowser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring to see no dependencies
    async ({}, use) => {
      if (mode.kind !== 'browser') return use(null);
      const browser = await chromium.launch({ executablePath: mode.executable, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  app: async ({ chromiumBrowser }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'leadline-e2e-'));
    const foreignRequests: string[] = [];
    const onRequest = (url: string, origin: string): void => {
      if (!isOwnRequest(url, origin)) foreignRequests.push(url);
    };
    let options: Required<LaunchOptions> = { notebookPath: join(dir, 'notebook.json'), args: [] };
    const launch = (): Promise<Running> =>
      mode.kind === 'electron'
        ? launchInElectron(mode.executable, options.notebookPath, join(dir, 'user-data'), options.args, onRequest)
        : launchInBrowser(chromiumBrowser!, options.notebookPath, options.args, onRequest);

    let running = await launch();
    const app: LeadlineApp = {
      get page() {
        return running.page;
      },
      get origin() {
        return running.origin;
      },
      get notebookPath() {
        return options.notebookPath;
      },
      mode: mode.kind,
      dir,
      foreignRequests,
      async restart(whileClosed) {
        await running.close();
        whileClosed?.();
        running = await launch();
        return running.page;
      },
      captureExport: (action) => running.captureExport(action, join(dir, `export-${Date.now()}.md`)),
      readClipboard: () => running.readClipboard(),
      openSecondWindow: () => running.openSecondWindow(),
      openLink: (url) => running.openLink(url),
      async relaunch(next) {
        options = { notebookPath: next.notebookPath ?? options.notebookPath, args: next.args ?? [] };
        return app.restart();
      },
    };

    await use(app);

    await running.close();
    rmSync(dir, { recursive: true, force: true });
    expect(foreignRequests, 'requests that left the app’s own origin').toEqual([]);
  },
});

export { expect };
