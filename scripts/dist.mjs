#!/usr/bin/env node
/**
 * `npm run dist [-- <electron-builder options>]`: the installers of the system this runs
 * on — AppImage and .deb on Linux, .dmg on macOS, an NSIS installer on Windows — in dist/.
 *
 * electron-builder needs Electron's release zip for this system. It is fetched first
 * (or found in Electron's download cache) and handed to electron-builder as
 * `electronDist`, so a machine that cannot download it hears so in one line instead
 * of a stack trace from the middle of packaging.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { downloadArtifact } from '@electron/get';
import { ROOT, writeIcons } from './icons.mjs';

const bin = (name) => join(ROOT, 'node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (command, args) => spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

/** Why an error happened, in a few words (a network error hides its reason in `cause`). */
function reasonOf(error) {
  const cause = error?.cause;
  const code = cause?.code ?? error?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message}: ${code}` : message.split('\n')[0].slice(0, 200);
}

async function electronZip() {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8'));
  const target = `${process.platform}-${process.arch}`;
  try {
    return await downloadArtifact({ version, platform: process.platform, arch: process.arch, artifactName: 'electron' });
  } catch (error) {
    console.error(
      `Leadline: npm run dist needs Electron ${version} for ${target}, and it could not be downloaded (${reasonOf(error)}); run it once online (the download is cached), or use npm start / npm run host meanwhile.`,
    );
    process.exit(1);
  }
}

const zip = await electronZip();

await writeIcons();
if (run(bin('electron-vite'), ['build']) !== 0) process.exit(1);
process.exit(run(bin('electron-builder'), ['--publish', 'never', `-c.electronDist=${zip}`, ...process.argv.slice(2)]));
