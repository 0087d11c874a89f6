import { describe, expect, it } from 'vitest';
import type { Notebook } from '../shared/model';
import { applyDeltas, deltaBetween, noteUniqueIds, type NotebookDelta } from './notebook-delta';
import { encodeEntry, parseJournal } from './journal';
import { randomNotebook } from './testdata/random-notebook';
import { seeded, type Random } from './testdata/random';

/** One random change to one list, the way operations make them (new objects), plus the odd ones (reorder, duplicates). */
function randomEdit(random: Random, notebook: Notebook, step: number): Notebook {
  const name = random.pick(['articles', 'excerpts', 'notes'] as const);
  const list: { id: string }[] = [...notebook[name]];
  const i = random.int(Math.max(1, list.length));
  switch (random.int(7)) {
    case 0: // edit in place (a new object)
      if (list[i]) list[i] = { ...list[i]!, ...(name === 'notes' ? { body: `edit ${step}` } : {}) };
      break;
    case 1: // delete
      list.splice(i, 1);
      break;
    case 2: // add at the end, or re-add a deleted id
      if (list[i]) list.push({ ...list[i]!, id: `new${step}` });
      break;
    case 3: // insert in the middle: replay must still give this order
      if (list[i]) list.splice(i, 0, { ...list[i]!, id: `mid${step}` });
      break;
    case 4: // swap two
      if (list.length > 1) [list[0], list[list.length - 1]] = [list[list.length - 1]!, list[0]!];
      break;
    case 5: // a duplicate id (invalid for the store, but the journal must still be exact)
      if (list[i]) list.push(list[i]!);
      break;
    default:
      return { ...notebook, ui: { ...notebook.ui, scroll: { ...notebook.ui.scroll, [`a${step % 3}`]: (step % 10) / 10 } } };
  }
  return { ...notebook, [name]: list };
}

describe('notebook deltas', () => {
  it('nothing changed is null; a UI change is not a record change', () => {
    const notebook = randomNotebook(seeded(1));
    expect(deltaBetween(notebook, notebook)).toBeNull();
    expect(deltaBetween(notebook, { ...notebook, notes: [...notebook.notes] })).toBeNull(); // same records, same order
    expect(deltaBetween(notebook, { ...notebook, ui: { scroll: {} } })).toMatchObject({ records: false, delta: { ui: { scroll: {} } } });
  });

  it('carries only what changed: one edited note is one record', () => {
    const notebook = randomNotebook(seeded(2), { articles: 2, excerptsPerArticle: 5, notes: 40, bodyLines: 2 });
    const notes = notebook.notes.with(3, { ...notebook.notes[3]!, body: 'changed' });
    const change = deltaBetween(notebook, { ...notebook, notes });
    expect(change).toEqual({ records: true, delta: { notes: { put: [notes[3]], del: [] } } });
    noteUniqueIds(notebook);
    expect(deltaBetween(notebook, { ...notebook, notes })).toEqual(change);
    const removed = notebook.notes.filter((_, i) => i !== 5 && i !== 9);
    expect(deltaBetween(notebook, { ...notebook, notes: removed })?.delta).toEqual({ notes: { put: [], del: [notebook.notes[5]!.id, notebook.notes[9]!.id] } });
  });

  for (const [seed, known] of [11, 12, 13, 14, 15, 16, 17, 18].flatMap((s) => [[s, true], [s, false]] as const)) {
    it(`replays random edits exactly, one by one and all at once, through journal lines (seed ${seed}, ${known ? 'fast path' : 'general path'})`, () => {
      const random = seeded(seed);
      const start = randomNotebook(random, { articles: 3, excerptsPerArticle: 6, notes: 15, bodyLines: 2 });
      if (known) noteUniqueIds(start); // as loading does: the fast path applies until a list gets duplicates
      let current = start;
      const deltas: NotebookDelta[] = [];
      let text = '';
      for (let step = 1; step <= 60; step++) {
        const next = randomEdit(random, current, step);
        const change = deltaBetween(current, next);
        if (change) {
          expect(applyDeltas(current, [change.delta])).toEqual(next);
          deltas.push(change.delta);
          text += encodeEntry(deltas.length, '2024-01-01T00:00:00.000Z', change.delta);
        } else {
          expect(next).toEqual(current);
        }
        current = next;
      }
      expect(applyDeltas(start, deltas)).toEqual(current);
      const read = parseJournal(text, 0);
      expect(read.problem).toBeUndefined();
      expect(applyDeltas(start, read.entries.map((e) => e.delta))).toEqual(current);
    });
  }
});

describe('dismissed suggestions in the journal', () => {
  it('a dismissal is a put in the delta, an undo a del, and replaying gives the same list', () => {
    const before = randomNotebook(seeded(7));
    noteUniqueIds(before);
    const dismissal = { id: 'd1', articleId: before.articles[0]!.id, kind: 'figure' as const, quote: 'x', dismissedAt: '2026-01-01T00:00:00.000Z' };
    const dismissed = { ...before, dismissals: [...before.dismissals, dismissal] };
    const put = deltaBetween(before, dismissed);
    expect(put).toEqual({ records: true, delta: { dismissals: { put: [dismissal], del: [] } } });
    const undone = { ...dismissed, dismissals: [] };
    const del = deltaBetween(dismissed, undone);
    expect(del?.delta).toEqual({ dismissals: { put: [], del: ['d1'] } });
    // Through the journal's own encoding, as a reopened notebook replays it.
    const entries = parseJournal(encodeEntry(1, '2026-01-01T00:00:00.000Z', put!.delta) + encodeEntry(2, '2026-01-01T00:00:01.000Z', del!.delta), 0).entries;
    expect(applyDeltas(before, entries.slice(0, 1).map((e) => e.delta)).dismissals).toEqual([dismissal]);
    expect(applyDeltas(before, entries.map((e) => e.delta)).dismissals).toEqual([]);
  });
});
