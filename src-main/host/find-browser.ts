/**
 * Which installed Chromium-based browser can show Leadline as an app window when the
 * Electron binary is missing, and how to start it. Pure, so it is tested without one.
 */
import { delimiter, join, win32 } from 'node:path';

export type FoundBrowser = { ok: true; path: string } | { ok: false; reason: string };

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable', 'brave-browser', 'vivaldi'];
const MAC_APPS = ['Google Chrome', 'Chromium', 'Microsoft Edge', 'Brave Browser', 'Vivaldi'];
const WINDOWS_EXES = ['Google/Chrome/Application/chrome.exe', 'Microsoft/Edge/Application/msedge.exe', 'Chromium/Application/chrome.exe', 'BraveSoftware/Brave-Browser/Application/brave.exe'];

/** Where a browser may be, most likely first. */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string[] {
  if (platform === 'darwin') {
    return [join('/Applications'), join(home, 'Applications')].flatMap((dir) => MAC_APPS.map((app) => join(dir, `${app}.app`, 'Contents', 'MacOS', app)));
  }
  if (platform === 'win32') {
    const bases = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((base): base is string => Boolean(base));
    return bases.flatMap((base) => WINDOWS_EXES.map((exe) => win32.join(base, exe)));
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return LINUX_NAMES.flatMap((name) => dirs.map((dir) => join(dir, name)));
}

/** CHROMIUM_PATH when set, else the first installed candidate. */
export function findBrowser(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string, exists: (path: string) => boolean): FoundBrowser {
  if (env.CHROMIUM_PATH) {
    return exists(env.CHROMIUM_PATH) ? { ok: true, path: env.CHROMIUM_PATH } : { ok: false, reason: `CHROMIUM_PATH names ${env.CHROMIUM_PATH}, which does not exist` };
  }
  const path = browserCandidates(platform, env, home).find(exists);
  return path ? { ok: true, path } : { ok: false, reason: 'no Chromium-based browser (Chromium, Chrome, Edge, Brave, Vivaldi) was found; set CHROMIUM_PATH to one' };
}

/**
 * An app window (no tabs, no address bar) on its own profile, so it neither joins nor
 * disturbs the user's browsing; that profile makes no background requests.
 */
export function browserArgs(url: string, profileDir: string): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--window-size=1280,820',
    // Leadline hears over this pipe when its window is gone: browsers on macOS keep running without windows.
    '--remote-debugging-pipe',
  ];
}
