import { describe, expect, it } from 'vitest';
import { noteInSentence, noteName, plainText } from './plain-text';

describe('plainText', () => {
  it('keeps the words of emphasis, links, code and images, and drops their syntax', () => {
    expect(plainText('A **bold** and _em_ claim, ~~struck~~, `co<de>` and [the ministry](https://example.org "t") ![a map](map.png)')).toBe(
      'A bold and em claim, struck, co<de> and the ministry a map',
    );
  });

  it('gives one line per block: headings, paragraphs, list items, quotes, table rows, code lines', () => {
    const body = ['# Who *paid*?', '', 'Soft', 'wrapped  line', '', '- [ ] ask _them_', '- [x] done', '  1. nested', '', '> quoted', '', '| a | b |', '|---|---|', '| c | **d** |', '', '```js', 'let x = 1;', 'x++;', '```', '', '---', '', '[ref]: https://example.org'].join('\n');
    expect(plainText(body).split('\n')).toEqual(['Who paid?', 'Soft wrapped line', 'ask them', 'done', 'nested', 'quoted', 'a b', 'c d', 'let x = 1;', 'x++;']);
  });

  it('drops HTML tags, inline or in a block, and keeps the text they wrap', () => {
    expect(plainText('Say <b>hi</b> now')).toBe('Say hi now');
    expect(plainText('<div>\nblock <i>text</i>\n</div>')).toBe('block text');
  });

  it('keeps escaped characters and characters Markdown does not use as syntax', () => {
    expect(plainText('5 \\* 3 \\_not em\\_ & < > "quotes" 100%')).toBe('5 * 3 _not em_ & < > "quotes" 100%');
  });

  it('is empty for an empty body or one of syntax only', () => {
    expect(plainText('')).toBe('');
    expect(plainText('  \n\n---\n')).toBe('');
  });
});

describe('noteName', () => {
  it('is the first line of the plain text', () => {
    expect(noteName('## **Ask** the [ministry](https://example.org)\n\nfor the dates')).toBe('Ask the ministry');
  });

  it('is cut at the limit with an ellipsis, and only when longer', () => {
    expect(noteName('x'.repeat(80))).toBe('x'.repeat(80));
    expect(noteName(`*${'word '.repeat(30).trim()}*`)).toBe(`${'word '.repeat(16).trimEnd()}…`);
    expect(noteName('abcdefghij', 5)).toBe('abcd…');
  });

  it('asks again for the same body and gets the same name (cached per limit)', () => {
    expect(noteName('**same** body', 6)).toBe('same…');
    expect(noteName('**same** body')).toBe('same body');
    expect(noteName('**same** body', 6)).toBe('same…');
  });
});

describe('noteInSentence', () => {
  it('names the note by its kind and plain text, or by its kind alone while it is empty', () => {
    expect(noteInSentence({ kind: 'lead', body: 'Ask the **ministry**' })).toBe('the lead “Ask the ministry”');
    expect(noteInSentence({ kind: 'annotation', body: '  ' })).toBe('the annotation');
  });
});

describe('plainText, as the card shows the note', () => {
  it('reads entities as characters', () => {
    expect(plainText('AT&amp;T &copy; and &lt;script&gt;')).toBe('AT&T © and <script>');
  });
  it('leaves out what the card hides: script and style content, block or inline', () => {
    expect(plainText('<style>.x{color:red}</style>\n\nThe real remark')).toBe('The real remark');
    expect(plainText('Before <script>alert(1)</script> after')).toBe('Before after');
  });
  it('names an image by its alt text without the tags in it', () => {
    expect(plainText('![see <b>this</b> chart](x.png) then call')).toBe('see this chart then call');
  });
});
