import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { describe, expect, it } from 'vitest';
import { embedMarkdown, isInertMarkdown, rewriteMarkdown } from './markdown-embed';
import { readAll, readPage, type Page } from './testdata/markdown-readers';
import { hasPandoc, pandocHtml } from './testdata/pandoc';
import { hostileBody, seeded } from './testdata/random';

/** A failing case, printed so that invisible characters show. */
function ascii(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

describe('embedMarkdown', () => {
  it('demotes ATX and setext headings below the given level', () => {
    expect(embedMarkdown('# One\ntext\n## Two ##\n### Three', 4, 'n1-')).toEqual(['#### One', 'text', '##### Two ##', '###### Three']);
    expect(embedMarkdown('Title\n=====\nSub\n---', 3, 'n1-')).toEqual(['### Title', '', '#### Sub']);
    expect(embedMarkdown('> # In a quote\n- ## In a list', 4, 'n1-')).toEqual(['> #### In a quote', '- ##### In a list']);
    expect(embedMarkdown('> Two\\\n> lines\n> ===\n> after', 4, 'n1-')).toEqual(['> #### Two lines', '>', '> after']);
  });

  it('turns headings deeper than h6 into strong text on a paragraph of their own', () => {
    expect(embedMarkdown('before\n#### Deep\nafter', 4, 'n1-')).toEqual(['before', '', '**Deep**', '', 'after']);
    expect(embedMarkdown('> #### Deep *x*\n> after', 4, 'n1-')).toEqual(['> <strong> Deep *x* </strong>', '>', '> after']);
    expect(embedMarkdown('Multi\nline\n---', 6, 'n1-')).toEqual(['**Multi line**']);
    expect(embedMarkdown('- a\n  #### \n  b', 4, 'n1-')).toEqual(['- a', '', '  <strong></strong>', '', '  b']);
  });

  it('leaves what only looks like a heading alone', () => {
    const body = '```\n# code\n```\n    # indented code\n\n\\# escaped';
    expect(embedMarkdown(body, 4, 'n1-')).toEqual(body.split('\n'));
    expect(embedMarkdown('#hashtag\n####### seven', 4, 'n1-')).toEqual(['\\#hashtag', '\\####### seven']);
    expect(embedMarkdown('[ref]: /url\n===', 4, 'n1-')).toEqual(['[n1-1]: /url', '\\===']);
  });

  it('keeps GFM tables from reading as setext headings to plain CommonMark', () => {
    expect(embedMarkdown('a | b\n-|-\n===\n--\n---', 4, 'n1-')).toEqual(['a | b', '-|-', '\\===', '\\--', '', '___']);
    expect(embedMarkdown('> a | b\n> -|-\n> -', 4, 'n1-')).toEqual(['> a | b', '> -|-', '>', '> -']);
  });

  it('closes a code fence left open where it was opened, which would swallow the document', () => {
    expect(embedMarkdown('```js\ncode', 4, 'n1-')).toEqual(['```js', 'code', '```']);
    expect(embedMarkdown('~~~~\ncode\n~~~', 4, 'n1-')).toEqual(['~~~~', 'code', '~~~', '~~~~']);
    expect(embedMarkdown('```\ncode\n```', 4, 'n1-')).toEqual(['```', 'code', '```']);
    expect(embedMarkdown('> ```\n> code\n\nafter', 4, 'n1-')).toEqual(['> ```', '> code', '> ```', '', 'after']);
    expect(embedMarkdown('1. ```\n   code', 4, 'n1-')).toEqual(['1. ```', '   code', '   ```']);
    // Issue 9: commonmark.js reads a top-level fence, markdown-it and marked one in a list item.
    expect(embedMarkdown('[x]: http://x\n-\n   ```', 4, 'n1-')).toEqual(['[n1-1]: http://x', '\\-', '', '   ```', '   ```']);
  });

  it('escapes raw HTML so that it reads as text, and keeps autolinks', () => {
    expect(embedMarkdown('<details>\n# x\n<s>strike', 4, 'n1-')).toEqual(['&lt;details>', '#### x', '&lt;s>strike']);
    expect(embedMarkdown('a <a id="e3">b</a> <https://example.com>', 4, 'n1-')).toEqual(['a &lt;a id="e3">b&lt;/a> <https://example.com>']);
    expect(embedMarkdown('<h1>Title</h1>', 4, 'n1-')).toEqual(['&lt;h1>Title&lt;/h1>']);
    expect(embedMarkdown('<!-- open\n\n```', 4, 'n1-')).toEqual(['&lt;!-- open', '', '```', '```']);
    expect(embedMarkdown('\\\\<b>x</b>', 4, 'n1-')).toEqual(['\\\\&lt;b>x&lt;/b>']);
    // marked would take a backslash into the URL before it, and read "<div>" as HTML.
    expect(embedMarkdown('www.example.com<div>', 4, 'n1-')).toEqual(['www.example.com&lt;div>']);
  });

  it('gives link and footnote labels the note\'s own names, so that they apply to it only', () => {
    const body = '[a][Foo  Bar] [foo bar][] [x] ![x] [t\\]][x] [y] [^1]\n\n[foo bar]: /u "t"\n[X]: http://x\n\n[^1]: note';
    expect(embedMarkdown(body, 4, 'n7-')).toEqual([
      '[a][n7-1] [foo bar][n7-1] [x][n7-2] ![x][n7-2] [t\\]][n7-2] [y] [^n7-3]',
      '',
      '[n7-1]: /u "t"',
      '[n7-2]: http://x',
      '',
      '[^n7-3]: note',
    ]);
  });

  it('drops blank lines at either end and keeps inner indentation', () => {
    expect(embedMarkdown('\n\n  \n    code\n\n', 4, 'n1-')).toEqual(['    code']);
    expect(embedMarkdown('   ', 4, 'n1-')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Random bodies, read by micromark (the parser the rewrite follows) and by three other readers

const read = (markdown: string) =>
  fromMarkdown(markdown, {
    extensions: [gfmTable(), gfmFootnote(), gfmTaskListItem()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmTaskListItemFromMarkdown()],
  });

function normalized(text: string): string {
  return text.replace(/[ \t\n]+/g, ' ').trim();
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return '\n';
  return 'children' in node ? node.children.map(plainText).join('') : '';
}

/** A paragraph that is the strong stand-in of a deep heading: "**x**" or "<strong> x </strong>". */
function isStrongParagraph(node: Nodes): boolean {
  if (node.type !== 'paragraph') return false;
  const [first, ...rest] = node.children;
  if (first?.type === 'strong' && rest.length === 0) return true;
  const last = rest[rest.length - 1];
  return first?.type === 'html' && first.value === '<strong>' && last?.type === 'html' && last.value === '</strong>';
}

/**
 * The body's block structure, headings mapped to the level they should have after
 * demotion ("STRONG" beyond 6). List spread is left out: separating a strong line
 * from its neighbours may loosen a list.
 */
function shape(source: string, node: Nodes, shift: number, out: string[] = []): string[] {
  if (node.type === 'heading') {
    const level = node.depth + shift;
    out.push(level > 6 ? 'STRONG' : `h${level}`, normalized(plainText(node)));
  } else if (isStrongParagraph(node)) {
    out.push('STRONG', normalized(plainText(node)));
  } else if (node.type === 'text' || node.type === 'code') {
    out.push(`${node.type}:${node.value}`);
  } else if (node.type === 'inlineCode') {
    // A line break in a code span reads as a space (the rewrite writes code spans on one line).
    out.push(`${node.type}:${node.value.replace(/\n/g, ' ')}`);
  } else {
    out.push(node.type);
    if ('children' in node) for (const child of mergeCode(source, node.children)) shape(source, child, shift, out);
  }
  return out;
}

/**
 * Indented code blocks on adjacent lines as one: micromark ends one right under a
 * quote at its first line and starts another (the other readers read one), and the
 * blank line the rewrite writes after the quote makes them one to micromark too.
 */
function mergeCode(source: string, children: Nodes[]): Nodes[] {
  const indented = (node: Nodes | undefined): boolean => node?.type === 'code' && !/^[`~]/.test(source.slice(node.position!.start.offset));
  const merged: Nodes[] = [];
  for (const child of children) {
    const last = merged[merged.length - 1];
    if (indented(child) && indented(last) && last!.position!.end.line + 1 === child.position!.start.line && last!.type === 'code' && child.type === 'code') {
      merged[merged.length - 1] = { ...last, value: `${last.value}\n${child.value}`, position: { start: last.position!.start, end: child.position!.end } };
    } else merged.push(child);
  }
  return merged;
}

/** Tags a Markdown reader writes by itself; anything else came from raw HTML in a body. */
const MARKDOWN_TAGS = new Set([
  'html', 'head', 'body', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong',
  'del', 's', 'a', 'img', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input',
]);

function checkIsolated(page: Page, minLevel: number, reader: string, context: string): void {
  const where = `${reader}: ${context}`;
  const own = page.headings.filter((h) => h.text === 'SECTION' || h.text === 'AFTER');
  expect(own.map((h) => `${h.level}:${h.text}:${h.topLevel}:${h.swallowedBy}`), where).toEqual(['2:SECTION:true:null', '2:AFTER:true:null']);
  for (const h of page.headings.filter((x) => !own.includes(x))) expect(h.level, where).toBeGreaterThanOrEqual(minLevel);
  expect(page.items.map((i) => `${i.text}:${i.swallowedBy}`).slice(-1), where).toEqual(['[ ] LEAD:null']);
  expect(page.ids, where).toEqual([]);
  // <strong> is the stand-in for a deep heading, balanced by construction.
  expect(page.elements.map((e) => e.tagName).filter((tag) => !MARKDOWN_TAGS.has(tag)), where).toEqual([]);
}

/**
 * The body under a section, and in a lead's task item as the export indents it: in
 * every reader, it changes nothing outside itself.
 */
function expectIsolated(body: string, minLevel = 3): void {
  const embedded = embedMarkdown(body, minLevel, 'n1-');
  const marker = embedded.some((line) => line.includes('\t')) ? '-   ' : '- ';
  const indented = embedded.map((line) => (line === '' ? '' : ' '.repeat(marker.length) + line));
  const docs = {
    annotation: ['## SECTION', '', ...embedded, '', '## AFTER', '', '- [ ] LEAD', ''],
    lead: ['## SECTION', '', `${marker}[ ] LEAD`, '', ...indented, '', '## AFTER', '', '- [ ] LEAD', ''],
  };
  for (const [where, doc] of Object.entries(docs)) {
    for (const [reader, page] of Object.entries(readAll(doc.join('\n')))) checkIsolated(page, minLevel, reader, ascii({ where, body, embedded }));
  }
}

// Bodies that commonmark.js, markdown-it or marked read apart from micromark, each the
// smallest found by the export soak (npm run soak) for its kind.
describe('embedMarkdown where the readers part ways', () => {
  it('puts a blank line between a quote or list and an indented code block under it (markdown-it goes on with the quote, marked with the item)', () => {
    expect(embedMarkdown('>\n\t><!--', 3, 'n1-')).toEqual(['>', '', '    ><!--']);
    expect(embedMarkdown('>-\n    #', 3, 'n1-')).toEqual(['>-', '', '    #']);
    for (const body of ['>\n\t><!--', '>\n    ><b>', '>```\n\t><!--', '>-\n\t#', '>-\n    #', '>+\n\t#']) expectIsolated(body);
  });

  it('writes the tabs of container markers and indentation as spaces (marked counts a tab after a list marker as three)', () => {
    expect(embedMarkdown('> - \t#', 3, 'n1-')).toEqual(['> -     #']);
    expect(embedMarkdown('- x\n\n\t\tcode\tkept', 3, 'n1-')).toEqual(['- x', '', '        code\tkept']);
    for (const body of ['> - \t#', ' - -\t #', '- a\n\t\t# code', '>\t-\t# x']) expectIsolated(body);
  });

  it('puts a blank line between a block and a list opening with an empty item (marked reads "-" under a lazy line as a setext underline)', () => {
    expect(embedMarkdown('>- t \n3\n-', 3, 'n1-')).toEqual(['>- t ', '3', '', '-']);
    for (const body of ['>- t \n3\n-', '>- i \n]\n-', '<\n1.\t\'\n-']) expectIsolated(body);
  });

  it('writes white space that only JavaScript trims as a character reference when it is all a line holds (marked reads the item as empty)', () => {
    expect(embedMarkdown('* \ufeff\n-', 3, 'n1-')).toEqual(['* &#65279;', '', '-']);
    expect(embedMarkdown('- [\n  - \u2028', 3, 'n1-')).toEqual(['- [', '  - &#8232;']);
    expect(embedMarkdown('a\u00a0b\n\u00a0 x', 3, 'n1-')).toEqual(['a\u00a0b', '\u00a0 x']);
    for (const body of ['* \ufeff\n-', '1. \ufeff\n-', '- [\n  - \u2028', '>- m\n>\t- \u2028', '- \u00a0\n-', '> \u3000\n---']) expectIsolated(body);
  });

  it('drops the indentation of the line after a link reference definition (markdown-it and marked read it as a new block: code)', () => {
    expect(embedMarkdown('[x]:x\n\ty\n2) ##', 3, 'n1-')).toEqual(['[n1-1]:x', 'y', '2\\) ##']);
    expect(embedMarkdown('> [x]: /u\n>     [y]: /v', 3, 'n1-')).toEqual(['> [n1-1]: /u', '> [n1-2]: /v']);
    for (const body of ['[x]:x\n\ty\n2) ##', '[x]: /u\n    # y', '> [x]: /u\n>     2. # y']) expectIsolated(body);
  });

  it('escapes an ordered list marker on any line of a paragraph (marked reads a lazy "1. #" as a list in the item above)', () => {
    expect(embedMarkdown('>- n\n    1. #', 3, 'n1-')).toEqual(['>- n', '    1\\. #']);
    expect(isInertMarkdown('1. one\n2. two\n   wrapped\n3. three')).toBe(true);
    expect(isInertMarkdown('> quoted\n2. lazy')).toBe(false);
    for (const body of ['>- n\n    1. #', '- a\n2. # b', '> a\n3) # b']) expectIsolated(body);
  });

  it('escapes a table header that reads as a link reference definition without tables (every lead\'s "[x]" would link)', () => {
    expect(embedMarkdown('[x]: http://x\n| --- |', 3, 'n1-')).toEqual(['\\[x]: http://x', '| --- |']);
    for (const body of ['[x]: http://x\n| --- |', '- [x] a\n  [x]: /u | b\n  -|-']) expectIsolated(body);
  });

  it('puts a blank line between a paragraph and a table under it (without tables, its header is the URL of a definition left open)', () => {
    expect(embedMarkdown('[x]:\nclaims\n| --- |', 3, 'n1-')).toEqual(['[x]:', '', 'claims', '| --- |']);
    for (const body of ['[x]:\nclaims***40,000. \n| --- |\n===', '[x]:\n<![CDATA[\n| --- |', '> [x]:\n> a | b\n> -|-']) expectIsolated(body);
  });

  it('escapes an ordered list marker opening a table (without tables, "0. m" under a blank line is a list that takes in the code below)', () => {
    expect(embedMarkdown('e\n0. m\n|-\n\t#', 3, 'n1-')).toEqual(['e', '', '0\\. m', '|-', '', '    #']);
    for (const body of ['e\n0. m\n|-\n\t#', '2) a | b\n-|-\n\n    # x']) expectIsolated(body);
  });

  it('puts a blank line before any list item that opens empty right under a line (marked reads "-" as a setext underline)', () => {
    expect(embedMarkdown('-    \u03a9\n`\n-', 3, 'n1-')).toEqual(['-    \u03a9', '`', '', '-']);
    for (const body of ['-    \u03a9\n`\n-', '- a\nb\n-', '1. a\n   b\n2.']) expectIsolated(body);
  });

  it('writes pipes in a fence\'s info string as character references (markdown-it reads a one-column table before a fence)', () => {
    expect(embedMarkdown('```|\n|-', 3, 'n1-')).toEqual(['```&#124;', '|-', '```']);
    expect(embedMarkdown('```a\\|b\ncode\n```', 3, 'n1-')).toEqual(['```a&#124;b', 'code', '```']);
    for (const body of ['```|\n|-', '``` \\|\n-|-\n# x']) expectIsolated(body);
  });

  it('writes an escaped "<" as "&lt;" (markdown-it links "http://y/\\" and reads "<b>" after it as HTML)', () => {
    expect(embedMarkdown('http://y/\\<b> `\\<i>`', 3, 'n1-')).toEqual(['http://y/&lt;b> `\\<i>`']);
    for (const body of ['http://y/\\<b>', 'www.example.com\\<details>\n# x', '[a](http://y/\\<b>)']) expectIsolated(body);
  });

  it('writes a code span on one line (marked reads "<a>" opening a line of it as an HTML block)', () => {
    expect(embedMarkdown('`\n<a>\n`', 3, 'n1-')).toEqual(['` <a> `']);
    expect(embedMarkdown('> # h\n> a `b\n> c\n  d` e', 3, 'n1-')).toEqual(['> ### h', '> a `b c   d` e']);
    for (const body of ['`\n<a>\n`', '- x\n\n  a ``\n  <details>\n  `` b', '> `\n> <!--\n> `']) expectIsolated(body);
  });

  it('guards the line after a task item\'s "[ ]" like any paragraph line (marked reads a lazy "\\t#" there as a heading)', () => {
    expect(embedMarkdown('>- [ ]\n\t#', 3, 'n1-')).toEqual(['>- [ ]', '    \\#']);
    for (const body of ['>- [ ]\r\t#', '- [x]\n-|-', '- [ ]\n    # x']) expectIsolated(body);
  });
});

describe('embedMarkdown on random hostile bodies', () => {
  it('keeps what micromark reads, headings demoted', () => {
    const random = seeded(Number(process.env.FUZZ_SEED ?? 42));
    for (let n = 0; n < 1000; n++) {
      // Without "<", nothing is escaped; ending on a paragraph keeps a closing fence out of the comparison.
      const body = `${hostileBody(random).replace(/</g, '(')}\n\nEND`;
      const minLevel = 1 + random.int(6);
      const embedded = embedMarkdown(body, minLevel, 'n1-');
      // The rewrite drops leading blank lines, and keeps a byte order mark then first as text (as it reads mid-document).
      const source = body.replace(/\r\n/g, '\n').replace(/^(?:[ \t]*\n)+/, '').replace(/^\ufeff/, '&#65279;');
      const rewritten = embedded.join('\n');
      expect(shape(rewritten, read(rewritten), 0), ascii({ body, minLevel, embedded })).toEqual(shape(source, read(source), minLevel - 1));
    }
  });

  it('changes nothing outside the note in commonmark.js, markdown-it and marked', () => {
    const random = seeded(Number(process.env.FUZZ_SEED ?? 7));
    for (let n = 0; n < 600; n++) {
      const body = hostileBody(random);
      const minLevel = 3 + random.int(4);
      const embedded = embedMarkdown(body, minLevel, 'n1-');
      const doc = ['## SECTION', '', ...embedded, '', '## AFTER', '', '- [ ] LEAD', ''].join('\n');
      for (const [reader, page] of Object.entries(readAll(doc))) checkIsolated(page, minLevel, reader, ascii({ body, minLevel }));
    }
  });

  it('skips reading only bodies that the rewrite leaves as they are', () => {
    const random = seeded(Number(process.env.FUZZ_SEED ?? 11));
    const plain = ['- ask the desk', '1. first', '> quoted *emphasis*', '  - nested **strong**', 'prose with a [link](http://x).', '', '* * *'];
    let inert = 0;
    for (let n = 0; n < 2000; n++) {
      const lines = Array.from({ length: 1 + random.int(6) }, () => (random.chance(0.8) ? random.pick(plain) : hostileBody(random, 1)));
      const text = lines.join('\n').trim();
      if (text === '' || !isInertMarkdown(text)) continue;
      inert += 1;
      expect(rewriteMarkdown(text, 1 + random.int(6), 'n1-'), ascii(text)).toBe(text);
    }
    expect(inert).toBeGreaterThan(500);
    expect(isInertMarkdown('Check **SOHR** against [the report](https://example.org/x).\n\n- ask the desk\n- compare')).toBe(true);
  });
});

describe.skipIf(!hasPandoc)("embedMarkdown in pandoc's markdown reader (pandoc is installed by .ci/run)", () => {
  it('writes a "---" break as "___": pandoc would take "---" after a blank line for a YAML block', () => {
    expect(embedMarkdown('a\n\n---\ntitle: x\n\n---\nb: c\n...', 3, 'n1-')).toEqual(['a', '', '___', 'title: x', '', '___', 'b: c', '...']);
    expect(embedMarkdown('* ---\n\n  ---\n  y', 3, 'n1-')).toEqual(['* ___', '', '  ___', '  y']);
    const page = readPage(pandocHtml(['## SECTION', '', ...embedMarkdown('one\n\n---\nkey: value\n---\n\ntwo', 3, 'n1-'), '', '## AFTER', ''].join('\n')));
    expect(page.headings.map((h) => h.text)).toEqual(['SECTION', 'key: value', 'AFTER']);
  });
});
