/**
 * Store commit latency: commit() of one edited note on a notebook of 10,000 notes, until
 * it is durably on disk (validate, serialize, temp file, fsync, rename, directory fsync).
 * Peers, in the same loop: the brief's plain writeFileSync of the same JSON without fsync,
 * and the same durable sequence done by hand (the floor any safe save pays).
 */
import { closeSync, fsyncSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { NotebookSchema, type Notebook } from '../../src-main/shared/model';
import { notebookProblem } from '../../src-main/notebook/notebook-check';
import { openNotebookStore } from '../../src-main/notebook/store';
import type { BenchContext } from './context';
import { buildArticle, notebookWith } from './fixtures';
import { interleaved, type Row } from './harness';

const NOTES = 10_000;
const EXCERPTS = 5_000;

/** The store's own file format (notebook-adapter.ts): one-space indent, final newline. */
const serialize = (notebook: Notebook): string => `${JSON.stringify(notebook, null, 1)}\n`;

export async function run(ctx: BenchContext): Promise<Row[]> {
  const base = notebookWith(buildArticle(ctx.root), EXCERPTS, NOTES);
  const path = join(ctx.tmp, 'store', 'notebook.json');
  const store = await openNotebookStore({ path, seed: () => base });
  const bytes = Buffer.byteLength(serialize(base));
  ctx.log(`store: ${NOTES} notes, ${EXCERPTS} excerpts, ${(bytes / 1e6).toFixed(1)} MB file`);

  let edit = 0;
  /** The next state: one note's body changed, as a keystroke-save would. */
  const nextState = (): Notebook => {
    const current = store.read();
    const i = edit++ % NOTES;
    const note = current.notes[i]!;
    const notes = current.notes.with(i, { ...note, body: `${note.body} (edit ${edit})`, updatedAt: new Date().toISOString() });
    return { ...current, notes };
  };
  const plainPath = join(ctx.tmp, 'store', 'plain.json');
  const durablePath = join(ctx.tmp, 'store', 'durable.json');
  const dir = join(ctx.tmp, 'store');

  try {
    const s = await interleaved(
      {
        commit: () => store.commit(nextState()),
        plain: () => writeFileSync(plainPath, serialize(nextState())),
        durable: () => {
          const temp = `${durablePath}.tmp`;
          const fd = openSync(temp, 'w');
          writeSync(fd, serialize(nextState()));
          fsyncSync(fd);
          closeSync(fd);
          renameSync(temp, durablePath);
          const dirFd = openSync(dir, 'r');
          fsyncSync(dirFd);
          closeSync(dirFd);
        },
        validate: () => notebookProblem(nextState()) === null,
        validateAll: () => NotebookSchema.safeParse(nextState()).success,
        stringify: () => serialize(nextState()),
      },
      // The first commit also takes the routine backup (at most one a minute): warm-up.
      { warmup: 2, runs: 25, minRuns: 8, maxMs: 25_000 },
    );
    const caseName = `commit() of one edited note, ${NOTES.toLocaleString('en')} notes (${(bytes / 1e6).toFixed(1)} MB)`;
    return [
      {
        suite: 'store',
        case: caseName,
        stats: s.commit!,
        peer: { name: 'writeFileSync of the same JSON, no fsync', stats: s.plain! },
        note: 'a commit also copies the file to backups/ at most once a minute (taken in the warm-up, not in the median)',
      },
      { suite: 'store', case: caseName, stats: s.commit!, peer: { name: 'hand-rolled temp+fsync+rename+dir fsync', stats: s.durable! } },
      { suite: 'store', case: '  of which: the save check (only records not seen before)', stats: s.validate!, peer: { name: 'full NotebookSchema.safeParse', stats: s.validateAll! } },
      { suite: 'store', case: '  of which: the save check (only records not seen before)', stats: s.validate!, peer: { name: 'JSON.stringify of the same notebook', stats: s.stringify! } },
    ];
  } finally {
    await store.close();
  }
}
