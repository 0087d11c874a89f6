/**
 * Embedding a note body (Markdown) in the exported document so that it cannot
 * break the document around it. The body is read by micromark (CommonMark + GFM,
 * through mdast-util-from-markdown) and edited only where its tree says:
 * - raw HTML is escaped, so it shows as text and opens nothing (a `<details>` left
 *   open would hide the rest of the document, an `<a id>` could forge an anchor);
 * - headings are demoted below the section holding the note;
 * - a fenced code block left open is closed where it sits;
 * - GFM tables are kept from reading as setext headings or link reference
 *   definitions to plain CommonMark.
 * Other readers (commonmark.js, markdown-it, marked, pandoc) must then read the
 * body's blocks as micromark does, so what they could read otherwise is made
 * explicit, in CommonMark's own terms: tabs in line prefixes become the spaces they
 * stand for; a block that cannot interrupt a paragraph gets a blank line above it;
 * what could start a block at the start of a paragraph line is escaped; white space
 * that JavaScript trims and CommonMark does not is a character reference where it is
 * all a line holds.
 *
 * Pure string functions: no Node, DOM or Electron import.
 */
import type { Heading, ListItem, Nodes, Parents, Root, Table } from 'mdast';
import { fromMarkdown, type Extension as TreeExtension } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

interface Parsed {
  tree: Root;
  /** Offsets where a code fence (opening or closing) starts: an open block has only its opening one. */
  fenceStarts: Set<number>;
  /** Where each line's containers end and its content starts, by line number (1-based; lines without either are absent). */
  prefixes: Map<number, LinePrefix>;
  /** Offsets of the backslashes that escape a "<". */
  escapedAngles: number[];
}

/**
 * The offsets where a line's container markers and indentation end: `containers`
 * after the quote and list markers and the list item indentation it continues,
 * `content` after the indentation too. (A tab partly taken by them counts whole:
 * micromark's offsets do not split a tab, and its columns skip what it did not take.)
 */
interface LinePrefix {
  containers: number;
  content: number;
}

/** micromark's tokens for what opens a line before its content: containers, then indentation. */
const CONTAINER_PREFIXES = ['blockQuotePrefix', 'listItemPrefix', 'listItemIndent'] as const;
const PREFIXES = [...CONTAINER_PREFIXES, 'linePrefix'] as const;

/*
 * The GFM constructs that shape blocks or labels: tables, footnotes, task list
 * items (whose "[x]" is no link reference). Strikethrough and literal autolinks
 * change neither, and the autolinks' tree transform would leave nodes without a
 * position.
 */
const SYNTAX = [gfmTable(), gfmFootnote(), gfmTaskListItem()];
const TREES = [gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmTaskListItemFromMarkdown()];

function parse(markdown: string): Parsed {
  const fenceStarts = new Set<number>();
  const prefixes = new Map<number, LinePrefix>();
  const escapedAngles: number[] = [];
  const enter: NonNullable<TreeExtension['enter']> = {
    codeFencedFence(token) {
      fenceStarts.add(token.start.offset);
    },
    escapeMarker(token) {
      if (markdown[token.end.offset] === '<') escapedAngles.push(token.start.offset);
    },
  };
  // Prefix tokens come in line order, each right after the one before it on its line.
  for (const type of PREFIXES) {
    const container = type !== 'linePrefix';
    enter[type] = (token) => {
      const { line, column, offset } = token.start;
      const prefix = prefixes.get(line) ?? (column === 1 ? { containers: offset, content: offset } : undefined);
      if (!prefix || offset > prefix.content) return; // not at the start of its line
      prefix.content = Math.max(prefix.content, token.end.offset);
      if (container) prefix.containers = prefix.content;
      prefixes.set(line, prefix);
    };
  }
  const tree = fromMarkdown(markdown, { extensions: SYNTAX, mdastExtensions: [...TREES, { enter }] });
  return { tree, fenceStarts, prefixes, escapedAngles };
}

interface Visit {
  node: Nodes;
  parent: Parents | null;
  index: number;
  /** How many blockquotes hold the node. */
  quotes: number;
}

function visitAll(tree: Root): Visit[] {
  const visits: Visit[] = [];
  const walk = (node: Nodes, parent: Parents | null, index: number, quotes: number): void => {
    visits.push({ node, parent, index, quotes });
    const inner = node.type === 'blockquote' ? quotes + 1 : quotes;
    if ('children' in node) node.children.forEach((child, i) => walk(child, node, i, inner));
  };
  walk(tree, null, 0, 0);
  return visits;
}

function start(node: Nodes): number {
  return node.position!.start.offset!;
}

function end(node: Nodes): number {
  return node.position!.end.offset!;
}

// ---------------------------------------------------------------------------
// Edits by offset

interface Edit {
  at: number;
  /** Characters replaced from `at` (0: an insertion). */
  length: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  // From the end, so that earlier offsets stay valid; at one offset, what is replaced
  // there goes first and the insertions before it keep their order.
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => b.edit.at - a.edit.at || Math.sign(b.edit.length) - Math.sign(a.edit.length) || b.order - a.order);
  for (const { edit } of ordered) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at + edit.length);
  return out;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const next = text.indexOf('\n', offset);
  return next === -1 ? text.length : next;
}

/**
 * What continues the containers a line opened, written before `offset` on its line:
 * quote markers stay, list markers and other columns become spaces (a tab the spaces
 * to its tab stop, which readers count differently). A quote marker gets its
 * optional space, or the space standing for what followed it would be taken for that.
 */
function continuation(text: string, offset: number): string {
  let out = '';
  let column = 0;
  for (let i = lineStart(text, offset); i < offset; i++) {
    const ch = text[i]!;
    const width = ch === '\t' ? 4 - (column % 4) : 1;
    column += width;
    if (ch !== '>') out += ' '.repeat(width);
    else out += i + 1 < offset && !/[ \t]/.test(text[i + 1]!) ? '> ' : '>';
  }
  return out;
}

/** A blank line that stays inside the containers of the line holding `offset`. */
function blankLineAt(text: string, offset: number): string {
  return continuation(text, offset).trimEnd();
}

function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/**
 * Where the content of a block's later line starts: after the markers of the
 * `quotes` blockquotes holding it (fewer on a lazy line) and the indentation.
 */
function contentStart(text: string, line: number, quotes: number): number {
  return line + new RegExp(`^(?:[ \\t]*>){0,${quotes}}[ \\t]*`).exec(text.slice(line))![0].length;
}

// ---------------------------------------------------------------------------
// Raw HTML

/**
 * Escapes every raw HTML node (block and inline), its "<" written "&lt;", so that
 * it reads as text. Not a backslash: marked takes one right after a URL
 * ("www.x.com\\<div>") into the URL, and the "<div>" would be HTML again. The
 * text of an HTML block then reads as Markdown, which may hold more HTML: the
 * body is read again until none is left (each round escapes at least one "<",
 * so this ends).
 */
function escapeHtml(markdown: string): { text: string; parsed: Parsed } {
  let text = markdown;
  for (;;) {
    const parsed = parse(text);
    const html = visitAll(parsed.tree).filter((v) => v.node.type === 'html');
    if (html.length === 0) return { text, parsed };
    text = applyEdits(
      text,
      html.map((v) => ({ at: text.indexOf('<', start(v.node)), length: 1, text: '&lt;' })),
    );
  }
}

// ---------------------------------------------------------------------------
// Headings

/** Trims what CommonMark trims: spaces and tabs only (a no-break space is content). */
function trimSpaces(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * A heading's inline content as one line. A setext heading's later lines lose their
 * container markers and indentation; a line break inside reads as a space (in a
 * code span too), and a backslash hard break at a line's end is dropped, since it
 * would otherwise become literal.
 */
function headingText(text: string, heading: Heading, quotes: number): string {
  const first = heading.children[0];
  const last = heading.children[heading.children.length - 1];
  if (!first || !last) return '';
  const lines = text.slice(start(first), end(last)).split('\n');
  return lines
    .map((line, i) => {
      const content = i === 0 ? line : line.slice(contentStart(line, 0, quotes));
      if (i === lines.length - 1) return trimSpaces(content);
      return /(^|[^\\])(\\\\)*\\$/.test(content) ? content.slice(0, -1) : content;
    })
    .join(' ');
}

/** Inline Markdown made strong, the stand-in for a heading that would be deeper than h6. */
function strong(text: string): string {
  if (text === '') return '<strong></strong>';
  // "**" works only when it is flanked by a letter or digit and nothing inside can pair with it.
  if (/^[\p{L}\p{N}]/u.test(text) && /[\p{L}\p{N}]$/u.test(text) && !text.includes('*')) return `**${text}**`;
  // The spaces give the text's own delimiters the same neighbours as at the ends of a
  // line (a "*" next to ">" or "<" pairs differently), and keep a final backslash
  // from escaping the "<" of the closing tag.
  return `<strong> ${text} </strong>`;
}

/** Text that would lose its final "#"s to an ATX closing sequence gets one of its own. */
function atxContent(text: string): string {
  return /(^|[ \t])#+$/.test(text) ? `${text} #` : text;
}

/** A blank line after the line holding `offset`, unless the next line is blank or there is none. */
function blankAfter(text: string, offset: number, blank: string): Edit[] {
  const eol = lineEnd(text, offset);
  if (eol === text.length || isBlank(text.slice(eol + 1, lineEnd(text, eol + 1)))) return [];
  return [{ at: eol, length: 0, text: `\n${blank}` }];
}

/** A blank line before the block when another ends on the line above. */
function blankBefore(text: string, visit: Visit, blank: string): Edit[] {
  const previous = visit.parent?.children[visit.index - 1];
  const line = visit.node.position!.start.line;
  if (!previous || previous.position!.end.line !== line - 1) return [];
  return [{ at: lineStart(text, start(visit.node)), length: 0, text: `${blank}\n` }];
}

/**
 * The containers of a heading's line, as written before its text on a line of its
 * own (a setext heading's underline is never a lazy line, so it has them all).
 */
function headingContainers(text: string, heading: Heading, atx: boolean): string {
  if (atx) return continuation(text, start(heading));
  const underline = lineStart(text, end(heading));
  return continuation(text, underline + /^[ \t>]*/.exec(text.slice(underline, end(heading)))![0].length);
}

function demoteHeading(text: string, visit: Visit, minLevel: number): Edit[] {
  const heading = visit.node as Heading;
  const level = heading.depth + minLevel - 1;
  if (level === heading.depth) return [];
  const atx = heading.position!.start.line === heading.position!.end.line;
  if (atx && level <= 6) return [{ at: start(heading), length: heading.depth, text: '#'.repeat(level) }];
  const containers = headingContainers(text, heading, atx);
  // A setext heading's position starts with the link reference definitions its
  // paragraph may begin with: its text starts at its first child, on a line that may
  // be lazy, so that line is written afresh unless it opens the heading's containers.
  const first = heading.children[0];
  const fresh = !atx && first !== undefined && first.position!.start.line !== heading.position!.start.line;
  const at = atx || !first ? start(heading) : fresh ? lineStart(text, start(first)) : start(first);
  const content = headingText(text, heading, visit.quotes);
  // A setext heading becomes an ATX one, since its underline cannot say h3 and below.
  const replacement = level > 6 ? strong(content) : `${'#'.repeat(level)} ${atxContent(content)}`;
  const replaced: Edit = { at, length: end(heading) - at, text: (fresh ? containers : '') + replacement };
  // A blank line follows, so that nothing continues a strong paragraph, and
  // markdown-it cannot read a heading with a pipe as a table header.
  const blank = containers.trimEnd();
  return [...(level > 6 ? blankBefore(text, visit, blank) : []), replaced, ...blankAfter(text, end(heading), blank)];
}

// ---------------------------------------------------------------------------
// Code blocks

/**
 * markdown-it reads a table before a fence: "``` |" over a line like "-|-" is a
 * table header to it, even with the pipe escaped when the table has one column.
 * Pipes in the info string are written as character references (which it decodes
 * to the same info string), so that the line holds none.
 */
function escapeInfoPipes(text: string, from: number): Edit[] {
  const edits: Edit[] = [];
  for (let i = from; i < lineEnd(text, from); i++) {
    if (text[i] !== '|') continue;
    const escaped = isEscaped(text, i);
    edits.push({ at: escaped ? i - 1 : i, length: escaped ? 2 : 1, text: '&#124;' });
  }
  return edits;
}

/**
 * A code block right under another block gets a blank line before it: marked may
 * read a paragraph line and a fence under it as a link reference definition ("[x]:"
 * then a fence that CommonMark reads as its URL), or continue a list item into it;
 * an indented code block cannot interrupt a paragraph, so a reader that misjudges
 * where the block above ends (a list item or quote closed by that very line) reads
 * it as continuation text (marked), or its "> " as the quote going on (markdown-it).
 * A fenced one left open is closed, on a line of its own with the opening line's containers
 * and indentation: wherever a reader thinks the block sits (readers disagree about
 * some list items), the closer is at the same place and cannot start a block of
 * its own.
 */
function codeEdits(text: string, visit: Visit, fenceStarts: Set<number>): Edit[] {
  const code = visit.node;
  const blank = blankBefore(text, visit, blankLineAt(text, start(code)));
  const fence = /^(?:`{3,}|~{3,})/.exec(text.slice(start(code)));
  // micromark may end an indented code block right under a quote at its first line, and
  // start another: a blank line between them would make them one.
  if (!fence) return visit.parent?.children[visit.index - 1]?.type === 'code' ? [] : blank;
  const edits = [...blank, ...escapeInfoPipes(text, start(code) + fence[0].length)];
  for (const offset of fenceStarts) if (offset > start(code) && offset < end(code)) return edits;
  // The block may end after its last line break (when a list item after it ends it).
  const at = text[end(code) - 1] === '\n' ? end(code) - 1 : end(code);
  return [...edits, { at, length: 0, text: `\n${continuation(text, start(code))}${fence[0]}` }];
}

// ---------------------------------------------------------------------------
// GFM tables, which plain CommonMark reads as a paragraph

const UNDERLINE_ROW = /^([ \t>]*)([-=])/;

/**
 * A table is a paragraph to a reader without GFM, which a line of "=" or "-" would
 * turn into a setext heading, and whose first line could be a link reference
 * definition ("[x]: y | z"), which would apply to the whole document, or a list
 * ("0. x | y"): a row of "=" or "-" gets its first character escaped, so does a "["
 * opening a definition, and an ordered list marker opening the header gets a
 * backslash before its "." or ")". The table gets a blank line above it, where its
 * rows would go on with a paragraph (its header the URL of a definition "[x]:" left
 * open). (An empty list item, "-", right after the table gets a blank line before
 * it, as under any block. A delimiter row has a pipe unless the table has one
 * column, which micromark does not read without one.)
 */
function fixTable(text: string, table: Table): Edit[] {
  const edits: Edit[] = [];
  for (const row of table.children.slice(1)) {
    const rowStart = lineStart(text, start(row));
    const line = text.slice(rowStart, lineEnd(text, rowStart));
    const underline = UNDERLINE_ROW.exec(line);
    if (underline && /^[ \t>]*(?:=+|-+)[ \t]*$/.test(line)) edits.push({ at: rowStart + underline[1]!.length, length: 0, text: '\\' });
  }
  // The header row opens that paragraph, where "[x]: y" is a link reference definition
  // and "0. x" a list (micromark reads a table where an item other than "1." cannot interrupt a paragraph).
  const header = text.slice(start(table), lineEnd(text, start(table)));
  if (/^\[(?:[^\\\]]|\\.)*\]:/.test(header)) edits.push({ at: start(table), length: 0, text: '\\' });
  const marker = LIST_MARKER.exec(header);
  if (marker) edits.push({ at: start(table) + marker[1]!.length, length: 0, text: '\\' });
  return edits;
}

// ---------------------------------------------------------------------------
// Paragraph lines that a reader could take for the start of a block

/**
 * What could start a heading, fence, HTML block, quote, table, list or thematic break
 * at the start of a line, and how much of it to escape: a run of backticks or tildes
 * whole (so that no shorter run is left to pair with another), "*" and "_" only when
 * they cannot open emphasis.
 */
const BLOCK_START = /^(?:[#=+|<>-]|`{3,}|~{3,}|[*_](?=[ \t\n]|$))/;

/**
 * An ordered list marker that micromark did not read as one, the part before its
 * "." or ")" (a bullet is escaped as a block start): after an indented code block and
 * a blank line, "2) # x" is a paragraph to it, a list to the others; a lazy or
 * indented line "2. # x" under a list item or quote is the paragraph's text to it
 * (a list other than "1." cannot interrupt a paragraph), a list in the item to marked.
 */
const LIST_MARKER = /^(\d{1,9})[.)](?=[ \t]|$)/;

/**
 * marked departs from CommonMark around paragraphs: it reads "#\u00a0x" as a
 * heading, may read an indented or lazy continuation line ("\t# x", "    ```",
 * "    <!--") as a heading, or a fence or comment that swallows the rest of the
 * document, and may take a link reference definition's URL on its next line for a
 * fence; markdown-it goes on with a quote at a "> " indented as code. A backslash
 * before what starts each line of a paragraph (and each later line of a
 * definition) keeps every reader on CommonMark's reading, where it is text, URL or
 * title either way.
 */
function guardLines(text: string, visit: Visit, spans: ReadonlyArray<Nodes>, layout: Layout): Edit[] {
  const edits: Edit[] = [];
  const block = visit.node;
  // By offset: a task list item's paragraph may say it starts on the line after its
  // "[x]", at that line's prefix.
  const first = lineOf(layout, start(block));
  for (let line = first + (block.type === 'definition' ? 1 : 0); line <= lineOf(layout, end(block)); line++) {
    const at = line === first ? Math.max(start(block), contentOffset(layout, line)) : contentOffset(layout, line);
    if (spans.some((span) => start(span) <= at && at < end(span))) continue;
    const marker = LIST_MARKER.exec(text.slice(at, lineEnd(text, at)));
    if (marker) edits.push({ at: at + marker[1]!.length, length: 0, text: '\\' });
    const match = BLOCK_START.exec(text.slice(at, lineEnd(text, at)));
    if (!match) continue;
    const escaped = /^[`~]/.test(match[0]) ? match[0].replace(/./g, '\\$&') : `\\${match[0]}`;
    edits.push({ at, length: match[0].length, text: escaped });
  }
  return edits;
}

// ---------------------------------------------------------------------------
// Line prefixes: container markers and indentation

interface Layout {
  /** Offsets where the lines start. */
  starts: number[];
  prefixes: Map<number, LinePrefix>;
}

function layoutOf(text: string, prefixes: Map<number, LinePrefix>): Layout {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return { starts, prefixes };
}

/** A line's prefix (markers, spaces and tabs, from the line's start), tabs written as the spaces they stand for. */
function spaced(prefix: string): string {
  let out = '';
  for (const ch of prefix) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out;
}

/** The number (1-based) of the line holding `offset`. */
function lineOf(layout: Layout, offset: number): number {
  let low = 0;
  let high = layout.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (layout.starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** Offset where the content of line `line` (1-based) starts, after its prefix. */
function contentOffset(layout: Layout, line: number): number {
  return layout.prefixes.get(line)?.content ?? layout.starts[line - 1]!;
}

/**
 * Tabs in a line's prefix (its container markers and indentation) are written as
 * the spaces they stand for in CommonMark. Readers count them differently (marked
 * takes a tab after a list marker for three spaces, CommonMark goes to the next tab
 * stop), and decide by that count whether what follows is code, a nested block or
 * the item going on. A tab that reaches into the content, which CommonMark then
 * starts with the spaces left over, is written as spaces whole; tabs in the content
 * stay. A line in `unindent` also loses the indentation after its containers, which
 * CommonMark drops from a paragraph line anyway.
 */
function prefixEdits(text: string, layout: Layout, unindent: ReadonlySet<number>): Edit[] {
  const edits: Edit[] = [];
  for (const [line, { containers, content }] of layout.prefixes) {
    const from = layout.starts[line - 1]!;
    const length = content - from;
    if (unindent.has(line) && content > containers) edits.push({ at: from, length, text: spaced(text.slice(from, containers)) });
    else if (text.slice(from, content).includes('\t')) edits.push({ at: from, length, text: spaced(text.slice(from, content)) });
  }
  return edits;
}

/**
 * The lines right after a link reference definition that go on with the
 * definition's paragraph (another definition, or the paragraph's text): markdown-it
 * and marked take definitions apart first and read such a line as a new block,
 * code when it is indented.
 */
function linesAfterDefinitions(visits: Visit[]): Set<number> {
  const lines = new Set<number>();
  for (const { node, parent, index } of visits) {
    const next = node.type === 'definition' ? parent?.children[index + 1] : undefined;
    const line = node.position!.end.line + 1;
    if (next && (next.type === 'paragraph' || next.type === 'definition') && next.position!.start.line === line) lines.add(line);
  }
  return lines;
}

/**
 * White space to JavaScript's trim() and "\s", so to marked, but text to CommonMark
 * (U+000B aside, which markdown-it will not take as a character reference).
 */
const SCRIPT_ONLY_SPACE = /[\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * A line of text whose content is white space to marked but not to CommonMark
 * ("- \u00a0", "* \ufeff") is blank to marked: a list item there is empty, and
 * a "-" under it a setext underline. Its first such character is written as a
 * character reference, which every reader reads as that character.
 */
function scriptSpaceEdits(text: string, layout: Layout, texts: ReadonlyArray<Nodes>): Edit[] {
  const edits: Edit[] = [];
  layout.starts.forEach((from, i) => {
    const content = text.slice(contentOffset(layout, i + 1), lineEnd(text, from));
    if (content.trim() !== '' || isBlank(content)) return;
    const found = SCRIPT_ONLY_SPACE.exec(content);
    if (!found) return;
    const at = lineEnd(text, from) - content.length + found.index;
    if (texts.some((node) => start(node) <= at && at < end(node))) edits.push({ at, length: 1, text: `&#${text.charCodeAt(at)};` });
  });
  return edits;
}

// ---------------------------------------------------------------------------
// Inline content that readers split or link differently

/**
 * An escaped "<" is written "&lt;", as raw HTML is: markdown-it and marked link a
 * URL in text by themselves and take a backslash right after it into the link
 * ("http://x/\\<b>"), so that the "<" would open raw HTML again.
 */
function escapedAngleEdits(parsed: Parsed): Edit[] {
  return parsed.escapedAngles.map((at) => ({ at, length: 2, text: '&lt;' }));
}

/**
 * A code span is written on one line: its line breaks read as spaces anyway, and a
 * reader that splits the paragraph at one of its lines (marked reads "<a>" opening
 * a line in a list item as an HTML block) cannot break it. Each line break and the
 * prefix of the line after it (container markers and indentation, which are not
 * the span's) become one space.
 */
function joinCodeSpan(text: string, layout: Layout, span: Nodes): Edit[] {
  const edits: Edit[] = [];
  for (let line = lineOf(layout, start(span)); line < lineOf(layout, end(span)); line++) {
    const at = layout.starts[line]! - 1;
    edits.push({ at, length: contentOffset(layout, line + 1) - at, text: ' ' });
  }
  return edits;
}

/** Edits that replace text (not insertions) keep it from other edits: a prefix edit inside one is dropped. */
function outside(edits: Edit[], replaced: ReadonlyArray<Edit>): Edit[] {
  return edits.filter((edit) => !replaced.some((r) => r.length > 0 && r.at < edit.at + edit.length && edit.at < r.at + r.length));
}

// ---------------------------------------------------------------------------
// Link reference definitions and footnotes, which are global to the document

/** Offset of the "]" closing the label whose "[" is at `open` (a label holds no unescaped bracket). */
function labelEnd(text: string, open: number): number {
  let i = open + 1;
  while (text[i] !== ']') i += text[i] === '\\' ? 2 : 1;
  return i;
}

function isEscaped(text: string, offset: number): boolean {
  let backslashes = 0;
  while (text[offset - 1 - backslashes] === '\\') backslashes += 1;
  return backslashes % 2 === 1;
}

/** Offset of the "[" opening the label whose "]" is at `close`. */
function labelStart(text: string, close: number): number {
  let i = close - 1;
  while (text[i] !== '[' || isEscaped(text, i)) i -= 1;
  return i;
}

/**
 * A link reference definition or a footnote applies to the whole document: one
 * note's "[x]: http://x" would turn every lead's "[x]" checkbox into a link, and
 * would link another note's "[x]". Each label of the note is renamed to one of its
 * own (`prefix` and a number), in its definitions and in the references to them.
 */
function scopeLabels(text: string, visits: Visit[], prefix: string): Edit[] {
  const labels = new Map<string, string>();
  const label = (identifier: string): string => {
    if (!labels.has(identifier)) labels.set(identifier, `${prefix}${labels.size + 1}`);
    return labels.get(identifier)!;
  };
  const edits: Edit[] = [];
  const renameFrom = (open: number, identifier: string): void => {
    edits.push({ at: open + 1, length: labelEnd(text, open) - open - 1, text: label(identifier) });
  };
  for (const { node } of visits) {
    if (node.type === 'definition') renameFrom(start(node), node.identifier);
    else if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') {
      edits.push({ at: start(node) + 2, length: labelEnd(text, start(node)) - start(node) - 2, text: label(node.identifier) });
    } else if (node.type === 'linkReference' || node.type === 'imageReference') {
      if (node.referenceType === 'full') renameFrom(labelStart(text, end(node) - 1), node.identifier);
      else if (node.referenceType === 'collapsed') edits.push({ at: end(node) - 2, length: 2, text: `[${label(node.identifier)}]` });
      else edits.push({ at: end(node), length: 0, text: `[${label(node.identifier)}]` });
    }
  }
  return edits;
}

// ---------------------------------------------------------------------------
// The body

/** The body's lines, without the blank lines at either end. */
function trimmedLines(body: string): string[] {
  const lines = body.split(/\r\n|\r|\n/);
  while (lines.length > 0 && isBlank(lines[lines.length - 1]!)) lines.pop();
  while (lines.length > 0 && isBlank(lines[0]!)) lines.shift();
  return lines;
}

/**
 * Whether `text` needs no edit at all, so that reading it can be skipped (a parse
 * costs about a millisecond; most notes are plain prose and lists): nothing that
 * could be raw HTML, a heading, a fence, a table, a link reference definition or
 * a footnote, and no line whose content, after quote and list markers, starts
 * with what the guards escape, is a thematic break, is indented as code, or is
 * white space only to marked.
 */
export function isInertMarkdown(text: string): boolean {
  if (/[<#|\t]|```|~~~|\]:|\[\^/.test(text)) return false;
  // The delimiter of the ordered list the previous line is an item of, or continues.
  let ordered: string | null = null;
  let previous = '';
  return text.split('\n').every((line) => {
    const markers = CONTAINER_MARKERS.exec(line)![0].length;
    const content = line.slice(markers).replace(/^ +/, '');
    const indent = line.length - markers - content.length;
    const scriptBlank = content.trim() === '' && content !== '';
    // An item of another list than the one above, numbered from 2 on, cannot interrupt a paragraph: it is text, which the guards escape.
    const item = /^ {0,3}(\d{1,9})([.)]) /.exec(line);
    const stray = item !== null && item[1] !== '1' && item[2] !== ordered && !isBlank(previous);
    ordered = item ? item[2]! : /^ /.test(line) ? ordered : null;
    previous = line;
    return !stray && indent < 4 && !scriptBlank && !BLOCK_START.test(content) && !THEMATIC_BREAK.test(content) && !LIST_MARKER.test(content);
  });
}

const THEMATIC_BREAK = /^(?:[*_][ \t]*){3,}$/;

const CONTAINER_MARKERS = /^(?:[ ]{0,3}(?:>[ ]?|(?:[-+*]|\d{1,9}[.)])[ ]+(?=\S)))*(?:\[[ xX]\][ ]+)?/;

/**
 * The rewrite of `markdown` (line breaks "\n", no blank line at either end) for
 * embedding below `minHeadingLevel`, its labels starting with `labelPrefix`.
 */
export function rewriteMarkdown(markdown: string, minHeadingLevel: number, labelPrefix: string): string {
  const { text, parsed } = escapeHtml(markdown);
  const { tree, fenceStarts } = parsed;
  const layout = layoutOf(text, parsed.prefixes);
  const visits = visitAll(tree);
  const texts: Nodes[] = [];
  // Code spans and autolinks ("<https://…>"), where a backslash is no escape.
  const spans = visits.map((v) => v.node).filter((node) => node.type === 'inlineCode' || (node.type === 'link' && text[start(node)] === '<'));
  const edits = scopeLabels(text, visits, labelPrefix);
  for (const visit of visits) {
    const { node } = visit;
    if (node.type === 'heading') edits.push(...demoteHeading(text, visit, minHeadingLevel));
    else if (node.type === 'code') edits.push(...codeEdits(text, visit, fenceStarts));
    else if (node.type === 'table') edits.push(...blankBefore(text, visit, blankLineAt(text, start(node))), ...fixTable(text, node));
    // marked takes "---" under a lazy paragraph line ("> a" then "b") for a setext underline,
    // and "-" (an empty list item, which cannot interrupt a paragraph) too, as the next item
    // of a list or the first of another.
    else if (node.type === 'thematicBreak' || (node.type === 'list' && opensEmpty(node.children[0])) || (node.type === 'listItem' && opensEmpty(node))) {
      edits.push(...blankBefore(text, visit, blankLineAt(text, start(node))));
      // Pandoc's `markdown` takes a "---" line after a blank line for the start of a YAML
      // block; "___" breaks the same way everywhere ("***" would not after a "*" list marker).
      if (node.type === 'thematicBreak' && text[start(node)] === '-') edits.push({ at: start(node), length: end(node) - start(node), text: '___' });
    }
    else if (node.type === 'paragraph' || node.type === 'definition') edits.push(...guardLines(text, visit, spans, layout));
    else if (node.type === 'text') texts.push(node);
  }
  const codeSpans = spans.filter((node) => node.type === 'inlineCode');
  const inline = outside([...escapedAngleEdits(parsed), ...codeSpans.flatMap((span) => joinCodeSpan(text, layout, span))], edits);
  const lineEdits = [...prefixEdits(text, layout, linesAfterDefinitions(visits)), ...scriptSpaceEdits(text, layout, texts)];
  return applyEdits(text, [...edits, ...inline, ...outside(lineEdits, [...edits, ...inline])]);
}

/** Whether a list item has nothing on its marker's line. */
function opensEmpty(item: ListItem | undefined): boolean {
  const first = item?.children[0];
  return item !== undefined && (!first || first.position!.start.line !== item.position!.start.line);
}

/**
 * Prepares a note body (Markdown) for embedding: raw HTML is escaped to read as
 * text; headings are shifted so that "#" becomes level `minHeadingLevel`, and any
 * deeper than 6 become strong text on a paragraph of their own; a code fence left
 * open is closed, since it would otherwise swallow the rest of the document; lines
 * other readers could misread are guarded; link and footnote labels are renamed to
 * start with `labelPrefix` (one per note, such as "n3-"), so that they apply to
 * this note only. Leading and trailing blank lines are dropped. Returns the body's
 * lines.
 */
export function embedMarkdown(body: string, minHeadingLevel: number, labelPrefix: string): string[] {
  const lines = trimmedLines(body);
  if (lines.length === 0) return [];
  // micromark drops a byte order mark at the start, which mid-document is text.
  const text = lines.join('\n').replace(/^\ufeff/, '&#65279;');
  return (isInertMarkdown(text) ? text : rewriteMarkdown(text, minHeadingLevel, labelPrefix)).split('\n');
}
