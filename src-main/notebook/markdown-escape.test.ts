import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Token } from 'markdown-it';
import { blockquoteLines, escapeInline, linkDestination, literalInline, quoteParagraphs, yamlString } from './markdown-escape';
import { blockquotes, formattingTokens, inlineText, parsers } from './testdata/markdown-check';
import { readAll, readPage, RENDERERS, textOf } from './testdata/markdown-readers';
import { hasPandoc, pandocHtml } from './testdata/pandoc';
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

describe('literalInline', () => {
  for (const [name, md] of Object.entries(parsers)) {
    it(`renders exactly the original text as a paragraph (${name})`, () => {
      for (const text of [...TRICKY, ...HOSTILE_PIECES, ...randomTexts(1500, 1)]) {
        const inline = onlyInline(md.parse(literalInline(text, true), {}));
        expect({ text, rendered: inlineText(inline) }).toEqual({ text, rendered: text });
        expect(formattingTokens(inline)).toEqual([]);
      }
    });

    it(`renders exactly the original text as a heading (${name})`, () => {
      for (const text of [...TRICKY, ...randomTexts(500, 2)]) {
        const tokens = md.parse(`## ${literalInline(text)}`, {});
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

  it('keeps "\\r\\n\\n" in one paragraph, which a browser reads as one line break and a blank line', () => {
    expect(quoteParagraphs('a\r\n\nb')).toEqual(['a\r\n\nb']);
    expect(quoteParagraphs('\r\n\n\u202e')).toEqual(['\r\n\n\u202e']);
    // The soak's excerpts: each reader's HTML, read by a browser, shows the quote's text (an HTML parser reads "\r\n" and "\r" as "\n").
    for (const text of ['\r\n\n\u202e', 'שלום\r\r\n\n \n ', 'Ukraine ## \r\n\nuser_name@example.com', 'a\n\n\rb']) {
      const pages = readAll(`## Q\n\n${blockquoteLines(text).join('\n')}\n`);
      for (const [reader, page] of Object.entries(pages)) expect(page.headings[0]!.quoteAfter, `${reader}: ${JSON.stringify(text)}`).toBe(text.replace(/\r\n?/g, '\n'));
    }
  });
});

// ---------------------------------------------------------------------------
// URLs in literal text read and link exactly, in every reader (issue 11)

/** What the four readers show: commonmark.js, markdown-it with linkify, marked (GFM), pandoc's GFM. */
const READERS: Record<string, (markdown: string) => string> = {
  ...RENDERERS,
  'pandoc -f gfm': (markdown) => execFileSync('pandoc', ['-f', 'gfm', '-t', 'html', '--wrap=none'], { input: markdown, encoding: 'utf8' }),
};

const URL_QUOTES = [
  'https://example.com/a_b_(c)',
  'See https://example.com/a_b_(c), then stop.',
  'Source: http://example.org/*starred*/path?q=a_b&r=[1]#frag_x.',
  '(https://en.wikipedia.org/wiki/Bashar_al-Assad)',
  'www.example.com/a_b_c and www.example.org',
  'Mail press_office@example.com or mailto:desk@example.org!',
  'ftp://files.example.com/~user/a_b.txt',
  'https://example.com/%E2%80%94?x=1&amp;y=2',
  'https://例え.jp/パス_1 and https://example.com/a\\b',
  '!www.example.com/x_y and ![not an image](https://example.com/_x_)',
  '<https://example.com/a_b> in brackets',
  'http://x.y/<z> and javascript:alert(1) and //example.com/a_b',
  '!--user_name@example.c',
  '?x@example.com and !y@example.com',
];

/**
 * A link, normalized: readers percent-encode different characters (pandoc none),
 * and a browser's URL parser would read a backslash as a slash.
 */
function resolved(url: string): string {
  return decodeURI(new URL(url.replace(/\\/g, '%5C'), 'http://base.invalid/').href);
}

/** The link a URL in text should get. */
function expectedHref(text: string): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(text)) return resolved(text);
  return resolved(text.includes('@') ? `mailto:${text}` : `http://${text}`);
}

describe('literalInline', () => {
  const doc = URL_QUOTES.map((quote, i) => `## Q${i}\n\n${blockquoteLines(quote).join('\n')}`).join('\n\n');
  for (const [name, render] of Object.entries(READERS)) {
    it(`writes URLs so that they read and link exactly (${name})`, () => {
      const page = readPage(render(doc));
      const quotes = page.headings.map((h) => h.quoteAfter);
      expect(quotes).toEqual(URL_QUOTES);
      const links = page.elements.filter((e) => e.tagName === 'a');
      for (const a of links) {
        const href = a.attrs.find((attr) => attr.name === 'href')!.value;
        expect(resolved(href), `${name}: ${textOf(a)}`).toBe(expectedHref(textOf(a)));
      }
      const hrefs = links.map((a) => a.attrs.find((attr) => attr.name === 'href')!.value);
      expect(hrefs).toContain('https://example.com/a_b_(c)');
    });
  }

  it('links what linkify-it finds, as autolinks where they read as written', () => {
    expect(literalInline('https://example.com/a_b_(c)')).toBe('<https://example.com/a_b_(c)>');
    expect(literalInline('see www.example.com/a_b.')).toBe('see [www\\.example.com/a\\_b](<http://www.example.com/a_b>).');
    expect(literalInline('a_b@example.com')).toBe('<a_b@example.com>');
    expect(literalInline('!www.example.com')).toBe('\\![www\\.example.com](<http://www.example.com>)');
    expect(literalInline('https://example.com/?a=1&amp;b')).toBe('[https\\://example.com/?a=1\\&amp;b](<https://example.com/?a=1&amp;amp;b>)');
    expect(literalInline('example.com a_b', true)).toBe('example.com a\\_b');
    // Not "<!--user_name@example.c>", an HTML comment where it opens a line (export soak, seed 2).
    expect(literalInline('!--user_name@example.c', true)).toBe('[!\\--user\\_name\\@example.c](<mailto:!--user_name@example.c>)');
  });
});

// ---------------------------------------------------------------------------
// Pandoc's own `markdown` reader: smart quotes, superscript, subscript, citations,
// attributes, fancy lists and definition lists must not touch literal text (issue 12)

const PANDOC_TRICKY = [
  "It's \"quoted\" -- and --- dashes... and ellipses",
  'a^b^ and H~2~O and x^2',
  '@doe says [@doe, p. 1] and -@doe',
  '# Heading {#id .class}',
  '[span]{.smallcaps} and `code`{=html}',
  'a. not a list',
  'iv) not a list',
  '(b) not a list',
  '(@) not an example',
  ': not a definition',
  '~ not a definition',
  'term\n\n: definition',
  'A.  two spaces',
  'Mr. Smith and www.example.com...',
  '| line | block',
  '% not a title',
  '^[inline note]',
  '<!-- -->',
];

describe.skipIf(!hasPandoc)("pandoc's markdown reader (pandoc is installed by .ci/run)", () => {
  const texts = [...TRICKY, ...PANDOC_TRICKY, ...HOSTILE_PIECES, ...randomTexts(800, 7)];

  it('reads every quote exactly, paragraphs kept', () => {
    const doc = texts.map((text, i) => `## Q${i}\n\n${blockquoteLines(text).join('\n')}`).join('\n\n');
    const quotes = readPage(pandocHtml(doc)).headings.map((h) => h.quoteAfter);
    expect(quotes).toEqual(texts.map((t) => t.replace(/\r\n?/g, '\n')));
  });

  it('reads every heading exactly', () => {
    const lines = texts.filter((t) => !/[\r\n]/.test(t));
    const page = readPage(pandocHtml(lines.map((text) => `## ${literalInline(text)}`).join('\n\n')));
    expect(page.headings.map((h) => h.text)).toEqual(lines);
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
