/**
 * The peers the anchoring bench runs beside anchorAll(), each on the same excerpts and
 * text: a naive indexOf loop, the Hypothesis client's method (ported in the anchoring
 * testdata, with approx-string-match as Hypothesis uses it), and dom-anchor-text-quote
 * as published, on a DOM built once with linkedom.
 */
import { toTextPosition } from 'dom-anchor-text-quote';
import { parseHTML } from 'linkedom';
import { hypothesisAnchor } from '../../src-main/shared/anchoring/testdata/hypothesis-anchor';
import type { TextRange } from '../../src-main/shared/anchoring/text-range';
import type { CanonicalText } from '../../src-main/shared/canonical-text';
import type { Selectors } from '../../src-main/shared/model';

export type Item = { id: string } & Selectors;
/** Anchors every item; null for an orphan. */
export type Method = (items: readonly Item[]) => (TextRange | null)[];

/** The first occurrence of the quote, its context unchecked. */
export function naive(text: string): Method {
  return (items) =>
    items.map(({ quote }) => {
      const at = text.indexOf(quote.exact);
      return at === -1 ? null : { start: at, end: at + quote.exact.length };
    });
}

/** Hypothesis's html anchor(): the position if the quote is there, else matchQuote hinted by it. */
export function hypothesis(text: string): Method {
  return (items) => items.map(({ quote, position }) => hypothesisAnchor(text, quote, position));
}

/** The article as a reader's DOM: a <p> per paragraph, blank lines between, so its textContent is the canonical text. */
function articleElement(canonical: CanonicalText): { textContent: string | null } {
  const { document } = parseHTML('<!doctype html><html><body><article></article></body></html>');
  const article = document.querySelector('article')!;
  canonical.paragraphs.forEach((paragraph, i) => {
    if (i > 0) article.append('\n\n');
    const p = document.createElement('p');
    p.textContent = canonical.text.slice(paragraph.start, paragraph.end);
    article.append(p);
  });
  if (article.textContent !== canonical.text) throw new Error('the DOM does not read back as the canonical text');
  return article;
}

/** dom-anchor-text-quote's toTextPosition, hinted by the stored position, on a DOM built once here. */
export function domAnchorTextQuote(canonical: CanonicalText): Method {
  const root = articleElement(canonical);
  return (items) => items.map(({ quote, position }) => toTextPosition(root, quote, { hint: position.start }));
}
