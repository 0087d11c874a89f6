/**
 * The journaled store at a researcher's scale (issue: "Fast at a researcher's real scale").
 *
 * - Saving one edited note with 10,000 notes (7.4 MB) and in a 50 MB notebook: the
 *   service's updateNote, as a keystroke's autosave calls it (the operation, its integrity
 *   checks, the store's commit until the journal line is appended and fsynced); and the
 *   store's commit() alone. Peer, in the same run: the whole-file save of the design before
 *   the journal (serialize, temp file, fsync, rename, directory fsync) of the same notebook.
 * - Opening the 50 MB notebook in the main process (lock, read, parse, validate, replay,
 *   close). Peer: JSON.parse of the same file's text.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notebook } from '../../src-main/shared/model';
import { serializeNotebook } from '../../src-main/notebook/notebook-adapter';
import { openNotebookStore, type NotebookStore } from '../../src-main/notebook/store';
import { startNotebookService } from '../../src-main/notebook/service';
import type { BenchContext } from './context';
import { buildArticle, notebookWith } from './fixtures';
import { interleaved, type Row } from './harness';

const SAVE_BUDGET_MS = 15;
const OPEN_BUDGET_MS = 1_000;

/** The whole-file save the journal replaced: what every save cost before. */
function wholeFileSave(path: string, notebook: Notebook): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  writeSync(fd, serializeNotebook(notebook));
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, path);
  const dirFd = openSync(join(path, '..'), 'r');
  fsyncSync(dirFd);
  closeSync(dirFd);
}

/** The next state of the store: one note's body changed, as a keystroke-save would. */
function editOneNote(store: NotebookStore, edit: number): Notebook {
  const current = store.read();
  const i = edit % current.notes.length;
  const note = current.notes[i]!;
  return { ...current, notes: current.notes.with(i, { ...note, body: `${note.body} (edit ${edit})`, updatedAt: new Date().toISOString() }) };
}

async function saveRows(ctx: BenchContext, name: string, notebook: Notebook, maxMs: number): Promise<{ rows: Row[]; path: string }> {
  const dir = join(ctx.tmp, 'store', name);
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'notebook.json');
  let store: NotebookStore | undefined;
  const service = await startNotebookService({
    open: async () => (store = await openNotebookStore({ path, seed: () => notebook })),
    app: { name: 'Leadline', version: 'bench', host: 'browser' },
    platform: { chooseExportPath: async () => null, openExternal: async () => false },
  });
  const opened = store!;
  const bytes = readFileSync(path).length;
  const size = `${notebook.notes.length.toLocaleString('en')} notes (${(bytes / 1e6).toFixed(1)} MB)`;
  ctx.log(`store: ${name}: ${size}`);
  let edit = 0;
  const peerPath = join(dir, 'whole-file.json');
  // Loops one after the other, not interleaved: the peer's whole-file writes (7–46 MB each,
  // fsynced) flood the disk queue, and a small fsync right after waits behind them.
  // The first save also takes the first backup, with a compaction: in the warm-up.
  const options = { warmup: 3, runs: 25, minRuns: 6, maxMs, collect: false };
  try {
    const viaService = await interleaved(
      {
        save: () => {
          const note = opened.read().notes[edit % notebook.notes.length]!;
          return service.handlers.updateNote({ id: note.id, body: `${note.body} (edit ${edit++})` });
        },
      },
      options,
    );
    await opened.flush();
    // The edited notebook is made before the clock starts (the operation's part, not the store's).
    const commitOnly = await interleaved({ commit: { prepare: () => { const next = editOneNote(opened, edit++); return () => opened.commit(next); } } }, options);
    await opened.flush();
    const peer = await interleaved({ whole: { prepare: () => { const next = editOneNote(opened, edit++); return () => wholeFileSave(peerPath, next); } } }, options);
    const wholeFile = { name: 'whole-file temp+fsync+rename (the design before)', stats: peer.whole! };
    return {
      path,
      rows: [
        {
          suite: 'store',
          case: `save one edited note (service updateNote), ${size}`,
          stats: viaService.save!,
          peer: wholeFile,
          budgetMs: SAVE_BUDGET_MS,
          note: 'a compaction (the whole snapshot: once a minute with the backup, after 10 s idle, past 8 MB of journal) can land in a sample: see p90',
        },
        { suite: 'store', case: `  of which: the store's commit() alone`, stats: commitOnly.commit!, peer: wholeFile, budgetMs: SAVE_BUDGET_MS },
      ],
    };
  } finally {
    await service.close(); // folds the journal into the snapshot
  }
}

export async function run(ctx: BenchContext): Promise<Row[]> {
  const article = buildArticle(ctx.root);
  const rows: Row[] = [];
  rows.push(...(await saveRows(ctx, '10k-notes', notebookWith(article, 5_000, 10_000), 20_000)).rows);

  const big = await saveRows(ctx, '50mb', notebookWith(article, 38_000, 76_000), 40_000);
  rows.push(...big.rows);

  const text = readFileSync(big.path, 'utf8');
  const s = await interleaved(
    {
      open: async () => {
        const store = await openNotebookStore({ path: big.path, seed: () => {
          throw new Error('the notebook exists');
        } });
        const notes = store.read().notes.length;
        await store.close();
        return notes;
      },
      parse: () => (JSON.parse(text) as Notebook).notes.length,
    },
    { warmup: 1, runs: 9, minRuns: 5, maxMs: 30_000 },
  );
  rows.push({
    suite: 'store',
    case: `open a ${(text.length / 1e6).toFixed(0)} MB notebook (lock, read, validate, replay, close)`,
    stats: s.open!,
    peer: { name: 'JSON.parse of the file', stats: s.parse! },
    budgetMs: OPEN_BUDGET_MS,
  });
  return rows;
}
