import { describe, expect, it } from 'vitest';
import type { Suggestion } from '@shared/api';
import { openSuggestions } from './open-suggestions';

const s = (kind: Suggestion['kind'], quote: string, start: number): Suggestion => ({ kind, quote, start, end: start + quote.length, source: null, lead: `Check ${quote}` });

describe('openSuggestions', () => {
  const list = [s('attributed-claim', 'The ministry said so.', 0), s('figure', '40,000 soldiers', 30), s('hedge', 'It seems so.', 60)];

  it('leaves out what was dismissed, by kind and text, wherever the text now is', () => {
    const dismissed = [{ id: 'd', articleId: 'a', kind: 'figure' as const, quote: '40,000 soldiers', dismissedAt: '2026-01-01T00:00:00.000Z' }];
    expect(openSuggestions(list, dismissed, []).map((x) => x.quote)).toEqual(['The ministry said so.', 'It seems so.']);
    // Same text, another kind: still offered.
    expect(openSuggestions(list, [{ ...dismissed[0]!, kind: 'hedge' }], [])).toHaveLength(3);
  });

  it('leaves out a suggestion already made a lead on exactly its passage', () => {
    expect(openSuggestions(list, [], [{ start: 0, end: 21 }]).map((x) => x.kind)).toEqual(['figure', 'hedge']);
    expect(openSuggestions(list, [], [{ start: 0, end: 20 }])).toHaveLength(3);
  });
});
