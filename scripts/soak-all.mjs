#!/usr/bin/env node
/**
 * `npm run soak -- [rounds] [--export-cases N] [--seed N]`: both soak tests, one after
 * the other, each in its own process.
 *
 * - the store's crash soak (scripts/soak.mjs): `rounds` rounds of edit + SIGKILL,
 *   1,000 by default;
 * - the export's differential fuzz (scripts/soak-export.mjs): 100 cases per crash
 *   round (100,000 by default), or exactly N with `--export-cases N`; `--seed N`
 *   picks its run (1 by default).
 *
 * The export soak runs only when the store soak passed; the exit code is the first
 * failure's.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const EXPORT_CASES_PER_ROUND = 100;

const USAGE = `usage: npm run soak -- [rounds] [--export-cases N] [--seed N]

  rounds            crash rounds of the store soak (default 1000)
  --export-cases N  cases of the export soak (default: ${EXPORT_CASES_PER_ROUND} per crash round, 100000 for 1000 rounds)
  --seed N          the export soak's run (default 1); a failing case is rerun alone
                    with differentialCase(seed, index) from src-main/notebook/testdata/export-differential.ts
  --help            this text`;

/** The options, 'help', or null when the arguments make no sense. */
function parse(args) {
  const options = { rounds: 1000, exportCases: null, seed: 1 };
  let roundsGiven = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') return 'help';
    const flag = arg === '--export-cases' ? 'exportCases' : arg === '--seed' ? 'seed' : null;
    const value = flag ? args[++i] : arg;
    if (!/^\d+$/.test(value ?? '') || (flag !== 'seed' && Number(value) < 1)) return null;
    if (flag) options[flag] = Number(value);
    else if (roundsGiven) return null;
    else {
      options.rounds = Number(value);
      roundsGiven = true;
    }
  }
  return options;
}

function run(script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args.map(String)], { stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const options = parse(process.argv.slice(2));
if (options === 'help') {
  console.log(USAGE);
} else if (options === null) {
  console.error(USAGE);
  process.exitCode = 2;
} else {
  const exportCases = options.exportCases ?? options.rounds * EXPORT_CASES_PER_ROUND;
  const store = await run('./soak.mjs', [options.rounds]);
  process.exitCode = store !== 0 ? store : await run('./soak-export.mjs', [exportCases, options.seed]);
}
