import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blockAt } from './article-document';
import { PARAGRAPH_SEPARATOR, canonicalText, splitTitle } from './canonical-text';
import { mulberry32 } from './testdata/prng';

const ARTICLE = fileURLToPath(new URL('../../resources/articles/putin-wants-syria-to-return-the-favor.txt', import.meta.url));

/** Every paragraph's slice of the text, to check offsets and text agree. */
function slices(content: string): string[] {
  const { text, paragraphs } = canonicalText(content);
  return paragraphs.map((p) => text.slice(p.start, p.end));
}

describe('canonicalText', () => {
  it('turns every run of white space into one space, as the plain rule says, for any mix of white space', () => {
    // The rule spelled plainly, against which the faster replacement is checked.
    const reference = (block: string): string => block.replace(/\s+/g, ' ').trim();
    const alphabet = ['a', 'b', ' ', ' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\f', '\v', 'é', '字'];
    const random = mulberry32(7);
    for (let n = 0; n < 500; n++) {
      let block = '';
      for (let i = Math.floor(random() * 30); i > 0; i--) block += alphabet[Math.floor(random() * alphabet.length)];
      const expected = reference(block);
      expect(canonicalText(`x${block}y`).text).toBe(reference(`x${block}y`));
      if (expected) expect(canonicalText(block).text).toBe(expected);
    }
  });

  it('joins paragraphs with one separator and records their offsets', () => {
    const { text, paragraphs } = canonicalText('First one.\n\nSecond one.');
    expect(text).toBe('First one.\n\nSecond one.');
    expect(paragraphs).toEqual([
      { start: 0, end: 10 },
      { start: 12, end: 23 },
    ]);
    expect(text.slice(paragraphs[0]!.end, paragraphs[1]!.start)).toBe(PARAGRAPH_SEPARATOR);
  });

  it('treats CRLF and lone CR line ends like LF', () => {
    expect(canonicalText('One\r\ntwo\r\n\r\nThree\r\rFour').text).toBe('One two\n\nThree\n\nFour');
  });

  it('collapses several blank lines, and lines of spaces, tabs or no-break spaces, into one break', () => {
    expect(slices('A\n\n\n\n\nB\n \t\u00a0\nC\n\n \n\nD')).toEqual(['A', 'B', 'C', 'D']);
    expect(canonicalText('A\n\n\n\nB').text).toBe('A\n\nB');
  });

  it('collapses newlines and runs of white space inside a paragraph to one space, and trims it', () => {
    expect(canonicalText('  a line\nwrapped\there,\n   and  again  \n\n\tnext ').text).toBe('a line wrapped here, and again\n\nnext');
  });

  it('drops leading and trailing blank lines, and yields nothing for blank content', () => {
    expect(canonicalText('\n\n\nOnly\n\n\n').text).toBe('Only');
    expect(canonicalText('')).toEqual({ text: '', paragraphs: [] });
    expect(canonicalText(' \n\n \t\n')).toEqual({ text: '', paragraphs: [] });
  });

  it('measures offsets in UTF-16 code units', () => {
    const { text, paragraphs } = canonicalText('😀 emoji\n\nпривет');
    expect(paragraphs).toEqual([
      { start: 0, end: 8 },
      { start: 10, end: 16 },
    ]);
    expect(text.slice(10, 16)).toBe('привет');
  });

  it('gives paragraph slices that match the text for the bundled article', () => {
    const { body } = splitTitle(readFileSync(ARTICLE, 'utf8'), 'Untitled');
    const { text, paragraphs } = canonicalText(body);
    expect(paragraphs.length).toBeGreaterThan(3);
    expect(paragraphs.map((p) => text.slice(p.start, p.end)).join(PARAGRAPH_SEPARATOR)).toBe(text);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).not.toMatch(/\n|^\s|\s$/);
  });
});

describe('blockAt over paragraphs', () => {
  const { paragraphs } = canonicalText('Alpha\n\nBeta\n\nGamma'); // 0..5, 7..11, 13..18

  it('finds the paragraph holding an offset, from its first character to its last', () => {
    expect(blockAt(paragraphs, 0)).toBe(0);
    expect(blockAt(paragraphs, 4)).toBe(0);
    expect(blockAt(paragraphs, 7)).toBe(1);
    expect(blockAt(paragraphs, 10)).toBe(1);
    expect(blockAt(paragraphs, 13)).toBe(2);
    expect(blockAt(paragraphs, 17)).toBe(2);
  });

  it('maps an offset at a paragraph end, or inside the separator after it, to that paragraph', () => {
    // As the code behaves today; its doc comment says such an offset belongs to the next one.
    expect(blockAt(paragraphs, 5)).toBe(0);
    expect(blockAt(paragraphs, 6)).toBe(0);
    expect(blockAt(paragraphs, 11)).toBe(1);
    expect(blockAt(paragraphs, 12)).toBe(1);
  });

  it('clamps offsets before the first and after the last paragraph', () => {
    expect(blockAt(paragraphs, -1)).toBe(0);
    expect(blockAt(paragraphs, 18)).toBe(2);
    expect(blockAt(paragraphs, 1000)).toBe(2);
  });

  it('works with a single paragraph', () => {
    expect(blockAt(canonicalText('one').paragraphs, 2)).toBe(0);
  });
});

describe('splitTitle', () => {
  it('takes the first line as the title when a blank line follows it', () => {
    expect(splitTitle('The Title\n\nBody one.\n\nBody two.', 'Fallback')).toEqual({ title: 'The Title', body: 'Body one.\n\nBody two.' });
  });

  it('handles CRLF, a byte-order mark, leading blank lines and a blank line holding spaces', () => {
    expect(splitTitle('\uFEFF\r\n  The Title  \r\n \t\r\nBody.\r\n', 'Fallback')).toEqual({ title: 'The Title', body: 'Body.\n' });
  });

  it('falls back when no blank line follows the first line', () => {
    expect(splitTitle('Line one\nline two\n\nmore', 'Fallback')).toEqual({ title: 'Fallback', body: 'Line one\nline two\n\nmore' });
    expect(splitTitle('Just one line', 'Fallback')).toEqual({ title: 'Fallback', body: 'Just one line' });
    expect(splitTitle('', 'Fallback')).toEqual({ title: 'Fallback', body: '' });
  });

  it('falls back when the first line is too long to be a title', () => {
    const long = 'x'.repeat(301);
    expect(splitTitle(`${long}\n\nBody`, 'Fallback')).toEqual({ title: 'Fallback', body: `${long}\n\nBody` });
    expect(splitTitle(`${'y'.repeat(300)}\n\nBody`, 'Fallback').title).toBe('y'.repeat(300));
  });

  it('splits the bundled article into its title and body', () => {
    const { title, body } = splitTitle(readFileSync(ARTICLE, 'utf8'), 'Untitled');
    expect(title).toBe('Putin Wants Syria to Return the Favor');
    expect(body.startsWith('Russian President Vladmir Putin')).toBe(true);
  });
});
