/**
 * The notebook as W3C Web Annotations (JSON-LD): one AnnotationCollection whose first
 * (and only) AnnotationPage holds an Annotation per note, then one per plain highlight.
 *
 * - An annotation note is motivated `commenting`, a lead `questioning`, an excerpt no
 *   note cites `highlighting` (no body).
 * - The note's text is a TextualBody in `text/markdown`; each tag a TextualBody with the
 *   purpose `tagging`; a lead's status a TextualBody with the purpose `classifying`
 *   whose value is the status itself (`open`, `in-progress`, `done`, `dropped`), so it
 *   reads back exactly and other tools show it as a label.
 * - Each excerpt is a SpecificResource target with a TextQuoteSelector and a
 *   TextPositionSelector (in code points, as the model says) over the article's
 *   canonical text; a note without excerpts targets the article itself.
 *
 * Plain TypeScript over the notebook: no Electron, no file system.
 */
import type { Article, Excerpt, LeadStatus, Note, Notebook } from '../../shared/model';
import { articleText } from '../article-text';
import { ExportError, type ExportScope } from '../export-markdown';
import { articleIri, CONTEXT, recordIri } from './annotation-iris';
import { toCodePoints } from './code-points';

export interface WebAnnotationOptions {
  scope: ExportScope;
  exportedAt: Date;
  appVersion: string;
}

export type Motivation = 'commenting' | 'questioning' | 'highlighting';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface ExcerptTarget {
  id: string;
  type: 'SpecificResource';
  source: string;
  selector: [TextQuoteSelector, TextPositionSelector];
  created: string;
  'leadline:review'?: NonNullable<Excerpt['review']>;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format?: 'text/markdown' | 'text/plain';
  purpose: 'commenting' | 'questioning' | 'tagging' | 'classifying';
}

export interface WebAnnotation {
  '@context': typeof CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  created: string;
  modified?: string;
  body?: TextualBody[];
  /** Excerpts, or the article's IRI for a note citing none. */
  target: ExcerptTarget[] | string;
  /** The notebook id of the article it is about (a Leadline term). */
  'leadline:article': string;
}

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  partOf: string;
  startIndex: 0;
  items: WebAnnotation[];
}

export interface AnnotationCollection {
  '@context': typeof CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { type: 'Software'; name: string };
  generated: string;
  first: AnnotationPage;
}

export const WEB_ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** The status of a lead as the value of its `classifying` body. */
export const STATUS_PURPOSE = 'classifying';

function excerptTarget(excerpt: Excerpt, article: Article): ExcerptTarget {
  const text = articleText(article);
  const { start, end } = excerpt.position;
  return {
    id: recordIri('excerpt', excerpt.id),
    type: 'SpecificResource',
    source: articleIri(article),
    selector: [
      { type: 'TextQuoteSelector', exact: excerpt.quote.exact, prefix: excerpt.quote.prefix, suffix: excerpt.quote.suffix },
      { type: 'TextPositionSelector', start: toCodePoints(text, start), end: toCodePoints(text, end) },
    ],
    created: excerpt.createdAt,
    ...(excerpt.review ? { 'leadline:review': excerpt.review } : {}),
  };
}

function noteBodies(note: Note): TextualBody[] {
  const motivation = note.kind === 'lead' ? 'questioning' : 'commenting';
  const bodies: TextualBody[] = [];
  if (note.body !== '') bodies.push({ type: 'TextualBody', value: note.body, format: 'text/markdown', purpose: motivation });
  for (const tag of note.tags) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  if (note.kind === 'lead') bodies.push({ type: 'TextualBody', value: note.status ?? ('open' satisfies LeadStatus), format: 'text/plain', purpose: STATUS_PURPOSE });
  return bodies;
}

function noteAnnotation(note: Note, article: Article, excerpts: ReadonlyMap<string, Excerpt>): WebAnnotation {
  const cited = note.excerptIds.map((id) => excerpts.get(id)).filter((e): e is Excerpt => e !== undefined && e.articleId === article.id);
  const bodies = noteBodies(note);
  return {
    '@context': CONTEXT,
    id: recordIri('note', note.id),
    type: 'Annotation',
    motivation: note.kind === 'lead' ? 'questioning' : 'commenting',
    created: note.createdAt,
    modified: note.updatedAt,
    ...(bodies.length > 0 ? { body: bodies } : {}),
    target: cited.length > 0 ? cited.map((e) => excerptTarget(e, article)) : articleIri(article),
    'leadline:article': article.id,
  };
}

function highlightAnnotation(excerpt: Excerpt, article: Article): WebAnnotation {
  return {
    '@context': CONTEXT,
    id: recordIri('highlight', excerpt.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: excerpt.createdAt,
    target: [excerptTarget(excerpt, article)],
    'leadline:article': article.id,
  };
}

/** The annotations of the scope: its notes in notebook order, then the excerpts no note cites. */
export function webAnnotations(notebook: Notebook, scope: ExportScope): WebAnnotation[] {
  const articles = new Map(notebook.articles.map((a) => [a.id, a]));
  if (scope.kind === 'article' && !articles.has(scope.articleId)) {
    throw new ExportError(`There is no article with id "${scope.articleId}" in this notebook, so there is nothing to export.`);
  }
  const inScope = (articleId: string): boolean => articles.has(articleId) && (scope.kind === 'all' || articleId === scope.articleId);
  const excerpts = new Map(notebook.excerpts.map((e) => [e.id, e]));
  const cited = new Set(notebook.notes.flatMap((n) => n.excerptIds));
  return [
    ...notebook.notes.filter((n) => inScope(n.articleId)).map((n) => noteAnnotation(n, articles.get(n.articleId)!, excerpts)),
    ...notebook.excerpts.filter((e) => inScope(e.articleId) && !cited.has(e.id)).map((e) => highlightAnnotation(e, articles.get(e.articleId)!)),
  ];
}

/** The whole export document. Throws ExportError for an unknown article. */
export function exportWebAnnotations(notebook: Notebook, options: WebAnnotationOptions): AnnotationCollection {
  const { scope } = options;
  const items = webAnnotations(notebook, scope);
  const id = `urn:leadline:export:${options.exportedAt.toISOString()}`;
  const article = scope.kind === 'article' ? notebook.articles.find((a) => a.id === scope.articleId) : undefined;
  return {
    '@context': CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: article ? `Leadline notes on “${article.title}”` : 'Leadline notebook',
    total: items.length,
    generator: { type: 'Software', name: `Leadline ${options.appVersion}` },
    generated: options.exportedAt.toISOString(),
    first: { id: `${id}:page:1`, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
  };
}

/** The export as the file's text: two-space indented JSON, one final line break. */
export function webAnnotationsJson(notebook: Notebook, options: WebAnnotationOptions): string {
  return `${JSON.stringify(exportWebAnnotations(notebook, options), null, 2)}\n`;
}
