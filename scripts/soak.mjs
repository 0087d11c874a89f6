#!/usr/bin/env node
/**
 * Soak test of the notebook store: the crash test of src-main/notebook/crash.test.ts,
 * for 1,000 rounds (or `node scripts/soak.mjs <rounds>`). Each round starts a child that
 * edits the notebook through the real store, SIGKILLs it at a random moment, and checks
 * that the file parses, validates and holds every acknowledged write.
 *
 * Plain .mjs so it runs on Node 20 without a TS loader: it bundles the TypeScript harness
 * and child with rolldown (the bundler vite 8 ships) into a temp folder first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const rounds = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: node scripts/soak.mjs [rounds]');
  process.exit(2);
}

const here = fileURLToPath(new URL('../src-main/notebook/testdata/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'leadline-soak-'));
let ok = false;
try {
  await build({
    input: { 'crash-child': join(here, 'crash-child.ts'), 'crash-harness': join(here, 'crash-harness.ts') },
    platform: 'node',
    external: [/^node:/, 'rolldown'],
    logLevel: 'silent',
    output: { dir: join(work, 'bundle'), format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
  });
  const { runCrashRounds, runLockRace } = await import(pathToFileURL(join(work, 'bundle', 'crash-harness.mjs')).href);
  console.log(`soak: ${rounds} rounds of edit + SIGKILL in ${work}`);
  const f = await runCrashRounds({
    rounds,
    childPath: join(work, 'bundle', 'crash-child.mjs'),
    dir: join(work, 'nb'),
    log: (line) => console.log(`  ${line}`),
  });
  console.log(
    `soak passed: ${f.rounds} rounds, ${f.acknowledgedWritesChecked} acknowledged writes verified, ` +
      `${f.killedWhileOpening} kills during open, ${f.lockBusyRounds} busy-lock rounds, ` +
      `${f.backupsChecked} backup checks, last edit ${f.highestEdit}, ${f.seconds} s`,
  );
  const lockRounds = Math.max(10, Math.round(rounds / 10));
  const race = await runLockRace({ childPath: join(work, 'bundle', 'crash-child.mjs'), dir: join(work, 'race'), rounds: lockRounds, contenders: 3 });
  if (race.doubleWriters > 0) throw new Error(`${race.doubleWriters} of ${race.rounds} lock races ended with more or fewer than one writer`);
  console.log(`soak passed: ${race.rounds} rounds of 3 processes racing for a stale lock, one writer each time`);
  ok = true;
} catch (error) {
  console.error(`soak FAILED: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`the notebook is kept for inspection in ${work}`);
  process.exitCode = 1;
} finally {
  if (ok) rmSync(work, { recursive: true, force: true });
}
