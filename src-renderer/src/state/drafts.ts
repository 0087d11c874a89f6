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

/** Removes and returns every draft (to be sent now). */
export function takeDrafts(): [noteId: string, draft: Draft][] {
  const taken: [string, Draft][] = [];
  for (const id of pending) {
    const draft = slot(id);
    const value = draft.peek();
    if (value) taken.push([id, value]);
    // The signal stays (an editor may watch it); only its value goes.
    draft.value = null;
  }
  pending.clear();
  return taken;
}
