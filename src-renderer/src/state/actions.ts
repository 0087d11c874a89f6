/**
 * Every change the user makes goes through here: one queue to the notebook (so
 * changes reach the store in the order they were made, and a check for other
 * windows' changes never runs between a change and its answer), the local copy
 * updated from the server's patch, and an undo entry recorded.
 */
import type { CallInput, CallOutput, Workspace } from '@shared/api';
import type { LeadStatus, NoteKind, Selectors } from '@shared/model';
import { ApiCallError, call } from '../api/client';
import { noteInSentence } from '../markdown/plain-text';
import { parseTags } from '../notes/note-list';
import { nextPaint } from '../reader/idle';
import { beginEditSession, setDraft } from './drafts';
import { history, messageOf, mutate, mutateRecorded, type MutatingCall } from './mutate';
import { enqueue, requestSave, saveAfterPause } from './mutation-queue';
import { applyRecords, article, knownRevision, notes, recordsPending, reloadWorkspace, setWorkspace, showLoadError, updateStoreInfo, workspace } from './workspace';
import { editingNoteId, filters, focusedNoteId, NO_FILTERS, reattaching, revealNote, saveState, showToast } from './ui';
import { expectEditorSoon, startTypeAhead, takeTypeAhead } from './type-ahead';
import { drop, emptyHistory, shift } from './undo-history';

export { history } from './mutate';
export { sendDraftsNow } from './mutation-queue';

/** Runs a change (after the drafts, through the queue) and records how to undo it. */
export function perform<K extends MutatingCall>(label: string, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  return enqueue(() => mutateRecorded(label, name, input));
}

function travel(from: 'undo' | 'redo'): Promise<void> {
  // The queue saves pending typing ahead of the undo, and the editor closes: its
  // uncontrolled textarea would otherwise save the undone text back.
  editingNoteId.value = null;
  return enqueue(async () => {
    const entry = history.value[from].at(-1);
    if (!entry) {
      showToast(from === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    try {
      const result = await mutate('applyPatch', entry.patch);
      history.value = shift(history.value, from, result.inverse);
      showToast(`${from === 'undo' ? 'Undid' : 'Redid'} ${entry.label}.`);
    } catch (error) {
      if (!(error instanceof ApiCallError && error.error.code === 'conflict')) throw error;
      // Another window changed these records since: the step would overwrite that work.
      history.value = drop(history.value, from);
      showToast(`This note changed elsewhere; ${from} of ${entry.label} skipped.`, { tone: 'error' });
      await reloadWorkspace();
    }
  });
}

export const undo = (): Promise<void> => travel('undo');
export const redo = (): Promise<void> => travel('redo');

/** A new note on the selection (`body`: its first text, as a suggested lead proposes it). */
export async function createNote(kind: NoteKind, selectors: Selectors, body?: string): Promise<void> {
  const current = article.value;
  if (!current) return;
  startTypeAhead(); // the new note's editor takes what is typed meanwhile
  let result: CallOutput<'createNote'>;
  try {
    result = await perform(kind === 'lead' ? 'new lead' : 'new annotation', 'createNote', {
      articleId: current.id,
      kind,
      selectors: [selectors],
      excerptIds: [],
      ...(body === undefined ? {} : { body }),
    });
  } catch (error) {
    takeTypeAhead();
    throw error;
  }
  expectEditorSoon();
  // The new card must be on screen for its editor to open.
  filters.value = NO_FILTERS;
  openEditor(result.noteId);
}

export async function linkSelection(noteId: string, selectors: Selectors): Promise<void> {
  await perform('link', 'linkExcerpt', { noteId, selectors });
  focusedNoteId.value = noteId;
  const note = notes.peek().get(noteId);
  showToast(note ? `Excerpt linked to ${noteInSentence(note)}.` : 'Excerpt linked to the note.');
}

/** A plain highlight of the selection: no note, nothing to type; undo takes it away. */
export async function highlightSelection(selectors: Selectors): Promise<void> {
  const current = article.value;
  if (!current) return;
  await perform('highlight', 'highlight', { articleId: current.id, selectors });
}

export const unlinkExcerpt = (noteId: string, excerptId: string) => perform('unlink', 'unlinkExcerpt', { noteId, excerptId });

export const setStatus = (noteId: string, status: LeadStatus) => perform('status change', 'updateNote', { id: noteId, status });

export async function deleteNote(noteId: string, keepExcerpts: boolean): Promise<void> {
  const note = notes.peek().get(noteId);
  await perform('delete', 'deleteNote', { id: noteId, keepExcerpts });
  if (focusedNoteId.value === noteId) focusedNoteId.value = null;
  if (editingNoteId.value === noteId) editingNoteId.value = null;
  showToast(note ? `Deleted ${noteInSentence(note)}.` : 'Note deleted.', { action: { label: 'Undo', run: () => void undo() } });
}

export const deleteExcerpt = (excerptId: string) => perform('highlight removal', 'deleteExcerpt', { id: excerptId });

// --- The reading position: a convenience, queued with the changes, never an error ---

let pendingScroll: CallInput<'setReaderScroll'> | undefined;

export function saveReadingPosition(articleId: string, scroll: number): void {
  const queued = pendingScroll !== undefined;
  pendingScroll = { articleId, scroll };
  if (queued) return; // the queued save sends the newest position
  void enqueue(async () => {
    const input = pendingScroll;
    pendingScroll = undefined;
    if (input) await call('setReaderScroll', input).catch(() => undefined);
  });
}

// --- Backups and recovery: they replace the records, so they go through the queue too ---

async function replaceWorkspace(run: () => Promise<Workspace>): Promise<void> {
  await enqueue(async () => {
    const ws = await run();
    setWorkspace(ws);
    history.value = emptyHistory();
  });
}

/** `whileDamaged`: from the damage screen, refused if another window recovered the notebook meanwhile. */
export const restoreBackup = (id: string, options: { whileDamaged?: boolean } = {}): Promise<void> => replaceWorkspace(() => call('restoreBackup', { id, ...options }));
export const startOver = (): Promise<void> => replaceWorkspace(() => call('startOver', {}));
export const unpinBackups = (ids: string[]) => enqueue(() => call('unpinBackups', { ids }));

// --- Opening ---

/**
 * Opens the notebook: the article in one answer, so the reader paints it at once, and its
 * notes and excerpts (megabytes in a long project) in a second one asked for once the
 * article is on screen. Reading them in is the queue's first task, so a change made
 * meanwhile waits for them instead of landing in a list about to be replaced.
 */
export async function loadNotebook(): Promise<void> {
  try {
    setWorkspace(await call('getWorkspace', { deferRecords: true }));
  } catch (error) {
    showLoadError(error);
    return;
  }
  // Asked for once the article is painted: their answer, read in sooner, would put its
  // parsing, anchoring and highlights into the article's first frame.
  await nextPaint(ARTICLE_PAINT_WAIT_MS);
  const records = call('getRecords', {});
  // Should they fail or never come, they are asked for again, whole, here and by the next
  // check for changes; an answer that comes after the wait is dropped (the queue has moved on).
  await enqueue(async () => {
    const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), RECORDS_WAIT_MS));
    const answer = await Promise.race([records.catch(() => null), late]);
    try {
      if (answer) return await applyRecords(answer);
    } catch {
      // malformed: read again below
    }
    await reloadWorkspace();
  });
}

/** How long the notes wait for the article's first frame (none come in a background tab). */
const ARTICLE_PAINT_WAIT_MS = 250;

/** How long the notes may take after the article before they are asked for again. */
const RECORDS_WAIT_MS = 10_000;

// --- Other windows: a change there shows here (polled; the store counts revisions) ---

export function checkForChanges(): Promise<void> {
  return enqueue(async () => {
    const info = await call('getStoreInfo', {}).catch(() => null);
    if (!info) return;
    if (info.revision !== knownRevision() || recordsPending.value) await reloadWorkspace();
    else updateStoreInfo(info);
  });
}

// --- Editing a note: body and tags are drafts (drafts.ts) until the queue sends them ---

export function openEditor(noteId: string): void {
  if (editingNoteId.value !== noteId) beginEditSession();
  editingNoteId.value = noteId;
  revealNote(noteId);
}

export function closeEditor(): void {
  editingNoteId.value = null;
  void requestSave();
}

/** Typing in the body: saved after a pause. */
export function editBody(noteId: string, body: string): void {
  setDraft(noteId, { body });
  saveState.value = 'saving';
  saveAfterPause();
}

/** Typing in the tags field: saved after a pause, on Enter, or when the window goes away. */
export function editTags(noteId: string, text: string): void {
  setDraft(noteId, { tags: parseTags(text) });
  saveAfterPause();
}

// --- The library: switching, renaming and deleting articles ---

/** Opens another article of the library (its notes, its reading position). */
export function switchArticle(articleId: string): Promise<void> {
  editingNoteId.value = null;
  focusedNoteId.value = null;
  return enqueue(async () => {
    try {
      setWorkspace(await call('openArticle', { articleId }));
      filters.value = NO_FILTERS;
    } catch (error) {
      showToast(messageOf(error), { tone: 'error' });
    }
  });
}

export const renameArticle = (articleId: string, title: string) => perform('rename', 'renameArticle', { articleId, title });

export async function deleteArticle(articleId: string): Promise<void> {
  const result = await perform('article deletion', 'deleteArticle', { articleId });
  if (article.value?.id === articleId) {
    const next = workspace.value?.articles.find((a) => a.id !== articleId);
    if (next) await switchArticle(next.id);
  } else {
    await reloadWorkspace();
  }
  showToast(`Article deleted with its ${result.notes} note${result.notes === 1 ? '' : 's'}.`, { action: { label: 'Undo', run: () => void undo() } });
}

// --- After a source update: confirming moved excerpts, re-attaching orphans ---

export const confirmExcerpt = (excerptId: string) => perform('check', 'confirmExcerpt', { excerptId });

export async function reattachExcerpt(excerptId: string, selectors: Selectors): Promise<void> {
  await perform('re-attach', 'reattachExcerpt', { excerptId, selectors });
  reattaching.value = null;
  showToast('Excerpt re-attached to the selection; its notes follow it.');
}
