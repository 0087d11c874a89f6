/**
 * `npm start` where the Electron binary is missing: one line says so, the host opens in a
 * Chromium-based browser as an app window on its own profile, and npm start ends, with the
 * notebook unlocked, when that window closes. A stand-in browser (testdata/fake-browser.mjs)
 * records what it was asked to do.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, expect, test } from '@playwright/test';
import { findBrowser } from '../src-main/host/find-browser';
import { lockPathFor } from '../src-main/notebook/lock-file';
import { CHROMIUM_ARGS } from './fixtures';
import { ARTICLE_TITLE } from './helpers';

const FAKE_BROWSER = resolve('e2e/testdata/fake-browser.mjs');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  log: Record<string, unknown>[];
  userData: string;
}

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'leadline-start-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `npm start` without Electron; `whileRunning` gets its output so far and a Ctrl+C. */
function npmStart(env: NodeJS.ProcessEnv, whileRunning?: (stderr: () => string, kill: () => void) => Promise<void>): Promise<Run> {
  const userData = join(scratch, 'user-data');
  const log = join(scratch, 'browser.log');
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(scratch, 'no-electron'), LEADLINE_USER_DATA: userData, LEADLINE_NOTEBOOK: '', FAKE_BROWSER_LOG: log, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, to be stopped as Ctrl+C in a terminal does.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('exit', (...end) => done(end)));
  return (async () => {
    await whileRunning?.(() => stderr, () => process.kill(-child.pid!, 'SIGINT'));
    const [code, signal] = await exited;
    const entries = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) : [];
    return { code, signal, stdout, stderr, log: entries, userData };
  })();
}

/** npm passes Ctrl+C on to the script and then ends as interrupted, as a shell shows it (130). */
function expectStoppedByCtrlC(code: number | null, signal: NodeJS.Signals | null): void {
  expect(signal === 'SIGINT' || code === 130).toBe(true);
}

/** What Leadline itself said: its lines, and never a stack trace. */
function leadlineLines(run: Run): string[] {
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at /m);
  return `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => line.startsWith('Leadline'));
}

function expectOpenedInBrowser(run: Run): void {
  expect(leadlineLines(run)).toEqual([
    `Leadline: the Electron binary is not installed (npx install-electron fetches it when online), so Leadline opens as an app window of ${FAKE_BROWSER}; closing that window stops it.`,
  ]);
  const args = run.log[0]!.args as string[];
  expect(args).toContainEqual(expect.stringMatching(/^--app=http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/));
  expect(args).toContain(`--user-data-dir=${join(run.userData, 'browser-profile')}`);
  expect(existsSync(join(run.userData, 'browser-profile'))).toBe(true);
  // The address serves Leadline and its notebook: the one in the user-data folder.
  expect(run.log[1]).toEqual({ page: 200, html: true });
  expect(run.log[2]).toMatchObject({ store: { ok: true, value: { path: join(run.userData, 'notebook.json'), readOnly: false } } });
  // Closing the window ended npm start, with the notebook flushed and unlocked.
  expect(run.code).toBe(0);
  expect(existsSync(join(run.userData, 'notebook.json'))).toBe(true);
  expect(existsSync(lockPathFor(join(run.userData, 'notebook.json')))).toBe(false);
}

test('opens in the browser as an app window and ends when the browser exits with its window', async () => {
  const run = await npmStart({ CHROMIUM_PATH: FAKE_BROWSER });
  expectOpenedInBrowser(run);
});

test('closes a browser that outlives its window (as on macOS) once the window is gone', async () => {
  const run = await npmStart({ CHROMIUM_PATH: FAKE_BROWSER, FAKE_BROWSER_MODE: 'stay' });
  expectOpenedInBrowser(run);
  expect(run.log.slice(3)).toEqual([{ received: 'Target.setDiscoverTargets' }, { received: 'Browser.close' }]);
});

test('without a browser, says so in one line with the address to open, and serves until stopped', async () => {
  const missing = join(scratch, 'no-browser');
  const run = await npmStart({ CHROMIUM_PATH: missing }, async (stderr, kill) => {
    await expect.poll(stderr, { timeout: 20_000 }).toContain('Ctrl+C stops');
    const url = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+) in a Chromium-based browser/.exec(stderr())![1]!;
    expect((await fetch(url)).status).toBe(200);
    kill();
  });
  const [line, ...more] = leadlineLines(run);
  expect(more).toEqual([]);
  expect(line).toMatch(/^Leadline: the Electron binary is not installed \(npx install-electron fetches it when online\), and CHROMIUM_PATH names /);
  expect(line).toContain(`names ${missing}, which does not exist. Open http://127.0.0.1:`);
  expect(line).toMatch(/\?token=[\w-]+ in a Chromium-based browser; Ctrl\+C stops Leadline \(npm run host does the same\)\.$/);
  expectStoppedByCtrlC(run.code, run.signal);
  await expect.poll(() => existsSync(lockPathFor(join(run.userData, 'notebook.json')))).toBe(false);
});

test('npm run dev says in one line that the desktop app needs Electron, and points to dev:host', async () => {
  const child = spawn('npm', ['run', 'dev', '--silent'], { env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(scratch, 'no-electron') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  expect(code).toBe(1);
  expect(output.trim()).toBe(
    'Leadline: the Electron binary is not installed (npx install-electron fetches it when online), so the desktop app cannot start; npm run dev:host serves the renderer with hot reload in a browser instead.',
  );
});

test('npm run dev:host serves the renderer from the Vite dev server, hot reload connected, against the browser host', async () => {
  const notebookPath = join(scratch, 'dev.json');
  const child = spawn('npm', ['run', 'dev:host', '--silent', '--', '--notebook', notebookPath], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('exit', (...end) => done(end)));
  const url = await new Promise<string>((found, fail) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^Leadline dev host: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+) \(/.exec(line);
      if (match) found(match[1]!);
    });
    void exited.then(([code]) => fail(new Error(`npm run dev:host ended (code ${code}) before it was ready`)));
  });
  const installed = findBrowser(process.platform, process.env, homedir(), existsSync);
  if (!installed.ok) throw new Error(installed.reason);
  const browser = await chromium.launch({ executablePath: installed.path, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const viteConnected = page.waitForEvent('console', { predicate: (message) => message.text().includes('[vite] connected'), timeout: 20_000 });
    await page.goto(url);
    await viteConnected;
    // The article came through the proxied API, from the notebook the host opened.
    await expect(page).toHaveTitle(`${ARTICLE_TITLE} — Leadline`, { timeout: 20_000 });
    await expect(page.locator('.article-body p').first()).toBeVisible();
    expect(existsSync(notebookPath)).toBe(true);
  } finally {
    await browser.close();
    process.kill(-child.pid!, 'SIGINT');
  }
  expectStoppedByCtrlC(...(await exited));
  await expect.poll(() => existsSync(lockPathFor(notebookPath))).toBe(false);
});
