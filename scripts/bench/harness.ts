/**
 * The benchmark's measuring and reporting: interleaved runs of a subject and its peers,
 * medians, and one table. Figures are medians, and each is set against a peer measured
 * in the same process and the same loop (A B A B…), so machine noise and warm-up hit both
 * alike and the ratio means something on any machine.
 */
import { performance } from 'node:perf_hooks';

export interface Stats {
  runs: number;
  median: number;
  p90: number;
  min: number;
}

export interface Row {
  suite: string;
  case: string;
  stats: Stats;
  peer?: { name: string; stats: Stats };
  /** The figure the median must stay under (informative: the bench never fails on it). */
  budgetMs?: number;
  /** The most the median may be, as a multiple of the peer's median (informative, as budgetMs). */
  budgetRatio?: number;
  note?: string;
}

/** Options of one measurement; the loop stops at `runs` or when `maxMs` is spent (after `minRuns`). */
export interface RunOptions {
  warmup: number;
  runs: number;
  minRuns?: number;
  maxMs?: number;
  /**
   * Whether each sample starts with a forced full GC (the default). Not for a heap of
   * hundreds of MB: the collection's concurrent sweeping then runs into the sample itself.
   */
  collect?: boolean;
}

export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) return { runs: 0, median: Number.NaN, p90: Number.NaN, min: Number.NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
  };
  return { runs: sorted.length, median: at(0.5), p90: at(0.9), min: sorted[0]! };
}

/** A task, or an untimed preparation that returns the task to time. */
type Task = (() => unknown) | { prepare: () => () => unknown };

const gc = (globalThis as { gc?: () => void }).gc;

/** Keeps results alive so no run can be optimised away. */
let sink: unknown;
export function keep(value: unknown): void {
  sink = value;
}
export function sinkValue(): unknown {
  return sink;
}

async function once(task: Task, collect = true): Promise<number> {
  const run = typeof task === 'function' ? task : task.prepare();
  if (collect) gc?.(); // each sample starts from a clean heap (run.mjs starts node with --expose-gc)
  const start = performance.now();
  const result = run();
  if (result instanceof Promise) keep(await result);
  else keep(result);
  return performance.now() - start;
}

/**
 * Runs every task of `tasks` round-robin, rotating which goes first each round, and
 * returns the stats of each by name.
 */
export async function interleaved(tasks: Record<string, Task>, options: RunOptions): Promise<Record<string, Stats>> {
  const names = Object.keys(tasks);
  for (let i = 0; i < options.warmup; i++) for (const name of names) await once(tasks[name]!, options.collect);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const started = performance.now();
  const minRuns = options.minRuns ?? Math.min(5, options.runs);
  for (let round = 0; round < options.runs; round++) {
    if (round >= minRuns && options.maxMs !== undefined && performance.now() - started > options.maxMs) break;
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      samples[name]!.push(await once(tasks[name]!, options.collect));
    }
  }
  return Object.fromEntries(names.map((n) => [n, stats(samples[n]!)]));
}

// ---------------------------------------------------------------------------------------
// Reporting

function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return '–';
  const r = a / b;
  return r >= 10 ? `${r.toFixed(0)}×` : r >= 1 ? `${r.toFixed(1)}×` : r >= 0.01 ? `${r.toFixed(2)}×` : `${r.toPrecision(1)}×`;
}

function budget(row: Row): string {
  const parts: string[] = [];
  if (row.budgetMs !== undefined) parts.push(`${row.stats.median < row.budgetMs ? 'ok' : 'OVER'} (< ${row.budgetMs} ms)`);
  if (row.budgetRatio !== undefined && row.peer) parts.push(`${row.stats.median <= row.budgetRatio * row.peer.stats.median ? 'ok' : 'OVER'} (≤ ${row.budgetRatio}× peer)`);
  return parts.join(' ');
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['suite', 'case', 'runs', 'median', 'p90', 'peer (same run)', 'peer median', 'ratio', 'budget'];
  const body = rows.map((row) => [
    row.suite,
    row.case,
    String(row.stats.runs),
    ms(row.stats.median),
    ms(row.stats.p90),
    row.peer?.name ?? '',
    row.peer ? ms(row.peer.stats.median) : '',
    row.peer ? ratio(row.stats.median, row.peer.stats.median) : '',
    budget(row),
  ]);
  const numeric = new Set([2, 3, 4, 6, 7]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.suite} / ${r.case}: ${r.note}`);
  return [line(header), rule, ...body.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}
