import { describe, expect, it } from 'vitest';
import type { Anchor } from '@shared/anchoring/text-range';
import type { Excerpt, Note } from '@shared/model';
import type { Filters } from '../state/ui';
import { countNotes, fold, matchesFilters, orderNotes, parseTags, tagCounts } from './note-list';

const at = '2026-01-01T00:00:00.000Z';
function note(id: string, partial: Partial<Note> = {}): Note {
  return { id, articleId: 'a', kind: 'annotation', body: '', tags: [], excerptIds: [], createdAt: at, updatedAt: at, ...partial };
}
function excerpt(id: string, exact: string): Excerpt {
  return { id, articleId: 'a', quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: exact.length }, createdAt: at };
}
const all: Filters = { kind: 'all', status: 'any', tag: null, query: '' };

describe('orderNotes', () => {
  it('orders by first anchored excerpt, unplaced notes last by age', () => {
    const anchors = new Map<string, Anchor | null>([
      ['e1', { start: 50, end: 60, method: 'position' }],
      ['e2', { start: 10, end: 20, method: 'position' }],
      ['e3', null],
    ]);
    const notes = [
      note('late', { excerptIds: ['e1'] }),
      note('orphan', { excerptIds: ['e3'], createdAt: '2026-01-02T00:00:00.000Z' }),
      note('early', { excerptIds: ['e1', 'e2'] }),
      note('none', { createdAt: '2026-01-01T12:00:00.000Z' }),
    ];
    expect(orderNotes(notes, anchors).map((n) => n.id)).toEqual(['early', 'late', 'none', 'orphan']);
  });
});

describe('matchesFilters', () => {
  const excerpts = new Map([['e1', excerpt('e1', 'The Tiger Forces played a leading role')]]);
  const lead = note('l', { kind: 'lead', status: 'done', tags: ['units'], body: 'Verify **Hmeimim** flights', excerptIds: ['e1'] });
  it('filters by kind and lead status', () => {
    expect(matchesFilters(lead, excerpts, { ...all, kind: 'annotation' })).toBe(false);
    expect(matchesFilters(lead, excerpts, { ...all, kind: 'lead', status: 'done' })).toBe(true);
    expect(matchesFilters(lead, excerpts, { ...all, kind: 'lead', status: 'open' })).toBe(false);
  });
  it('filters by tag', () => {
    expect(matchesFilters(lead, excerpts, { ...all, tag: 'units' })).toBe(true);
    expect(matchesFilters(lead, excerpts, { ...all, tag: 'people' })).toBe(false);
  });
  it('searches body, tags and excerpt text, all words, ignoring case and accents', () => {
    expect(matchesFilters(lead, excerpts, { ...all, query: 'tiger HMEIMIM' })).toBe(true);
    expect(matchesFilters(lead, excerpts, { ...all, query: 'tiger moscow' })).toBe(false);
    expect(matchesFilters(note('x', { body: 'Āssad' }), excerpts, { ...all, query: 'assad' })).toBe(true);
  });
});

describe('counts and tags', () => {
  const notes = [note('a', { tags: ['x', 'y'] }), note('b', { kind: 'lead', status: 'open', tags: ['x'] }), note('c', { kind: 'lead', status: 'done' })];
  it('counts kinds and statuses', () => {
    const counts = countNotes(notes);
    expect(counts).toMatchObject({ all: 3, annotation: 1, lead: 2 });
    expect(counts.status).toEqual({ open: 1, 'in-progress': 0, done: 1, dropped: 0 });
  });
  it('lists tags by use', () => {
    expect(tagCounts(notes)).toEqual([{ tag: 'x', count: 2 }, { tag: 'y', count: 1 }]);
  });
  it('parses typed tags', () => {
    expect(parseTags(' #russia, syria  #russia mercenaries,,')).toEqual(['russia', 'syria', 'mercenaries']);
  });
  it('folds text for search', () => {
    expect(fold('Ba’ath ÉTÉ')).toBe('ba’ath ete');
  });
});
