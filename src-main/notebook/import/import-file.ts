/**
 * A file's bytes → an article, or the reason it cannot be one. The one entry point the
 * notebook calls for .txt, .md and .html files (and files sniffed as one of them).
 */
import { plainTextDocument } from '../../shared/article-document';
import { splitTitle } from '../../shared/canonical-text';
import type { ArticleFormat } from '../../shared/model';
import { decode } from './decode';
import { detectFormat } from './detect-format';
import { baseName, titleFromFileName } from './file-name';
import { noReadableText } from './import-error';
import { importedArticle, importResult, type ArticleParts, type ImportResult } from './imported-article';
import { markdownToDocument } from './markdown-document';
import { webPageToArticle } from './web-page';

export interface ImportFileInput {
  /** The file's name or path, for messages, the fallback title and the format. */
  fileName: string;
  bytes: Uint8Array;
  /** When the import happens (the article's addedAt). */
  now: Date;
}

/**
 * Plain text: the first line is the title when a blank line follows it. A file that is
 * nothing but such a line keeps it as its text, under the file's name.
 */
export function plainTextParts(text: string, fallbackTitle: string): ArticleParts {
  const { title, body } = splitTitle(text, fallbackTitle);
  const document = plainTextDocument(body);
  if (document.blocks.length > 0) return { title, format: 'text', content: body, document };
  return { title: fallbackTitle, format: 'text', content: text, document: plainTextDocument(text) };
}

function markdownParts(text: string, name: string): ArticleParts {
  const { title, document } = markdownToDocument(text);
  if (document.blocks.length === 0) throw noReadableText(name, 'text');
  return { title: title ?? titleFromFileName(name), format: 'markdown', content: text, document };
}

function webPageParts(text: string, name: string): ArticleParts {
  const { title, source, document } = webPageToArticle(text, name);
  return { title, ...(Object.keys(source).length > 0 ? { source } : {}), format: 'html', content: text, document };
}

function partsOf(format: ArticleFormat, text: string, name: string): ArticleParts {
  switch (format) {
    case 'text':
      return plainTextParts(text, titleFromFileName(name));
    case 'markdown':
      return markdownParts(text, name);
    case 'html':
      return webPageParts(text, name);
  }
}

export function importFile({ fileName, bytes, now }: ImportFileInput): ImportResult {
  const name = baseName(fileName);
  return importResult(name, () => {
    const format = detectFormat(name, bytes);
    const { text } = decode(bytes, name, format);
    return importedArticle(partsOf(format, text, name), name, now);
  });
}
