import { describe, expect, it } from 'vitest';
import { plainTextDocument } from '@shared/article-document';
import type { TextRange } from '@shared/anchoring/text-range';
import { adjustEndByWord, extendBySentence, nextSentence, previousSentence, sentenceFrom, spokenChoice, type Cursor } from './text-cursor';

const doc = plainTextDocument('The army moved north. It stopped at the river! Nobody knows why.\n\nA second paragraph starts here. And ends here.');
const words = (range: TextRange | null): string | null => (range ? doc.text.slice(range.start, range.end) : null);
const at = (sentence: string): TextRange => {
  const start = doc.text.indexOf(sentence);
  return { start, end: start + sentence.length };
};

describe('sentence steps', () => {
  it('starts at the first sentence starting at or after the top of the view', () => {
    expect(words(sentenceFrom(doc, 0))).toBe('The army moved north.');
    expect(words(sentenceFrom(doc, 5))).toBe('It stopped at the river!');
    expect(words(sentenceFrom(doc, doc.text.indexOf('ends here') + 1))).toBe('And ends here.');
  });

  it('moves to the next and previous sentence, across paragraphs, without the white space between', () => {
    expect(words(nextSentence(doc, at('It stopped at the river!')))).toBe('Nobody knows why.');
    expect(words(nextSentence(doc, at('Nobody knows why.')))).toBe('A second paragraph starts here.');
    expect(words(previousSentence(doc, at('A second paragraph starts here.')))).toBe('Nobody knows why.');
    expect(words(previousSentence(doc, at('It stopped at the river!')))).toBe('The army moved north.');
  });

  it('stops at the ends of the article', () => {
    expect(nextSentence(doc, at('And ends here.'))).toBeNull();
    expect(previousSentence(doc, at('The army moved north.'))).toBeNull();
  });

  it('from a choice made with the mouse mid-sentence, goes to the sentence after its end', () => {
    expect(words(nextSentence(doc, { start: 4, end: 8 }))).toBe('It stopped at the river!');
  });

  it('does not end a sentence at a title or an abbreviation such as "Mr." or "e.g."', () => {
    const titled = plainTextDocument('Mr. Smith met Dr. Jones, e.g. at noon. Then they left. See fig. 3 and vs. the rest etc. Last one.');
    const sentences: string[] = [];
    for (let s = sentenceFrom(titled, 0); s; s = nextSentence(titled, s)) sentences.push(titled.text.slice(s.start, s.end));
    expect(sentences).toEqual(['Mr. Smith met Dr. Jones, e.g. at noon.', 'Then they left.', 'See fig. 3 and vs. the rest etc.', 'Last one.']);
  });

  it('finds nothing in an empty article', () => {
    const empty = { text: '', blocks: [] };
    expect(sentenceFrom(empty, 0)).toBeNull();
    expect(nextSentence(empty, { start: 0, end: 0 })).toBeNull();
  });
});

describe('extendBySentence', () => {
  const one: Cursor = { ...at('It stopped at the river!'), focus: 'end' };
  const text = (cursor: Cursor | null): string | null => words(cursor);

  it('grows the end with Shift+↓ and gives it back with Shift+↑', () => {
    const two = extendBySentence(doc, one, 1)!;
    expect(text(two)).toBe('It stopped at the river! Nobody knows why.');
    const three = extendBySentence(doc, two, 1)!;
    expect(text(three)).toBe('It stopped at the river! Nobody knows why.\n\nA second paragraph starts here.');
    expect(text(extendBySentence(doc, three, -1))).toBe('It stopped at the river! Nobody knows why.');
    expect(text(extendBySentence(doc, two, -1))).toBe('It stopped at the river!');
  });

  it('grows upwards from a single sentence with Shift+↑, and Shift+↓ then gives back at the top', () => {
    const up = extendBySentence(doc, one, -1)!;
    expect(up.focus).toBe('start');
    expect(text(up)).toBe('The army moved north. It stopped at the river!');
    expect(text(extendBySentence(doc, up, 1))).toBe('It stopped at the river!');
  });

  it('completes a choice that ends mid-sentence to that sentence’s end', () => {
    expect(text(extendBySentence(doc, { start: 0, end: 8, focus: 'end' }, 1))).toBe('The army moved north.');
  });

  it('says when there is nothing further', () => {
    expect(extendBySentence(doc, { ...at('And ends here.'), focus: 'end' }, 1)).toBeNull();
    expect(extendBySentence(doc, { ...at('The army moved north.'), focus: 'end' }, -1)).toBeNull();
  });
});

describe('adjustEndByWord', () => {
  it('takes the next word in, skipping punctuation and white space, across paragraphs', () => {
    expect(words(adjustEndByWord(doc, at('It stopped'), 1))).toBe('It stopped at');
    expect(words(adjustEndByWord(doc, at('Nobody knows why.'), 1))).toBe('Nobody knows why.\n\nA');
  });

  it('gives back the last word, the punctuation after it first', () => {
    expect(words(adjustEndByWord(doc, at('It stopped at the river!'), -1))).toBe('It stopped at the river');
    expect(words(adjustEndByWord(doc, at('It stopped at the river'), -1))).toBe('It stopped at the');
  });

  it('never gives back the only word', () => {
    expect(adjustEndByWord(doc, at('It'), -1)).toBeNull();
    expect(adjustEndByWord(doc, at('And ends here.'), 1)).toBeNull();
  });

  it('counts words of scripts without spaces as the browser segments them', () => {
    const cjk = plainTextDocument('我们今天去北京。');
    const first = adjustEndByWord(cjk, { start: 0, end: 1 }, 1)!;
    expect(first.end).toBeGreaterThan(1);
    expect(first.end).toBeLessThan(cjk.text.length);
  });
});

describe('spokenChoice', () => {
  it('reads short choices whole, flattened', () => {
    expect(spokenChoice('It stopped\n\nat the river!')).toBe('It stopped at the river!');
  });

  it('cuts long choices in the middle, at word boundaries', () => {
    const long = `${'alpha '.repeat(40)}the very end.`;
    const spoken = spokenChoice(long, 60);
    expect(spoken.length).toBeLessThanOrEqual(63);
    expect(spoken).toMatch(/^alpha alpha .* … .*the very end\.$/);
  });
});
