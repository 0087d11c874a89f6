/**
 * The crash test's shared parts (used by crash.test.ts, scripts/soak.mjs and the child):
 *
 * - stateAt(k): the notebook after edit number k. Deterministic, so the parent can check
 *   the file on disk against exactly what the child committed.
 * - buildNotebookChild(): bundles crash-child.ts (and the real store it imports) into one
 *   .mjs with rolldown — the bundler vite 8 ships — because Node 20 cannot run .ts.
 * - runCrashRounds(): starts the child, SIGKILLs it at a random moment, checks the file.
 *
 * Test-only code: nothing in the app imports this module.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { SCHEMA_VERSION, type Notebook } from '../../shared/model';
import { listBackups } from '../backups';
import { readNotebookFile } from '../store';
import { parseJournal, readJournalText } from '../journal';
import { parseNotebook } from '../notebook-adapter';

export const ARTICLE_ID = 'crash-article';
const WINDOW = 20; // notes kept: bounded file size however long the soak runs

const paragraph =
  'The quick brown fox jumps over the lazy dog while the analyst checks every claim twice. ';
const ARTICLE_CONTENT = paragraph.repeat(60);

function at(k: number): string {
  return new Date(Date.UTC(2024, 0, 1) + k * 1000).toISOString();
}

/** The notebook after edit k (k = 0 is the seed). */
export function stateAt(k: number): Notebook {
  const notes: Notebook['notes'] = [
    { id: 'counter', articleId: ARTICLE_ID, kind: 'annotation', body: String(k), tags: ['crash'], excerptIds: [], createdAt: at(0), updatedAt: at(k) },
  ];
  for (let i = Math.max(1, k - WINDOW + 1); i <= k; i++) {
    const lead = i % 3 === 0;
    notes.push({
      id: `n${i}`,
      articleId: ARTICLE_ID,
      kind: lead ? 'lead' : 'annotation',
      body: `Edit ${i}: ${'ü✓ '.repeat(i % 17)}note body with some *markdown*.`,
      tags: [`t${i % 5}`],
      excerptIds: [],
      ...(lead ? { status: (['open', 'in-progress', 'done', 'dropped'] as const)[i % 4] } : {}),
      createdAt: at(i),
      updatedAt: at(i),
    });
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    articles: [
      {
        id: ARTICLE_ID,
        title: 'Crash test article',
        format: 'text',
        content: ARTICLE_CONTENT,
        contentHash: `sha256:${'0'.repeat(64)}`,
        addedAt: at(0),
      },
    ],
    excerpts: [],
    notes,
    dismissals: [],
    ui: { currentArticleId: ARTICLE_ID, scroll: { [ARTICLE_ID]: (k % 100) / 100 } },
  };
}

export function counterOf(notebook: Notebook): number {
  const body = notebook.notes.find((n) => n.id === 'counter')?.body;
  const k = Number(body);
  if (!Number.isInteger(k)) throw new Error(`the counter note is missing or not a number: ${body}`);
  return k;
}

/** Bundles crash-child.ts into `outDir`; returns the .mjs path to run with `node`. */
export async function buildNotebookChild(outDir: string): Promise<string> {
  const { build } = await import('rolldown');
  const file = join(outDir, 'crash-child.mjs');
  await build({
    input: join(dirname(fileURLToPath(import.meta.url)), 'crash-child.ts'),
    platform: 'node',
    external: [/^node:/, 'rolldown'],
    logLevel: 'silent',
    output: { file, format: 'esm' },
  });
  return file;
}

/** Starts the bundled child in "hold" mode; resolves once it printed its status line. */
export function startHolder(childPath: string, notebookPath: string): Promise<{ child: ChildProcessWithoutNullStreams; status: Record<string, unknown>; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childPath, 'hold', notebookPath]);
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (line.startsWith('status ')) resolve({ child, status: JSON.parse(line.slice(7)) as Record<string, unknown>, lines });
      }
    });
    child.on('exit', (code) => reject(new Error(`holder exited early (${code}): ${stderr}`)));
  });
}

export function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));
}

export interface CrashFigures {
  rounds: number;
  /** Acknowledged commits whose data was found on disk after the kill. */
  acknowledgedWritesChecked: number;
  /** Rounds where the child was killed before it had finished opening the notebook. */
  killedWhileOpening: number;
  /** Rounds where the child found the lock busy (a lock file caught mid-creation). */
  lockBusyRounds: number;
  backupsChecked: number;
  /** Rounds that left journal lines for the next open to replay, and of those, a last line cut short. */
  journalsReplayed: number;
  tornTails: number;
  highestEdit: number;
  seconds: number;
}

export interface CrashOptions {
  rounds: number;
  childPath: string;
  /** A fresh directory; the notebook is created inside it. */
  dir: string;
  /** Upper bound of the random delay before SIGKILL, after the child is ready. */
  maxKillDelayMs?: number;
  log?: (line: string) => void;
}

interface RoundResult {
  ready: number | null;
  acks: number[];
  readOnly: boolean;
  stderr: string;
}

function runOneRound(childPath: string, notebookPath: string, killBeforeReady: boolean, maxDelay: number): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childPath, 'edit', notebookPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    const result: RoundResult = { ready: null, acks: [], readOnly: false, stderr: '' };
    let buffer = '';
    let killTimer: NodeJS.Timeout | undefined;
    const killLater = (ms: number): void => {
      killTimer = setTimeout(() => child.kill('SIGKILL'), ms);
    };
    if (killBeforeReady) killLater(Math.random() * 60);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const [word, value] = line.split(' ');
        if (word === 'ready') {
          result.ready = Number(value);
          if (!killBeforeReady) killLater(Math.random() * maxDelay);
        } else if (word === 'ack') result.acks.push(Number(value));
        else if (word === 'readonly') result.readOnly = true;
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (result.stderr += chunk));
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000); // never hang the suite
    child.on('error', reject);
    // 'close' (not 'exit'): every line the child wrote before dying has been read.
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (killTimer) clearTimeout(killTimer);
      if (signal !== 'SIGKILL' && !result.readOnly) {
        reject(new Error(`crash child ended by itself (code ${code}, signal ${signal}): ${result.stderr}`));
      } else resolve(result);
    });
  });
}

/** Runs the rounds; throws on the first round whose file is damaged or lost a write. */
export async function runCrashRounds(options: CrashOptions): Promise<CrashFigures> {
  const started = Date.now();
  mkdirSync(options.dir, { recursive: true });
  const notebookPath = join(options.dir, 'notebook.json');
  const log = options.log ?? (() => undefined);
  const figures: CrashFigures = {
    rounds: 0,
    acknowledgedWritesChecked: 0,
    killedWhileOpening: 0,
    lockBusyRounds: 0,
    backupsChecked: 0,
    journalsReplayed: 0,
    tornTails: 0,
    highestEdit: 0,
    seconds: 0,
  };
  let mustHave = 0; // the highest edit ever acknowledged: it and all before it must be on disk
  for (let round = 1; round <= options.rounds; round++) {
    const killBeforeReady = round % 10 === 0; // also crash during open (lock, seed, cleanup)
    const r = await runOneRound(options.childPath, notebookPath, killBeforeReady, options.maxKillDelayMs ?? 150);
    figures.rounds++;
    if (r.readOnly) {
      // The lock was caught mid-creation by the previous kill; it turns stale after 5 s.
      figures.lockBusyRounds++;
      await new Promise((res) => setTimeout(res, 5_500));
      continue;
    }
    if (r.ready === null) figures.killedWhileOpening++;
    if (r.ready !== null && r.ready < mustHave) {
      throw new Error(`round ${round}: the child reopened the notebook at edit ${r.ready}, but edit ${mustHave} had been acknowledged`);
    }
    const acked = r.acks.length > 0 ? Math.max(...r.acks) : 0;
    mustHave = Math.max(mustHave, acked);

    if (!existsSync(notebookPath)) {
      if (mustHave === 0) continue; // killed before the very first file was written
      throw new Error(`round ${round}: the notebook file is gone`);
    }
    const onDisk = await readNotebookFile(notebookPath); // parses + validates, or throws
    const k = counterOf(onDisk);
    if (k < mustHave) throw new Error(`round ${round}: the file holds edit ${k}, but edit ${mustHave} was acknowledged`);
    if (!isDeepStrictEqual(onDisk, stateAt(k))) throw new Error(`round ${round}: the file at edit ${k} differs from what was committed`);
    figures.acknowledgedWritesChecked += r.acks.length;
    const text = await readJournalText(notebookPath);
    const journal = parseJournal(text, parseNotebook(readFileSync(notebookPath, 'utf8')).journalSeq);
    if (journal.entries.length > 0) figures.journalsReplayed++;
    if (journal.problem?.kind === 'torn-tail') figures.tornTails++;
    else if (journal.problem) throw new Error(`round ${round}: the journal is ${journal.problem.kind} after a kill`);
    figures.highestEdit = k;

    for (const b of await listBackups(notebookPath)) {
      const backup = await readNotebookFile(b.path);
      if (!isDeepStrictEqual(backup, stateAt(counterOf(backup)))) throw new Error(`round ${round}: backup ${b.id} is not a committed state`);
      figures.backupsChecked++;
    }
    if (round % 50 === 0) log(`round ${round}: edit ${k} on disk, ${figures.acknowledgedWritesChecked} acknowledged writes checked`);
  }
  // Temp files from killed writers are removed by the next opener; at most the last kill's remain.
  const litter = readdirSync(options.dir).filter((n) => n.endsWith('.tmp'));
  if (litter.length > 1) throw new Error(`temp files pile up: ${litter.join(', ')}`);
  figures.seconds = Math.round((Date.now() - started) / 100) / 10;
  return figures;
}

/**
 * Several processes open one notebook at the same moment, over a stale lock of a dead
 * process: in every round exactly one may become the writer (the others read-only).
 */
export async function runLockRace(options: { childPath: string; dir: string; rounds: number; contenders: number }): Promise<{ rounds: number; doubleWriters: number }> {
  mkdirSync(options.dir, { recursive: true });
  const path = join(options.dir, 'race.json');
  let doubleWriters = 0;
  for (let round = 0; round < options.rounds; round++) {
    writeFileSync(path, JSON.stringify(stateAt(0)));
    writeFileSync(`${path}.lock`, JSON.stringify({ app: 'leadline', pid: 2 ** 22 + 17, hostname: hostname(), startedAt: new Date().toISOString(), token: `dead-${round}` }));
    const holders = await Promise.all(Array.from({ length: options.contenders }, () => startHolder(options.childPath, path)));
    const writers = holders.filter((h) => h.status.readOnly === false).length;
    if (writers !== 1) doubleWriters++;
    for (const h of holders) h.child.stdin.write('close\n');
    await Promise.all(holders.map((h) => exited(h.child)));
  }
  return { rounds: options.rounds, doubleWriters };
}
