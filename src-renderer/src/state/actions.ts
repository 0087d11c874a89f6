/**
 * Every change the user makes goes through here: one queue to the notebook (so
 * changes reach the store in the order they were made, and a check for other
 * windows' changes never runs between a change and its answer), the local copy
 * updated from the server's patch, and an undo entry recorded.
 */
import { signal } from '@preact/signals';
import { isEmptyPatch, type CallInput, type CallName, type CallOutput, type SavedMutation, type Workspace } from '@shared/api';
import type { LeadStatus, NoteKind, Selectors } from '@shared/model';
import { ApiCallError, call } from '../api/client';
import { parseTags } from '../notes/note-list';
import { acceptRevision, applyLocalPatch, article, knownRevision, reloadWorkspace, setWorkspace, updateStoreInfo, workspace } from './workspace';
import { editingNoteId, filters, focusedNoteId, NO_FILTERS, reattaching, saveState, showToast } from './ui';
import { startTypeAhead, takeTypeAhead } from './type-ahead';
import { drop, emptyHistory, record, shift, type UndoHistory } from './undo-history';

export const history = signal<UndoHistory>(emptyHistory());

/** The calls that change notes and excerpts: derived from the contract (those answering with a SavedMutation). */
type MutatingCall = { [K in CallName]: CallOutput<K> extends SavedMutation ? K : never }[CallName];

let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

function messageOf(error: unknown): string {
  return error instanceof ApiCallError ? error.message : `Something went wrong: ${String(error)}`;
}

async function mutate<K extends MutatingCall>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  saveState.value = 'saving';
  try {
    const result: SavedMutation & CallOutput<K> = await call(name, input);
    // A revision that moved by more than this change means another window changed the
    // notebook meanwhile: take its records first, then this patch on top.
    const articlesChanged = Boolean(result.applied.upsertArticles?.length || result.applied.removeArticleIds?.length);
    // The library list (titles, counts) comes from the store: reload it when articles changed.
    if (!acceptRevision(result.revision) || articlesChanged) await reloadWorkspace();
    applyLocalPatch(result.applied);
    saveState.value = result.saved ? 'saved' : 'kept';
    if (!result.saved) void refreshStatus();
    return result;
  } catch (error) {
    saveState.value = 'error';
    const code = error instanceof ApiCallError ? error.error.code : 'internal';
    if (code === 'storage' || code === 'read-only') void refreshStatus();
    if (code !== 'conflict') showToast(messageOf(error), { tone: 'error' });
    throw error;
  }
}

/** Runs a change and records how to undo it. */
export function perform<K extends MutatingCall>(label: string, name: K, input: CallInput<K>, coalesceKey?: string): Promise<CallOutput<K>> {
  return enqueue(async () => {
    const result = await mutate(name, input);
    if (!isEmptyPatch(result.applied)) {
      history.value = record(history.value, { label, patch: result.inverse, ...(coalesceKey ? { coalesceKey, after: result.applied } : {}) });
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

export async function createNote(kind: NoteKind, selectors: Selectors): Promise<void> {
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

export async function deleteNote(noteId: string, keepExcerpts: boolean): Promise<void> {
  await flushEdits();
  await perform('delete', 'deleteNote', { id: noteId, keepExcerpts });
  if (focusedNoteId.value === noteId) focusedNoteId.value = null;
  if (editingNoteId.value === noteId) editingNoteId.value = null;
  showToast('Note deleted.', { action: { label: 'Undo', run: () => void undo() } });
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

// --- Other windows: a change there shows here (polled; the store counts revisions) ---

export function checkForChanges(): Promise<void> {
  return enqueue(async () => {
    const info = await call('getStoreInfo', {}).catch(() => null);
    if (!info) return;
    if (info.revision !== knownRevision()) await reloadWorkspace();
    else updateStoreInfo(info);
  });
}

async function refreshStatus(): Promise<void> {
  const info = await call('getStoreInfo', {}).catch(() => null);
  if (info) updateStoreInfo(info);
}

// --- Editing a note: body and tags are drafts until saved; one undo entry per editing session ---

interface Draft {
  body?: string;
  tags?: string[];
}

let editSession = 0;
const drafts = new Map<string, Draft>();
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

function draft(noteId: string, change: Draft): void {
  drafts.set(noteId, { ...drafts.get(noteId), ...change });
}

/** Typing in the body: saved after a pause. */
export function editBody(noteId: string, body: string): void {
  draft(noteId, { body });
  saveState.value = 'saving';
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void flushEdits(), SAVE_DELAY_MS);
}

/** Typing in the tags field: kept as a draft, saved on Enter, blur, or when the window goes away. */
export function editTags(noteId: string, text: string): void {
  draft(noteId, { tags: parseTags(text) });
}

/**
 * The window is going away: send every draft at once, not behind the queue — a request
 * still waiting there when the page dies is never sent. No undo entry: there is no after.
 */
export function sendDraftsNow(): void {
  clearTimeout(saveTimer);
  for (const [id, { body, tags }] of drafts) void call('updateNote', { id, ...(body !== undefined ? { body } : {}), ...(tags ? { tags } : {}) }).catch(() => undefined);
  drafts.clear();
}

/** Writes every draft now (on blur, on close of the editor, before an undo). */
export function flushEdits(): Promise<unknown> {
  clearTimeout(saveTimer);
  const session = editSession;
  const saves = [...drafts].map(([id, { body, tags }]) =>
    body !== undefined
      ? perform('edit', 'updateNote', { id, body, ...(tags ? { tags } : {}) }, `edit:${id}:${session}`)
      : perform('tag edit', 'updateNote', { id, ...(tags ? { tags } : {}) }),
  );
  drafts.clear();
  return Promise.allSettled(saves);
}

// --- The library: switching, renaming and deleting articles ---

/** Opens another article of the library (its notes, its reading position). */
export function switchArticle(articleId: string): Promise<void> {
  void flushEdits();
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
  await flushEdits();
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
