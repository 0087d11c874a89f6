#!/usr/bin/env node
/**
 * `npm run bench [-- --only anchoring,export,store,renderer,import,suggest] [--no-build]`: the speed
 * benchmark. Prints medians, and ratios against a peer measured in the same run.
 *
 * Node 20 cannot run .ts, so this bundles the runner and each suite with rolldown (the
 * bundler vite 8 ships) and runs the runner with --expose-gc. Each suite is bundled on
 * its own so that one that cannot be built (a module still being written) is reported
 * and the others still run. Bundles go under node_modules/.cache so that the external
 * packages (Playwright) resolve from them.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const SUITES = ['anchoring', 'export', 'store', 'renderer', 'import', 'suggest'];

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function usage() {
  console.error(`usage: npm run bench -- [--only ${SUITES.join(',')}] [--no-build]`);
  process.exit(2);
}
let noBuild = false;
let only = SUITES;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--no-build') noBuild = true;
  else if (args[i] === '--only' && args[i + 1]) only = args[++i].split(',').filter(Boolean);
  else usage();
}
if (only.length === 0 || only.some((s) => !SUITES.includes(s))) usage();

// One folder per run, so two runs at once do not clash; removed when the run ends.
const outDir = join(root, 'node_modules', '.cache', 'leadline-bench', String(process.pid));
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

async function bundle(name, input) {
  const file = join(outDir, `${name}.mjs`);
  await build({
    input,
    platform: 'node',
    external: [/^node:/, 'rolldown', '@playwright/test', /^playwright/],
    logLevel: 'silent',
    output: { file, format: 'esm' },
  });
  return file;
}

/** The line of a rolldown error that says what went wrong ("Could not resolve './x' in y.ts"). */
function reason(error) {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /^\[[A-Z_]+\]/.test(line)) ?? lines[0] ?? text;
}

const runner = await bundle('runner', join(here, 'runner.ts'));
const suites = [];
for (const name of SUITES.filter((s) => only.includes(s))) {
  const input = join(here, `${name}.bench.ts`);
  if (!existsSync(input)) {
    suites.push({ name, error: `scripts/bench/${name}.bench.ts does not exist` });
    continue;
  }
  try {
    suites.push({ name, module: await bundle(name, input) });
  } catch (error) {
    suites.push({ name, error: `cannot be built: ${reason(error)}` });
  }
}

const child = spawn(process.execPath, ['--expose-gc', runner], {
  stdio: 'inherit',
  env: { ...process.env, LEADLINE_BENCH_PLAN: JSON.stringify({ root, noBuild, suites }) },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  rmSync(outDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
