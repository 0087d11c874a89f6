/**
 * The renderer's copy of the open article and its records, as signals. Server
 * results (patches) are applied here; views derive everything else.
 */
import { batch, computed, signal } from '@preact/signals';
import type { ApiError, ArticleRecords, Patch, StoreInfo, Workspace } from '@shared/api';
import type { Dismissal, Excerpt, Note } from '@shared/model';
import { documentOf } from '@shared/article-document';
import { anchorAll } from '@shared/anchoring/anchor-all';
import { ApiCallError, call } from '../api/client';
import { editingNoteId, saveState } from './ui';

export const workspace = signal<Workspace | null>(null);
export const loadError = signal<ApiError | null>(null);
export const notes = signal<ReadonlyMap<string, Note>>(new Map());
export const excerpts = signal<ReadonlyMap<string, Excerpt>>(new Map());
/** The open article's dismissed suggestions. */
export const dismissals = signal<ReadonlyMap<string, Dismissal>>(new Map());

export const article = computed(() => workspace.value?.article ?? null);
/** The open article as the reader shows it: canonical text and blocks. */
export const canonical = computed(() => (article.value ? documentOf(article.value) : { text: '', blocks: [] }));

/** Where each excerpt sits in the current text (null: an orphan). */
export const anchors = computed(() =>
  anchorAll(
    canonical.value.text,
    [...excerpts.value.values()].map((e) => ({ id: e.id, quote: e.quote, position: e.position })),
  ),
);

/** Whether the open article's notes and excerpts are still on their way (the article is shown before them: loadNotebook in actions.ts). */
export const recordsPending = computed(() => workspace.value?.recordsDeferred === true);

export function showLoadError(error: unknown): void {
  loadError.value = error instanceof ApiCallError ? error.error : { code: 'internal', message: String(error) };
}

/** The records asked for apart arrived: they join the workspace unless the notebook changed in between (then it is read again). */
export async function applyRecords(records: ArticleRecords): Promise<void> {
  const ws = workspace.peek();
  if (!ws || records.articleId !== ws.article.id || records.revision !== ws.store.revision) return reloadWorkspace();
  batch(() => {
    workspace.value = { ...ws, recordsDeferred: false };
    notes.value = new Map(records.notes.map((n) => [n.id, n]));
    excerpts.value = new Map(records.excerpts.map((e) => [e.id, e]));
  });
}

export function setWorkspace(ws: Workspace): void {
  batch(() => {
    workspace.value = ws;
    notes.value = new Map(ws.notes.map((n) => [n.id, n]));
    excerpts.value = new Map(ws.excerpts.map((e) => [e.id, e]));
    dismissals.value = new Map(ws.dismissals.map((d) => [d.id, d]));
    loadError.value = null;
  });
}

/** The store's revision these records reflect. */
export function knownRevision(): number | undefined {
  return workspace.value?.store.revision;
}

/**
 * After one change of ours: true when the store's revision moved by exactly that change,
 * false when another window changed the notebook too (then the caller reloads).
 */
export function acceptRevision(revision: number): boolean {
  const known = knownRevision();
  if (known === undefined || (revision !== known + 1 && revision !== known)) return false;
  if (workspace.value && revision !== known) workspace.value = { ...workspace.value, store: { ...workspace.value.store, revision } };
  return true;
}

/** Takes the records as the store has them now (another window changed them), keeping the view as it is. */
export async function reloadWorkspace(): Promise<void> {
  try {
    const shown = workspace.value;
    const ws = await call('getWorkspace', shown ? { articleId: shown.article.id } : {}).catch((error: unknown) => {
      // The article on screen was deleted (in another window): show the one the notebook has open now.
      if (shown && error instanceof ApiCallError && error.error.code === 'not-found') return call('getWorkspace', {});
      throw error;
    });
    // The same article keeps its object, so the reader does not lay the text out again.
    const same = shown !== null && sameArticle(shown.article, ws.article);
    // A note deleted in another window while it is being edited here keeps its card until
    // the editor closes: the words being typed must not vanish mid-sentence (its save then
    // fails, and what was typed is offered to copy: mutation-queue.ts).
    const editing = editingNoteId.peek();
    const kept = editing !== null && !ws.notes.some((n) => n.id === editing) ? notes.peek().get(editing) : undefined;
    setWorkspace({ ...ws, notes: kept ? [...ws.notes, kept] : ws.notes, article: same ? shown.article : ws.article, scroll: same ? shown.scroll : ws.scroll });
  } catch {
    // The next check tries again; the records on screen stay as they were.
  }
}

/**
 * Whether two copies of an article say the same: its text by its hash, not by comparing
 * megabytes of content on every reload.
 */
function sameArticle(a: Workspace['article'], b: Workspace['article']): boolean {
  return (
    a.id === b.id &&
    a.contentHash === b.contentHash &&
    a.title === b.title &&
    a.format === b.format &&
    JSON.stringify(a.source ?? null) === JSON.stringify(b.source ?? null) &&
    (a.versions?.length ?? 0) === (b.versions?.length ?? 0)
  );
}

/** The store's status (read-only, failing writes) for the banner. */
export function updateStoreInfo(info: StoreInfo): void {
  if (workspace.value) workspace.value = { ...workspace.value, store: info };
  // The background retry got the kept changes onto the disk.
  if (saveState.value === 'kept' && info.writeError === undefined) saveState.value = 'saved';
}

/** Applies a patch the server has already applied, keeping only the current article's records. */
export function applyLocalPatch(patch: Patch): void {
  const articleId = article.value?.id;
  batch(() => {
    const current = patch.upsertArticles?.find((a) => a.id === articleId);
    if (current && workspace.value) workspace.value = { ...workspace.value, article: current };
    if (patch.upsertNotes.length || patch.removeNoteIds.length) {
      const next = new Map(notes.value);
      for (const id of patch.removeNoteIds) next.delete(id);
      for (const note of patch.upsertNotes) if (note.articleId === articleId) next.set(note.id, note);
      notes.value = next;
    }
    if (patch.upsertExcerpts.length || patch.removeExcerptIds.length) {
      const next = new Map(excerpts.value);
      for (const id of patch.removeExcerptIds) next.delete(id);
      for (const excerpt of patch.upsertExcerpts) if (excerpt.articleId === articleId) next.set(excerpt.id, excerpt);
      excerpts.value = next;
    }
    if (patch.upsertDismissals?.length || patch.removeDismissalIds?.length) {
      const next = new Map(dismissals.value);
      for (const id of patch.removeDismissalIds ?? []) next.delete(id);
      for (const dismissal of patch.upsertDismissals ?? []) if (dismissal.articleId === articleId) next.set(dismissal.id, dismissal);
      dismissals.value = next;
    }
  });
}
