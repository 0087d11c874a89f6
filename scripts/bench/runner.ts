/**
 * The benchmark's runner, bundled by run.mjs and started as `node --expose-gc`: runs each
 * suite bundle named in the plan, then prints the machine facts and one table on stdout.
 * Progress goes to stderr.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, platform, arch, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchContext, Suite } from './context';
import { formatTable, type Row } from './harness';

interface Plan {
  root: string;
  noBuild: boolean;
  /** In order; `module` is the suite's bundle, `error` why it could not be built. */
  suites: { name: string; module?: string; error?: string }[];
}

function fileSystemOf(path: string): string {
  try {
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter((f) => f.length > 2 && path.startsWith(f[1]!));
    const best = mounts.sort((a, b) => b[1]!.length - a[1]!.length)[0];
    return best ? best[2]! : 'unknown';
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  const plan = JSON.parse(process.env.LEADLINE_BENCH_PLAN ?? 'null') as Plan | null;
  if (!plan) throw new Error('run the benchmark with `npm run bench` (scripts/bench/run.mjs)');
  const tmp = mkdtempSync(join(tmpdir(), 'leadline-bench-'));
  const facts: string[] = [];
  const results: string[] = [];
  const log = (line: string): void => void process.stderr.write(`  [bench] ${line}\n`);
  const ctx: BenchContext = { root: plan.root, tmp, noBuild: plan.noBuild, log, fact: (line) => facts.push(line), result: (line) => results.push(line) };
  const rows: Row[] = [];
  const failures: string[] = [];
  const started = Date.now();
  try {
    for (const suite of plan.suites) {
      if (!suite.module) {
        failures.push(`${suite.name}: not run — ${suite.error ?? 'no bundle'}`);
        continue;
      }
      const suiteStart = Date.now();
      log(`suite ${suite.name}…`);
      try {
        const { run } = (await import(pathToFileURL(suite.module).href)) as { run: Suite };
        rows.push(...(await run(ctx)));
      } catch (error) {
        failures.push(`${suite.name}: FAILED — ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      log(`suite ${suite.name} done in ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const machine = [
    `${availableParallelism()} CPUs (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()} ${arch()}`,
    `Node ${process.version}; scratch files in ${tmpdir()} (${fileSystemOf(tmpdir())})`,
    ...facts,
  ];
  const out = [
    '',
    'Leadline benchmark — medians of interleaved runs; each ratio = our median ÷ the peer median measured in the same run (lower is faster).',
    ...machine.map((line) => `machine: ${line}`),
    '',
    formatTable(rows),
    ...(results.length ? ['', 'results:', ...results.map((r) => `  ${r}`)] : []),
    ...(failures.length ? ['', 'not measured:', ...failures.map((f) => `  ${f}`)] : []),
    '',
    `total ${((Date.now() - started) / 1000).toFixed(0)} s`,
    '',
  ];
  process.stdout.write(out.join('\n'));
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
