/**
 * A saved web page → title, source and the article's document. Readability (the library
 * behind Firefox Reader View) finds the main text and leaves out navigation, banners,
 * ads, related links, comments and footers (ad slots and consent banners named as such
 * are taken out first, see page-boilerplate.ts); it runs over linkedom, which never runs a
 * script nor loads anything, and the page's own <base> is replaced by its canonical
 * address so a hostile base cannot redirect the article's relative links.
 */
import { Readability } from '@mozilla/readability';
import type { ArticleDocument } from '../../shared/article-document';
import { baseName, titleFromFileName } from './file-name';
import { nestsDeeperThan, parseHtmlDocument, type HtmlDocument, type HtmlNode, type LinkedomDocument } from './html-dom';
import { htmlToDocument } from './html-document';
import { noReadableText } from './import-error';
import { removeBoilerplate } from './page-boilerplate';
import { pageMetadata } from './page-metadata';
import { collapseSpace } from './white-space';

export interface WebPageSource {
  url?: string;
  outlet?: string;
  date?: string;
  byline?: string;
}

export interface WebPageArticle {
  title: string;
  source: WebPageSource;
  document: ArticleDocument;
}

/** Relative links resolve against the page's own address, or not at all (they are then dropped). */
function pointBaseAt(document: HtmlDocument, url: string | undefined): void {
  for (const base of Array.from(document.querySelectorAll('base'))) base.remove();
  if (!url || !document.head) return;
  const base = document.createElement('base');
  base.setAttribute('href', url);
  document.head.appendChild(base);
}

/**
 * How deep a page may nest its elements for Readability to read it. Its scoring walks
 * every node's ancestors again and again: 500 levels take it seconds, 5,000 hours. Real
 * pages stay far below; a page nested deeper is converted whole, without it.
 */
const READABILITY_MAX_DEPTH = 160;

/** Readability's view of the page: its content element kept as a node (no HTML string to parse again). */
function readArticle(document: LinkedomDocument) {
  return new Readability<HtmlNode>(document, { serializer: (node) => node }).parse();
}

/** The whole body as the article, for a page Readability cannot be trusted with. */
function wholeBody(document: HtmlDocument) {
  const body = document.body;
  return body ? { content: body, textContent: body.textContent, title: null, siteName: null, publishedTime: null, byline: null } : null;
}

/** The text of an optional field, white space collapsed; absent when empty. */
function field(value: string | null | undefined): string | undefined {
  return collapseSpace(value ?? '') || undefined;
}

/** Title, source and document of a saved page; throws an ImportError when it has no readable text. */
export function webPageToArticle(html: string, fileName: string): WebPageArticle {
  const page = parseHtmlDocument(html);
  const metadata = pageMetadata(page, html);
  pointBaseAt(page, metadata.url);
  removeBoilerplate(page);
  const article = page.body && nestsDeeperThan(page.body, READABILITY_MAX_DEPTH) ? wholeBody(page) : readArticle(page);
  if (!article?.content || !field(article.textContent)) throw noReadableText(baseName(fileName), 'page');
  const title = field(article.title) ?? metadata.title ?? titleFromFileName(fileName);
  const document = htmlToDocument(article.content, { title });
  if (document.blocks.length === 0) throw noReadableText(baseName(fileName), 'page');
  const source: WebPageSource = {
    ...(metadata.url ? { url: metadata.url } : {}),
    ...((field(article.siteName) ?? metadata.outlet) ? { outlet: field(article.siteName) ?? metadata.outlet } : {}),
    ...((field(article.publishedTime) ?? metadata.date) ? { date: field(article.publishedTime) ?? metadata.date } : {}),
    ...(field(article.byline) ? { byline: field(article.byline) } : {}),
  };
  return { title, source, document };
}
