/**
 * Unsaved edits of notes (body and tags being typed), kept in the notes state rather than
 * in the editor component: a card that is re-rendered, or mounted again, shows the draft,
 * and the mutation queue sends every draft before the next change.
 *
 * One signal per note, so a keystroke notifies only what watches that one note — never a
 * view of the whole list.
 */
import { signal, type ReadonlySignal, type Signal } from '@preact/signals';

export interface Draft {
  body?: string;
  tags?: string[];
  /** The editing session it was typed in: the saves of one session share one undo entry. */
  session: number;
}

const byNote = new Map<string, Signal<Draft | null>>();
/** Notes with a draft, in the order they were first edited: what the queue sends. */
const pending = new Set<string>();
let session = 0;

function slot(noteId: string): Signal<Draft | null> {
  let draft = byNote.get(noteId);
  if (!draft) {
    draft = signal<Draft | null>(null);
    byNote.set(noteId, draft);
  }
  return draft;
}

/** The note's unsaved draft (null: none), as a signal. */
export function draftOf(noteId: string): ReadonlySignal<Draft | null> {
  return slot(noteId);
}

/** A new editing session (another note's editor opened): later saves start a new undo entry. */
export function beginEditSession(): void {
  session++;
}

/** Records typed text; the last value of each field wins. */
export function setDraft(noteId: string, change: { body?: string; tags?: string[] }): void {
  const draft = slot(noteId);
  const before = draft.peek();
  // A draft keeps the session it was begun in, even if another editor opens before it is sent.
  draft.value = { ...before, ...change, session: before?.session ?? session };
  pending.add(noteId);
}

export function hasDrafts(): boolean {
  return pending.size > 0;
}

/**
 * Every draft waiting to be sent. They stay drafts until their save is answered
 * (settleDraft): an editor mounted while a save is in flight, or after it failed, still
 * shows what was typed.
 */
export function pendingDrafts(): [noteId: string, draft: Draft][] {
  const waiting: [string, Draft][] = [];
  for (const id of pending) {
    const value = slot(id).peek();
    if (value) waiting.push([id, value]);
  }
  return waiting;
}

/**
 * A save of `sent` was answered. Saved: the draft goes, unless more was typed meanwhile
 * (that stays for the next save). Not saved: it stays, to be sent again with the next save.
 */
export function settleDraft(noteId: string, sent: Draft, saved: boolean): void {
  const draft = slot(noteId);
  if (!saved || draft.peek() !== sent) return;
  // The signal stays (an editor may watch it); only its value goes.
  draft.value = null;
  pending.delete(noteId);
}

/** Drops a draft that can never be saved (its note is gone), returning it. */
export function dropDraft(noteId: string): Draft | null {
  const draft = slot(noteId);
  const value = draft.peek();
  draft.value = null;
  pending.delete(noteId);
  return value;
}

/** Removes and returns every draft, for a page going away (nothing will answer). */
export function takeDrafts(): [noteId: string, draft: Draft][] {
  const taken = pendingDrafts();
  for (const [id] of taken) dropDraft(id);
  return taken;
}
