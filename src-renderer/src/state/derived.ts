/** Views of the records that several components need, computed once per change. */
import { computed } from '@preact/signals';
import type { PlacedExcerpt } from '../reader/highlight-layers';
import { orderNotes } from '../notes/note-list';
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
