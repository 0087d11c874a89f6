/** View state that is not part of the notebook: focus, editing, filters, dialogs, messages. */
import { signal } from '@preact/signals';
import type { TextRange } from '@shared/anchoring/text-range';
import type { LeadStatus, Selectors } from '@shared/model';

/** What the export dialog offers: the formats, Markdown in two flavors. */
export type ExportChoice = 'markdown' | 'obsidian' | 'w3c' | 'csv';

export type KindFilter = 'all' | 'annotation' | 'lead';

export interface Filters {
  kind: KindFilter;
  status: LeadStatus | 'any';
  tag: string | null;
  query: string;
}

export const focusedNoteId = signal<string | null>(null);
/**
 * The note whose card the pane must bring into view (it may not be rendered: the list is
 * virtual), and whether the card then takes the keyboard focus. A new object per request,
 * so asking for the same note twice scrolls twice.
 */
export const noteToReveal = signal<{ id: string; focus?: boolean } | null>(null);
export const editingNoteId = signal<string | null>(null);
/** Excerpts drawn with the flash highlight for a moment after a jump. */
export const flashingExcerptIds = signal<ReadonlySet<string>>(new Set());
/** A stretch of the article drawn with the flash highlight while the pointer or focus is on a suggested lead. */
export const previewRange = signal<TextRange | null>(null);
export const NO_FILTERS: Filters = { kind: 'all', status: 'any', tag: null, query: '' };
export const filters = signal<Filters>(NO_FILTERS);

/** `kept`: the store has the change in memory but could not write it to disk yet (it retries). */
export type SaveState = 'idle' | 'saving' | 'saved' | 'kept' | 'error';
export const saveState = signal<SaveState>('idle');
export const SAVE_LABELS: Record<SaveState, string> = { idle: 'All saved', saving: 'Saving…', saved: 'Saved', kept: 'Not on disk yet', error: 'Not saved' };

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}
export const toast = signal<Toast | null>(null);

export type Dialog =
  | { kind: 'link-picker'; selectors: Selectors }
  | { kind: 'delete-note'; noteId: string }
  | { kind: 'export'; scope: 'article' | 'all'; format?: ExportChoice }
  | { kind: 'import-annotations' }
  | { kind: 'backups' }
  | { kind: 'shortcuts' }
  | { kind: 'view' }
  | { kind: 'leads' }
  | { kind: 'paste' }
  | { kind: 'delete-article'; articleId: string };
export const dialog = signal<Dialog | null>(null);
/** The excerpt waiting for the user's new selection (Re-attach to Selection), if any. */
export const reattaching = signal<string | null>(null);

/** Focuses a note and scrolls the notes pane to its card; `focusCard` moves the keyboard focus there too. */
export function revealNote(noteId: string, focusCard = false): void {
  focusedNoteId.value = noteId;
  noteToReveal.value = focusCard ? { id: noteId, focus: true } : { id: noteId };
}

let toastSeq = 0;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

export function showToast(message: string, options: { tone?: Toast['tone']; action?: Toast['action']; sticky?: boolean } = {}): void {
  clearTimeout(toastTimer);
  toast.value = { id: ++toastSeq, message, tone: options.tone ?? 'info', ...(options.action ? { action: options.action } : {}) };
  if (!options.sticky) toastTimer = setTimeout(() => (toast.value = null), options.tone === 'error' ? 9000 : 4500);
}

export function flashExcerpts(ids: readonly string[]): void {
  flashingExcerptIds.value = new Set(ids);
  setTimeout(() => {
    if ([...flashingExcerptIds.value].every((id) => ids.includes(id))) flashingExcerptIds.value = new Set();
  }, 1200);
}
