// npm start: build, then open the desktop app. Without the Electron binary, Leadline
// opens in an installed Chromium-based browser instead (src-main/host/browser-app.ts).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const args = process.argv.slice(2);
const [command, commandArgs] = electronBinary()
  ? [process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite', ['preview', '--', ...args]]
  : [process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'run-built.mjs'), 'browser-app', ...args]];
const child = spawn(command, commandArgs, { stdio: 'inherit', shell: process.platform === 'win32' && command !== process.execPath });
// The child hears Ctrl+C from the terminal itself; a SIGTERM sent to npm start alone is passed on.
process.on('SIGTERM', () => child.kill('SIGTERM'));
process.on('SIGINT', () => undefined);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
