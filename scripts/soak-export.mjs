#!/usr/bin/env node
/**
 * Soak test of the Markdown export: the differential fuzz of
 * src-main/notebook/export-differential.test.ts for 100,000 cases (or
 * `node scripts/soak-export.mjs <cases> [seed]`; `npm run soak` runs it after the
 * store's crash soak, see scripts/soak-all.mjs). Each case exports a random notebook
 * full of hostile text and reads it with commonmark.js, markdown-it and marked; every
 * section heading, lead and quote must show in each. The cases are split between two
 * worker threads (the machine has two cores).
 *
 * Plain .mjs so it runs on Node 20 without a TS loader: it bundles the TypeScript
 * fuzz with rolldown (the bundler vite 8 ships) into a temp folder first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { build } from 'rolldown';

const WORKERS = 2;
const BATCH = 500;

async function worker() {
  const { runDifferential } = await import(workerData.bundle);
  for (let from = workerData.from; from < workerData.to; from += BATCH) {
    const to = Math.min(from + BATCH, workerData.to);
    const failed = runDifferential(workerData.seed, from, to);
    parentPort.postMessage({ done: to - from, failed: failed.map((f) => ({ index: f.index, scope: f.scope, failures: f.failures })) });
  }
}

async function main() {
  const cases = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? 1);
  if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed)) {
    console.error('usage: node scripts/soak-export.mjs [cases] [seed]');
    process.exit(2);
  }
  const here = fileURLToPath(new URL('../src-main/notebook/testdata/', import.meta.url));
  const work = mkdtempSync(join(tmpdir(), 'leadline-soak-export-'));
  const started = Date.now();
  try {
    await build({
      input: { differential: join(here, 'export-differential.ts') },
      platform: 'node',
      external: [/^node:/],
      logLevel: 'silent',
      output: { dir: work, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    });
    const bundle = pathToFileURL(join(work, 'differential.mjs')).href;
    console.log(`soak-export: ${cases} cases (seed ${seed}) in ${WORKERS} workers`);
    let done = 0;
    let nextReport = 10_000;
    const failed = [];
    const share = Math.ceil(cases / WORKERS);
    await Promise.all(
      Array.from({ length: WORKERS }, (_, w) => {
        const from = w * share;
        const to = Math.min(cases, from + share);
        return new Promise((resolve, reject) => {
          const thread = new Worker(fileURLToPath(import.meta.url), { workerData: { bundle, seed, from, to } });
          thread.on('message', (message) => {
            done += message.done;
            failed.push(...message.failed);
            if (done >= nextReport) {
              console.log(`  ${done} cases, ${failed.length} failed, ${((Date.now() - started) / 1000).toFixed(0)} s`);
              nextReport += 10_000;
            }
          });
          thread.on('error', reject);
          thread.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
        });
      }),
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (failed.length > 0) {
      failed.sort((a, b) => a.index - b.index);
      for (const f of failed.slice(0, 5)) console.error(`  case ${f.index} (${JSON.stringify(f.scope)}): ${f.failures.join('; ')}`);
      console.error(`  failing cases: ${failed.map((f) => f.index).join(', ')}`);
      console.error(`soak-export FAILED: ${failed.length} of ${done} cases, ${seconds} s; rerun one with differentialCase(${seed}, index)`);
      process.exitCode = 1;
    } else {
      console.log(`soak-export passed: ${done} cases, 3 readers each, 0 failed, ${seconds} s`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (isMainThread) await main();
else await worker();
