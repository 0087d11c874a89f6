/** Moving between the article and the notes: reveal an excerpt, focus the notes of a highlight. */
import { rangesAt } from '@shared/anchoring/ranges-at';
import { notesByExcerpt, orderedNotes, placedExcerpts } from '../state/derived';
import { flashExcerpts, revealNote } from '../state/ui';
import { anchors, canonical } from '../state/workspace';
import { scrollToRange } from './reader-view';

export function revealExcerpts(ids: readonly string[]): void {
  const first = ids
    .map((id) => anchors.value.get(id))
    .filter((a) => a != null)
    .sort((a, b) => a.start - b.start)[0];
  if (!first) return;
  scrollToRange(canonical.value.blocks, first);
  flashExcerpts(ids);
}

/** Focuses the first note (in pane order) citing any excerpt under the offset (its card takes the keyboard focus with `focusCard`); returns the excerpt ids hit. */
export function focusNotesAt(offset: number, focusCard = false): string[] {
  const hit = rangesAt(placedExcerpts.value, offset);
  if (hit.length === 0) return [];
  const citing = new Set(hit.flatMap((id) => notesByExcerpt.value.get(id) ?? []));
  const first = orderedNotes.value.find((note) => citing.has(note.id));
  if (first) revealNote(first.id, focusCard);
  return hit;
}

let cursor = -1;

/** Jumps to the next or previous highlight in reading order and focuses its notes, the keyboard on the first one's card (F8 goes on from there). */
export function stepHighlight(direction: 1 | -1): void {
  const placed = placedExcerpts.value;
  if (placed.length === 0) return;
  // The first step goes to the first highlight, or back to the last one.
  cursor = cursor < 0 ? (direction === 1 ? 0 : placed.length - 1) : (((cursor + direction) % placed.length) + placed.length) % placed.length;
  const target = placed[cursor]!;
  revealExcerpts([target.id]);
  focusNotesAt(target.start, true);
}
