/**
 * The renderer's copy of the open article and its records, as signals. Server
 * results (patches) are applied here; views derive everything else.
 */
import { batch, computed, signal } from '@preact/signals';
import type { ApiError, Patch, Workspace } from '../../../src-main/shared/api';
import type { Excerpt, Note } from '../../../src-main/shared/model';
import { canonicalText } from '../../../src-main/shared/canonical-text';
import { anchorAll } from '../../../src-main/shared/anchoring';
import { ApiCallError, call } from '../api/client';

export const workspace = signal<Workspace | null>(null);
export const loadError = signal<ApiError | null>(null);
export const notes = signal<ReadonlyMap<string, Note>>(new Map());
export const excerpts = signal<ReadonlyMap<string, Excerpt>>(new Map());

export const article = computed(() => workspace.value?.article ?? null);
export const canonical = computed(() => canonicalText(article.value?.content ?? ''));

/** Where each excerpt sits in the current text (null: an orphan). */
export const anchors = computed(() =>
  anchorAll(
    canonical.value.text,
    [...excerpts.value.values()].map((e) => ({ id: e.id, quote: e.quote, position: e.position })),
  ),
);

export async function loadWorkspace(): Promise<void> {
  try {
    setWorkspace(await call('getWorkspace', {}));
  } catch (error) {
    loadError.value = error instanceof ApiCallError ? error.error : { code: 'internal', message: String(error) };
  }
}

export function setWorkspace(ws: Workspace): void {
  batch(() => {
    workspace.value = ws;
    notes.value = new Map(ws.notes.map((n) => [n.id, n]));
    excerpts.value = new Map(ws.excerpts.map((e) => [e.id, e]));
    loadError.value = null;
  });
}

/** Re-reads the store's status (read-only, failing writes) for the banner. */
export function refreshStoreInfo(): void {
  call('getStoreInfo', {}).then(
    (info) => {
      if (workspace.value) workspace.value = { ...workspace.value, store: info };
    },
    () => undefined,
  );
}

/** Applies a patch the server has already applied, keeping only the current article's records. */
export function applyLocalPatch(patch: Patch): void {
  const articleId = article.value?.id;
  batch(() => {
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
  });
}
