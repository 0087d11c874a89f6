/**
 * Test helpers: reading an exported Markdown file back with markdown-it, an
 * independent CommonMark parser, to check what a reader would actually see.
 * Used by the export tests only.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** GFM-ish: tables and strikethrough (markdown-it's default preset), raw HTML on, autolinks on. */
export const gfm = new MarkdownIt({ html: true, linkify: true });
/** Strict CommonMark. */
export const commonmark = new MarkdownIt('commonmark');

export const parsers = { gfm, commonmark } as const;

/** What a reader sees of an inline token's children: text, code, raw HTML, line breaks. */
export function inlineText(inline: Token): string {
  let text = '';
  for (const child of inline.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline' || child.type === 'html_inline' || child.type === 'text_special') {
      text += child.content;
    } else if (child.type === 'softbreak' || child.type === 'hardbreak') {
      text += '\n';
    } else if (child.type === 'image') {
      text += inlineText(child);
    }
  }
  return text;
}

/**
 * The inline children that are formatting (emphasis, code…), which escaped text
 * must never produce. Links are not: the URLs in literal text are linked on
 * purpose, and keep their text (the export tests check where they point).
 */
export function formattingTokens(inline: Token): string[] {
  const plain = new Set(['text', 'text_special', 'softbreak', 'link_open', 'link_close']);
  return (inline.children ?? []).filter((c) => !plain.has(c.type)).map((c) => c.type);
}

/** Index of the token closing the block opened at `open`. */
export function closeIndex(tokens: Token[], open: number): number {
  const type = tokens[open]!.type.replace(/_open$/, '_close');
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === tokens[open]!.type) depth += 1;
    else if (t.type === type) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new Error(`unclosed ${tokens[open]!.type}`);
}

export interface Quote {
  /** The quote's text as rendered: its paragraphs' inline text joined by "\n\n". */
  text: string;
  formatting: string[];
  /** The heading right before the quote (our excerpt label), if any. */
  heading: string | null;
  /** Only paragraphs directly inside (a nested list or heading would be a failure). */
  onlyParagraphs: boolean;
}

/** Top-level blockquotes, each with the heading right above it (null: not right after a heading, as in a note body). */
export function blockquotes(tokens: Token[]): Quote[] {
  const quotes: Quote[] = [];
  let lastHeading: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') lastHeading = inlineText(tokens[i + 1]!);
    else if (t.level === 0 && t.nesting !== -1 && t.type !== 'blockquote_open') lastHeading = null;
    if (t.type !== 'blockquote_open' || t.level !== 0) continue;
    const end = closeIndex(tokens, i);
    const paragraphs: string[] = [];
    const formatting: string[] = [];
    let onlyParagraphs = true;
    for (let j = i + 1; j < end; j++) {
      const inner = tokens[j]!;
      if (inner.type === 'inline') {
        paragraphs.push(inlineText(inner));
        formatting.push(...formattingTokens(inner));
      } else if (!['paragraph_open', 'paragraph_close'].includes(inner.type)) {
        onlyParagraphs = false;
      }
    }
    quotes.push({ text: paragraphs.join('\n\n'), formatting, heading: lastHeading, onlyParagraphs });
    lastHeading = null;
    i = end;
  }
  return quotes;
}

export interface TaskItem {
  checked: boolean;
  /** "[-]": cancelled (Obsidian Tasks), which GFM shows as text. */
  cancelled: boolean;
  /** Inline text of the item's first paragraph, after the "[ ] " marker. */
  label: string;
  /** The Markdown source of that paragraph after the marker (a note's "[x]: url" definition can turn the marker into a link). */
  source: string;
  /** Everything inside the item, as tokens. */
  tokens: Token[];
}

/** Task list items: list items whose first paragraph starts with "[ ] ", "[x] " or "[-] ". */
export function taskItems(tokens: Token[]): TaskItem[] {
  const items: TaskItem[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'list_item_open') continue;
    const end = closeIndex(tokens, i);
    const inline = tokens[i + 2];
    if (tokens[i + 1]?.type === 'paragraph_open' && inline?.type === 'inline') {
      const match = /^\[( |x|X|-)\] /.exec(inline.content);
      if (match) {
        items.push({ checked: match[1] === 'x' || match[1] === 'X', cancelled: match[1] === '-', label: inlineText(inline).slice(4), source: inline.content.slice(4), tokens: tokens.slice(i + 1, end) });
      }
    }
  }
  return items;
}

export interface Heading {
  level: number;
  text: string;
  /** Index of its heading_open token. */
  index: number;
}

export function headings(tokens: Token[]): Heading[] {
  const found: Heading[] = [];
  tokens.forEach((t, index) => {
    if (t.type === 'heading_open') found.push({ level: Number(t.tag.slice(1)), text: inlineText(tokens[index + 1]!), index });
  });
  return found;
}

/** Every piece of text a reader could see or a search could find, in order. */
export function allText(tokens: Token[]): string {
  return tokens
    .map((t) => (t.type === 'inline' ? inlineText(t) : t.content))
    .filter((s) => s !== '')
    .join('\n');
}

/**
 * Splits off YAML front matter and reads it with a tiny parser for the subset the
 * exporter writes: `key: value` and nested maps by two-space indentation, values
 * being JSON-compatible double-quoted strings or numbers. Anything else throws.
 */
export function splitFrontMatter(markdown: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error('no front matter');
  const root: Record<string, unknown> = {};
  const stack: Array<{ indent: number; map: Record<string, unknown> }> = [{ indent: -1, map: root }];
  let list: unknown[] | null = null;
  for (const line of match[1]!.split('\n')) {
    const item = /^ {2}- (.*)$/.exec(line);
    if (item && list) {
      list.push(JSON.parse(item[1]!));
      continue;
    }
    const m = /^( *)([a-z_]+):(?: (.*))?$/.exec(line);
    if (!m) throw new Error(`front matter line not understood: ${JSON.stringify(line)}`);
    const indent = m[1]!.length;
    while (stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1]!.map;
    list = null;
    if (m[2] === 'tags') {
      list = m[3] === '[]' ? [] : m[3] === undefined ? [] : null;
      if (list === null) throw new Error(`tags must be a YAML list: ${JSON.stringify(line)}`);
      parent.tags = list;
    } else if (m[3] === undefined) {
      const child: Record<string, unknown> = {};
      parent[m[2]!] = child;
      stack.push({ indent, map: child });
    } else {
      // A plain YAML date ("date: 2025-03-15") is the one unquoted string we write.
      parent[m[2]!] = /^\d{4}-\d\d-\d\d$/.test(m[3]) ? m[3] : JSON.parse(m[3]);
    }
  }
  return { data: root, body: markdown.slice(match[0].length) };
}

function isStrongParagraph(tokens: Token[], i: number): boolean {
  const children = (tokens[i + 1]?.children ?? []).filter((c) => !(c.type === 'text' && c.content === ''));
  const first = children[0];
  const last = children[children.length - 1];
  if (!first || !last || tokens[i]!.type !== 'paragraph_open') return false;
  if (first.type === 'strong_open' && last.type === 'strong_close') {
    // one strong run, not "**a** b **c**"
    return children.filter((c) => c.type === 'strong_open').length === 1;
  }
  return first.type === 'html_inline' && first.content === '<strong>' && last.type === 'html_inline' && last.content === '</strong>';
}

function normalized(text: string): string {
  return text
    .replace(/^<strong>|<\/strong>$/g, '')
    .replace(/[ \t\n]+/g, ' ')
    .trim();
}

/**
 * The document's block structure as a list of strings, headings mapped to the
 * level they should have after demotion ("STRONG" beyond 6). List tightness is
 * left out: separating a strong line from its neighbours may loosen a list.
 */
export function shape(tokens: Token[], shift: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') {
      const level = Number(t.tag.slice(1)) + shift;
      out.push(level > 6 ? 'STRONG' : `h${level}`, `text:${normalized(inlineText(tokens[i + 1]!))}`);
      i += 2;
    } else if (isStrongParagraph(tokens, i)) {
      out.push('STRONG', `text:${normalized(inlineText(tokens[i + 1]!))}`);
      i += 2;
    } else if (t.type === 'inline') {
      out.push(`text:${inlineText(t)}`);
    } else if (['fence', 'code_block', 'html_block'].includes(t.type)) {
      out.push(`${t.type}:${t.content}`);
    } else {
      out.push(t.type);
    }
  }
  return out;
}

