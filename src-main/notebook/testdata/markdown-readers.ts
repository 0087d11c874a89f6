/**
 * Test helpers: an exported Markdown file as three independent readers show it.
 * Each reader renders HTML (raw HTML on, as a browser would show the file), which
 * parse5 then reads as a browser does; the page is summed up as its headings, its
 * top-level list items, its blockquotes, links and ids, each with the elements
 * that would hide, strike or swallow it.
 * Used by the export tests and the export soak only.
 */
import * as commonmark from 'commonmark';
import MarkdownIt from 'markdown-it';
import { Marked } from 'marked';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const commonmarkParser = new commonmark.Parser();
const commonmarkRenderer = new commonmark.HtmlRenderer();
const markdownIt = new MarkdownIt({ html: true, linkify: true });
const marked = new Marked({ gfm: true, async: false });

/** The reference CommonMark parser, markdown-it with linkify (GFM-ish), marked in GFM mode. */
export const RENDERERS = {
  'commonmark.js': (markdown: string): string => commonmarkRenderer.render(commonmarkParser.parse(markdown)),
  'markdown-it': (markdown: string): string => markdownIt.render(markdown),
  marked: (markdown: string): string => marked.parse(markdown) as string,
} as const;

export type ReaderName = keyof typeof RENDERERS;

/** Elements that hide, strike or turn into code what they hold. */
const SWALLOWING = new Set(['details', 's', 'del', 'strike', 'pre', 'code', 'template', 'noscript', 'textarea', 'script', 'style', 'title', 'iframe', 'object', 'select', 'summary']);

export interface Block {
  text: string;
  /** The nearest element around it that hides, strikes or swallows it, if any. */
  swallowedBy: string | null;
  /** Directly in the page's body, not inside a list, quote or other element. */
  topLevel: boolean;
}

export interface HeadingBlock extends Block {
  level: number;
  /** The text of the blockquote right after it, if one is. */
  quoteAfter: string | null;
}

export interface Page {
  headings: HeadingBlock[];
  /** Items of top-level lists: their first line, a checkbox written as "[x] " or "[ ] ". */
  items: Block[];
  /** Top-level blockquotes, paragraphs joined by "\n\n". */
  quotes: Block[];
  /** Every element, in document order (headings, items and quotes point into it). */
  elements: Element[];
  ids: string[];
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function children(node: Node): Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

/** What a reader sees of a node: its text, entities decoded; a line break is "\n". */
export function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  if (isElement(node) && node.tagName === 'br') return '\n';
  if (isElement(node) && node.tagName === 'img') return node.attrs.find((a) => a.name === 'alt')?.value ?? '';
  return children(node).map(textOf).join('');
}

function swallowedBy(element: Element): string | null {
  for (let node = element.parentNode; node && isElement(node); node = node.parentNode) {
    if (SWALLOWING.has(node.tagName)) return node.tagName;
  }
  return null;
}

function isTopLevel(element: Element): boolean {
  const parent = element.parentNode;
  return parent !== null && isElement(parent) && parent.tagName === 'body';
}

function walk(node: Node, visit: (element: Element) => void): void {
  if (isElement(node)) visit(node);
  if ('content' in node) walk(node.content, visit); // a <template>'s children
  for (const child of children(node)) walk(child, visit);
}

/** The inline text of a node up to its first block, a checkbox written as "[x]" or "[ ]". */
function inlineLine(node: Node): string {
  let line = '';
  for (const child of children(node)) {
    if (isElement(child) && child.tagName === 'input') line += child.attrs.some((a) => a.name === 'checked') ? '[x]' : '[ ]';
    // A second paragraph (pandoc writes "<p>…</p><p>…</p>" with no line break between) is another line.
    else if (isElement(child) && child.tagName === 'p') line += (/[^\]\s]$/.test(line) ? '\n' : '') + inlineLine(child);
    else if (isElement(child) && ['ul', 'ol', 'pre', 'blockquote', 'div', 'table', 'hr'].includes(child.tagName)) break;
    else line += textOf(child);
  }
  return line;
}

/** A list item's first line, a checkbox followed by one space, as the "[ ] " it stands for. */
function itemLine(item: Element): string {
  return inlineLine(item).trim().replace(/^(\[[ x]\])\s*/, '$1 ').split('\n')[0]!.trimEnd();
}

function quoteText(quote: Element): string {
  return quote.childNodes
    .filter(isElement)
    .map((p) => textOf(p))
    .join('\n\n');
}

function nextElement(element: Element): Element | null {
  const siblings = element.parentNode ? children(element.parentNode) : [];
  return siblings.slice(siblings.indexOf(element) + 1).find(isElement) ?? null;
}

function block(element: Element, text: string): Block {
  return { text, swallowedBy: swallowedBy(element), topLevel: isTopLevel(element) };
}

/** The page a browser would show for this HTML. */
export function readPage(html: string): Page {
  const page: Page = { headings: [], items: [], quotes: [], elements: [], ids: [] };
  walk(parse(html), (element) => {
    page.elements.push(element);
    const id = element.attrs.find((a) => a.name === 'id');
    if (id) page.ids.push(id.value);
    const heading = /^h([1-6])$/.exec(element.tagName);
    if (heading) {
      const next = nextElement(element);
      const quoteAfter = next?.tagName === 'blockquote' ? quoteText(next) : null;
      page.headings.push({ ...block(element, textOf(element)), level: Number(heading[1]), quoteAfter });
    }
    if (element.tagName === 'blockquote' && isTopLevel(element)) page.quotes.push(block(element, quoteText(element)));
    const list = element.parentNode;
    if (element.tagName === 'li' && list && isElement(list) && isTopLevel(list)) page.items.push(block(element, itemLine(element)));
  });
  return page;
}

/** The page each reader shows for a Markdown file. */
export function readAll(markdown: string): Record<ReaderName, Page> {
  return {
    'commonmark.js': readPage(RENDERERS['commonmark.js'](markdown)),
    'markdown-it': readPage(RENDERERS['markdown-it'](markdown)),
    marked: readPage(RENDERERS.marked(markdown)),
  };
}
