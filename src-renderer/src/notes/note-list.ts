/** Ordering, filtering and counting of the notes pane: pure functions over records. */
import type { Anchor } from '@shared/anchoring/text-range';
import type { Excerpt, LeadStatus, Note } from '@shared/model';
import type { Filters } from '../state/ui';

/** Where a note sits in reading order: the earliest anchored excerpt it cites. */
export function readingPosition(note: Note, anchors: ReadonlyMap<string, Anchor | null>): number {
  let best = Number.POSITIVE_INFINITY;
  for (const id of note.excerptIds) {
    const anchor = anchors.get(id);
    if (anchor && anchor.start < best) best = anchor.start;
  }
  return best;
}

/** Notes in reading order of their first excerpt; notes without a placed excerpt last, oldest first. */
export function orderNotes(notes: Iterable<Note>, anchors: ReadonlyMap<string, Anchor | null>): Note[] {
  return [...notes]
    .map((note) => ({ note, at: readingPosition(note, anchors) }))
    .sort((a, b) => a.at - b.at || a.note.createdAt.localeCompare(b.note.createdAt))
    .map(({ note }) => note);
}

/** Lower case without diacritics, so "Assad" finds "Āssad" and "ASSAD". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function matchesFilters(note: Note, excerpts: ReadonlyMap<string, Excerpt>, filters: Filters): boolean {
  if (filters.kind !== 'all' && note.kind !== filters.kind) return false;
  if (filters.kind === 'lead' && filters.status !== 'any' && note.status !== filters.status) return false;
  if (filters.tag !== null && !note.tags.includes(filters.tag)) return false;
  const words = fold(filters.query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold([note.body, ...note.tags, ...note.excerptIds.map((id) => excerpts.get(id)?.quote.exact ?? '')].join('\n'));
  return words.every((word) => haystack.includes(word));
}

export interface Counts {
  all: number;
  annotation: number;
  lead: number;
  status: Record<LeadStatus, number>;
}

export function countNotes(notes: Iterable<Note>): Counts {
  const counts: Counts = { all: 0, annotation: 0, lead: 0, status: { open: 0, 'in-progress': 0, done: 0, dropped: 0 } };
  for (const note of notes) {
    counts.all++;
    counts[note.kind]++;
    if (note.status) counts.status[note.status]++;
  }
  return counts;
}

/** Every tag in use with how many notes carry it, most used first. */
export function tagCounts(notes: Iterable<Note>): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const note of notes) for (const tag of note.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Tags typed as free text: split on spaces and commas, leading # dropped, duplicates removed. */
export function parseTags(input: string): string[] {
  const tags = input
    .split(/[\s,]+/)
    .map((t) => t.replace(/^#+/, ''))
    .filter((t) => t.length > 0 && t.length <= 64);
  return [...new Set(tags)];
}
