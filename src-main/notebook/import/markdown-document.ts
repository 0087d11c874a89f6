/**
 * Markdown (CommonMark + GFM) → the reader's ArticleDocument, read with
 * mdast-util-from-markdown. The conventions (shared with web pages where they meet):
 * - a leading level-1 heading is the title and leaves the blocks; YAML front matter is cut
 *   off and its `title:` wins when present (the leading heading then stays, unless it says
 *   the same);
 * - a paragraph in a list item is an item (depth = list nesting), in a block quote a quote
 *   (depth = quote nesting); a task item's text starts with "[ ] " or "[x] ";
 * - a table is one paragraph per row (header row too), non-empty cells joined by " | ";
 * - code keeps its lines; thematic breaks and link definitions give nothing;
 * - raw HTML is never interpreted: an HTML block shows the words a browser would show
 *   (no tags, no script or style text), inline tags are dropped and the text between them
 *   kept, and inline <script>/<style> content is dropped too;
 * - links keep only http, https and mailto destinations; images are their alt text;
 *   footnote references read "[label]" and a footnote's text starts with its label.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parents, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { DocumentBuilder, type ArticleDocument, type BlockKind, type MarkKind } from '../../shared/article-document';
import { splitFrontMatter } from './front-matter';
import { htmlText } from './html-text';
import { InlineText, joinCells } from './inline-text';
import { safeHref } from './safe-href';
import { codeText } from './white-space';

export interface MarkdownArticle {
  title?: string;
  document: ArticleDocument;
}

/** The block a paragraph makes where it stands: set by the innermost list item or block quote. */
interface Context {
  kind: 'paragraph' | 'item' | 'quote';
  level?: number;
  listDepth: number;
  quoteDepth: number;
}

const BODY: Context = { kind: 'paragraph', listDepth: 0, quoteDepth: 0 };

const PHRASING_MARKS: Readonly<Partial<Record<PhrasingContent['type'], MarkKind>>> = {
  emphasis: 'em',
  strong: 'strong',
  delete: 'strike',
};

/** Inline raw HTML whose content is code, not words: dropped up to its closing tag. */
const RAW_TEXT_TAG = /^<(script|style|textarea|title|template|noscript)\b/i;

class MarkdownConverter {
  private readonly builder = new DocumentBuilder();
  private readonly line = new InlineText();
  private readonly definitions = new Map<string, string>();
  /** The closing tag an inline <script> or <style> waits for; text until then is dropped. */
  private skipUntil: RegExp | null = null;

  constructor(root: Root) {
    collectDefinitions(root, this.definitions);
  }

  convert(nodes: readonly RootContent[]): ArticleDocument {
    this.blocks(nodes, BODY);
    return this.builder.build();
  }

  private add(kind: BlockKind, level: number | undefined): void {
    const { text, marks } = this.line.take();
    this.skipUntil = null;
    this.builder.add(kind, text, { ...(level !== undefined ? { level } : {}), marks });
  }

  /** Blocks in order; `prefix` opens the first one when it is a paragraph (a task box, a footnote label). */
  private blocks(nodes: readonly RootContent[], context: Context, prefix?: string): void {
    nodes.forEach((node, i) => {
      if (i === 0 && prefix && node.type === 'paragraph') this.line.append(prefix);
      this.block(node, context);
    });
  }

  private block(node: RootContent, context: Context): void {
    switch (node.type) {
      case 'heading':
        this.phrasing(node.children);
        return this.add('heading', node.depth);
      case 'paragraph':
        this.phrasing(node.children);
        return this.add(context.kind, context.level);
      case 'blockquote': {
        const quoteDepth = context.quoteDepth + 1;
        return this.blocks(node.children, { ...context, kind: 'quote', level: quoteDepth, quoteDepth });
      }
      case 'list': {
        const listDepth = context.listDepth + 1;
        return this.blocks(node.children, { ...context, listDepth });
      }
      case 'listItem': {
        const box = node.checked === true ? '[x] ' : node.checked === false ? '[ ] ' : undefined;
        return this.blocks(node.children, { ...context, kind: 'item', level: Math.max(1, context.listDepth) }, box);
      }
      case 'code':
        return this.builder.add('code', codeText(node.value));
      case 'html':
        this.line.append(htmlText(node.value));
        return this.add(context.kind, context.level);
      case 'table':
        return this.table(node, context);
      case 'footnoteDefinition':
        return this.blocks(node.children, context, `[${node.label ?? node.identifier}] `);
      case 'thematicBreak':
      case 'definition':
      case 'yaml':
        return;
      default:
        if ('children' in node) this.blocks(node.children as RootContent[], context);
    }
  }

  private table(node: Table, context: Context): void {
    for (const row of node.children) {
      const cells = row.children.map((cell) => {
        this.phrasing(cell.children);
        return this.line.take();
      });
      const { text, marks } = joinCells(cells);
      this.builder.add(context.kind, text, { ...(context.level !== undefined ? { level: context.level } : {}), marks });
    }
  }

  private phrasing(nodes: readonly PhrasingContent[]): void {
    for (const node of nodes) this.inline(node);
  }

  private inline(node: PhrasingContent): void {
    if (this.skipUntil) {
      if (node.type === 'html' && this.skipUntil.test(node.value)) this.skipUntil = null;
      return;
    }
    const mark = PHRASING_MARKS[node.type];
    if (mark && 'children' in node) return this.marked(mark, undefined, node.children);
    switch (node.type) {
      case 'text':
        return this.line.append(node.value);
      case 'inlineCode':
        return this.marked('code', undefined, [{ type: 'text', value: node.value }]);
      case 'link':
        return this.marked('link', safeHref(node.url), node.children);
      case 'linkReference':
        return this.marked('link', safeHref(this.definitions.get(node.identifier)), node.children);
      case 'image':
      case 'imageReference':
        return this.marked('image', undefined, [{ type: 'text', value: node.alt ?? '' }]);
      case 'break':
        return this.line.append(' ');
      case 'footnoteReference':
        return this.line.append(`[${node.label ?? node.identifier}]`);
      case 'html':
        return this.inlineHtml(node.value);
      default:
        if ('children' in node) this.phrasing(node.children);
    }
  }

  /** `kind` over the children; a link without a safe destination keeps its text, unmarked. */
  private marked(kind: MarkKind, href: string | undefined, children: readonly PhrasingContent[]): void {
    const marked = kind !== 'link' || href !== undefined;
    if (marked) this.line.openMark(kind, href);
    this.phrasing(children);
    if (marked) this.line.closeMark();
  }

  /** An inline tag: never shown; <br> is a space, <script> and kin hide what follows up to their end tag. */
  private inlineHtml(tag: string): void {
    if (/^<br\b/i.test(tag)) return this.line.append(' ');
    const raw = RAW_TEXT_TAG.exec(tag);
    if (raw && !/\/>$/.test(tag)) this.skipUntil = new RegExp(`^</${raw[1]}\\s*>`, 'i');
  }
}

/** Link reference definitions anywhere in the tree, by their normalised identifier (first one wins, as in CommonMark). */
function collectDefinitions(node: Nodes, into: Map<string, string>): void {
  if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node.url);
  if ('children' in node) for (const child of (node as Parents).children) collectDefinitions(child, into);
}

/**
 * How deep quotes and lists may nest before a file counts as too complex: the parser's
 * time and stack grow with depth far faster than with size (100,000 nested "> " take
 * minutes, then overflow). Real documents stay within a handful of levels.
 */
export const MAX_MARKDOWN_NESTING = 64;

/** The deepest quote or list nesting a line can open, read from its prefix alone (cheap, before parsing). */
function deepestNesting(body: string): number {
  let deepest = 0;
  for (const line of body.split('\n')) {
    const prefix = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])?/.exec(line)?.[0] ?? '';
    const quotes = prefix.split('>').length - 1;
    const indent = prefix.replace(/\t/g, '    ').replace(/>/g, '').length;
    deepest = Math.max(deepest, quotes + Math.floor(indent / 2));
  }
  return deepest;
}

export function markdownToDocument(source: string): MarkdownArticle {
  const { body, title: frontMatterTitle } = splitFrontMatter(source);
  // The same answer the parser's own stack overflow gets (importResult: "nested too deeply"), only at once.
  if (deepestNesting(body) > MAX_MARKDOWN_NESTING) throw new RangeError(`quotes or lists nested more than ${MAX_MARKDOWN_NESTING} levels`);
  const root = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const [first, ...rest] = root.children;
  // The heading's words as the reader would show them: its own one-block document's text.
  const leadingTitle = first?.type === 'heading' && first.depth === 1 ? new MarkdownConverter(root).convert([first]).text : undefined;
  const title = frontMatterTitle ?? leadingTitle;
  // The leading heading leaves the blocks when it is the title, or says the same as the front matter's.
  const dropFirst = leadingTitle !== undefined && (frontMatterTitle === undefined || leadingTitle.toLowerCase() === frontMatterTitle.toLowerCase());
  const document = new MarkdownConverter(root).convert(dropFirst ? rest : root.children);
  return title ? { title, document } : { document };
}
