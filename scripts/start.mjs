// npm start: build, then open the desktop app — or say plainly why it cannot start.
import { spawn } from 'node:child_process';
import { electronBinary, NO_ELECTRON_MESSAGE } from './electron-binary.mjs';

if (!electronBinary()) {
  console.error(`\nLeadline: ${NO_ELECTRON_MESSAGE}\n`);
  process.exit(1);
}
const bin = process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite';
const child = spawn(bin, ['preview', '--', ...process.argv.slice(2)], { stdio: 'inherit', shell: process.platform === 'win32' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
