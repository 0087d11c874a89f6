import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserArgs, browserCandidates, findBrowser } from './find-browser';

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH when it exists, and says so when it does not', () => {
    expect(findBrowser('linux', { CHROMIUM_PATH: '/opt/c/chrome', PATH: '/usr/bin' }, '/home/u', (p) => p === '/opt/c/chrome')).toEqual({ ok: true, path: '/opt/c/chrome' });
    expect(findBrowser('linux', { CHROMIUM_PATH: '/nope', PATH: '/usr/bin' }, '/home/u', () => true)).toEqual({ ok: true, path: '/nope' });
    const missing = findBrowser('linux', { CHROMIUM_PATH: '/nope' }, '/home/u', () => false);
    expect(missing).toEqual({ ok: false, reason: 'CHROMIUM_PATH names /nope, which does not exist' });
  });

  it('finds Chromium, Chrome, Edge… on the PATH on Linux, Chromium first', () => {
    const installed = new Set([join('/usr/bin', 'google-chrome'), join('/snap/bin', 'chromium')]);
    expect(findBrowser('linux', { PATH: '/usr/local/bin:/usr/bin:/snap/bin' }, '/home/u', (p) => installed.has(p))).toEqual({ ok: true, path: join('/snap/bin', 'chromium') });
  });

  it('looks in the Applications folders on macOS', () => {
    const candidates = browserCandidates('darwin', {}, '/Users/u');
    expect(candidates[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(candidates).toContain('/Users/u/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
  });

  it('looks under Program Files and the local app data on Windows', () => {
    const candidates = browserCandidates('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, 'C:\\Users\\u');
    expect(candidates).toContain('C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(candidates).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
  });

  it('says what to do when there is none', () => {
    const none = findBrowser('linux', { PATH: '/usr/bin' }, '/home/u', () => false);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.reason).toMatch(/no Chromium-based browser .* was found; set CHROMIUM_PATH/);
  });
});

describe('browserArgs', () => {
  it('opens the address as an app window on its own profile, with the DevTools pipe to hear it close', () => {
    const args = browserArgs('http://127.0.0.1:5/?token=t', '/data/browser-profile');
    expect(args).toEqual(expect.arrayContaining(['--app=http://127.0.0.1:5/?token=t', '--user-data-dir=/data/browser-profile', '--no-first-run', '--remote-debugging-pipe']));
    expect(args.some((arg) => arg.startsWith('--remote-debugging-port'))).toBe(false);
  });
});
