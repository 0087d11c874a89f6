/**
 * One change sent to the notebook and taken back into the UI: the local copy updated from
 * the server's patch, the save state shown, an undo entry recorded. Callers run these
 * inside the mutation queue (mutation-queue.ts), never on their own.
 */
import { signal } from '@preact/signals';
import { isEmptyPatch, type CallInput, type CallName, type CallOutput, type SavedMutation } from '@shared/api';
import { ApiCallError, call } from '../api/client';
import { acceptRevision, applyLocalPatch, reloadWorkspace, updateStoreInfo } from './workspace';
import { saveState, showToast } from './ui';
import { emptyHistory, record, type UndoHistory } from './undo-history';

export const history = signal<UndoHistory>(emptyHistory());

/** The calls that change notes and excerpts: derived from the contract (those answering with a SavedMutation). */
export type MutatingCall = { [K in CallName]: CallOutput<K> extends SavedMutation ? K : never }[CallName];

export function messageOf(error: unknown): string {
  return error instanceof ApiCallError ? error.message : `Something went wrong: ${String(error)}`;
}

export async function mutate<K extends MutatingCall>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
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

/** A change that can be undone: `coalesceKey` merges the saves of one editing session into one entry. */
export async function mutateRecorded<K extends MutatingCall>(label: string, name: K, input: CallInput<K>, coalesceKey?: string): Promise<CallOutput<K>> {
  const result = await mutate(name, input);
  if (!isEmptyPatch(result.applied)) {
    history.value = record(history.value, { label, patch: result.inverse, ...(coalesceKey ? { coalesceKey, after: result.applied } : {}) });
  }
  return result;
}

export async function refreshStatus(): Promise<void> {
  const info = await call('getStoreInfo', {}).catch(() => null);
  if (info) updateStoreInfo(info);
}
