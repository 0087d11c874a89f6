/**
 * Which way the end-to-end suite runs: in real Electron where the binary exists,
 * otherwise in Debian's Chromium against the browser host. LEADLINE_E2E_MODE
 * (electron | browser) forces one; CHROMIUM_PATH picks the browser.
 */
import { existsSync } from 'node:fs';
// @ts-expect-error: a plain .mjs helper shared with the npm scripts, typed by use.
import { electronBinary } from '../scripts/electron-binary.mjs';

export type LaunchMode = { kind: 'electron'; executable: string } | { kind: 'browser'; executable: string };

export function launchMode(): LaunchMode {
  const forced = process.env.LEADLINE_E2E_MODE;
  const electron = (electronBinary as () => string | null)();
  if (forced === 'electron' || (!forced && electron)) {
    if (!electron) throw new Error('LEADLINE_E2E_MODE=electron, but the Electron binary is not installed (npx install-electron).');
    return { kind: 'electron', executable: electron };
  }
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => Boolean(p));
  const executable = candidates.find((p) => existsSync(p));
  if (!executable) throw new Error(`No Electron binary and no Chromium found (tried ${candidates.join(', ')}). Install Debian's chromium or set CHROMIUM_PATH.`);
  return { kind: 'browser', executable };
}

export function describeMode(mode: LaunchMode): string {
  return mode.kind === 'electron'
    ? `Leadline e2e: running in real Electron (${mode.executable}) via _electron.launch`
    : `Leadline e2e: running in Chromium (${mode.executable}) against the browser host — no Electron binary on this machine`;
}
