import { describe, expect, it } from 'vitest';
import type { Token } from 'markdown-it';
import { blockquoteLines, escapeInline, linkDestination, quoteParagraphs, yamlString } from './markdown-escape';
import { blockquotes, formattingTokens, inlineText, parsers } from './testdata/markdown-check';
import { HOSTILE_PIECES, hostileText, seeded } from './testdata/random';

const TRICKY = [
  '# not a heading',
  '> not a quote',
  '- not a list',
  '+ not a list',
  '* not a list',
  '1. not a list',
  '40,000. Syrian soldiers',
  '1) either',
  '===',
  '---',
  '- - -',
  '***',
  '___',
  '| a | b |',
  '[x] done',
  '[ ] open',
  '*emphasis* and _emphasis_ and **strong** and __strong__',
  '`code` and ``code``',
  '<b>bold</b> and <script>alert(1)</script> and <!-- comment -->',
  '&amp; &copy; &#32; &#x41; AT&T Q&A &',
  'back\\slash \\* and a final backslash\\',
  '[link](http://example.com) ![image](x.png) [ref][] [^1]',
  '<https://example.com> www.example.com user@example.com',
  '~~strike~~ ~single~',
  '$x^2$ and $$math$$',
  '   leading spaces',
  'trailing spaces   ',
  '\tleading tab',
  'trailing tab\t',
  ' ',
  '\t',
  'mid\ttab',
  'line\nbreak',
  'para\n\nbreak',
  'three\n\n\nbreaks',
  'crlf\r\nline',
  'cr\ronly',
  '\n\nleading breaks',
  'trailing breaks\n\n',
  '\n',
  '\u00a0no-break space edges\u00a0',
  '\u2028line separator\u2029',
  '\ufeffbom',
  'Putin’s “quotes” — and … dashes',
  '日本語 😀 👩‍👩‍👧 🇫🇷 مرحبا שלום \u202e reversed',
  'e\u0301 a\u0308\u0301 combining marks',
  '\u0085next line\u0085',
  '\u000bvertical tab',
];

function randomTexts(count: number, seed: number): string[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => hostileText(random)).filter((t) => t.length > 0);
}

function onlyInline(tokens: Token[]): Token {
  const types = tokens.map((t) => t.type);
  expect(types).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
  return tokens[1]!;
}

describe('escapeInline', () => {
  for (const [name, md] of Object.entries(parsers)) {
    it(`renders exactly the original text as a paragraph (${name})`, () => {
      for (const text of [...TRICKY, ...HOSTILE_PIECES, ...randomTexts(1500, 1)]) {
        const inline = onlyInline(md.parse(escapeInline(text, true), {}));
        expect({ text, rendered: inlineText(inline) }).toEqual({ text, rendered: text });
        expect(formattingTokens(inline)).toEqual([]);
      }
    });

    it(`renders exactly the original text as a heading (${name})`, () => {
      for (const text of [...TRICKY, ...randomTexts(500, 2)]) {
        const tokens = md.parse(`## ${escapeInline(text)}`, {});
        expect(tokens.map((t) => t.type)).toEqual(['heading_open', 'inline', 'heading_close']);
        expect(inlineText(tokens[1]!)).toBe(text);
      }
    });
  }

  it('never writes a line break, and leaves plain prose alone', () => {
    for (const text of randomTexts(500, 3)) expect(escapeInline(text)).not.toMatch(/[\r\n]/);
    expect(escapeInline('Putin wants Syria to return the favor, 40,000 soldiers (al-Assad).')).toBe(
      'Putin wants Syria to return the favor, 40,000 soldiers (al-Assad).',
    );
    expect(escapeInline('40,000. Syrian', true)).toBe('40,000. Syrian');
    expect(escapeInline('1. Syrian', true)).toBe('1\\. Syrian');
    expect(escapeInline('- x', true)).toBe('\\- x');
    expect(escapeInline('- x', false)).toBe('- x');
    expect(escapeInline(' x ')).toBe('&#32;x&#32;');
  });
});

describe('blockquoteLines', () => {
  for (const [name, md] of Object.entries(parsers)) {
    it(`quotes exactly the original text, paragraphs kept (${name})`, () => {
      for (const text of [...TRICKY, ...randomTexts(1500, 4)]) {
        const quotes = blockquotes(md.parse(blockquoteLines(text).join('\n'), {}));
        expect(quotes).toHaveLength(1);
        expect({ text, rendered: quotes[0]!.text }).toEqual({ text, rendered: text });
        expect(quotes[0]!.formatting).toEqual([]);
        expect(quotes[0]!.onlyParagraphs).toBe(true);
      }
    });
  }

  it('makes one paragraph per canonical paragraph', () => {
    expect(quoteParagraphs('one\n\ntwo\n\nthree')).toEqual(['one', 'two', 'three']);
    expect(quoteParagraphs('\n\none')).toEqual(['\n\none']);
    expect(quoteParagraphs('one\n\n\ntwo')).toEqual(['one\n\n\ntwo']);
    expect(blockquoteLines('one\n\ntwo')).toEqual(['> one', '>', '> two']);
  });
});

describe('yamlString', () => {
  it('is a one-line double-quoted scalar that reads back as the original', () => {
    for (const text of [...TRICKY, 'title: with colon', '"quoted"', "it's", '- dash', '# hash', ...randomTexts(500, 5)]) {
      const yaml = yamlString(text);
      expect(yaml).toMatch(/^"[^\n\r\u0085\u2028\u2029]*"$/);
      // YAML 1.2 double-quoted escapes are a superset of JSON's, so JSON reads it the same.
      expect(JSON.parse(yaml)).toBe(text);
    }
  });
});

describe('linkDestination', () => {
  it('links web URLs only, and keeps them in one piece', () => {
    expect(linkDestination('https://example.com/a b(c)')).toBeNull();
    expect(linkDestination('https://example.com/a(b)')).toBe('<https://example.com/a(b)>');
    expect(linkDestination('javascript:alert(1)')).toBeNull();
    expect(linkDestination('file:///etc/passwd')).toBeNull();
    const md = parsers.gfm;
    const html = md.render(`[x](${linkDestination('https://example.com/path_(x)?q=1&r=*')!})`);
    expect(html).toContain('href="https://example.com/path_(x)?q=1&amp;r=*"');
  });
});
