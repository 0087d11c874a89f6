// npm run dev: the desktop app with hot reload (electron-vite dev) — or, without the
// Electron binary, one line on what to do instead of electron-vite's stack trace.
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

if (!electronBinary()) {
  console.error(
    'Leadline: the Electron binary is not installed (npx install-electron fetches it when online), so the desktop app cannot start; npm run dev:host serves the renderer with hot reload in a browser instead.',
  );
  process.exit(1);
}
const bin = process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite';
const child = spawn(bin, ['dev', ...process.argv.slice(2)], { stdio: 'inherit', shell: process.platform === 'win32' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
