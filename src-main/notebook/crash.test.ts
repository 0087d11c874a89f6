/**
 * Crash safety: a child process edits the notebook through the real store and is killed
 * with SIGKILL at random moments. After every kill the file must parse, validate and hold
 * every write the child had acknowledged. `npm run soak` runs the same for 1,000 rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotebookChild, runCrashRounds } from './testdata/crash-harness';

const ROUNDS = 100;

describe('notebook store under SIGKILL', () => {
  let dir: string;
  let childPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadline-crash-'));
    childPath = await buildNotebookChild(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`keeps every acknowledged write across ${ROUNDS} kills`, async () => {
    const figures = await runCrashRounds({ rounds: ROUNDS, childPath, dir: join(dir, 'nb') });
    console.log(
      `crash test: ${figures.rounds} rounds, ${figures.acknowledgedWritesChecked} acknowledged writes verified, ` +
        `${figures.killedWhileOpening} kills during open, ${figures.lockBusyRounds} busy-lock rounds, ` +
        `${figures.backupsChecked} backup checks, ${figures.journalsReplayed} journals replayed (${figures.tornTails} torn last lines), ` +
        `last edit ${figures.highestEdit}, ${figures.seconds} s`,
    );
    expect(figures.rounds).toBe(ROUNDS);
    expect(figures.acknowledgedWritesChecked).toBeGreaterThan(ROUNDS); // the child really wrote
    expect(figures.journalsReplayed).toBeGreaterThan(0); // kills really landed between compactions
  }, 120_000);
});
