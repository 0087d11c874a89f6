/**
 * The library's operations as pure functions over the notebook, like operations.ts:
 * add an imported article, rename, delete (with its notes), replace its text with a
 * newer version (re-anchoring every excerpt), and settle excerpts after an update.
 */
import { emptyPatch, type CallInput, type UpdateReport } from '../shared/api';
import { anchorAll } from '../shared/anchoring/anchor-all';
import { selectorsFor } from '../shared/anchoring/describe-range';
import type { TextRange } from '../shared/anchoring/text-range';
import { documentOf, type ArticleDocument } from '../shared/article-document';
import type { Article, ArticleFormat, ArticleSource, ArticleVersion, Excerpt, Notebook } from '../shared/model';
import { invalid, notFound } from './api-failure';
import { contentHash } from './articles';
import { articleText } from './article-text';
import { findArticle, type OperationContext, type OperationResult } from './operations';
import { applyPatch } from './patch';

/** An article's text as an importer made it. */
export interface ArticleText {
  title: string;
  source?: ArticleSource;
  format: ArticleFormat;
  content: string;
  /** Required for Markdown and web pages; plain text derives it from `content`. */
  document?: ArticleDocument;
}

/** Adds an imported article, or names the one already holding the same text. */
export function addArticle(notebook: Notebook, text: ArticleText, ctx: OperationContext): OperationResult<{ articleId: string; duplicate: boolean }> {
  const hash = contentHash(text.content);
  const same = notebook.articles.find((a) => a.contentHash === hash);
  if (same) return { next: notebook, mutation: { applied: emptyPatch(), inverse: emptyPatch(), articleId: same.id, duplicate: true } };
  const article: Article = {
    id: ctx.newId(),
    title: cleanTitle(text.title),
    ...(text.source && Object.keys(text.source).length > 0 ? { source: text.source } : {}),
    format: text.format,
    content: text.content,
    contentHash: hash,
    ...(text.document && text.format !== 'text' ? { document: text.document } : {}),
    addedAt: ctx.now().toISOString(),
  };
  const { next, mutation } = applyPatch(notebook, { ...emptyPatch(), upsertArticles: [article] });
  return { next, mutation: { ...mutation, articleId: article.id, duplicate: false } };
}

/** Controls and bidirectional overrides could disguise a title in the library: they go. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function visibleTitle(title: string): string {
  return title.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().slice(0, 1000);
}

function cleanTitle(title: string): string {
  return visibleTitle(title) || 'Untitled';
}

export function renameArticle(notebook: Notebook, input: CallInput<'renameArticle'>): OperationResult {
  const article = findArticle(notebook, input.articleId);
  const title = visibleTitle(input.title);
  if (title === '') throw invalid('A title needs at least one visible character.');
  if (title === article.title) return applyPatch(notebook, emptyPatch());
  return applyPatch(notebook, { ...emptyPatch(), upsertArticles: [{ ...article, title }] });
}

/** Deletes an article with its excerpts, notes and dismissed suggestions; the inverse brings all of them back. */
export function deleteArticle(notebook: Notebook, input: CallInput<'deleteArticle'>): OperationResult<{ notes: number; excerpts: number }> {
  const article = findArticle(notebook, input.articleId);
  if (notebook.articles.length === 1) throw invalid('This is the notebook’s only article; import another before deleting it.');
  const removeNoteIds = notebook.notes.filter((n) => n.articleId === article.id).map((n) => n.id);
  const removeExcerptIds = notebook.excerpts.filter((e) => e.articleId === article.id).map((e) => e.id);
  const removeDismissalIds = notebook.dismissals.filter((d) => d.articleId === article.id).map((d) => d.id);
  const { next, mutation } = applyPatch(notebook, { ...emptyPatch(), removeNoteIds, removeExcerptIds, removeArticleIds: [article.id], ...(removeDismissalIds.length ? { removeDismissalIds } : {}) });
  const ui = { ...next.ui, ...(next.ui.currentArticleId === article.id ? { currentArticleId: next.articles[0]!.id } : {}) };
  return { next: { ...next, ui }, mutation: { ...mutation, notes: removeNoteIds.length, excerpts: removeExcerptIds.length } };
}

/**
 * Replaces an article's text with a newer version, keeping the old one in `versions`.
 * Every excerpt is anchored again on the new text (position, quote and context, fuzzy):
 * one found where it was stays as it is; one found elsewhere or changed is marked for
 * the user to check; one not found is kept, marked orphaned, with its old selectors.
 */
export function updateArticleText(notebook: Notebook, articleId: string, text: ArticleText, ctx: OperationContext): OperationResult<{ report: UpdateReport }> {
  const article = findArticle(notebook, articleId);
  const hash = contentHash(text.content);
  if (hash === article.contentHash) throw invalid(`The new file holds exactly the text "${article.title}" already has.`);
  const now = ctx.now().toISOString();
  const previous: ArticleVersion = {
    format: article.format,
    content: article.content,
    contentHash: article.contentHash,
    ...(article.document ? { document: article.document } : {}),
    addedAt: article.versions?.at(-1)?.replacedAt ?? article.addedAt,
    replacedAt: now,
  };
  const { document: _old, ...rest } = article;
  const updated: Article = {
    ...rest,
    format: text.format,
    content: text.content,
    contentHash: hash,
    ...(text.document && text.format !== 'text' ? { document: text.document } : {}),
    ...(text.source || article.source ? { source: { ...article.source, ...text.source } } : {}),
    versions: [...(article.versions ?? []), previous],
  };
  const newText = documentOf(updated).text;
  const report: UpdateReport = { stayed: 0, moved: 0, changed: 0, orphaned: 0 };
  const upsertExcerpts: Excerpt[] = [];
  const excerpts = notebook.excerpts.filter((excerpt) => excerpt.articleId === article.id);
  // All at once: anchorAll carries the shift one edit causes from excerpt to excerpt.
  const anchors = anchorAll(newText, excerpts);
  for (const excerpt of excerpts) {
    const { next, outcome } = reanchor(excerpt, findAgain(excerpt, anchors.get(excerpt.id) ?? null, newText), newText);
    report[outcome]++;
    if (next !== excerpt) upsertExcerpts.push(next);
  }
  const { next, mutation } = applyPatch(notebook, { ...emptyPatch(), upsertArticles: [updated], upsertExcerpts });
  return { next, mutation: { ...mutation, report } };
}

/**
 * Where an excerpt is in a new version of its text. Besides anchoring's own rules, a
 * quote found word for word exactly once in the new text is taken there: after an
 * update, a short paragraph that only moved has new neighbours, and anchoring's context
 * check (meant for guesses) would orphan it.
 */
function findAgain(excerpt: Excerpt, found: TextRange | null, text: string): TextRange | null {
  if (found) return found;
  const at = text.indexOf(excerpt.quote.exact);
  if (at < 0 || text.indexOf(excerpt.quote.exact, at + 1) >= 0) return null;
  return { start: at, end: at + excerpt.quote.exact.length };
}

function reanchor(excerpt: Excerpt, found: TextRange | null, text: string): { next: Excerpt; outcome: keyof UpdateReport } {
  const { review: _review, ...base } = excerpt;
  if (!found) return { next: excerpt.review === 'orphaned' ? excerpt : { ...base, review: 'orphaned' }, outcome: 'orphaned' };
  const selectors = selectorsFor(text, found);
  const exactSame = selectors.quote.exact === excerpt.quote.exact;
  const samePlace = found.start === excerpt.position.start && found.end === excerpt.position.end;
  if (exactSame && samePlace && excerpt.review === undefined) {
    const contextSame = selectors.quote.prefix === excerpt.quote.prefix && selectors.quote.suffix === excerpt.quote.suffix;
    return { next: contextSame ? excerpt : { ...base, ...selectors }, outcome: 'stayed' };
  }
  const outcome = exactSame ? 'moved' : 'changed';
  return { next: { ...base, ...selectors, review: outcome }, outcome };
}

/** Points an excerpt (an orphan, usually) at a new selection of its article; its notes follow. */
export function reattachExcerpt(notebook: Notebook, input: CallInput<'reattachExcerpt'>): OperationResult {
  const excerpt = notebook.excerpts.find((e) => e.id === input.excerptId);
  if (!excerpt) throw notFound('excerpt', input.excerptId);
  const text = articleText(findArticle(notebook, excerpt.articleId));
  const { start, end } = input.selectors.position;
  if (end > text.length || text.slice(start, end) !== input.selectors.quote.exact) throw invalid('The selected text does not match the article at that place.');
  const { review: _review, ...base } = excerpt;
  return applyPatch(notebook, { ...emptyPatch(), upsertExcerpts: [{ ...base, ...selectorsFor(text, { start, end }) }] });
}

/** The user checked a moved or changed excerpt: its mark goes. */
export function confirmExcerpt(notebook: Notebook, input: CallInput<'confirmExcerpt'>): OperationResult {
  const excerpt = notebook.excerpts.find((e) => e.id === input.excerptId);
  if (!excerpt) throw notFound('excerpt', input.excerptId);
  if (excerpt.review === undefined || excerpt.review === 'orphaned') return applyPatch(notebook, emptyPatch());
  const { review: _review, ...base } = excerpt;
  return applyPatch(notebook, { ...emptyPatch(), upsertExcerpts: [base] });
}

/** Opening an article: it becomes the current one and the library remembers when. UI state only. */
export function openArticle(notebook: Notebook, input: CallInput<'openArticle'>, ctx: OperationContext): Notebook {
  findArticle(notebook, input.articleId);
  return { ...notebook, ui: { ...notebook.ui, currentArticleId: input.articleId, openedAt: { ...notebook.ui.openedAt, [input.articleId]: ctx.now().toISOString() } } };
}
