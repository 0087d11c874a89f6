/** Views of the records that several components need, computed once per change. */
import { computed } from '@preact/signals';
import type { PlacedExcerpt } from '../reader/highlight-layers';
import { orderNotes } from '../notes/note-list';
import { flashingExcerptIds, previewRange } from './ui';
import { anchors, excerpts, notes } from './workspace';

/** Notes citing each excerpt. */
export const notesByExcerpt = computed(() => {
  const index = new Map<string, string[]>();
  for (const note of notes.value.values()) {
    for (const id of note.excerptIds) {
      const list = index.get(id);
      if (list) list.push(note.id);
      else index.set(id, [note.id]);
    }
  }
  return index;
});

/** Anchored excerpts in reading order, with the kind that decides their look. */
export const placedExcerpts = computed<PlacedExcerpt[]>(() => {
  const placed: PlacedExcerpt[] = [];
  const byExcerpt = notesByExcerpt.value;
  for (const excerpt of excerpts.value.values()) {
    const anchor = anchors.value.get(excerpt.id);
    if (!anchor) continue;
    const citing = (byExcerpt.get(excerpt.id) ?? []).map((id) => notes.value.get(id)?.kind);
    const kind = citing.includes('lead') ? 'lead' : citing.length > 0 ? 'annotation' : 'plain';
    placed.push({ id: excerpt.id, start: anchor.start, end: anchor.end, kind });
  }
  return placed.sort((a, b) => a.start - b.start || a.end - b.end);
});

export const orderedNotes = computed(() => orderNotes(notes.value.values(), anchors.value));

/** The id under which a suggested lead's passage is drawn while it is previewed (it is no excerpt). */
export const PREVIEW_ID = '~suggestion-preview';

/** What the reader draws: the excerpts, and the previewed passage of a suggested lead, if any. */
export const drawnExcerpts = computed<PlacedExcerpt[]>(() => {
  const preview = previewRange.value;
  if (!preview) return placedExcerpts.value;
  return [...placedExcerpts.value, { id: PREVIEW_ID, start: preview.start, end: preview.end, kind: 'plain' as const }].sort((a, b) => a.start - b.start || a.end - b.end);
});

/** What the flash shows: excerpts after a jump, and the previewed passage. */
export const flashedExcerptIds = computed<ReadonlySet<string>>(() => (previewRange.value ? new Set([...flashingExcerptIds.value, PREVIEW_ID]) : flashingExcerptIds.value));
