// postinstall: fetch the Electron binary (electron >= 42 no longer does it at install time).
// Offline, this only warns: building, type-checking and the browser host do not need the binary.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronBinary, NO_ELECTRON_MESSAGE } from './electron-binary.mjs';

if (electronBinary() || process.env.LEADLINE_SKIP_ELECTRON_DOWNLOAD) process.exit(0);

const require = createRequire(import.meta.url);
let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  process.exit(0);
}
const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10 * 60_000, encoding: 'utf8' });
if (result.status !== 0 || !electronBinary()) {
  const reason = (result.stderr ?? '').split('\n').find((line) => line.trim()) ?? 'unknown error';
  console.warn(`\nLeadline: could not download the Electron binary (${reason.trim().slice(0, 200)}).\n${NO_ELECTRON_MESSAGE}\n`);
}
