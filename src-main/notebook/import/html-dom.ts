/**
 * The parsed HTML the importer works on, from linkedom: a DOM that only builds a tree —
 * it runs no script, loads no image, style sheet or frame, and follows no refresh — so a
 * hostile page is inert data from the first byte. The interfaces below are the few DOM
 * features the converters use, typed here because the node build has no DOM library.
 */
import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface HtmlNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<HtmlNode>;
}

export interface HtmlElement extends HtmlNode {
  /** The tag name, lower case for HTML elements. */
  readonly localName: string;
  readonly firstChild: HtmlNode | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
  insertBefore(node: HtmlNode, before: HtmlNode | null): HtmlNode;
  appendChild(node: HtmlNode): HtmlNode;
  remove(): void;
}

export interface HtmlDocument {
  readonly documentElement: HtmlElement | null;
  readonly head: HtmlElement | null;
  readonly body: HtmlElement | null;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
  createElement(name: string): HtmlElement;
}

export function isElement(node: HtmlNode): node is HtmlElement {
  return node.nodeType === ELEMENT_NODE;
}

/** The tag name of an element in lower case (XHTML and SVG keep their case otherwise). */
export function tagOf(element: HtmlElement): string {
  return element.localName.toLowerCase();
}

/** True when elements nest deeper than `limit` below `root`; walked without recursion, so any depth is safe. */
export function nestsDeeperThan(root: HtmlNode, limit: number): boolean {
  const stack: [HtmlNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of Array.from(node.childNodes)) if (isElement(child)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Moves what linkedom left beside <body> (it builds no implied elements: text after
 * </head> or after </body> stays a sibling of the body) into the body, in order, so
 * whoever reads the body reads the whole page.
 */
function gatherIntoBody(document: HtmlDocument): void {
  const root = document.documentElement;
  const body = document.body;
  if (!root || !body) return;
  let before: HtmlNode | null = body.firstChild;
  let afterBody = false;
  for (const node of Array.from(root.childNodes)) {
    if (node === body) {
      afterBody = true;
      before = null;
      continue;
    }
    if (isElement(node) && tagOf(node) === 'head') continue;
    if (!isElement(node) && node.nodeType !== TEXT_NODE) continue;
    if (!isElement(node) && (node.nodeValue ?? '').trim() === '') continue;
    if (afterBody) body.appendChild(node);
    else body.insertBefore(node, before);
  }
}

/**
 * linkedom's document as linkedom types it. Our interfaces above are what our code reads;
 * Readability takes the same object as a DOM Document, whose type Electron's typings
 * redeclare, so the object keeps linkedom's own type until it is handed over.
 */
export type LinkedomDocument = ReturnType<typeof parseHTML>['document'];

/**
 * Parses a whole page or a fragment into a document with a <body>. linkedom only makes a
 * real <html> root when the markup has one; without it ("<p>…", "<title>…<p>…") the first
 * element would become the root, so such markup is wrapped first.
 */
export function parseHtmlDocument(html: string): LinkedomDocument {
  const parsed: LinkedomDocument = parseHTML(html).document;
  const root: HtmlElement | null = parsed.documentElement;
  const document: LinkedomDocument =
    root && tagOf(root) === 'html'
      ? parsed
      : parseHTML(`<!DOCTYPE html><html><head></head><body>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</body></html>`).document;
  gatherIntoBody(document);
  return document;
}
