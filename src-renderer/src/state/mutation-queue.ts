/**
 * The renderer's one write path. Every change, and everything that must see the notes as
 * saved (an export, switching article, undo), waits its turn here, so changes reach the
 * store in the order they were made and a check for other windows' changes never runs
 * between a change and its answer. Before each task the queue sends the pending drafts
 * (drafts.ts): nothing can overtake typed text, and no caller has to remember to flush.
 */
import { ApiCallError, call } from '../api/client';
import { dropDraft, hasDrafts, pendingDrafts, settleDraft, takeDrafts, type Draft } from './drafts';
import { mutateRecorded } from './mutate';
import { showToast } from './ui';

let tail: Promise<unknown> = Promise.resolve();

/** Runs `task` after every earlier one, with the drafts saved first. A failed task does not stop the queue. */
export function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const step = async (): Promise<T> => {
    await saveDrafts();
    return task();
  };
  const run = tail.then(step, step);
  tail = run.catch(() => undefined);
  return run;
}

/** Resolves once the drafts typed so far are saved (or failed: the error was shown). */
export function requestSave(): Promise<void> {
  clearTimeout(autosaveTimer);
  return enqueue(async () => undefined);
}

/** How long typing must pause before the drafts are saved on their own. */
export const SAVE_DELAY_MS = 400;
let autosaveTimer: ReturnType<typeof setTimeout> | undefined;

/** Saves the drafts after a pause in typing (each call restarts the wait). */
export function saveAfterPause(): void {
  clearTimeout(autosaveTimer);
  autosaveTimer = setTimeout(() => void requestSave(), SAVE_DELAY_MS);
}

function updateInput(noteId: string, { body, tags }: Draft) {
  return { id: noteId, ...(body !== undefined ? { body } : {}), ...(tags ? { tags } : {}) };
}

/**
 * Inside the queue: one save per edited note, each failure shown and the others still
 * sent. A draft stays until its save is answered "saved"; a failed one is sent again with
 * the next save, except for a note deleted meanwhile (elsewhere), whose text is offered
 * to the clipboard rather than lost.
 */
async function saveDrafts(): Promise<void> {
  if (!hasDrafts()) return;
  clearTimeout(autosaveTimer);
  for (const [noteId, draft] of pendingDrafts()) {
    const input = updateInput(noteId, draft);
    const saving =
      draft.body !== undefined
        ? mutateRecorded('edit', 'updateNote', input, `edit:${noteId}:${draft.session}`)
        : mutateRecorded('tag edit', 'updateNote', input);
    const saved = await saving.then(
      () => true,
      (error: unknown) => {
        if (error instanceof ApiCallError && error.error.code === 'not-found') offerLostDraft(dropDraft(noteId));
        return false;
      },
    );
    settleDraft(noteId, draft, saved);
  }
}

/** The note was deleted (in another window) while its text was being typed: keep the text within reach. */
function offerLostDraft(draft: Draft | null): void {
  const text = [draft?.body, draft?.tags?.map((t) => `#${t}`).join(' ')].filter(Boolean).join('\n\n');
  if (!text) return;
  const preview = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  showToast(`This note was deleted in another window, so what you typed in it could not be saved: “${preview}” Copy the text to keep it.`, {
    tone: 'error',
    sticky: true,
    action: { label: 'Copy text', run: () => void navigator.clipboard.writeText(text) },
  });
}

/**
 * The window is going away: send every draft at once, not behind the queue — a request
 * still waiting there when the page dies is never sent. No undo entry: there is no after.
 */
export function sendDraftsNow(): void {
  clearTimeout(autosaveTimer);
  for (const [noteId, draft] of takeDrafts()) void call('updateNote', updateInput(noteId, draft)).catch(() => undefined);
}
