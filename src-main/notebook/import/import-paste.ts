/**
 * Pasted clipboard content → an article. HTML is preferred when the clipboard has it (it
 * keeps headings, lists and links); a short fragment — a selection of a few sentences — is
 * converted as it is, since it is already what the researcher chose; a long one (a whole
 * page copied) goes through Readability like a saved page, and falls back to the fragment
 * as it is when Readability finds nothing.
 */
import type { ArticleDocument } from '../../shared/article-document';
import { parseHtmlDocument } from './html-dom';
import { htmlToDocument } from './html-document';
import { emptyFile, ImportError, PASTED, tooLarge } from './import-error';
import { importedArticle, importResult, type ArticleParts, type ImportResult } from './imported-article';
import { plainTextParts } from './import-file';
import { webPageToArticle } from './web-page';
import { collapseSpace } from './white-space';

/** Below this many characters of text, a fragment skips Readability. */
const SHORT_FRAGMENT = 500;

/** The most characters a paste may hold: an article's limit. */
const MAX_PASTE = 20_000_000;

export interface PasteInput {
  /** The clipboard's text/plain flavour. */
  text?: string;
  /** The clipboard's text/html flavour, when the source offers one. */
  html?: string;
  now: Date;
}

/** A title for a paste with none: its first words, cut at a word near 80 characters. */
function firstWords(document: ArticleDocument): string {
  const first = document.blocks[0];
  const text = first ? document.text.slice(first.start, first.end) : '';
  if (text.length <= 80) return text;
  const cut = text.slice(0, 80);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 80)}…`;
}

function fragmentParts(html: string): ArticleParts | null {
  const body = parseHtmlDocument(html).body;
  const document = body ? htmlToDocument(body) : null;
  if (!document || document.blocks.length === 0) return null;
  return { title: firstWords(document), format: 'html', content: html, document };
}

function readableParts(html: string, fragment: ArticleParts | null): ArticleParts | null {
  try {
    const { title, source, document } = webPageToArticle(html, PASTED);
    return { title, ...(Object.keys(source).length > 0 ? { source } : {}), format: 'html', content: html, document };
  } catch (error) {
    if (error instanceof ImportError) return fragment;
    throw error;
  }
}

function htmlParts(html: string): ArticleParts | null {
  const fragment = fragmentParts(html);
  if (fragment && fragment.document.text.length < SHORT_FRAGMENT) return fragment;
  return readableParts(html, fragment);
}

function textParts(text: string): ArticleParts {
  const untitled = plainTextParts(text, 'Pasted text');
  return untitled.title === 'Pasted text' ? { ...untitled, title: firstWords(untitled.document) } : untitled;
}

export function importPaste({ text = '', html = '', now }: PasteInput): ImportResult {
  return importResult(PASTED, () => {
    if (Math.max(text.length, html.length) > MAX_PASTE) throw tooLarge(PASTED, Math.max(text.length, html.length), MAX_PASTE);
    const fromHtml = html.trim() ? htmlParts(html) : null;
    if (fromHtml) return importedArticle(fromHtml, PASTED, now);
    if (collapseSpace(text) === '') throw emptyFile(PASTED);
    return importedArticle(textParts(text), PASTED, now);
  });
}
