import { describe, expect, it } from 'vitest';
import { InlineText } from './inline-text';
import { codeText, collapseSpace } from './white-space';

describe('InlineText', () => {
  it('collapses white space across pieces, with no space at the start or the end', () => {
    const line = new InlineText();
    for (const piece of ['  \n One', ' ', '\t two ', '\u00a0 three\n', '   ']) line.append(piece);
    expect(line.take()).toEqual({ text: 'One two three', marks: [] });
  });

  it('records marks as offsets and shrinks them off the spaces at their ends', () => {
    const line = new InlineText();
    line.append('Read');
    line.openMark('link', 'https://example.org/r');
    line.append(' the ');
    line.openMark('em');
    line.append('full');
    line.closeMark();
    line.append(' report ');
    line.closeMark();
    line.append('now.');
    expect(line.take()).toEqual({
      text: 'Read the full report now.',
      marks: [
        { kind: 'link', start: 5, end: 20, href: 'https://example.org/r' },
        { kind: 'em', start: 9, end: 13 },
      ],
    });
  });

  it('drops marks over nothing but white space, and empties itself when taken', () => {
    const line = new InlineText();
    line.append('a');
    line.openMark('strong');
    line.append('   ');
    line.closeMark();
    line.openMark('em');
    line.closeMark();
    expect(line.isEmpty).toBe(false);
    expect(line.take()).toEqual({ text: 'a', marks: [] });
    expect(line.isEmpty).toBe(true);
    expect(line.take()).toEqual({ text: '', marks: [] });
  });

  it('carries a mark still open into the next block', () => {
    const line = new InlineText();
    line.openMark('link', 'https://example.org/');
    line.append('one ');
    expect(line.take()).toEqual({ text: 'one', marks: [{ kind: 'link', start: 0, end: 3, href: 'https://example.org/' }] });
    line.append(' two');
    line.closeMark();
    line.append(' after');
    expect(line.take()).toEqual({ text: 'two after', marks: [{ kind: 'link', start: 0, end: 3, href: 'https://example.org/' }] });
  });

  it('appends content gathered apart, with its marks moved and one space between', () => {
    const cell = new InlineText();
    cell.openMark('strong');
    cell.append('B');
    cell.closeMark();
    const row = new InlineText();
    row.append('A |');
    row.appendContent(cell.take());
    row.appendContent({ text: '', marks: [] });
    expect(row.take()).toEqual({ text: 'A | B', marks: [{ kind: 'strong', start: 4, end: 5 }] });
  });
});

describe('white space', () => {
  it('collapseSpace makes every run one space and trims', () => {
    expect(collapseSpace('\n  A  title\twith\u00a0gaps \r\n')).toBe('A title with gaps');
  });

  it('codeText keeps lines and indentation, dropping blank lines and trailing spaces', () => {
    expect(codeText('\n\nfunction f() {  \r\n  return 1;\r\n\r\n   \n\t}\n\n')).toBe('function f() {\n  return 1;\n\t}');
  });
});
