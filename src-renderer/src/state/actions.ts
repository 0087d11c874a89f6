/**
 * Every change the user makes goes through here: one queue to the notebook (so
 * changes reach the store in the order they were made), the local copy updated
 * from the server's patch, and an undo entry recorded.
 */
import { signal } from '@preact/signals';
import { isEmptyPatch, type CallInput, type CallOutput, type Mutation } from '../../../src-main/shared/api';
import type { LeadStatus, NoteKind, Selectors } from '../../../src-main/shared/model';
import { ApiCallError, call } from '../api/client';
import { applyLocalPatch, article, refreshStoreInfo } from './workspace';
import { editingNoteId, filters, focusedNoteId, NO_FILTERS, saveState, showToast } from './ui';
import { startTypeAhead, takeTypeAhead } from './type-ahead';
import { emptyHistory, record, shift, type UndoHistory } from './undo-history';

export const history = signal<UndoHistory>(emptyHistory());

type MutatingCall = 'createNote' | 'updateNote' | 'linkExcerpt' | 'unlinkExcerpt' | 'deleteNote' | 'deleteExcerpt' | 'applyPatch';

let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function mutate<K extends MutatingCall>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  saveState.value = 'saving';
  try {
    const result = await call(name, input);
    applyLocalPatch((result as Mutation).applied);
    const onDisk = (result as Mutation).saved !== false;
    saveState.value = onDisk ? 'saved' : 'error';
    if (!onDisk) refreshStoreInfo();
    return result;
  } catch (error) {
    saveState.value = 'error';
    if (error instanceof ApiCallError && (error.error.code === 'storage' || error.error.code === 'read-only')) refreshStoreInfo();
    showToast(error instanceof ApiCallError ? error.message : `Something went wrong: ${String(error)}`, { tone: 'error' });
    throw error;
  }
}

/** Runs a change and records how to undo it. */
export function perform<K extends MutatingCall>(label: string, name: K, input: CallInput<K>, coalesceKey?: string) {
  return enqueue(async () => {
    const result = await mutate(name, input);
    if (!isEmptyPatch((result as Mutation).applied)) {
      history.value = record(history.value, { label, patch: (result as Mutation).inverse, ...(coalesceKey ? { coalesceKey } : {}) });
    }
    return result;
  });
}

function travel(from: 'undo' | 'redo'): Promise<void> {
  // Pending typing is saved first (it is queued ahead of the undo), and the editor
  // closes: its uncontrolled textarea would otherwise save the undone text back.
  void flushEdits();
  editingNoteId.value = null;
  return enqueue(async () => {
    const entry = history.value[from].at(-1);
    if (!entry) {
      showToast(from === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    const result = await mutate('applyPatch', entry.patch);
    history.value = shift(history.value, from, result.inverse);
    showToast(`${from === 'undo' ? 'Undid' : 'Redid'} ${entry.label}.`);
  });
}

export const undo = (): Promise<void> => travel('undo');
export const redo = (): Promise<void> => travel('redo');

export async function createNote(kind: NoteKind, selectors: Selectors): Promise<void> {
  const current = article.value;
  if (!current) return;
  startTypeAhead(); // the new note's editor takes what is typed meanwhile
  let result: Mutation & { noteId: string };
  try {
    result = await perform(kind === 'lead' ? 'new lead' : 'new annotation', 'createNote', {
      articleId: current.id,
      kind,
      selectors: [selectors],
      excerptIds: [],
    });
  } catch (error) {
    takeTypeAhead();
    throw error;
  }
  // The new card must be on screen for its editor to open.
  filters.value = NO_FILTERS;
  openEditor(result.noteId);
}

export async function linkSelection(noteId: string, selectors: Selectors): Promise<void> {
  await perform('link', 'linkExcerpt', { noteId, selectors });
  focusedNoteId.value = noteId;
  showToast('Excerpt linked to the note.');
}

export const unlinkExcerpt = (noteId: string, excerptId: string) => perform('unlink', 'unlinkExcerpt', { noteId, excerptId });

export const setStatus = (noteId: string, status: LeadStatus) => perform('status change', 'updateNote', { id: noteId, status });

export const setTags = (noteId: string, tags: string[]) => perform('tag edit', 'updateNote', { id: noteId, tags });

export async function deleteNote(noteId: string, keepExcerpts: boolean): Promise<void> {
  await flushEdits();
  await perform('delete', 'deleteNote', { id: noteId, keepExcerpts });
  if (focusedNoteId.value === noteId) focusedNoteId.value = null;
  if (editingNoteId.value === noteId) editingNoteId.value = null;
  showToast('Note deleted.', { action: { label: 'Undo', run: () => void undo() } });
}

export const deleteExcerpt = (excerptId: string) => perform('highlight removal', 'deleteExcerpt', { id: excerptId });

// --- Editing a note body: saved as you type, one undo entry per editing session ---

let editSession = 0;
const pendingBodies = new Map<string, string>();
let saveTimer: ReturnType<typeof setTimeout> | undefined;
export const SAVE_DELAY_MS = 400;

export function openEditor(noteId: string): void {
  if (editingNoteId.value !== noteId) {
    void flushEdits();
    editSession++;
  }
  editingNoteId.value = noteId;
  focusedNoteId.value = noteId;
}

export function closeEditor(): void {
  void flushEdits();
  editingNoteId.value = null;
}

export function editBody(noteId: string, body: string): void {
  pendingBodies.set(noteId, body);
  saveState.value = 'saving';
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void flushEdits(), SAVE_DELAY_MS);
}

/** Writes every pending body now (on blur, on close, before the window goes away). */
export function flushEdits(): Promise<unknown> {
  clearTimeout(saveTimer);
  const session = editSession;
  const saves = [...pendingBodies].map(([id, body]) => perform('edit', 'updateNote', { id, body }, `edit:${id}:${session}`));
  pendingBodies.clear();
  return Promise.allSettled(saves);
}

export function hasPendingEdits(): boolean {
  return pendingBodies.size > 0;
}
