/**
 * Making text safe to put into a Markdown document.
 *
 * Two different promises are kept here:
 * - literal text (excerpts, titles, tags) is escaped so that a CommonMark + GFM
 *   reader shows exactly the original characters and nothing else;
 * - Markdown text (note bodies) is kept as Markdown, but rewritten just enough that
 *   it cannot break the document it is embedded in: its headings are demoted below
 *   the section holding it, and a code fence or HTML block left open is closed.
 *
 * Pure string functions: no Node, DOM or Electron import.
 */

// ---------------------------------------------------------------------------
// Literal text

/**
 * Characters escaped wherever they are: each can open inline syntax (emphasis, code,
 * links, raw HTML, strikethrough, table cells, math on GitHub, headings' closing
 * sequence). A backslash before ASCII punctuation always means that character.
 */
const ALWAYS_ESCAPED = /[\\`*_[\]<>#|~$]/;

/** An `&` followed by these could start an entity reference ("&amp;", "&#32;"). */
const ENTITY_START = /[#A-Za-z0-9]/;

/** What starts a block when it opens a line: quote, list item, setext underline, thematic break. */
const BLOCK_START_CHARS = new Set(['>', '-', '+', '=']);

/**
 * Only spaces, tabs and line breaks are stripped or structural in CommonMark; other
 * Unicode white space is encoded too at the edges, because some readers trim it.
 * \v and U+0085 stay literal: markdown-it refuses them as character references.
 */
function isEdgeSpace(code: number): boolean {
  if (code === 0x0b || code === 0x85) return false;
  return /\s/.test(String.fromCharCode(code));
}

function charRef(code: number): string {
  return `&#${code};`;
}

/** An ordered list marker ("1." "40000)") would start a list at the beginning of a line. */
function orderedMarkerLength(text: string): number {
  const match = /^\d{1,9}[.)]/.exec(text);
  return match ? match[0].length : 0;
}

/**
 * Escapes `text` as inline content on a single line, so that it renders as exactly
 * `text`: Markdown punctuation is backslash-escaped, line breaks become character
 * references (so the output never spans lines), and white space at either end is
 * encoded (paragraphs and headings trim it). `lineStart` says the result opens a
 * line, where block markers must be neutralized as well.
 */
export function escapeInline(text: string, lineStart = false): string {
  const markerEnd = lineStart ? orderedMarkerLength(text) : 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (ch === '\n' || ch === '\r') out += charRef(code);
    else if ((i === 0 || i === text.length - 1) && isEdgeSpace(code)) out += charRef(code);
    else if (ALWAYS_ESCAPED.test(ch)) out += '\\' + ch;
    else if (ch === '&' && ENTITY_START.test(text[i + 1] ?? '')) out += '\\&';
    else if (lineStart && i === 0 && BLOCK_START_CHARS.has(ch)) out += '\\' + ch;
    else if (markerEnd > 0 && i === markerEnd - 1) out += '\\' + ch;
    else out += ch;
  }
  return out;
}

/**
 * Splits an excerpt into the paragraphs of its blockquote. The canonical text joins
 * paragraphs with exactly "\n\n", so only such a break between two non-empty pieces
 * becomes a paragraph break; any other line break stays inside a paragraph (as a
 * character reference), so nothing is lost.
 */
export function quoteParagraphs(text: string): string[] {
  const pieces = text.split(/(\n+)/);
  const paragraphs: string[] = [];
  let current = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const isBreak = piece === '\n\n' && current !== '' && (pieces[i + 1] ?? '') !== '';
    if (isBreak) {
      paragraphs.push(current);
      current = '';
    } else {
      current += piece;
    }
  }
  paragraphs.push(current);
  return paragraphs;
}

/** Lines of a blockquote whose rendered text is exactly `text`. */
export function blockquoteLines(text: string): string[] {
  const lines: string[] = [];
  quoteParagraphs(text).forEach((paragraph, index) => {
    if (index > 0) lines.push('>');
    lines.push(`> ${escapeInline(paragraph, true)}`);
  });
  return lines;
}

/**
 * A link destination, or null when the URL must not become a link. Only web links
 * are linked (an imported article's source could say `javascript:`); the angle
 * bracket form allows spaces and parentheses, and backslashes escape the rest.
 */
export function linkDestination(url: string): string | null {
  if (!/^https?:\/\/[^\s<>]+$/i.test(url)) return null;
  return `<${url.replace(/[\\<>]/g, (ch) => '\\' + ch)}>`;
}

// ---------------------------------------------------------------------------
// YAML

/** Characters outside YAML's printable set, and those YAML 1.1 reads as line breaks. */
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/**
 * A double-quoted YAML scalar. JSON strings are valid YAML 1.2 double-quoted
 * scalars; the few characters YAML forbids or reads as line breaks are escaped too,
 * so a title with colons, quotes, newlines or emoji stays one safe line.
 */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(YAML_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// ---------------------------------------------------------------------------
// Markdown bodies: a CommonMark block scanner

/*
 * To demote a note's headings without touching what only looks like one (a "#" in
 * a code block, a "---" that is a thematic break), the body's block structure must
 * be known. This follows the CommonMark reference parser's line-by-line algorithm
 * (commonmark.js, blocks.js) for containers and leaf blocks, plus GFM tables as
 * markdown-it reads them, and records only what the rewrite needs: where headings
 * are, which containers they sit in, and what is left open at the end.
 * Deliberate simplification: a link reference definition is recognized only when
 * it fits on one line (it matters only before a setext underline).
 */

interface ItemBlock {
  type: 'item';
  /** Columns of content indentation: marker offset + marker width + padding. */
  indent: number;
  hasChild: boolean;
}
type ContainerBlock = { type: 'document' } | { type: 'quote' } | ItemBlock;

interface ParagraphLine {
  line: number;
  /** Index in the raw line where the paragraph's text starts (after containers and indentation). */
  offset: number;
  indent: number;
  /** A container (quote or list item) started on this line. */
  newContainer: boolean;
  /** A paragraph was open before this line (and this line started a new one). */
  afterParagraph: boolean;
  /** A lazy continuation line (its containers did not all continue). */
  lazy: boolean;
  /** The paragraph's first line (later ones may be indented any amount). */
  opensParagraph: boolean;
}

type LeafBlock =
  | { type: 'paragraph'; lines: ParagraphLine[] }
  | { type: 'table' }
  | { type: 'fence'; char: string; length: number; indent: number }
  | { type: 'indented' }
  | { type: 'html'; kind: number; closer: RegExp; opener: string };

type Block = ContainerBlock | LeafBlock;

/** The containers a heading sits in, enough to write a blank line inside them. */
type ContainerPath = ReadonlyArray<{ type: 'quote' } | { type: 'item'; indent: number }>;

export interface AtxHeading {
  kind: 'atx';
  line: number;
  /** Index of the first "#" in the raw line. */
  at: number;
  level: number;
  containers: ContainerPath;
  /** The heading ends a paragraph (or table) that strong text on the same line would have continued. */
  endsParagraph: boolean;
}

export interface SetextHeading {
  kind: 'setext';
  /** The heading's text lines (link reference definitions before it excluded). */
  lines: ParagraphLine[];
  underline: number;
  /** Index of the underline's first "=" or "-". */
  underlineAt: number;
  level: number;
  containers: ContainerPath;
}

export type HeadingSite = AtxHeading | SetextHeading;

/**
 * A GFM table is a paragraph to a plain CommonMark reader, so a line that GFM reads
 * as part of a table or as the end of one can be a setext underline to CommonMark:
 * - 'escape': a table row such as "===" or "--" (GFM: a row; CommonMark: an underline);
 *   a backslash before its first character keeps the row and removes the underline;
 * - 'blank-before': "-" or "---" right after a table (GFM: the table ends at this list
 *   item or thematic break anyway); a blank line first ends CommonMark's paragraph;
 * - 'delimiter': a delimiter row of dashes only ("| a |" over "---"); written with
 *   pipes ("| --- |") it is still the same delimiter to GFM and no underline to CommonMark.
 */
export interface TableFix {
  kind: 'escape' | 'blank-before' | 'delimiter';
  line: number;
  /** Index of the line's first character after containers and indentation. */
  at: number;
  containers: ContainerPath;
}

export interface BlockScan {
  headings: HeadingSite[];
  tableFixes: TableFix[];
  /** Text of a line that closes a fence or raw HTML block left open at the top level, if any. */
  closer: string | null;
}

const ATX_MARKER = /^#{1,6}(?:[ \t]+|$)/;
const CODE_FENCE = /^`{3,}(?!.*`)|^~{3,}/;
const CLOSING_FENCE = /^(?:`{3,}|~{3,})(?=[ \t]*$)/;
const SETEXT_LINE = /^(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^(?:\*[ \t]*){3,}$|^(?:_[ \t]*){3,}$|^(?:-[ \t]*){3,}$/;
const BULLET_MARKER = /^[*+-]/;
const ORDERED_MARKER = /^(\d{1,9})([.)])/;
/* A link reference definition: label, destination (maybe on the next line), optional title. */
const DEFINITION_LABEL = /^[ \t]*\[((?:[^\\[\]]|\\.){0,999})\]:[ \t]*\n?[ \t]*/;
const POINTY_DESTINATION = /^<(?:[^<>\n\\]|\\.)*>/;
const DEFINITION_TITLE = /^(?:[ \t]+|[ \t]*\n[ \t]*)(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))[ \t]*(?:\n|$)/;
const DEFINITION_END = /^[ \t]*(?:\n|$)/;

/* HTML block starts and ends, as markdown-it 15 has them (CommonMark 0.31). */
const HTML_BLOCK_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const OPEN_TAG = `<[A-Za-z][A-Za-z0-9\\-]*(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)*\\s*\\/?>`;
const CLOSE_TAG = '<\\/[A-Za-z][A-Za-z0-9\\-]*\\s*>';
const HTML_BLOCKS: ReadonlyArray<{ open: RegExp; close: RegExp }> = [
  { open: /^<(script|pre|style|textarea)(?=(\s|>|$))/i, close: /<\/(script|pre|style|textarea)>/i },
  { open: /^<!--/, close: /-->/ },
  { open: /^<\?/, close: /\?>/ },
  { open: /^<![A-Za-z]/, close: />/ },
  { open: /^<!\[CDATA\[/, close: /\]\]>/ },
  { open: new RegExp(`^</?(${HTML_BLOCK_NAMES})(?=(\\s|/?>|$))`, 'i'), close: /^$/ },
  { open: new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})\\s*$`), close: /^$/ },
];
/** What ends each of the HTML block kinds 1–5 (the others end at a blank line). */
const HTML_CLOSERS = ['', '', '-->', '?>', '>', ']]>'];

/**
 * How many of a paragraph's first lines are link reference definitions, which a
 * setext underline does not make a heading. (Balanced parentheses in a bare
 * destination are not checked.)
 */
function definitionLines(texts: readonly string[]): number {
  let rest = texts.join('\n');
  let consumed = 0;
  for (;;) {
    const label = DEFINITION_LABEL.exec(rest);
    if (!label || !/\S/.test(label[1]!)) break;
    const destination = destinationLength(rest.slice(label[0].length));
    if (destination === 0) break;
    const after = rest.slice(label[0].length + destination);
    const end = DEFINITION_TITLE.exec(after) ?? DEFINITION_END.exec(after);
    if (!end) break;
    const length = label[0].length + destination + end[0].length;
    consumed += rest.slice(0, length).split('\n').length - (end[0].endsWith('\n') ? 1 : 0);
    rest = rest.slice(length);
    if (rest === '') break;
  }
  return consumed;
}

/**
 * Length of the link destination at the start of `text`, 0 when there is none: in
 * angle brackets, or bare up to white space or an unbalanced ")" (as commonmark.js
 * reads it; a bare one with a "(" left open is no destination).
 */
function destinationLength(text: string): number {
  const pointy = POINTY_DESTINATION.exec(text);
  if (pointy) return pointy[0].length;
  if (text.startsWith('<')) return 0;
  let depth = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) i += 1;
    else if (ch === '(') depth += 1;
    else if (ch === ')' && depth === 0) break;
    else if (ch === ')') depth -= 1;
    else if (/[ \t\n\v\f\r]/.test(ch)) break;
  }
  return depth === 0 ? i : 0;
}

function isSpaceOrTab(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

function isContainer(block: Block): block is ContainerBlock {
  return block.type === 'document' || block.type === 'quote' || block.type === 'item';
}

/** The cells of a table row as markdown-it splits it (an escaped pipe does not split). */
function tableCells(row: string): string[] {
  const cells = row.split(/(?<!\\)\|/);
  if (cells[0] === '') cells.shift();
  if (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/** Column count of a GFM delimiter row ("| --- | :-: |"), or 0 when it is not one. */
function delimiterColumns(row: string): number {
  if (!/^[|:-][|:\-\t ]/.test(row) || /^- /.test(row) || /^-\t/.test(row) || /[^|:\-\t ]/.test(row)) return 0;
  const cells = row.split('|');
  let count = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!.trim();
    if (cell === '' && (i === 0 || i === cells.length - 1)) continue;
    if (!/^:?-+:?$/.test(cell)) return 0;
    count += 1;
  }
  return count;
}

class BlockScanner {
  private readonly stack: Block[] = [{ type: 'document' }];
  readonly headings: HeadingSite[] = [];
  readonly tableFixes: TableFix[] = [];

  // The current line and the position reached in it, as in commonmark.js.
  private lineIndex = 0;
  private ln = '';
  private offset = 0;
  private column = 0;
  private nextNonspace = 0;
  private nextNonspaceColumn = 0;
  private indent = 0;
  private indented = false;
  private blank = false;
  private allClosed = true;
  private lastMatched = 0;
  private unmatchedClosed = false;
  private newContainer = false;
  private paragraphWasOpen = false;

  constructor(
    private readonly lines: readonly string[],
    /** Read GFM tables (false: plain CommonMark, where a table is a paragraph). */
    private readonly tables: boolean,
  ) {}

  scan(): BlockScan {
    this.lines.forEach((line, index) => this.incorporateLine(line, index));
    return { headings: this.headings, tableFixes: this.tableFixes, closer: this.closer() };
  }

  private get tip(): Block {
    return this.stack[this.stack.length - 1]!;
  }

  private findNextNonspace(): void {
    let i = this.offset;
    let cols = this.column;
    let ch: string | undefined;
    while ((ch = this.ln[i]) !== undefined) {
      if (ch === ' ') {
        i++;
        cols++;
      } else if (ch === '\t') {
        i++;
        cols += 4 - (cols % 4);
      } else break;
    }
    this.blank = ch === undefined;
    this.nextNonspace = i;
    this.nextNonspaceColumn = cols;
    this.indent = cols - this.column;
    this.indented = this.indent >= 4;
  }

  private advanceNextNonspace(): void {
    this.offset = this.nextNonspace;
    this.column = this.nextNonspaceColumn;
  }

  /** Advances by characters, or by columns (a tab may then be consumed only partly). */
  private advanceOffset(count: number, columns: boolean): void {
    let ch: string | undefined;
    while (count > 0 && (ch = this.ln[this.offset]) !== undefined) {
      if (ch === '\t') {
        const toTab = 4 - (this.column % 4);
        if (columns) {
          const partial = toTab > count;
          const step = partial ? count : toTab;
          this.column += step;
          this.offset += partial ? 0 : 1;
          count -= step;
        } else {
          this.column += toTab;
          this.offset += 1;
          count -= 1;
        }
      } else {
        this.offset += 1;
        this.column += 1;
        count -= 1;
      }
    }
  }

  private rest(): string {
    return this.ln.slice(this.nextNonspace);
  }

  private closeUnmatched(): void {
    if (this.unmatchedClosed) return;
    this.stack.length = this.lastMatched + 1;
    this.unmatchedClosed = true;
  }

  /** Adds a block inside the innermost open container, closing any open leaf first. */
  private addChild(block: Block | null): void {
    this.closeUnmatched();
    while (!isContainer(this.tip)) this.stack.pop();
    const parent = this.tip;
    if (parent.type === 'item') parent.hasChild = true;
    if (block) this.stack.push(block);
  }

  private containerPath(): ContainerPath {
    const path: Array<{ type: 'quote' } | { type: 'item'; indent: number }> = [];
    for (const block of this.stack) {
      if (block.type === 'quote') path.push({ type: 'quote' });
      else if (block.type === 'item') path.push({ type: 'item', indent: block.indent });
    }
    return path;
  }

  private incorporateLine(line: string, index: number): void {
    this.lineIndex = index;
    this.ln = line;
    this.offset = 0;
    this.column = 0;
    this.unmatchedClosed = false;
    this.newContainer = false;
    // A table takes following lines as rows, as a paragraph takes them as its text.
    this.paragraphWasOpen = this.tip.type === 'paragraph' || this.tip.type === 'table';
    const oldTipIndex = this.stack.length - 1;

    let matched = 0;
    for (let k = 1; k < this.stack.length; k++) {
      this.findNextNonspace();
      const result = this.continueBlock(this.stack[k]!);
      if (result === 'line-done') {
        this.stack.length = k; // a closing code fence: the fence ends here
        return;
      }
      if (result === 'no') break;
      matched = k;
    }
    this.lastMatched = matched;
    this.allClosed = matched === oldTipIndex;

    let container: Block = this.stack[matched]!;
    if (container.type === 'table') this.checkTableLine();
    let matchedLeaf = container.type === 'fence' || container.type === 'indented' || container.type === 'html';
    while (!matchedLeaf) {
      this.findNextNonspace();
      const result = this.tryStarts(container);
      if (result === 'none') {
        this.advanceNextNonspace();
        break;
      }
      if (result === 'line-done') return;
      container = this.tip;
      if (result === 'leaf') matchedLeaf = true;
    }
    this.addText(container);
  }

  /** The rest of the line is text: a lazy paragraph line, a line of the open leaf, or a new paragraph. */
  private addText(container: Block): void {
    if (!this.allClosed && !this.blank && this.tip.type === 'paragraph') {
      this.addParagraphLine(this.tip, true);
      return;
    }
    this.closeUnmatched();
    if (container.type === 'paragraph') this.addParagraphLine(container);
    else if (container.type === 'html') {
      if (container.closer.test(this.ln.slice(this.offset)) && !container.closer.test('')) this.stack.pop();
    } else if (container.type === 'table' || container.type === 'fence' || container.type === 'indented') {
      // the line belongs to the open leaf
    } else if (this.offset < this.ln.length && !this.blank) {
      const paragraph: LeafBlock = { type: 'paragraph', lines: [] };
      this.addChild(paragraph);
      this.advanceNextNonspace();
      this.addParagraphLine(paragraph);
    }
  }

  /** A line continuing a table that CommonMark would read as a setext underline (see TableFix). */
  private checkTableLine(): void {
    this.findNextNonspace();
    const rest = this.rest();
    if (this.indented || !SETEXT_LINE.test(rest)) return;
    const endsTable = /^-[ \t]*$/.test(rest) || /^-{3,}[ \t]*$/.test(rest);
    this.tableFixes.push({
      kind: endsTable ? 'blank-before' : 'escape',
      line: this.lineIndex,
      at: this.nextNonspace,
      containers: this.containerPath(),
    });
  }

  private addParagraphLine(paragraph: { lines: ParagraphLine[] }, lazy = false): void {
    paragraph.lines.push({
      line: this.lineIndex,
      offset: this.offset,
      indent: this.indent,
      newContainer: this.newContainer,
      afterParagraph: this.paragraphWasOpen && paragraph.lines.length === 0,
      lazy,
      opensParagraph: paragraph.lines.length === 0,
    });
  }

  private continueBlock(block: Block): 'yes' | 'no' | 'line-done' {
    switch (block.type) {
      case 'document':
        return 'yes';
      case 'quote':
        if (this.indented || this.ln[this.nextNonspace] !== '>') return 'no';
        this.advanceNextNonspace();
        this.advanceOffset(1, false);
        if (isSpaceOrTab(this.ln[this.offset])) this.advanceOffset(1, true);
        return 'yes';
      case 'item':
        if (this.blank) {
          if (!block.hasChild) return 'no';
          this.advanceNextNonspace();
          return 'yes';
        }
        if (this.indent < block.indent) return 'no';
        this.advanceOffset(block.indent, true);
        return 'yes';
      case 'fence':
        return this.continueFence(block);
      case 'indented':
        if (this.indent >= 4) this.advanceOffset(4, true);
        else if (this.blank) this.advanceNextNonspace();
        else return 'no';
        return 'yes';
      case 'html':
        return this.blank && block.kind >= 6 ? 'no' : 'yes';
      case 'paragraph':
      case 'table':
        return this.blank ? 'no' : 'yes';
    }
  }

  private continueFence(fence: { char: string; length: number; indent: number }): 'yes' | 'line-done' {
    if (this.indent <= 3 && this.ln[this.nextNonspace] === fence.char) {
      const match = CLOSING_FENCE.exec(this.rest());
      if (match && match[0].length >= fence.length) return 'line-done';
    }
    for (let i = fence.indent; i > 0 && isSpaceOrTab(this.ln[this.offset]); i--) this.advanceOffset(1, true);
    return 'yes';
  }

  /** 'container': a quote or list item opened; 'leaf': a leaf opened and takes the line's text; 'line-done': nothing more to read. */
  private tryStarts(container: Block): 'none' | 'container' | 'leaf' | 'line-done' {
    return (
      this.startQuote() ??
      this.startAtxHeading() ??
      this.startFence() ??
      this.startHtml(container) ??
      this.startTable(container) ??
      this.startSetextHeading(container) ??
      this.startThematicBreak() ??
      this.startListItem(container) ??
      this.startIndentedCode() ??
      'none'
    );
  }

  private startQuote(): 'container' | null {
    if (this.indented || this.ln[this.nextNonspace] !== '>') return null;
    this.advanceNextNonspace();
    this.advanceOffset(1, false);
    if (isSpaceOrTab(this.ln[this.offset])) this.advanceOffset(1, true);
    this.addChild({ type: 'quote' });
    this.newContainer = true;
    return 'container';
  }

  private startAtxHeading(): 'line-done' | null {
    if (this.indented) return null;
    const match = ATX_MARKER.exec(this.rest());
    if (!match) return null;
    this.addChild(null);
    this.headings.push({
      kind: 'atx',
      line: this.lineIndex,
      at: this.nextNonspace,
      level: match[0].trim().length,
      containers: this.containerPath(),
      endsParagraph: this.paragraphWasOpen && !this.newContainer,
    });
    return 'line-done';
  }

  private startFence(): 'line-done' | null {
    if (this.indented) return null;
    const match = CODE_FENCE.exec(this.rest());
    if (!match) return null;
    this.addChild({ type: 'fence', char: match[0][0]!, length: match[0].length, indent: this.indent });
    return 'line-done';
  }

  private startHtml(container: Block): 'leaf' | null {
    if (this.indented || this.ln[this.nextNonspace] !== '<') return null;
    const text = this.rest();
    const lazyParagraph = !this.allClosed && !this.blank && this.tip.type === 'paragraph';
    for (let kind = 1; kind <= 7; kind++) {
      const { open, close } = HTML_BLOCKS[kind - 1]!;
      const match = open.exec(text);
      if (!match) continue;
      // Kind 7 (any complete tag alone on its line) cannot interrupt a paragraph or a table.
      if (kind === 7 && (container.type === 'paragraph' || container.type === 'table' || lazyParagraph)) return null;
      this.addChild({ type: 'html', kind, closer: close, opener: match[1] ?? '' });
      return 'leaf';
    }
    return null;
  }

  /** A GFM delimiter row under a paragraph's last line turns that line into a table header. */
  private startTable(container: Block): 'line-done' | null {
    if (!this.tables || this.indented || container.type !== 'paragraph' || this.tip !== container) return null;
    const columns = delimiterColumns(this.rest());
    const header = container.lines[container.lines.length - 1];
    if (columns === 0 || !header || header.indent >= 4 || header.lazy) return null;
    const headerText = this.lines[header.line]!.slice(header.offset).trim();
    if (!headerText.includes('|') || tableCells(headerText).length !== columns) return null;
    container.lines.pop();
    this.addChild({ type: 'table' });
    if (SETEXT_LINE.test(this.rest())) {
      this.tableFixes.push({ kind: 'delimiter', line: this.lineIndex, at: this.nextNonspace, containers: this.containerPath() });
    }
    return 'line-done';
  }

  private startSetextHeading(container: Block): 'line-done' | null {
    if (this.indented || container.type !== 'paragraph' || !SETEXT_LINE.test(this.rest())) return null;
    const texts = container.lines.map((l) => this.lines[l.line]!.slice(l.offset));
    const lines = container.lines.slice(definitionLines(texts));
    if (lines.length === 0) return null;
    this.addChild(null);
    this.headings.push({
      kind: 'setext',
      lines,
      underline: this.lineIndex,
      underlineAt: this.nextNonspace,
      level: this.rest()[0] === '=' ? 1 : 2,
      containers: this.containerPath(),
    });
    return 'line-done';
  }

  private startThematicBreak(): 'line-done' | null {
    if (this.indented || !THEMATIC_BREAK.test(this.rest())) return null;
    this.addChild(null);
    return 'line-done';
  }

  private startListItem(container: Block): 'container' | null {
    if (this.indent >= 4) return null;
    const rest = this.rest();
    const inParagraph = container.type === 'paragraph';
    let marker = BULLET_MARKER.exec(rest)?.[0];
    if (!marker) {
      const ordered = ORDERED_MARKER.exec(rest);
      if (!ordered || (inParagraph && ordered[1] !== '1')) return null;
      marker = ordered[0];
    }
    const after = this.ln[this.nextNonspace + marker.length];
    if (after !== undefined && !isSpaceOrTab(after)) return null;
    if (inParagraph && !/[^ \t]/.test(this.ln.slice(this.nextNonspace + marker.length))) return null;
    const markerOffset = this.indent;
    this.advanceNextNonspace();
    this.advanceOffset(marker.length, true);
    const spacesStartColumn = this.column;
    const spacesStartOffset = this.offset;
    do {
      this.advanceOffset(1, true);
    } while (this.column - spacesStartColumn < 5 && isSpaceOrTab(this.ln[this.offset]));
    const blankItem = this.ln[this.offset] === undefined;
    const spaces = this.column - spacesStartColumn;
    let padding: number;
    if (spaces >= 5 || spaces < 1 || blankItem) {
      padding = marker.length + 1;
      this.column = spacesStartColumn;
      this.offset = spacesStartOffset;
      if (isSpaceOrTab(this.ln[this.offset])) this.advanceOffset(1, true);
    } else {
      padding = marker.length + spaces;
    }
    this.addChild({ type: 'item', indent: markerOffset + padding, hasChild: false });
    this.newContainer = true;
    return 'container';
  }

  private startIndentedCode(): 'leaf' | null {
    if (!this.indented || this.tip.type === 'paragraph' || this.blank) return null;
    this.advanceOffset(4, true);
    this.addChild({ type: 'indented' });
    return 'leaf';
  }

  private closer(): string | null {
    const top = this.stack[1];
    if (!top) return null;
    if (top.type === 'fence') return top.char.repeat(top.length);
    if (top.type === 'html' && top.kind === 1) return `</${top.opener.toLowerCase()}>`;
    if (top.type === 'html' && top.kind <= 5) return HTML_CLOSERS[top.kind]!;
    return null;
  }
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function scanBlocks(lines: readonly string[], tables = true): BlockScan {
  return new BlockScanner(lines, tables).scan();
}

// ---------------------------------------------------------------------------
// Markdown bodies: the rewrite

/** A blank line that stays inside the given containers (quotes need their ">"). */
function blankLineIn(containers: ContainerPath): string {
  return containers
    .map((c) => (c.type === 'quote' ? '> ' : ' '.repeat(c.indent)))
    .join('')
    .trimEnd();
}

/** The start of a line continuing the given containers, ready for content. */
function contentPrefix(containers: ContainerPath): string {
  return containers.map((c) => (c.type === 'quote' ? '> ' : ' '.repeat(c.indent))).join('');
}

/** ATX heading text: the line after its marker, without the optional closing sequence. */
function atxText(line: string, heading: AtxHeading): string {
  const text = trimSpaces(line.slice(heading.at + heading.level));
  if (/^#+$/.test(text)) return '';
  return text.replace(/[ \t]+#+[ \t]*$/, '');
}

/** Trims what CommonMark trims: spaces and tabs only (a no-break space is content). */
function trimSpaces(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * A setext heading's lines joined into one line of ATX content. A line break inside
 * the heading reads as a space (inside a code span too), so the lines are joined
 * with one, keeping their trailing spaces; a line ending in a backslash hard break
 * loses the backslash, which would otherwise become literal.
 */
function joinHeadingLines(texts: string[]): string {
  return texts
    .map((text, i) => {
      if (i === texts.length - 1) return trimSpaces(text);
      return /(^|[^\\])(\\\\)*\\$/.test(text) ? text.slice(0, -1) : text;
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

interface Replacement {
  /** Lines to write instead of the original line (none: the line is dropped). */
  lines: string[];
  blankBefore?: string;
  blankAfter?: string;
}

function atxReplacement(lines: readonly string[], heading: AtxHeading, level: number): Replacement {
  const line = lines[heading.line]!;
  const prefix = line.slice(0, heading.at);
  if (level <= 6) return { lines: [prefix + '#'.repeat(level) + line.slice(heading.at + heading.level)] };
  const blank = blankLineIn(heading.containers);
  return {
    lines: [prefix + strong(atxText(line, heading))],
    ...(heading.endsParagraph ? { blankBefore: blank } : {}),
    blankAfter: blank,
  };
}

function setextReplacements(lines: readonly string[], heading: SetextHeading, level: number, edits: Map<number, Replacement>): void {
  const first = heading.lines[0]!;
  const text = joinHeadingLines(heading.lines.map((l) => lines[l.line]!.slice(l.offset)));
  // A paragraph's first line is indented less than 4 columns, and may hold the list
  // marker; a later line (after link reference definitions) may be indented any
  // amount or be lazy, so its containers are written afresh.
  const prefix = first.opensParagraph ? lines[first.line]!.slice(0, first.offset) : contentPrefix(heading.containers);
  const blank = blankLineIn(heading.containers);
  const asStrong = level > 6;
  edits.set(
    first.line,
    asStrong
      ? { lines: [prefix + strong(text)], ...(first.afterParagraph && !first.newContainer ? { blankBefore: blank } : {}) }
      : { lines: [`${prefix}${'#'.repeat(level)} ${atxContent(text)}`] },
  );
  for (const l of heading.lines.slice(1)) edits.set(l.line, { lines: [] });
  // The underline is the heading's last line: a separating blank line goes after it,
  // also after a heading with a pipe, which markdown-it would read as a table header
  // if a delimiter row followed.
  edits.set(heading.underline, asStrong || text.includes('|') ? { lines: [], blankAfter: blank } : { lines: [] });
}

/** Blank in CommonMark's sense: spaces and tabs only (a no-break space is text). */
function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/** How to keep a line that is a setext underline only to plain CommonMark from being one (see TableFix). */
function underlineFix(line: string, at: number): TableFix['kind'] {
  const rest = line.slice(at);
  return /^-[ \t]*$/.test(rest) || /^-{3,}[ \t]*$/.test(rest) ? 'blank-before' : 'escape';
}

function tableFixReplacement(lines: readonly string[], fix: TableFix): Replacement {
  const line = lines[fix.line]!;
  const prefix = line.slice(0, fix.at);
  switch (fix.kind) {
    case 'escape':
      return { lines: [`${prefix}\\${line.slice(fix.at)}`] };
    case 'delimiter':
      return { lines: [`${prefix}| --- |`] };
    case 'blank-before':
      return { lines: [line], blankBefore: blankLineIn(fix.containers) };
  }
}

function applyEdits(lines: readonly string[], edits: Map<number, Replacement>): string[] {
  const out: string[] = [];
  lines.forEach((line, index) => {
    const edit = edits.get(index);
    if (!edit) {
      out.push(line);
      return;
    }
    const previous = out[out.length - 1];
    if (edit.blankBefore !== undefined && previous !== undefined && !isBlank(previous)) out.push(edit.blankBefore);
    out.push(...edit.lines);
    const next = lines[index + 1];
    if (edit.blankAfter !== undefined && next !== undefined && !isBlank(next)) out.push(edit.blankAfter);
  });
  return out;
}

/**
 * Prepares a note body (Markdown) for embedding: its headings are shifted so that
 * "#" becomes level `minHeadingLevel`, and any deeper than 6 become strong text on
 * a paragraph of their own; a code fence or raw HTML block left open at the end is
 * closed, since it would otherwise swallow the rest of the document. Leading and
 * trailing blank lines are dropped. Returns the body's lines.
 */
export function embedMarkdown(body: string, minHeadingLevel: number): string[] {
  const lines = splitLines(body);
  while (lines.length > 0 && isBlank(lines[lines.length - 1]!)) lines.pop();
  while (lines.length > 0 && isBlank(lines[0]!)) lines.shift();
  if (lines.length === 0) return [];
  const gfm = scanBlocks(lines, true);
  const edits = plainCommonMarkEdits(lines, gfm, minHeadingLevel);
  for (const fix of gfm.tableFixes) edits.set(fix.line, tableFixReplacement(lines, fix));
  for (const heading of gfm.headings) demote(lines, heading, minHeadingLevel, edits);
  const out = applyEdits(lines, edits);
  if (gfm.closer !== null) out.push(gfm.closer);
  return out;
}

function demote(lines: readonly string[], heading: HeadingSite, minHeadingLevel: number, edits: Map<number, Replacement>): void {
  const level = heading.level + minHeadingLevel - 1;
  if (level === heading.level) return;
  if (heading.kind === 'atx') edits.set(heading.line, atxReplacement(lines, heading, level));
  else setextReplacements(lines, heading, level, edits);
}

/**
 * A GFM reader and a plain CommonMark reader disagree about a body only around
 * GFM tables (a table is a paragraph to CommonMark, which the lines after it may
 * continue or underline). Whatever CommonMark alone reads as a heading must not
 * be one in the document either: its setext underlines are neutralized (GFM did not
 * read them as underlines), and its ATX headings demoted like the others.
 */
function plainCommonMarkEdits(lines: readonly string[], gfm: BlockScan, minHeadingLevel: number): Map<number, Replacement> {
  const edits = new Map<number, Replacement>();
  if (gfm.tableFixes.length === 0 && !lines.some((line) => line.includes('|'))) return edits;
  const gfmLines = new Set(gfm.headings.map((h) => (h.kind === 'atx' ? h.line : h.underline)));
  for (const heading of scanBlocks(lines, false).headings) {
    if (heading.kind === 'atx' && !gfmLines.has(heading.line)) demote(lines, heading, minHeadingLevel, edits);
    if (heading.kind === 'setext' && !gfmLines.has(heading.underline)) {
      const line = lines[heading.underline]!;
      const kind = underlineFix(line, heading.underlineAt);
      edits.set(heading.underline, tableFixReplacement(lines, { kind, line: heading.underline, at: heading.underlineAt, containers: heading.containers }));
    }
  }
  return edits;
}
