/**
 * Making text safe to put into a Markdown document.
 *
 * Literal text (excerpts, titles, tags) is escaped so that a CommonMark + GFM
 * reader, and pandoc's own `markdown` reader, show exactly the original characters
 * and nothing else. Note bodies, which stay Markdown, are embedded by markdown-embed.ts.
 *
 * Pure string functions: no Node, DOM or Electron import.
 */
import { LinkifyIt, type Match } from 'linkify-it';

// ---------------------------------------------------------------------------
// Literal text

/**
 * Characters escaped wherever they are: each can open inline syntax (emphasis, code,
 * links, raw HTML, strikethrough, table cells, math on GitHub, headings' closing
 * sequence; in pandoc's `markdown` also superscript, attributes, and its "smart"
 * quotes). A backslash before ASCII punctuation always means that character.
 */
const ALWAYS_ESCAPED = /[\\`*_[\]<>#|~$^{'"]/;

/**
 * The abbreviations after which pandoc's "smart" reading turns the space into a
 * no-break space (its default data file `abbreviations`).
 */
const ABBREVIATIONS = new Set(
  ('aet. aetat. al. Apr. Aug. bk. Bros. c. Capt. cf. ch. chap. chs. Co. col. Corp. cp. d. Dec. Dr. e.g. ed. eds. esp. f. fasc. Feb. ff. fig. fl. fol. fols. ' +
    'Fr. Gen. Gov. Hon. i.e. ill. Inc. incl. Jan. Jr. Jul. Jun. Ltd. M.A. M.D. Mar. Mr. Mrs. Ms. n. n.b. nn. No. Nov. Oct. p. Ph.D. pp. Pres. Prof. pt. ' +
    'q.v. Rep. Rev. s.v. s.vv. saec. sec. Sen. Sep. Sept. Sgt. Sr. St. univ. viz. vol. vs.').split(' '),
);

/**
 * Pandoc's "smart" reading turns "--", "---" and "..." into dashes and an ellipsis,
 * and the space after "Mr." or "p." into a no-break space; an escaped "-" or "." is
 * left alone.
 */
function readsSmart(text: string, i: number): boolean {
  const ch = text[i];
  if ((ch === '-' || ch === '.') && text[i + 1] === ch) return true;
  if (ch !== '.' || !/[ \t\n]/.test(text[i + 1] ?? '')) return false;
  const word = /[A-Za-z.]*$/.exec(text.slice(Math.max(0, i - 8), i))![0];
  return ABBREVIATIONS.has(`${word}.`);
}

/** Pandoc reads a run of spaces and tabs as one space: a tab, or a space after one, is written as a reference. */
function collapsedByPandoc(text: string, i: number): boolean {
  const ch = text[i];
  return ch === '\t' || (ch === ' ' && (text[i - 1] === ' ' || text[i - 1] === '\t'));
}

/**
 * What pandoc's `markdown` reads as a list, a definition or an example item at the
 * start of a line, besides CommonMark's markers: "a." "iv)" "(b)" ": x" "(@)". The
 * index of the character to escape, or -1.
 */
function pandocMarkerAt(text: string): number {
  if (text.startsWith('(') || text.startsWith(':')) return 0;
  const match = /^(?:[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)](?=\s|$)/.exec(text);
  return match ? match[0].length - 1 : -1;
}

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

/**
 * Readers that link URLs in text by themselves (marked, pandoc) look for "www.",
 * "://" and "@" in the Markdown source, escapes included, and would take an escape
 * after them into the link. An escape of their "." or ":" or of the "@" keeps them
 * from seeing one; the text reads the same.
 */
function startsAutolink(text: string, i: number): boolean {
  const ch = text[i];
  return ch === '@' || (ch === ':' && text.startsWith('//', i + 1)) || (ch === '.' && /www$/i.test(text.slice(Math.max(0, i - 3), i)));
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
 * line, where block markers must be neutralized as well. Nothing becomes a link:
 * for text inside a link's own text.
 */
export function escapeInline(text: string, lineStart = false): string {
  return escapeRange(text, 0, text.length, lineStart);
}

/** escapeInline for the characters of `text` from `from` to `to`, at their place in the whole text. */
function escapeRange(text: string, from: number, to: number, lineStart: boolean): string {
  const markerEnd = lineStart ? orderedMarkerLength(text) : 0;
  const pandocMarker = lineStart ? pandocMarkerAt(text) : -1;
  let out = '';
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    // marked's block rules end a line at U+2028 and U+2029 too.
    if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') out += charRef(code);
    else if (((i === 0 || i === text.length - 1) && isEdgeSpace(code)) || collapsedByPandoc(text, i)) out += charRef(code);
    else if (ALWAYS_ESCAPED.test(ch) || startsAutolink(text, i) || readsSmart(text, i) || i === pandocMarker) out += '\\' + ch;
    else if (ch === '&' && ENTITY_START.test(text[i + 1] ?? '')) out += '\\&';
    else if (lineStart && i === 0 && BLOCK_START_CHARS.has(ch)) out += '\\' + ch;
    else if (markerEnd > 0 && i === markerEnd - 1) out += '\\' + ch;
    else out += ch;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Links in literal text

/*
 * Readers link URLs in text by themselves (markdown-it's linkify, GFM's autolinks in
 * marked, pandoc and GitHub), but they find them in the Markdown source, escapes
 * included: "a\_b" would link to ".../a%5C_b". So the URLs and email addresses
 * linkify-it finds are written as links already: an autolink "<…>" where that reads
 * exactly, else "[text](url)". Like GFM, a link without a scheme must start with
 * "www."; a bare domain stays text, which no reader links.
 */
const linkify = new LinkifyIt({ fuzzyLink: true });

/**
 * A CommonMark autolink whose text every reader shows as written: no escapes,
 * entities, percent signs, or white space and controls, which some trim or encode;
 * an email address with a dot in its domain, as marked wants, and not opening with
 * "!" or "?": "<!--a@b.c>" opening a line is an HTML comment to every reader, which
 * swallows the rest of the document ("<!x", "<?" open HTML blocks too). Its local part
 * is letters, digits and ". _ + -", starting with a letter or digit: pandoc's own
 * reader takes no other as an address.
 */
const PLAIN_AUTOLINK = /^(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s\p{Cc}\\%&]*|[a-zA-Z0-9][a-zA-Z0-9._+-]*@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+)$/u;

/** Links linkify-it finds: with a scheme, or starting "www.". */
function linkifyMatches(text: string): Match[] {
  return (linkify.match(text) ?? []).filter((m) => m.schema !== '' || /^www\./i.test(m.raw));
}

/**
 * The links in `text`: what linkify-it finds, and, as marked does, a URL right
 * after a letter ("Syriahttps://…", "xwww.…"), which linkify-it wants a boundary
 * before.
 */
function links(text: string): Match[] {
  const found = linkifyMatches(text);
  for (const start of text.matchAll(/(?:https?|ftp):\/\/|www\./gi)) {
    const match = linkifyMatches(text.slice(start.index))[0];
    if (match?.index === 0) found.push({ ...match, index: start.index, lastIndex: match.lastIndex + start.index });
  }
  found.sort((a, b) => a.index - b.index || b.lastIndex - a.lastIndex);
  return found.filter((m, i) => !found.slice(0, i).some((other) => other.lastIndex > m.index));
}

/**
 * Like escapeInline, but the URLs and email addresses in `text` become links that
 * read and link exactly in every reader: for excerpts, titles and tags.
 */
export function literalInline(text: string, lineStart = false): string {
  let out = '';
  let from = 0;
  for (const link of links(text)) {
    const autolink = PLAIN_AUTOLINK.test(link.raw);
    // "!" before "[…](…)" would make it an image.
    const bang = !autolink && text[link.index - 1] === '!';
    out += escapeRange(text, from, link.index - (bang ? 1 : 0), lineStart) + (bang ? '\\!' : '');
    out += autolink ? `<${link.raw}>` : `[${linkText(link.raw)}](${pointyDestination(link.url)})`;
    from = link.lastIndex;
  }
  return out + escapeRange(text, from, text.length, lineStart);
}

/**
 * A URL as the text of its own link: escapeInline breaks "www.", "://" and "@",
 * where pandoc would link again inside the link, and brackets are character
 * references, since marked reads escaped ones in a link's text as live.
 */
function linkText(url: string): string {
  return escapeInline(url).replace(/\\\[/g, '&#91;').replace(/\\\]/g, '&#93;');
}

/**
 * A link destination in angle brackets, which allow spaces and parentheses;
 * backslashes escape "<", ">" and themselves. An "&" is written "&amp;": readers
 * decode entity references in a destination, and marked passes them on to the
 * HTML, which decodes them too; either way "&amp;" reads as one "&". Brackets,
 * which must be percent-encoded in a URL's path and query anyway, are, since
 * marked cuts a link at a "](" in its destination.
 */
export function pointyDestination(url: string): string {
  const escaped = url.replace(/[\\<>]/g, (ch) => '\\' + ch).replace(/&/g, '&amp;');
  return `<${escaped.replace(/\[/g, '%5B').replace(/\]/g, '%5D')}>`;
}

/**
 * Splits an excerpt into the paragraphs of its blockquote. The canonical text joins
 * paragraphs with exactly "\n\n", so only such a break between two non-empty pieces
 * becomes a paragraph break, unless a carriage return comes before it (a browser
 * reads "\r\n" as one line break, which would be lost at the end of a paragraph);
 * any other line break stays inside a paragraph (as a character reference), so
 * nothing is lost.
 */
export function quoteParagraphs(text: string): string[] {
  const pieces = text.split(/(\n+)/);
  const paragraphs: string[] = [];
  let current = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    // After a carriage return, "\n\n" is "\r\n" (one line break) and "\n".
    const isBreak = piece === '\n\n' && current !== '' && !current.endsWith('\r') && (pieces[i + 1] ?? '') !== '';
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
    lines.push(`> ${literalInline(paragraph, true)}`);
  });
  return lines;
}

/**
 * A link destination, or null when the URL must not become a link. Only web links
 * are linked (an imported article's source could say `javascript:`); the angle
 * bracket form allows spaces and parentheses, and backslashes escape the rest.
 */
export function linkDestination(url: string): string | null {
  return /^https?:\/\/[^\s<>]+$/i.test(url) ? pointyDestination(url) : null;
}

// ---------------------------------------------------------------------------
// YAML

/** What pandoc's `markdown` reader takes as markup anywhere in a one-line value. */
const PANDOC_ACTIVE = /[\\`*_[\]<>~^$@{'"]/;

/** What starts a block in pandoc's `markdown` when it opens the value. */
const PANDOC_BLOCK_START = new Set(['>', '-', '+', '#', '|', '%']);

/** A character reference pandoc would decode. */
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * Text that pandoc's `markdown` reader reads back exactly as one line: pandoc reads
 * every string of the front matter as Markdown, so "*stars*" or "<tags>" would become
 * markup. Only what pandoc would take as markup is escaped, so web addresses and
 * plain words stay as written for the other readers of the front matter.
 */
export function pandocText(text: string): string {
  const markerEnd = orderedMarkerLength(text);
  const pandocMarker = pandocMarkerAt(text);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') out += charRef(code);
    else if (((i === 0 || i === text.length - 1) && isEdgeSpace(code)) || collapsedByPandoc(text, i)) out += charRef(code);
    else if (PANDOC_ACTIVE.test(ch) || readsSmart(text, i) || i === pandocMarker || (i === 0 && PANDOC_BLOCK_START.has(ch)) || (markerEnd > 0 && i === markerEnd - 1)) out += '\\' + ch;
    else if (ch === '&' && ENTITY.test(text.slice(i, i + 40))) out += '\\&';
    else out += ch;
  }
  return out;
}

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

/** A front matter value that reads as exactly `text` in YAML, and then in pandoc's `markdown`. */
export function yamlText(text: string): string {
  return yamlString(pandocText(text));
}
