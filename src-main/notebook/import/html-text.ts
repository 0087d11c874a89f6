/**
 * The text a browser would show for a piece of HTML, as one run of words: no block
 * structure, no marks, no links. Markdown's raw HTML is shown this way — its words kept,
 * its tags never interpreted — and left-out elements (script, style, SVG…) give nothing.
 */
import { parseHtmlDocument } from './html-dom';
import { htmlToDocument } from './html-document';
import { collapseSpace } from './white-space';

export function htmlText(html: string): string {
  const body = parseHtmlDocument(html).body;
  if (!body) return '';
  const doc = htmlToDocument(body);
  return collapseSpace(doc.blocks.map((b) => doc.text.slice(b.start, b.end)).join(' '));
}
