/**
 * Reading a notebook as last committed: its snapshot (the notebook file, through the
 * lowdb adapter's parser) with the journal replayed on top. Used by the store when it
 * opens or follows another writer, and by the export CLI, which never writes.
 */
import { applyDeltas, noteUniqueIds } from './notebook-delta';
import { markChecked } from './notebook-check';
import { describeOsError, loadNotebookFile, NotebookLoadFailure, type LoadedNotebook } from './notebook-adapter';
import { journalHeader, journalPathFor, parseJournal, readJournalText, type JournalRead } from './journal';
import { errorCode, nodeFs, type NotebookFs } from './durable-file';
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
 * The journal as it applies to this snapshot. A header that names the snapshot's sequence
 * number but other bytes means the file was changed or replaced outside Leadline (an old
 * copy of another notebook's lineage, say): its entries are not spliced onto it.
 */
export function journalFor(snapshot: LoadedNotebook, text: string): JournalRead {
  const journal = parseJournal(text, snapshot.journalSeq);
  const header = journalHeader(text);
  if (header && header.seq === snapshot.journalSeq && !snapshot.matchesHeader && journal.entries.length > 0) {
    return { entries: [], nonEmpty: true, problem: { kind: 'other-snapshot' } };
  }
  return journal;
}

/** The journal's text, or a NotebookLoadFailure that names it and the OS reason. */
export async function readJournalOf(path: string, fs: NotebookFs): Promise<string> {
  try {
    return await readJournalText(path, fs);
  } catch (error) {
    throw new NotebookLoadFailure('unreadable', `its change log "${journalPathFor(path)}" cannot be read (${describeOsError(error)})`, errorCode(error));
  }
}

/**
 * The snapshot and its journal; null when there is no notebook file. Throws
 * NotebookLoadFailure for a damaged snapshot or a journal that cannot be read.
 */
export async function loadNotebookState(path: string, fs: NotebookFs = nodeFs): Promise<NotebookState | null> {
  // The journal first: its header says which snapshot bytes can be trusted as written. A
  // writer compacting between the two reads leaves journal lines the snapshot already
  // holds, which are skipped.
  const text = await readJournalOf(path, fs);
  const snapshot = await loadNotebookFile(path, fs, journalHeader(text));
  if (!snapshot) return null;
  return replayJournal(snapshot, journalFor(snapshot, text));
}
