/**
 * An HTML tree (a page's article as Readability left it, or a pasted fragment) → the
 * reader's ArticleDocument. Nothing in the tree is ever run or loaded: elements are only
 * read for their text and a few tags, and everything that is code, a resource or a
 * control (script, style, SVG, frames, media, form fields) is left out with its text.
 * Attributes are never copied: only a link's href, when it is http, https or mailto, and
 * an image's alt text.
 */
import { DocumentBuilder, type ArticleDocument, type BlockKind, type Mark, type MarkKind } from '../../shared/article-document';
import { isElement, tagOf, TEXT_NODE, type HtmlElement, type HtmlNode } from './html-dom';
import { InlineText, joinCells } from './inline-text';
import { safeHref } from './safe-href';
import { codeText, collapseSpace } from './white-space';

/** Elements whose content is not article text: code, metadata, embedded resources, controls. */
const LEFT_OUT = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base',
  'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'canvas', 'audio', 'video', 'source', 'track', 'picture', 'map', 'area',
  'input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'output',
]);

/** Elements that end the text before them and start a new block (or a new run of text). */
const BLOCK_LEVEL = new Set([
  'address', 'article', 'aside', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'main',
  'menu', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'ul',
]);

/** A Map, not an object: a custom element named "constructor" must not find Object's. */
const INLINE_MARKS: ReadonlyMap<string, MarkKind> = new Map([
  ['em', 'em'], ['i', 'em'], ['cite', 'em'], ['dfn', 'em'],
  ['strong', 'strong'], ['b', 'strong'],
  ['code', 'code'], ['kbd', 'code'], ['samp', 'code'], ['tt', 'code'],
  ['s', 'strike'], ['del', 'strike'], ['strike', 'strike'],
]);

/** What a block of gathered text becomes: set by the innermost heading, list item or quote. */
interface Context {
  kind: Exclude<BlockKind, 'code'>;
  level?: number;
}

export interface HtmlConversionOptions {
  /** The article's title: the first heading that says the same is left out, as the reader shows the title above. */
  title?: string;
}

/** Hidden the ways Readability also checks: the hidden attribute, aria-hidden, display:none, visibility:hidden. */
function isHidden(element: HtmlElement): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}

function isLeftOut(element: HtmlElement): boolean {
  return LEFT_OUT.has(tagOf(element)) || isHidden(element);
}

/** The lines of a <pre>: its text as it stands, <br> as a line end, left-out elements dropped. */
function preformattedText(node: HtmlNode): string {
  if (node.nodeType === TEXT_NODE) return node.nodeValue ?? '';
  if (!isElement(node)) return '';
  if (isLeftOut(node)) return '';
  if (tagOf(node) === 'br') return '\n';
  let text = '';
  for (const child of Array.from(node.childNodes)) text += preformattedText(child);
  return text;
}

/**
 * Elements nested deeper than this are left out: no page nests its text that deep, and the
 * walk below is recursive, so a hostile page nesting thousands of levels would overflow the stack.
 */
export const MAX_NESTING = 400;

function headingLevel(tag: string): number | null {
  const match = /^h([1-6])$/.exec(tag);
  return match ? Number(match[1]) : null;
}

class HtmlConverter {
  private readonly builder = new DocumentBuilder();
  private line = new InlineText();
  private context: Context = { kind: 'paragraph' };
  private listDepth = 0;
  private quoteDepth = 0;
  /** Inside a table row, blocks run on as text: the whole row is one block. */
  private inRow = false;
  private nesting = 0;
  private titleKey: string | null;

  constructor(options: HtmlConversionOptions) {
    this.titleKey = options.title ? collapseSpace(options.title).toLowerCase() : null;
  }

  convert(root: HtmlNode): ArticleDocument {
    this.node(root);
    this.flush();
    return this.builder.build();
  }

  /** Ends the block being gathered, if it holds any text. */
  private flush(): void {
    const { text, marks } = this.line.take();
    this.add(this.context, text, marks);
  }

  private add({ kind, level }: Context, text: string, marks: Mark[]): void {
    if (kind === 'heading' && this.titleKey !== null && text.toLowerCase() === this.titleKey) {
      this.titleKey = null; // only the first such heading repeats the title
      return;
    }
    this.builder.add(kind, text, { ...(level !== undefined ? { level } : {}), marks });
  }

  private node(node: HtmlNode): void {
    if (node.nodeType === TEXT_NODE) this.line.append(node.nodeValue ?? '');
    else if (isElement(node) && !isLeftOut(node) && this.nesting < MAX_NESTING) {
      this.nesting++;
      this.element(node);
      this.nesting--;
    }
  }

  private children(element: HtmlElement): void {
    for (const child of Array.from(element.childNodes)) this.node(child);
  }

  private element(element: HtmlElement): void {
    const tag = tagOf(element);
    const level = headingLevel(tag);
    if (tag === 'br') this.line.append(' ');
    else if (tag === 'img') this.image(element);
    else if (this.inRow) this.rowContent(element, tag);
    else if (tag === 'tr') this.row(element);
    else if (tag === 'pre') this.preformatted(element);
    else if (level !== null) this.block(element, { kind: 'heading', level });
    else if (tag === 'li') this.block(element, { kind: 'item', level: Math.max(1, this.listDepth) });
    else if (tag === 'ul' || tag === 'ol') this.list(element);
    else if (tag === 'blockquote') this.quote(element);
    else if (BLOCK_LEVEL.has(tag)) this.block(element, this.context);
    else this.inline(element, tag);
  }

  /** Gathers the element's content as a block of its own, in `context`. */
  private block(element: HtmlElement, context: Context): void {
    this.flush();
    const outer = this.context;
    this.context = context;
    this.children(element);
    this.flush();
    this.context = outer;
  }

  private list(element: HtmlElement): void {
    this.listDepth++;
    this.block(element, this.context);
    this.listDepth--;
  }

  private quote(element: HtmlElement): void {
    this.quoteDepth++;
    this.block(element, { kind: 'quote', level: this.quoteDepth });
    this.quoteDepth--;
  }

  private preformatted(element: HtmlElement): void {
    this.flush();
    this.builder.add('code', codeText(preformattedText(element)));
  }

  private inline(element: HtmlElement, tag: string): void {
    const kind = INLINE_MARKS.get(tag);
    const href = tag === 'a' ? safeHref(element.getAttribute('href')) : undefined;
    if (kind) this.line.openMark(kind);
    else if (href) this.line.openMark('link', href);
    this.children(element);
    if (kind || href) this.line.closeMark();
  }

  /** An image is its alt text, marked as an image; without alt text it is nothing. */
  private image(element: HtmlElement): void {
    const alt = collapseSpace(element.getAttribute('alt') ?? '');
    if (alt === '') return;
    this.line.append(' ');
    this.line.openMark('image');
    this.line.append(alt);
    this.line.closeMark();
    this.line.append(' ');
  }

  /** A table row: one block, its non-empty cells joined by " | ". */
  private row(element: HtmlElement): void {
    this.flush();
    const outer = this.line;
    this.inRow = true;
    const cells = Array.from(element.childNodes, (child) => {
      this.line = new InlineText();
      this.node(child);
      return this.line.take();
    });
    this.inRow = false;
    const { text, marks } = joinCells(cells);
    this.line = outer;
    this.add(this.context, text, marks);
  }

  /** Inside a row, blocks are only words apart: cells, paragraphs, lists and nested rows run on. */
  private rowContent(element: HtmlElement, tag: string): void {
    if (BLOCK_LEVEL.has(tag) || tag === 'li' || tag === 'tr' || tag === 'pre' || tag === 'blockquote' || headingLevel(tag) !== null) {
      this.line.append(' ');
      this.children(element);
      this.line.append(' ');
    } else this.inline(element, tag);
  }
}

/** The document for the content of `root` (an element or a document's body). */
export function htmlToDocument(root: HtmlNode, options: HtmlConversionOptions = {}): ArticleDocument {
  return new HtmlConverter(options).convert(root);
}
