/**
 * What an import gives the notebook: the article as the reader will show it, checked
 * against the article model's limits, or the one ImportError that says why not. Shared by
 * files and pastes.
 */
import { ArticleDocumentSchema, type ArticleDocument } from '../../shared/article-document';
import type { ArticleFormat } from '../../shared/model';
import { ImportError, tooComplex } from './import-error';
import type { WebPageSource } from './web-page';
import { collapseSpace } from './white-space';

/** Where an article comes from; only web pages say (the model keeps url, outlet and date, the byline is extra). */
export type ImportedSource = WebPageSource;

/** An article as a converter makes it. */
export interface ArticleParts {
  title: string;
  source?: ImportedSource;
  format: ArticleFormat;
  /**
   * The decoded original (BOM removed): what the notebook keeps as the source of truth.
   * For plain text, the body after the title line, as articleFromText stores it, so the
   * text's canonical form is the document's text.
   */
  content: string;
  /** What the reader shows; every excerpt anchors on its text. */
  document: ArticleDocument;
}

export interface ImportedArticle extends ArticleParts {
  /** `now` as an ISO timestamp: when the article entered the notebook. */
  addedAt: string;
}

export type ImportResult = { ok: true; article: ImportedArticle } | { ok: false; error: ImportError };

/** The article model's limits (ArticleSchema, ArticleSourceSchema). */
const MAX_TITLE = 1000;
const MAX_URL = 2048;
const MAX_OUTLET = 500;
const MAX_DATE = 100;

/** Cuts text to `max` UTF-16 units without splitting a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The source within the model's limits: a URL or date too long to be real is dropped, names are cut. */
function fittedSource(source: ImportedSource | undefined): ImportedSource | undefined {
  if (!source) return undefined;
  const fitted: ImportedSource = {
    ...(source.url && source.url.length <= MAX_URL ? { url: source.url } : {}),
    ...(source.outlet ? { outlet: clip(source.outlet, MAX_OUTLET) } : {}),
    ...(source.date && source.date.length <= MAX_DATE ? { date: source.date } : {}),
    ...(source.byline ? { byline: clip(source.byline, MAX_OUTLET) } : {}),
  };
  return Object.keys(fitted).length > 0 ? fitted : undefined;
}

/** The article, its title and source fitted to the model; throws when the document breaks the model's rules. */
export function importedArticle(parts: ArticleParts, fileName: string, now: Date): ImportedArticle {
  const checked = ArticleDocumentSchema.safeParse(parts.document);
  if (!checked.success) throw tooComplex(fileName, checked.error.issues[0]?.message ?? 'invalid document');
  const source = fittedSource(parts.source);
  return {
    title: clip(collapseSpace(parts.title), MAX_TITLE) || 'Untitled',
    ...(source ? { source } : {}),
    format: parts.format,
    content: parts.content,
    document: parts.document,
    addedAt: now.toISOString(),
  };
}

/**
 * Runs an import, turning its ImportError into a failed result. A parser that ran out of
 * stack (a hostile, absurdly nested file) is a file too complex, not a bug; anything else is.
 */
export function importResult(fileName: string, run: () => ImportedArticle): ImportResult {
  try {
    return { ok: true, article: run() };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error };
    if (error instanceof RangeError) return { ok: false, error: tooComplex(fileName, 'it is nested too deeply') };
    throw error;
  }
}
