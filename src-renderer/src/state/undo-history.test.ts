import { describe, expect, it } from 'vitest';
import type { Patch } from '@shared/api';
import { drop, emptyHistory, HISTORY_LIMIT, record, shift } from './undo-history';

const patch = (id: string): Patch => ({ upsertNotes: [], upsertExcerpts: [], removeNoteIds: [id], removeExcerptIds: [] });

describe('undo history', () => {
  it('records actions and clears redo', () => {
    let h = record(emptyHistory(), { label: 'a', patch: patch('a') });
    h = shift(h, 'undo', patch('a-redo'));
    expect(h.undo).toHaveLength(0);
    expect(h.redo).toEqual([{ label: 'a', patch: patch('a-redo') }]);
    h = record(h, { label: 'b', patch: patch('b') });
    expect(h.redo).toHaveLength(0);
    expect(h.undo.map((e) => e.label)).toEqual(['b']);
  });

  it('moves entries between stacks with the reverse patch', () => {
    let h = record(emptyHistory(), { label: 'create', patch: patch('undo-create') });
    h = shift(h, 'undo', patch('redo-create'));
    h = shift(h, 'redo', patch('undo-create-2'));
    expect(h.undo).toEqual([{ label: 'create', patch: patch('undo-create-2') }]);
    expect(h.redo).toEqual([]);
  });

  const note = (body: string, status = 'open') => ({ id: 'n1', articleId: 'a', kind: 'lead' as const, status: status as 'open', body, tags: [], excerptIds: [], createdAt: 't', updatedAt: 't' });
  const holding = (body: string, status?: string): Patch => ({ ...patch('x'), removeNoteIds: [], upsertNotes: [note(body, status)] });

  it('coalesces edits of one editing session, keeping the oldest inverse', () => {
    let h = record(emptyHistory(), { label: 'edit', patch: holding('before'), after: holding('one'), coalesceKey: 'n1:1' });
    h = record(h, { label: 'edit', patch: holding('one'), after: holding('two'), coalesceKey: 'n1:1' });
    expect(h.undo).toEqual([{ label: 'edit', patch: holding('before'), after: holding('two'), coalesceKey: 'n1:1' }]);
    h = record(h, { label: 'edit', patch: holding('two'), after: holding('three'), coalesceKey: 'n1:2' });
    expect(h.undo).toHaveLength(2);
  });

  it('does not coalesce across a change made elsewhere between two saves of a session', () => {
    let h = record(emptyHistory(), { label: 'edit', patch: holding('before'), after: holding('one'), coalesceKey: 'n1:1' });
    // Another window set the status to done; this session's next save starts from that.
    h = record(h, { label: 'edit', patch: holding('one', 'done'), after: holding('two', 'done'), coalesceKey: 'n1:1' });
    expect(h.undo.map((e) => e.patch)).toEqual([holding('before'), holding('one', 'done')]);
  });

  it('a coalesced entry expects the records as the newest edit left them', () => {
    const expecting = (body: string, version: string): Patch => ({ ...holding(body), expect: [{ record: 'note', id: 'n1', version }] });
    let h = record(emptyHistory(), { label: 'edit', patch: expecting('before', 'a'.repeat(40)), after: holding('one'), coalesceKey: 'n1:1' });
    h = record(h, { label: 'edit', patch: expecting('one', 'b'.repeat(40)), after: holding('two'), coalesceKey: 'n1:1' });
    expect(h.undo).toEqual([{ label: 'edit', patch: expecting('before', 'b'.repeat(40)), after: holding('two'), coalesceKey: 'n1:1' }]);
  });

  it('drops a refused step from its stack only', () => {
    let h = record(emptyHistory(), { label: 'a', patch: patch('a') });
    h = record(h, { label: 'b', patch: patch('b') });
    h = shift(h, 'undo', patch('b-redo'));
    expect(drop(h, 'undo')).toEqual({ undo: [], redo: [{ label: 'b', patch: patch('b-redo') }] });
    expect(drop(h, 'redo')).toEqual({ undo: [{ label: 'a', patch: patch('a') }], redo: [] });
  });

  it('ignores a shift from an empty stack', () => {
    const h = emptyHistory();
    expect(shift(h, 'redo', patch('x'))).toBe(h);
  });

  it('keeps at most HISTORY_LIMIT entries', () => {
    let h = emptyHistory();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = record(h, { label: String(i), patch: patch(String(i)) });
    expect(h.undo).toHaveLength(HISTORY_LIMIT);
    expect(h.undo[0]!.label).toBe('5');
  });
});
