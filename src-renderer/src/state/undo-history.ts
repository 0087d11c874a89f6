/**
 * Undo and redo as two stacks of patches. Each entry holds the patch that reverses
 * an action; applying it yields the patch that reverses *that*, which goes on the
 * other stack. Consecutive edits with the same coalesce key (one editing session
 * of one note) share one entry that restores the state before the first of them,
 * expecting the state after the last of them (its preconditions: see the contract's
 * Expectation).
 */
import type { Patch } from '@shared/api';

export interface HistoryEntry {
  label: string;
  patch: Patch;
  coalesceKey?: string;
  /** For coalescing: the records as the action left them (the mutation's applied patch). */
  after?: Patch;
}

export interface UndoHistory {
  undo: HistoryEntry[];
  redo: HistoryEntry[];
}

export const HISTORY_LIMIT = 200;

export function emptyHistory(): UndoHistory {
  return { undo: [], redo: [] };
}

/** A new action: its inverse goes on the undo stack and the redo stack is cleared. */
export function record(history: UndoHistory, entry: HistoryEntry): UndoHistory {
  const top = history.undo.at(-1);
  // One session, and nothing changed the records between its saves (another window may have):
  // then the first save's inverse still undoes the whole session.
  if (entry.coalesceKey !== undefined && top?.coalesceKey === entry.coalesceKey && sameRecords(top.after?.upsertNotes, entry.patch.upsertNotes)) {
    const merged: HistoryEntry = { ...top, patch: withExpectations(top.patch, entry.patch), ...(entry.after ? { after: entry.after } : {}) };
    return { undo: [...history.undo.slice(0, -1), merged], redo: [] };
  }
  return { undo: [...history.undo, entry].slice(-HISTORY_LIMIT), redo: [] };
}

/** JSON with sorted keys: the same record says the same, whichever way its object was built. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function sameRecords(a: readonly object[] | undefined, b: readonly object[] | undefined): boolean {
  return a !== undefined && b !== undefined && canonical(a) === canonical(b);
}

/** The older patch's changes, with the newer one's preconditions (they describe the records as they are now). */
function withExpectations(older: Patch, newer: Patch): Patch {
  const { expect, ...changes } = older;
  void expect;
  return newer.expect ? { ...changes, expect: newer.expect } : changes;
}

/** Moves the top entry of one stack to the other, replacing its patch with the reverse just obtained. */
export function shift(history: UndoHistory, from: 'undo' | 'redo', reverse: Patch): UndoHistory {
  const entry = history[from].at(-1);
  if (!entry) return history;
  const moved: HistoryEntry = { label: entry.label, patch: reverse };
  return from === 'undo'
    ? { undo: history.undo.slice(0, -1), redo: [...history.redo, moved].slice(-HISTORY_LIMIT) }
    : { undo: [...history.undo, moved].slice(-HISTORY_LIMIT), redo: history.redo.slice(0, -1) };
}

/** Drops the top entry of one stack: a step refused because its records changed elsewhere. */
export function drop(history: UndoHistory, from: 'undo' | 'redo'): UndoHistory {
  return from === 'undo' ? { undo: history.undo.slice(0, -1), redo: history.redo } : { undo: history.undo, redo: history.redo.slice(0, -1) };
}
