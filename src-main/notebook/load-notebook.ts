/**
 * Reading a notebook as last committed: its snapshot (the notebook file, through the
 * lowdb adapter's parser) with the journal replayed on top. Used by the store when it
 * opens or follows another writer, and by the export CLI, which never writes.
 */
import { applyDeltas, noteUniqueIds } from './notebook-delta';
import { markChecked } from './notebook-check';
import { loadNotebookFile, type LoadedNotebook } from './notebook-adapter';
import { journalHeader, parseJournal, readJournalText, type JournalRead } from './journal';
import { nodeFs, type NotebookFs } from './durable-file';
import type { Notebook } from '../shared/model';

export interface NotebookState {
  notebook: Notebook;
  /** The snapshot as read (its notebook before the journal, its journalSeq, whether it was migrated). */
  snapshot: LoadedNotebook;
  journal: JournalRead;
  /** The last journal entry applied (the snapshot's journalSeq when none was). */
  seq: number;
}

/** Replays a journal onto a loaded snapshot. */
export function replayJournal(snapshot: LoadedNotebook, journal: JournalRead): NotebookState {
  // What loading validated needs no second check when it is saved again.
  markChecked(snapshot.notebook);
  const notebook = applyDeltas(snapshot.notebook, journal.entries.map((e) => e.delta));
  if (notebook !== snapshot.notebook) markChecked(notebook);
  noteUniqueIds(notebook);
  return { notebook, snapshot, journal, seq: journal.entries.at(-1)?.seq ?? snapshot.journalSeq };
}

/**
 * The snapshot and its journal; null when there is no notebook file. A writer compacting
 * between our two reads shows as a journal that does not continue the snapshot: read
 * again. Throws NotebookLoadFailure for a damaged snapshot.
 */
export async function loadNotebookState(path: string, fs: NotebookFs = nodeFs): Promise<NotebookState | null> {
  for (let attempt = 1; ; attempt++) {
    // The journal first: its header says which snapshot bytes can be trusted as written.
    const text = await readJournalText(path, fs);
    const snapshot = await loadNotebookFile(path, fs, journalHeader(text));
    if (!snapshot) return null;
    const journal = parseJournal(text, snapshot.journalSeq);
    if (journal.problem?.kind !== 'mismatch' || attempt === 3) return replayJournal(snapshot, journal);
  }
}
