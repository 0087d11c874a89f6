import { describe, expect, it } from 'vitest';
import type { Selectors } from '../model';
import { SelectorsSchema } from '../model';
import { mulberry32 } from '../testdata/prng';
import { anchor } from './anchor';
import { CONTEXT_LENGTH, selectorsFor } from './describe-range';
import {
  ARTICLE,
  expectNoLoneSurrogateAtEdges,
  expectWholeCodePoints,
  find,
  insertAt,
  nth,
  pick,
  randomBoundary,
  randomUnicodeText,
  replaceRange,
  textOf,
} from './testdata/text-helpers';

describe('anchor', () => {
  it('anchors by position when the text is unchanged', () => {
    const range = find(ARTICLE, 'the price is very high');
    expect(anchor(ARTICLE, selectorsFor(ARTICLE, range))).toEqual({ ...range, method: 'position' });
  });

  describe('the 3rd of several "Putin"s', () => {
    const third = nth(ARTICLE, 'Putin', 3);
    const selectors = selectorsFor(ARTICLE, { start: third, end: third + 5 });

    it('anchors to the 3rd one in the unchanged text', () => {
      expect(anchor(ARTICLE, selectors)).toEqual({ start: third, end: third + 5, method: 'position' });
    });

    it('still finds the 3rd after text is inserted at the start', () => {
      const edited = 'Editor’s note: this article was updated to add context. ' + ARTICLE;
      expect(anchor(edited, selectors)).toEqual({ start: nth(edited, 'Putin', 3), end: nth(edited, 'Putin', 3) + 5, method: 'quote' });
    });

    it('still finds the 3rd after text is inserted between the 2nd and the 3rd', () => {
      const edited = insertAt(ARTICLE, ARTICLE.indexOf('The Moscow trained'), 'A new paragraph, with no name in it.\n\n');
      const expected = nth(edited, 'Putin', 3);
      expect(expected).toBeGreaterThan(third);
      expect(anchor(edited, selectors)).toEqual({ start: expected, end: expected + 5, method: 'quote' });
    });

    it('still finds the 3rd when the words right beside it are edited', () => {
      const edited = ARTICLE.replace('are part of Putin’s efforts', 'are part of President Putin’s own efforts');
      const expected = nth(edited, 'Putin', 3);
      expect(anchor(edited, selectors)).toEqual({ start: expected, end: expected + 5, method: 'quote' });
    });

    it('picks the 3rd by its context when the old offsets now hold the 2nd', () => {
      const shift = third - nth(ARTICLE, 'Putin', 2);
      const edited = `${'Z'.repeat(shift - 1)} ${ARTICLE}`;
      expect(edited.slice(third, third + 5)).toBe('Putin'); // a plain position check would take this one
      expect(anchor(edited, selectors)).toEqual({ start: third + shift, end: third + shift + 5, method: 'quote' });
    });

    it('is an orphan when its sentence is deleted, rather than jumping to another "Putin"', () => {
      const sentence = find(ARTICLE, 'The Moscow trained');
      const paragraphEnd = ARTICLE.indexOf('\n\n', sentence.start);
      const edited = replaceRange(ARTICLE, { start: sentence.start, end: paragraphEnd + 2 }, '');
      expect(edited.split('Putin')).toHaveLength(6); // five others remain
      expect(anchor(edited, selectors)).toBeNull();
    });

    it('is found fuzzily where it was when the name itself is misspelt', () => {
      const edited = replaceRange(ARTICLE, { start: third, end: third + 5 }, 'Putn');
      expect(anchor(edited, selectors)).toEqual({ start: third, end: third + 4, method: 'fuzzy' });
    });

    it('is an orphan when the name is replaced by another', () => {
      expect(anchor(replaceRange(ARTICLE, { start: third, end: third + 5 }, 'Erdogan'), selectors)).toBeNull();
    });
  });

  it('anchors a range across a paragraph break, and fuzzily once the paragraphs are merged', () => {
    const firstBreak = ARTICLE.indexOf('\n\n');
    const range = { start: firstBreak - 25, end: firstBreak + 2 + 25 };
    const selectors = selectorsFor(ARTICLE, range);
    expect(selectors.quote.exact).toContain('\n\n');
    const shifted = 'Preface.\n\n' + ARTICLE;
    expect(anchor(shifted, selectors)).toEqual({ start: range.start + 10, end: range.end + 10, method: 'quote' });
    const merged = ARTICLE.replace('\n\n', ' ');
    const found = anchor(merged, selectors);
    expect(found?.method).toBe('fuzzy');
    expect(textOf(merged, found)).toBe(selectors.quote.exact.replace('\n\n', ' '));
  });

  it('keeps white space at the edges of a range', () => {
    const word = find(ARTICLE, ' Tiger Forces, ');
    const separator = { start: ARTICLE.indexOf('\n\n'), end: ARTICLE.indexOf('\n\n') + 2 };
    const edited = 'Preface. ' + ARTICLE;
    for (const range of [word, separator, { start: word.start, end: word.start + 1 }]) {
      const found = anchor(edited, selectorsFor(ARTICLE, range));
      expect(found).toEqual({ start: range.start + 9, end: range.end + 9, method: 'quote' });
      expect(textOf(edited, found)).toBe(ARTICLE.slice(range.start, range.end));
    }
  });

  describe('non-Latin text', () => {
    const text = [
      'Путин хочет, чтобы Сирия вернула долг. Россия помогла Асаду выиграть войну.',
      'يريد بوتين من سوريا أن ترد الجميل. ساعدت روسيا الأسد في الحرب.',
      'Family 👨‍👩‍👧‍👦, flag 🇸🇾, faces 😀😃, math 𝒳𝒴, and café spelt cafe\u0301 with a combining mark; n\u0303o, ά, हिन्दी, 中文.',
    ].join('\n\n');
    const pieces = ['Путин', 'Сирия вернула долг', 'بوتين', 'ساعدت روسيا الأسد', '👨‍👩‍👧‍👦', '🇸🇾', '😃', '𝒳', 'cafe\u0301', 'n\u0303o', 'हिन्दी', '中文'];

    it('anchors each piece by position, then by quote after an insertion', () => {
      for (const piece of pieces) {
        const range = find(text, piece);
        const selectors = selectorsFor(text, range);
        expect(anchor(text, selectors)).toEqual({ ...range, method: 'position' });
        const inserted = '😀 Вставка. ';
        const edited = inserted + text;
        const found = anchor(edited, selectors);
        expect(found).toEqual({ start: range.start + inserted.length, end: range.end + inserted.length, method: 'quote' });
        expect(textOf(edited, found)).toBe(piece);
      }
    });

    it('finds an Arabic sentence with a changed word fuzzily', () => {
      const range = find(text, 'ساعدت روسيا الأسد في الحرب');
      const edited = text.replace('ساعدت روسيا', 'ساعدت موسكو');
      const found = anchor(edited, selectorsFor(text, range));
      expect(found?.method).toBe('fuzzy');
      expect(textOf(edited, found)).toBe('ساعدت موسكو الأسد في الحرب');
    });

    it('finds a quote whose emoji changed fuzzily, without splitting a surrogate pair', () => {
      const range = find(text, 'faces 😀😃, math 𝒳𝒴, and café');
      const edited = text.replace('😀😃', '😀😄');
      const found = anchor(edited, selectorsFor(text, range));
      expect(found?.method).toBe('fuzzy');
      expectWholeCodePoints(edited, found!);
      expect(textOf(edited, found)).toBe('faces 😀😄, math 𝒳𝒴, and café');
    });
  });

  it('widens a fuzzy match that would start inside a surrogate pair', () => {
    const original = `${'Some words before the quote, plenty of them. '}Qbcdefghijklmnop and after it more words follow.`;
    const range = find(original, 'Qbcdefghijklmnop');
    const edited = original.replace('Qbcdefghijklmnop', '😀bcdefghijklmnop');
    const found = anchor(edited, selectorsFor(original, range));
    expect(found?.method).toBe('fuzzy');
    expectWholeCodePoints(edited, found!);
    expect(textOf(edited, found)).toMatch(/^(😀)?bcdefghijklmnop$/);
  });

  it('finds a slightly edited sentence fuzzily', () => {
    const range = find(ARTICLE, 'It is very clear why Russia wants payback');
    const edited = ARTICLE.replace('very clear why Russia', 'quite clear why Moscow');
    const found = anchor(edited, selectorsFor(ARTICLE, range));
    expect(found?.method).toBe('fuzzy');
    expect(textOf(edited, found)).toBe('It is quite clear why Moscow wants payback');
  });

  it('finds a sentence fuzzily after a typo fix, even far from where it was', () => {
    const range = find(ARTICLE, 'Russian President Vladmir Putin wants');
    const edited = 'A long new introduction. '.repeat(40) + ARTICLE.replace('Vladmir', 'Vladimir');
    const found = anchor(edited, selectorsFor(ARTICLE, range));
    expect(found?.method).toBe('fuzzy');
    expect(textOf(edited, found)).toBe('Russian President Vladimir Putin wants');
  });

  it('finds a short quote edited twice past a chance match with fewer errors elsewhere', () => {
    const range = find(ARTICLE, 'Tiger Forces');
    const edited = ARTICLE.replace('Tiger Forces', 'Tigr Forcez').replace('The Syrian Observatory', 'The Tiger Forced Syrian Observatory');
    const found = anchor(edited, selectorsFor(ARTICLE, range));
    expect(found?.method).toBe('fuzzy');
    expect(textOf(edited, found)).toBe('Tigr Forcez');
    expect(found?.start).toBe(edited.indexOf('Tigr Forcez'));
  });

  it('is an orphan when the quoted sentence is removed entirely', () => {
    const range = find(ARTICLE, 'Together, they will be the biggest mercenary force in Syria.');
    const edited = replaceRange(ARTICLE, range, '');
    expect(anchor(edited, selectorsFor(ARTICLE, range))).toBeNull();
  });

  it('is an orphan when the quoted sentence is rewritten beyond its error budget', () => {
    const range = find(ARTICLE, 'It is very clear why Russia wants payback');
    const edited = ARTICLE.replace('It is very clear why Russia wants payback', 'Moscow has obvious motives for seeking a return');
    expect(anchor(edited, selectorsFor(ARTICLE, range))).toBeNull();
  });

  describe('a long quote (a whole paragraph)', () => {
    const paragraph = { start: ARTICLE.indexOf('Ukrainian officials'), end: ARTICLE.indexOf('\n\n', ARTICLE.indexOf('Ukrainian officials')) };
    const selectors = selectorsFor(ARTICLE, paragraph);

    it('is longer than the fuzzy search handles whole', () => {
      expect(paragraph.end - paragraph.start).toBeGreaterThan(256);
    });

    it('is found by quote after a shift', () => {
      expect(anchor('Preface. ' + ARTICLE, selectors)).toEqual({ start: paragraph.start + 9, end: paragraph.end + 9, method: 'quote' });
    });

    it('is found fuzzily, whole, when words in its middle change', () => {
      const edited = 'Preface. ' + ARTICLE.replace('will also be joining the recruitment campaign', 'are also joining this recruitment drive');
      const found = anchor(edited, selectors);
      expect(found?.method).toBe('fuzzy');
      expect(textOf(edited, found)).toBe(
        edited.slice(edited.indexOf('Ukrainian officials'), edited.indexOf('\n\n', edited.indexOf('Ukrainian officials'))),
      );
    });

    it('is an orphan when the paragraph is removed', () => {
      expect(anchor(replaceRange(ARTICLE, { start: paragraph.start, end: paragraph.end + 2 }, ''), selectors)).toBeNull();
    });

    it('is an orphan when most of it is cut', () => {
      const cut = replaceRange(ARTICLE, { start: paragraph.start + 130, end: paragraph.end - 130 }, ' ');
      expect(anchor(cut, selectors)).toBeNull();
    });
  });

  it('falls back to the quote when the old position is past the end of a shortened text', () => {
    const range = find(ARTICLE, 'But their arrival will definitely indicate');
    const shortened = ARTICLE.slice(ARTICLE.indexOf('The Ukrainian military'));
    const found = anchor(shortened, selectorsFor(ARTICLE, range));
    expect(found).toEqual({ ...find(shortened, 'But their arrival will definitely indicate'), method: 'quote' });
  });

  it('returns null, not an error, for a selector with an empty quote', () => {
    const broken = {
      quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 1 },
    } satisfies Selectors;
    expect(anchor(ARTICLE, broken)).toBeNull();
  });
});

describe('selectorsFor then anchor, over random ranges of random Unicode text', () => {
  it('returns the same range by position, with valid selectors and whole code points', () => {
    const random = mulberry32(1);
    for (let round = 0; round < 20; round += 1) {
      const text = randomUnicodeText(random, 300);
      for (let i = 0; i < 25; i += 1) {
        const a = Math.floor(random() * text.length);
        const b = Math.floor(random() * text.length);
        if (a === b) continue;
        const selectors = selectorsFor(text, { start: Math.min(a, b), end: Math.max(a, b) });
        const { quote, position } = selectors;
        SelectorsSchema.parse(selectors);
        expectWholeCodePoints(text, position);
        expect(position.start).toBeLessThanOrEqual(Math.min(a, b));
        expect(position.end).toBeGreaterThanOrEqual(Math.max(a, b));
        expect(quote.prefix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        expect(quote.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH);
        for (const part of [quote.exact, quote.prefix, quote.suffix]) expectNoLoneSurrogateAtEdges(part);
        expect(anchor(text, selectors)).toEqual({ start: position.start, end: position.end, method: 'position' });
      }
    }
  });

  it('returns the shifted range after text is inserted before it or in its prefix', () => {
    const random = mulberry32(2);
    for (let round = 0; round < 200; round += 1) {
      const text = randomUnicodeText(random, 300);
      const start = randomBoundary(random, text, 0, text.length - 1);
      const end = randomBoundary(random, text, start + 1, Math.min(text.length, start + 60));
      if (end <= start) continue;
      const selectors = selectorsFor(text, { start, end });
      const at = randomBoundary(random, text, 0, start);
      const inserted = pick(random, ['INSERTED', '«новое»', 'جديد', '🆕', ' ']);
      const edited = insertAt(text, at, inserted);
      const found = anchor(edited, selectors);
      expect(found, JSON.stringify({ round, start, end, at })).toMatchObject({ start: start + inserted.length, end: end + inserted.length });
      expect(found?.method).not.toBe('fuzzy');
    }
  });

  it('finds a longer quote with one character replaced fuzzily, never splitting a surrogate pair', () => {
    const random = mulberry32(3);
    let fuzzy = 0;
    for (let round = 0; round < 200; round += 1) {
      const text = randomUnicodeText(random, 300);
      const start = randomBoundary(random, text, 0, text.length - 80);
      const end = randomBoundary(random, text, start + 40, start + 80);
      const selectors = selectorsFor(text, { start, end });
      const editAt = randomBoundary(random, text, start + 10, end - 10);
      const codePoint = String.fromCodePoint(text.codePointAt(editAt)!);
      const edited = replaceRange(text, { start: editAt, end: editAt + codePoint.length }, codePoint === '#' ? '%' : '#');
      const found = anchor(edited, selectors);
      expect(found).not.toBeNull();
      expectWholeCodePoints(edited, found!);
      expect(found!.start).toBeLessThanOrEqual(editAt);
      expect(found!.end).toBeGreaterThan(editAt);
      expect(Math.abs(found!.start - start)).toBeLessThanOrEqual(2);
      if (found!.method === 'fuzzy') fuzzy += 1;
    }
    expect(fuzzy).toBeGreaterThan(150);
  });
});

// The four faults the peers' suites found (issue 11), and the guards that keep their
// fixes from opening a way to misplace a note.
describe('faults found by the peer suites', () => {
  const SOLITUDE =
    'Many years later, as he faced the firing squad, Colonel Aureliano Buendía was to remember that distant afternoon when his father took him to discover ice';
  const PAGES =
    'than during the recent attacks at Netherfield Park, in which a household of eighteen was slaughtered. "My dear Mr. Bennet," said his lady to him one day, "have you heard thatNetherfield Park is occupied again?" ';
  const quote = (exact: string, prefix = '', suffix = ''): Selectors['quote'] => ({ type: 'TextQuoteSelector', exact, prefix, suffix });
  const at = (start: number, end: number): Selectors['position'] => ({ type: 'TextPositionSelector', start, end });

  it('1: anchors a short verbatim quote with intact context when the stored position is far past the end of the text', () => {
    const text = ARTICLE.slice(0, 496);
    const range = find(text, 'Bashar al-Assad');
    const { quote: q } = selectorsFor(text, range);
    expect(q.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(q.suffix).toHaveLength(CONTEXT_LENGTH);
    expect(anchor(text, { quote: q, position: at(100_000, 100_015) })).toEqual({ ...range, method: 'quote' });
  });

  it('2: scores only the context that can exist where the text starts or ends', () => {
    // Its 18-character prefix reaches the start of the text after 5 characters.
    expect(anchor(SOLITUDE, { quote: quote('years later', 'It used to be many'), position: at(0, 11) })).toEqual({ start: 5, end: 16, method: 'quote' });
    // At the very end no suffix can exist.
    expect(anchor('Some document text', { quote: quote('text', '', 'missing'), position: at(0, 4) })).toEqual({ start: 14, end: 18, method: 'quote' });
  });

  it('2: a text cut short after a quote keeps it, though its suffix is gone', () => {
    const range = find(ARTICLE, 'the price is very high');
    const selectors = selectorsFor(ARTICLE, range);
    const cut = ARTICLE.slice(0, range.end);
    expect(anchor(cut, { ...selectors, position: at(range.start + 40, range.end + 40) })).toEqual({ ...range, method: 'quote' });
  });

  it('2 (guard): context cut by the edge is not agreement, so a full match beats one at the edge', () => {
    // Apache Annotator's describe case: each "a a a" nearer the edges has part of its context cut off.
    expect(anchor('a a a a a a a a a a', { quote: quote('a a a', 'a a a a ', ' a a a'), position: at(0, 5) })).toEqual({ start: 8, end: 13, method: 'quote' });
    expect(anchor('a a a a a a a a a a', { quote: quote('a a a', 'a a a a ', ' a a a'), position: at(14, 19) })).toEqual({ start: 8, end: 13, method: 'quote' });
  });

  it('3: one intact side anchors a short exact quote when the quote with that side occurs once', () => {
    const second = PAGES.indexOf('Netherfield', PAGES.indexOf('heard'));
    expect(anchor(PAGES, { quote: quote('Netherfield', 'DOES NOT MATCH', ' Park is occupied'), position: at(0, 11) })).toEqual({ start: second, end: second + 11, method: 'quote' });
    expect(anchor(PAGES, { quote: quote('Netherfield', 'that', 'DOES NOT MATCH'), position: at(0, 11) })).toEqual({ start: second, end: second + 11, method: 'quote' });
  });

  it('3 (guard): no intact side, or an intact side that occurs twice with the quote, leaves a short quote an orphan', () => {
    expect(anchor(PAGES, { quote: quote('Netherfield', 'bogomips', 'bogomips'), position: at(0, 11) })).toBeNull();
    const twice = PAGES + PAGES.replace('Park is occupied', 'Lodge burnt down');
    expect(anchor(twice, { quote: quote('Netherfield', 'that', 'DOES NOT MATCH'), position: at(0, 11) })).toBeNull();
  });

  it('4: breaks a tie between fuzzy matches by the length closest to the quote', () => {
    const text = 'Vestibulum erat wisi, condimentum sed, commodo vitae, ornare sit amet, wisi.';
    expect(anchor(text, { quote: quote('commodo cites'), position: at(0, 13) })).toEqual({ ...find(text, 'commodo vitae'), method: 'fuzzy' });
  });
});

describe('a stretch of a quote replaced wholesale', () => {
  const SENTENCE = 'It is very clear why Russia wants payback: Putin would prefer Syrian soldiers';
  const range = find(ARTICLE, SENTENCE);
  const selectors = selectorsFor(ARTICLE, range);

  it('orphans the quote, though the whole is within its error budget: the words it quoted are gone', () => {
    const edited = ARTICLE.replace('would prefer', 'has ordered');
    expect(anchor(edited, selectors)).toBeNull();
    // dom-anchor-text-quote's case: the quote's last word is not in the text.
    const text = 'Mauris placerat eleifend leo. Quisque sit amet est et sapien ullamcorper pharetra. Vestibulum erat wisi.';
    const quote = { type: 'TextQuoteSelector', exact: 'Quisque sit amet est et sapien ullam triceracorn', prefix: '', suffix: '' } as const;
    expect(anchor(text, { quote, position: { type: 'TextPositionSelector', start: 0, end: 48 } })).toBeNull();
  });

  it('keeps the quote when the same number of edits is spread through it', () => {
    const edited = ARTICLE.replace('very clear why Russia', 'quite clear why Moscow').replace('Syrian soldiers', 'Syrian troops');
    const found = anchor(edited, selectors);
    expect(found?.method).toBe('fuzzy');
    expect(textOf(edited, found)).toBe('It is quite clear why Moscow wants payback: Putin would prefer Syrian troops');
  });
});

describe('evidence between occurrences', () => {
  const quote = { type: 'TextQuoteSelector', exact: 'approve the budget', prefix: 'the committee met on Tuesday to ', suffix: ' for the coming year, officials s' } as const;

  it('prefers an occurrence with one whole side of its context intact to a near-copy whose both sides half agree', () => {
    const copy = 'Last month the committee met on Monday to approve the budget for the next year, officials said. ';
    const truth = 'Then the committee met on Tuesday to approve the budget — a decision greeted with cheers.';
    const text = copy + truth;
    const start = text.indexOf('approve the budget', copy.length);
    expect(anchor(text, { quote, position: { type: 'TextPositionSelector', start: 0, end: 18 } })).toEqual({ start, end: start + 18, method: 'quote' });
  });

  it('keeps a quote at its stored place, a word edited on each side, over a copy elsewhere with one side intact', () => {
    const sentence = (president: string, comma: string, rest: string): string => `said Russian ${president} Vladimir Putin${comma} ${rest}`;
    const first = `In March, ${sentence('President', ',', 'the army would hold its lines.')} `;
    const second = `Later that week, ${sentence('President', ',', 'talks would resume in Ankara.')}`;
    const selectors = selectorsFor(first + second, find(first + second, 'Putin'));
    const edited = `In March, ${sentence('president', ';', 'the army would hold its lines.')} ` + second;
    expect(anchor(edited, selectors)).toEqual({ ...find(edited, 'Putin'), method: 'position' });
  });

  it('finds a short quote that opened the text where it stood, edited, not at another mention: an empty prefix is no evidence elsewhere', () => {
    const tail = ' wants Syrian soldiers to fight for Russia in Ukraine. Analysts doubt the plan. Last year Vladimir Putin denied any such intent.';
    const selectors = selectorsFor('Vladimir Putin' + tail, { start: 0, end: 14 });
    expect(selectors.quote.prefix).toBe('');
    expect(anchor('Vladimir V. Putin' + tail, selectors)).toEqual({ start: 0, end: 17, method: 'fuzzy' });
  });

  it('finds a short quote that closed the text where it stood, edited, not at another mention: an empty suffix is no evidence elsewhere', () => {
    const head = 'Talks were led by Sergei Lavrov in Geneva. The talks broke down, and blame fell on ';
    const selectors = selectorsFor(head + 'Sergei Lavrov', { start: head.length, end: head.length + 13 });
    expect(selectors.quote.suffix).toBe('');
    expect(anchor(head + 'Sergey Lavrov', selectors)).toEqual({ start: head.length, end: head.length + 13, method: 'fuzzy' });
  });

  it('finds one of a hundred occurrences after quotation marks were put around it, past a near-copy of its sentence', () => {
    const phrase = 'special military operation';
    const report = (own: string): string =>
      Array.from({ length: 100 }, (_, i) =>
        i === 50 ? own : i === 70 ? `The Kremlin still insisted on the ${phrase} in every briefing.` : `Day ${i + 1}: officials described the ${phrase} in region ${i}.`,
      ).join(' ');
    const old = report(`The Kremlin still insists on the ${phrase} in every briefing.`);
    const selectors = selectorsFor(old, find(old, phrase, old.indexOf('insists')));
    const edited = "Editor's note: updated. " + report(`The Kremlin still insists on the \u201c${phrase}\u201d in every briefing.`);
    const start = edited.indexOf(`\u201c${phrase}`) + 1;
    expect(anchor(edited, selectors)).toEqual({ start, end: start + phrase.length, method: 'quote' });
  });

  it('does not take another entry now on the old offsets for the quote, when its own entry, edited, keeps its context', () => {
    const log = 'Port log. 09:00 storm warning for Odesa port, ferries stopped. 10:00 calm seas reported at Odesa port.';
    const selectors = selectorsFor(log, find(log, 'storm warning'));
    const edited = 'Port log. 08:00 storm warning for Izmail port, all shipping halted. 09:00 storm-warning for Odesa port, ferries stopped. 10:00 calm seas reported at Odesa port.';
    expect(edited.slice(selectors.position.start, selectors.position.end)).toBe('storm warning');
    expect(anchor(edited, selectors)).toEqual({ ...find(edited, 'storm-warning'), method: 'fuzzy' });
  });

  it('prefers a long quote edited in place, its context intact, to a verbatim copy elsewhere without it', () => {
    const log = 'Log of the week. On Monday the brigade advanced to the river line near Kherson. On Tuesday the brigade advanced to the river line near Kherson. End.';
    const selectors = selectorsFor(log, find(log, 'the brigade advanced to the river line'));
    const edited = log.replace('river line near Kherson. On Tuesday', 'river-line near Kherson. On Tuesday');
    expect(anchor(edited, selectors)).toEqual({ ...find(edited, 'the brigade advanced to the river-line'), method: 'fuzzy' });
  });

  it('looks for an edited quote near where it was; moved far, it is found only verbatim', () => {
    const range = find(ARTICLE, 'It is very clear why Russia wants payback');
    const selectors = selectorsFor(ARTICLE, range);
    const far = 'A long new introduction. '.repeat(400);
    expect(anchor(far + ARTICLE, selectors)).toEqual({ start: range.start + far.length, end: range.end + far.length, method: 'quote' });
    expect(anchor(far + ARTICLE.replace('very clear', 'quite clear'), selectors)).toBeNull();
    expect(anchor('A new introduction. ' + ARTICLE.replace('very clear', 'quite clear'), selectors)?.method).toBe('fuzzy');
  });
});
