/**
 * `npm start` where the Electron binary is missing (scripts/start.mjs): the browser host
 * in this process, shown in an installed Chromium-based browser as an app window with
 * its own profile under the user-data folder. Ends when that window closes, after the
 * notebook is flushed and unlocked. Without such a browser, it serves until Ctrl+C and
 * says where to point one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readlinkSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { defaultUserDataDir } from '../notebook/user-data';
import { watchAppWindows } from './app-window-watch';
import { browserArgs, findBrowser } from './find-browser';
import { parseHostArgs } from './host-args';
import { startHost, type RunningHost } from './start-host';

const USAGE = `Usage: npm start -- [--notebook FILE] [--port N]

  --notebook FILE   notebook file (default: LEADLINE_NOTEBOOK, else <user data>/notebook.json)
  --port N          serve on 127.0.0.1:N (default: a free port)
  --help            show this message`;

const NO_ELECTRON = 'Leadline: the Electron binary is not installed (npx install-electron fetches it when online)';

/** Grace for a browser asked to quit before it is made to. */
const QUIT_GRACE_MS = 5000;

async function main(): Promise<number> {
  const args = parseHostArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(`leadline: ${args.error}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const browser = findBrowser(process.platform, process.env, homedir(), existsSync);
  const profileDir = join(defaultUserDataDir(), 'browser-profile');
  // A second browser on the same profile would hand our address to the first and exit at once.
  if (browser.ok && profileInUse(profileDir)) {
    console.error(`${NO_ELECTRON}, and Leadline is open in a browser window already (its profile, ${profileDir}, is in use): switch to that window.`);
    return 1;
  }

  const host = await startHost({ ...args, mainDir: import.meta.dirname });
  if (host.openError) console.error(`Leadline: ${host.openError}`);
  if (!browser.ok) {
    console.error(`${NO_ELECTRON}, and ${browser.reason}. Open ${host.url} in a Chromium-based browser; Ctrl+C stops Leadline (npm run host does the same).`);
    await new Promise<void>((stop) => {
      // `on`, not `once`: Ctrl+C reaches us from the terminal and again from npm's scripts.
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return (await stopHost(host)) ? 0 : 1;
  }

  console.error(`${NO_ELECTRON}, so Leadline opens as an app window of ${browser.path}; closing that window stops it.`);
  mkdirSync(profileDir, { recursive: true });
  const code = await runBrowser(browser.path, browserArgs(host.url, profileDir));
  return (await stopHost(host)) ? code : 1;
}

/** Runs the browser until its window closes; resolves to the exit code `npm start` should end with. */
function runBrowser(path: string, args: string[]): Promise<number> {
  return new Promise((done) => {
    // stdio 3 and 4: the DevTools pipe (to the browser, from it).
    const child = spawn(path, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    let stderrTail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (stderrTail = (stderrTail + chunk).slice(-4000)));
    let quitting = false;
    const quit = (): void => {
      if (quitting) return;
      quitting = true;
      watch.closeBrowser();
      setTimeout(() => child.kill(), QUIT_GRACE_MS).unref();
    };
    const watch = watchAppWindows(child.stdio[3] as Writable, child.stdio[4] as Readable, quit);
    process.on('SIGINT', quit);
    process.on('SIGTERM', quit);
    child.once('error', (error) => {
      console.error(`Leadline: could not start ${path} (${error.message}).`);
      done(1);
    });
    child.once('exit', (code, signal) => {
      if (quitting || code === 0) return done(0);
      const lastLine = stderrTail.split('\n').map((line) => line.trim()).filter(Boolean).pop() ?? '';
      console.error(`Leadline: ${path} stopped with ${signal ? `signal ${signal}` : `code ${code}`}${lastLine ? ` (${lastLine.slice(0, 300)})` : ''}.`);
      done(1);
    });
  });
}

/** Flushes and unlocks the notebook; false (and said why) when the disk refused. */
async function stopHost(host: RunningHost): Promise<boolean> {
  try {
    await host.stop();
    return true;
  } catch (error) {
    console.error(`Leadline: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/** Whether a live browser holds the profile (Chromium's SingletonLock: a link to "<host>-<pid>"; Linux and macOS). */
function profileInUse(profileDir: string): boolean {
  let target: string;
  try {
    target = readlinkSync(join(profileDir, 'SingletonLock'));
  } catch {
    return false;
  }
  const match = /^(.*)-(\d+)$/.exec(target);
  if (!match || match[1] !== hostname()) return false;
  try {
    process.kill(Number(match[2]), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Leadline: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
