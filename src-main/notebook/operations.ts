/**
 * The notebook's operations as pure functions: (notebook, input) -> patch.
 * Each builds a Patch; applyPatch() checks integrity and makes the next notebook.
 */
import { emptyPatch, type CallInput, type Mutation, type Patch } from '../shared/api';
import { selectorsFor } from '../shared/anchoring/describe-range';
import { articleText } from './article-text';
import type { Article, Dismissal, Excerpt, Note, Notebook, Selectors } from '../shared/model';
import { ApiFailure, invalid, notFound } from './api-failure';
import { applyPatch } from './patch';

export interface OperationContext {
  now: () => Date;
  newId: () => string;
}

export interface OperationResult<Extra = object> {
  next: Notebook;
  mutation: Mutation & Extra;
}

export function findArticle(notebook: Notebook, id: string): Article {
  const article = notebook.articles.find((a) => a.id === id);
  if (!article) throw notFound('article', id);
  return article;
}

function findNote(notebook: Notebook, id: string): Note {
  const note = notebook.notes.find((n) => n.id === id);
  if (!note) throw notFound('note', id);
  return note;
}

function findExcerpt(notebook: Notebook, id: string): Excerpt {
  const excerpt = notebook.excerpts.find((e) => e.id === id);
  if (!excerpt) throw notFound('excerpt', id);
  return excerpt;
}

/**
 * An excerpt for a fresh selection. The selection must match the article text as
 * stored (the renderer and the store must agree); an identical existing range is
 * reused so one excerpt can carry several notes.
 */
function excerptFor(notebook: Notebook, article: Article, selectors: Selectors, ctx: OperationContext): Excerpt {
  const { start, end } = selectors.position;
  const text = articleText(article);
  if (end > text.length || text.slice(start, end) !== selectors.quote.exact) {
    throw invalid('The selected text does not match the article at that place.');
  }
  // Context is recomputed here, never taken from the caller, so re-anchoring can trust it.
  const { quote, position } = selectorsFor(text, { start, end });
  const same = notebook.excerpts.find(
    (e) => e.articleId === article.id && e.position.start === position.start && e.position.end === position.end,
  );
  if (same) return same;
  return { id: ctx.newId(), articleId: article.id, quote, position, createdAt: ctx.now().toISOString() };
}

function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

export function createNote(notebook: Notebook, input: CallInput<'createNote'>, ctx: OperationContext): OperationResult<{ noteId: string }> {
  const article = findArticle(notebook, input.articleId);
  const patch = emptyPatch();
  const excerptIds: string[] = [];
  for (const selectors of input.selectors) {
    const excerpt = excerptFor(notebook, article, selectors, ctx);
    if (!notebook.excerpts.includes(excerpt)) patch.upsertExcerpts.push(excerpt);
    excerptIds.push(excerpt.id);
  }
  for (const id of input.excerptIds) excerptIds.push(findExcerpt(notebook, id).id);

  const now = ctx.now().toISOString();
  const note: Note = {
    id: ctx.newId(),
    articleId: article.id,
    kind: input.kind,
    body: input.body ?? '',
    tags: normalizeTags(input.tags ?? []),
    excerptIds: [...new Set(excerptIds)],
    ...(input.kind === 'lead' ? { status: 'open' as const } : {}),
    createdAt: now,
    updatedAt: now,
  };
  patch.upsertNotes.push(note);
  const { next, mutation } = applyPatch(notebook, patch);
  return { next, mutation: { ...mutation, noteId: note.id } };
}

export function updateNote(notebook: Notebook, input: CallInput<'updateNote'>, ctx: OperationContext): OperationResult {
  const note = findNote(notebook, input.id);
  if (input.status !== undefined && note.kind !== 'lead') throw invalid('Only a lead has a status; this note is an annotation.');
  const updated: Note = {
    ...note,
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.tags !== undefined ? { tags: normalizeTags(input.tags) } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
  };
  const changed =
    updated.body !== note.body || updated.status !== note.status || updated.tags.join('\u0000') !== note.tags.join('\u0000');
  if (!changed) return applyPatch(notebook, emptyPatch());
  return applyPatch(notebook, { ...emptyPatch(), upsertNotes: [{ ...updated, updatedAt: ctx.now().toISOString() }] });
}

export function linkExcerpt(notebook: Notebook, input: CallInput<'linkExcerpt'>, ctx: OperationContext): OperationResult<{ excerptId: string }> {
  const note = findNote(notebook, input.noteId);
  const patch = emptyPatch();
  let excerpt: Excerpt;
  if (input.selectors) {
    excerpt = excerptFor(notebook, findArticle(notebook, note.articleId), input.selectors, ctx);
    if (!notebook.excerpts.includes(excerpt)) patch.upsertExcerpts.push(excerpt);
  } else {
    excerpt = findExcerpt(notebook, input.excerptId ?? '');
  }
  if (!note.excerptIds.includes(excerpt.id)) {
    patch.upsertNotes.push({ ...note, excerptIds: [...note.excerptIds, excerpt.id], updatedAt: ctx.now().toISOString() });
  }
  const { next, mutation } = applyPatch(notebook, patch);
  return { next, mutation: { ...mutation, excerptId: excerpt.id } };
}

/** A plain highlight: an excerpt no note cites (yet). Highlighting a highlighted passage again changes nothing. */
export function highlight(notebook: Notebook, input: CallInput<'highlight'>, ctx: OperationContext): OperationResult<{ excerptId: string }> {
  const excerpt = excerptFor(notebook, findArticle(notebook, input.articleId), input.selectors, ctx);
  const patch = emptyPatch();
  if (!notebook.excerpts.includes(excerpt)) patch.upsertExcerpts.push(excerpt);
  const { next, mutation } = applyPatch(notebook, patch);
  return { next, mutation: { ...mutation, excerptId: excerpt.id } };
}

/** Excerpts that nothing but `noteId` cites among `excerptIds`. */
function citedOnlyBy(notebook: Notebook, noteId: string, excerptIds: readonly string[]): string[] {
  const citedElsewhere = new Set(notebook.notes.filter((n) => n.id !== noteId).flatMap((n) => n.excerptIds));
  return excerptIds.filter((id) => !citedElsewhere.has(id));
}

/** Unlinking drops the excerpt too when no other note cites it (undo brings both back). */
export function unlinkExcerpt(notebook: Notebook, input: CallInput<'unlinkExcerpt'>, ctx: OperationContext): OperationResult {
  const note = findNote(notebook, input.noteId);
  if (!note.excerptIds.includes(input.excerptId)) throw notFound('excerpt linked to this note', input.excerptId);
  const patch: Patch = {
    ...emptyPatch(),
    upsertNotes: [{ ...note, excerptIds: note.excerptIds.filter((id) => id !== input.excerptId), updatedAt: ctx.now().toISOString() }],
    removeExcerptIds: citedOnlyBy(notebook, note.id, [input.excerptId]),
  };
  return applyPatch(notebook, patch);
}

export function deleteNote(notebook: Notebook, input: CallInput<'deleteNote'>): OperationResult {
  const note = findNote(notebook, input.id);
  return applyPatch(notebook, {
    ...emptyPatch(),
    removeNoteIds: [note.id],
    removeExcerptIds: input.keepExcerpts ? [] : citedOnlyBy(notebook, note.id, note.excerptIds),
  });
}

/** Removes an excerpt everywhere; the notes that cited it stay. */
export function deleteExcerpt(notebook: Notebook, input: CallInput<'deleteExcerpt'>, ctx: OperationContext): OperationResult {
  const excerpt = findExcerpt(notebook, input.id);
  const now = ctx.now().toISOString();
  const upsertNotes = notebook.notes
    .filter((n) => n.excerptIds.includes(excerpt.id))
    .map((n) => ({ ...n, excerptIds: n.excerptIds.filter((id) => id !== excerpt.id), updatedAt: now }));
  return applyPatch(notebook, { ...emptyPatch(), upsertNotes, removeExcerptIds: [excerpt.id] });
}

export function setReaderScroll(notebook: Notebook, input: CallInput<'setReaderScroll'>): Notebook {
  findArticle(notebook, input.articleId);
  return { ...notebook, ui: { ...notebook.ui, currentArticleId: input.articleId, scroll: { ...notebook.ui.scroll, [input.articleId]: input.scroll } } };
}


/**
 * Dismisses a suggested lead: it stays hidden for this article while its text holds that
 * span (by kind and exact text, so an update of the article keeps it dismissed). Dismissing
 * one already dismissed changes nothing.
 */
export function dismissSuggestion(notebook: Notebook, input: CallInput<'dismissSuggestion'>, ctx: OperationContext): OperationResult {
  const article = findArticle(notebook, input.articleId);
  const text = articleText(article);
  const quote = text.slice(input.start, input.end);
  // The text shown must still be there: the article may have been updated in another window since.
  if (input.end > text.length || quote !== input.quote) throw new ApiFailure('conflict', 'The article’s text changed since this suggestion was shown (in another window), so nothing was dismissed. The suggestions are shown again for the new text.');
  if (notebook.dismissals.some((d) => d.articleId === article.id && d.kind === input.kind && d.quote === quote)) return applyPatch(notebook, emptyPatch());
  const dismissal: Dismissal = { id: ctx.newId(), articleId: article.id, kind: input.kind, quote, dismissedAt: ctx.now().toISOString() };
  return applyPatch(notebook, { ...emptyPatch(), upsertDismissals: [dismissal] });
}
