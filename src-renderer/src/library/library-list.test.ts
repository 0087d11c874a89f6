import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '@shared/api';
import { byRecentlyOpened, leadMatches, matchesTitle, sourceLine } from './library-list';

const summary = (id: string, extra: Partial<ArticleSummary> = {}): ArticleSummary => ({ id, title: id, format: 'text', addedAt: '2026-01-01T00:00:00.000Z', notes: 0, openLeads: 0, versions: 0, ...extra });

describe('the library list', () => {
  it('puts the most recently opened first, then the never opened by newest addition', () => {
    const list = [
      summary('old-never'),
      summary('opened-early', { openedAt: '2026-02-01T00:00:00.000Z' }),
      summary('new-never', { addedAt: '2026-03-01T00:00:00.000Z' }),
      summary('opened-late', { openedAt: '2026-02-05T00:00:00.000Z' }),
    ];
    expect(list.sort(byRecentlyOpened).map((s) => s.id)).toEqual(['opened-late', 'opened-early', 'new-never', 'old-never']);
  });

  it('searches titles by every word, in any case', () => {
    expect(matchesTitle(summary('x', { title: 'Putin Wants Syria' }), 'syria  PUTIN')).toBe(true);
    expect(matchesTitle(summary('x', { title: 'Putin Wants Syria' }), 'syria iran')).toBe(false);
  });

  it('shows the outlet, or the host of the source address, and the date', () => {
    expect(sourceLine(summary('x', { source: { outlet: 'Kyiv Post', date: '2024-05-01' } }))).toBe(`Kyiv Post · ${new Date('2024-05-01T12:00:00').toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`);
    expect(sourceLine(summary('x', { source: { outlet: 'Kyiv Post', date: 'last spring' } }))).toBe('Kyiv Post · last spring');
    expect(sourceLine(summary('x', { source: { url: 'https://www.example.org/a/b' } }))).toBe('www.example.org');
    expect(sourceLine(summary('x', { source: { url: 'not a url' } }))).toBe('');
  });

  it('finds a lead by its text, its quotes, its article or its tags', () => {
    const entry = {
      note: { id: 'n', articleId: 'a', kind: 'lead' as const, status: 'open' as const, body: 'Check the flight logs', tags: ['aviation'], excerptIds: [], createdAt: '', updatedAt: '' },
      articleTitle: 'Putin Wants Syria',
      quotes: ['Hmeimim base'],
    };
    expect(leadMatches(entry, '')).toBe(true);
    expect(leadMatches(entry, 'flight hmeimim')).toBe(true);
    expect(leadMatches(entry, '#aviation syria')).toBe(true);
    expect(leadMatches(entry, 'tanks')).toBe(false);
  });
});
