import { describe, expect, it } from 'vitest';
import type { TextRange } from '@shared/anchoring/text-range';
import { countLabel, findAll, foldText, matchFrom, matchesWithin } from './find-matches';

const found = (text: string, query: string): string[] => findAll(foldText(text), query).map((m) => text.slice(m.start, m.end));

describe('findAll', () => {
  it('ignores case', () => {
    expect(found('Putin wants Syria. PUTIN said. putin', 'putin')).toEqual(['Putin', 'PUTIN', 'putin']);
  });

  it('ignores accents, precomposed or combining, and maps matches back to the original characters', () => {
    const text = 'L’État, l’e\u0301tat et l’ETAT';
    expect(found(text, 'etat')).toEqual(['État', 'e\u0301tat', 'ETAT']);
    expect(found(text, 'ÉTAT')).toEqual(['État', 'e\u0301tat', 'ETAT']);
    // A match ending on an accented letter takes its combining mark along.
    expect(found('cafe\u0301 noir', 'cafe')).toEqual(['cafe\u0301']);
  });

  it('lets any run of white space match any other', () => {
    expect(found('the grain\n\ncorridor and the grain  corridor', 'grain corridor')).toEqual(['grain\n\ncorridor', 'grain  corridor']);
  });

  it('keeps offsets right past characters outside the BMP and Hangul syllables whole', () => {
    const text = '😀 Ünïcode 한국어 한';
    expect(found(text, 'unicode')).toEqual(['Ünïcode']);
    expect(found(text, '한')).toEqual(['한', '한']);
    expect(found(text, '하')).toEqual([]);
  });

  it('finds matches that do not overlap, and none for an empty or blank query', () => {
    expect(found('aaaa', 'aa')).toHaveLength(2);
    expect(found('some text', '')).toEqual([]);
    expect(found('some text', '   ')).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(findAll(foldText('e'.repeat(50)), 'e', 10)).toHaveLength(10);
  });

  it('folds a megabyte quickly enough to build when the bar opens', () => {
    const text = 'Le Kremlin a déclaré que l’accord céréalier était suspendu. '.repeat(17_000);
    const folded = foldText(text);
    expect(folded.folded.length).toBeGreaterThan(900_000);
    expect(findAll(folded, 'CEREALIER')).toHaveLength(17_000);
  });
});

describe('stepping and drawing helpers', () => {
  const matches: TextRange[] = [
    { start: 10, end: 15 },
    { start: 40, end: 45 },
    { start: 90, end: 95 },
  ];

  it('starts from the first match at or after where the reader is, wrapping to the first', () => {
    expect(matchFrom(matches, 0)).toBe(0);
    expect(matchFrom(matches, 11)).toBe(1);
    expect(matchFrom(matches, 40)).toBe(1);
    expect(matchFrom(matches, 96)).toBe(0);
  });

  it('lists the matches overlapping a stretch of text', () => {
    expect(matchesWithin(matches, { start: 0, end: 100 })).toEqual({ first: 0, last: 3 });
    expect(matchesWithin(matches, { start: 14, end: 41 })).toEqual({ first: 0, last: 2 });
    expect(matchesWithin(matches, { start: 15, end: 40 })).toEqual({ first: 1, last: 1 });
    expect(matchesWithin(matches, { start: 96, end: 200 })).toEqual({ first: 3, last: 3 });
  });

  it('labels the count', () => {
    expect(countLabel(2, 17)).toBe('3 of 17');
    expect(countLabel(0, 0)).toBe('No matches');
    expect(countLabel(0, 100_000, 100_000)).toBe('1 of 100,000+');
  });
});
