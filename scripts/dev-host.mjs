#!/usr/bin/env node
/**
 * `npm run dev:host [-- --notebook FILE]`: the renderer with hot reload in any Chromium,
 * no Electron needed. Builds when the main side changed, starts the browser host (the notebook API),
 * and serves the renderer from Vite's dev server — the renderer config of
 * electron.vite.config.ts — with /api passed to the host as if the page were its own.
 * Prints one line with the address to open; Ctrl+C stops both.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from 'electron-vite';
import { createServer, mergeConfig } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules/.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');

/** The newest modification time of the files under `dir`. */
function newest(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

// The host runs the built main side: build first when its sources are newer than the build.
const hostProgram = join(root, 'out/main/host.js');
if (!existsSync(hostProgram) || newest(join(root, 'src-main')) > statSync(hostProgram).mtimeMs) {
  const build = spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr], shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const host = spawn(process.execPath, [hostProgram, ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
const hostUrl = await new Promise((found) => {
  createInterface({ input: host.stdout }).on('line', (line) => {
    const match = /^Leadline host: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/.exec(line);
    if (match) found(new URL(match[1]));
  });
  host.on('exit', (code) => process.exit(code ?? 1));
});

const { config } = await resolveConfig({}, 'serve', 'development');
const server = await createServer(
  mergeConfig(config.renderer, {
    configFile: false,
    server: {
      host: '127.0.0.1',
      strictPort: false,
      // The host accepts API calls only from its own origin: present them as such.
      proxy: { '/api': { target: hostUrl.origin, changeOrigin: true, headers: { origin: hostUrl.origin } } },
    },
  }),
);
await server.listen();
const address = server.httpServer.address();
console.log(`Leadline dev host: http://127.0.0.1:${address.port}/?token=${hostUrl.searchParams.get('token')} (the renderer reloads as you edit it; Ctrl+C stops)`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  host.removeAllListeners('exit');
  host.once('exit', (code) => process.exit(code ?? 0));
  host.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
