/**
 * Applying a Patch to a notebook: the single place where records change, so that
 * every mutation (and its undo) passes the same integrity checks.
 */
import { emptyPatch, type Expectation, type Mutation, type Patch } from '../shared/api';
import type { Article, Dismissal, Excerpt, Note, Notebook } from '../shared/model';
import { articleText } from './article-text';
import { ApiFailure, conflict, invalid, notFound } from './api-failure';
import { recordVersion } from './record-version';
import { RecordTable } from './record-table';

/** What the checks read of a list of records. */
type Records<T> = Pick<RecordTable<T & { id: string }>, 'get' | 'has' | 'values' | 'size'>;

type RecordKind = Expectation['record'];

/**
 * Returns the next notebook and the mutation (with its inverse). Throws ApiFailure on any
 * violation, and `conflict` when a record is not in the state the patch expects.
 */
export function applyPatch(notebook: Notebook, patch: Patch): { next: Notebook; mutation: Mutation } {
  const notes = new RecordTable(notebook.notes);
  const excerpts = new RecordTable(notebook.excerpts);
  const articles = new RecordTable(notebook.articles);
  const dismissals = new RecordTable(notebook.dismissals);
  const maps: Record<RecordKind, Records<{ id: string }>> = { note: notes, excerpt: excerpts, article: articles, dismissal: dismissals };
  checkExpectations(patch.expect ?? [], maps);
  const inverse = emptyPatch();
  const removedArticles: string[] = [];
  const restoredArticles: Article[] = [];

  for (const id of patch.removeNoteIds) inverse.upsertNotes.push(take(notes, id, 'note'));
  for (const id of patch.removeExcerptIds) inverse.upsertExcerpts.push(take(excerpts, id, 'excerpt'));
  for (const id of patch.removeArticleIds ?? []) restoredArticles.push(take(articles, id, 'article'));
  for (const excerpt of patch.upsertExcerpts) put(excerpts, excerpt, inverse.upsertExcerpts, inverse.removeExcerptIds);
  for (const note of patch.upsertNotes) put(notes, note, inverse.upsertNotes, inverse.removeNoteIds);
  for (const article of patch.upsertArticles ?? []) put(articles, article, restoredArticles, removedArticles);
  if (restoredArticles.length > 0) inverse.upsertArticles = restoredArticles;
  if (removedArticles.length > 0) inverse.removeArticleIds = removedArticles;
  const restoredDismissals: Dismissal[] = [];
  const removedDismissals: string[] = [];
  for (const id of patch.removeDismissalIds ?? []) restoredDismissals.push(take(dismissals, id, 'dismissal'));
  for (const dismissal of patch.upsertDismissals ?? []) put(dismissals, dismissal, restoredDismissals, removedDismissals);
  if (restoredDismissals.length > 0) inverse.upsertDismissals = restoredDismissals;
  if (removedDismissals.length > 0) inverse.removeDismissalIds = removedDismissals;

  checkArticles(patch, articles, excerpts, notes, dismissals);
  for (const dismissal of patch.upsertDismissals ?? []) if (!articles.has(dismissal.articleId)) throw notFound('article', dismissal.articleId);
  checkExcerpts(excerptsToCheck(patch, excerpts), articles);
  checkNotes(notesToCheck(patch, notes), excerpts, articles);

  inverse.expect = stateAfter(patch);
  // A list the patch did not touch stays the same array: the store then sees at once that it did not change.
  const next: Notebook = { ...notebook, articles: articles.toArray(), notes: notes.toArray(), excerpts: excerpts.toArray(), dismissals: dismissals.toArray() };
  return { next, mutation: { applied: patch, inverse } };
}

function take<T extends { id: string }>(records: RecordTable<T>, id: string, what: RecordKind): T {
  const old = records.get(id);
  if (!old) throw notFound(what, id);
  records.delete(id);
  return old;
}

/** Writes a record; its inverse restores the old one, or removes the new one. */
function put<T extends { id: string }>(records: RecordTable<T>, record: T, restore: T[], remove: string[]): void {
  const old = records.get(record.id);
  if (old) restore.push(old);
  else remove.push(record.id);
  records.set(record);
}

function checkExpectations(expected: readonly Expectation[], maps: Record<RecordKind, Records<{ id: string }>>): void {
  for (const { record, id, version } of expected) {
    const current = maps[record].get(id);
    const actual = current ? recordVersion(current) : null;
    if (actual !== version) throw conflict(record);
  }
}

/** What the inverse may expect: every record the patch touched, as the patch leaves it. */
function stateAfter(patch: Patch): Expectation[] {
  const removed = (record: RecordKind, ids: readonly string[]): Expectation[] => ids.map((id) => ({ record, id, version: null }));
  const written = (record: RecordKind, records: readonly { id: string }[]): Expectation[] => records.map((r) => ({ record, id: r.id, version: recordVersion(r) }));
  return [
    ...removed('note', patch.removeNoteIds),
    ...written('note', patch.upsertNotes),
    ...removed('excerpt', patch.removeExcerptIds),
    ...written('excerpt', patch.upsertExcerpts),
    ...removed('article', patch.removeArticleIds ?? []),
    ...written('article', patch.upsertArticles ?? []),
    ...removed('dismissal', patch.removeDismissalIds ?? []),
    ...written('dismissal', patch.upsertDismissals ?? []),
  ];
}

/** A removed article takes its excerpts, notes and dismissed suggestions with it, in the same patch. */
function checkArticles(patch: Patch, articles: Records<Article>, excerpts: Records<Excerpt>, notes: Records<Note>, dismissals: Records<Dismissal>): void {
  const removed = new Set(patch.removeArticleIds ?? []);
  if (removed.size === 0) return;
  if (articles.size === 0) throw invalid('A notebook keeps at least one article.');
  for (const record of [...excerpts.values(), ...notes.values(), ...dismissals.values()]) {
    if (removed.has(record.articleId)) throw invalid('An article can only be removed together with its excerpts, notes and dismissed suggestions.');
  }
}

/**
 * The excerpts a patch can have made invalid: those it writes, and all excerpts of an
 * article whose text it replaces.
 */
function excerptsToCheck(patch: Patch, excerpts: Records<Excerpt>): Excerpt[] {
  const changed = patch.upsertExcerpts.map((e) => excerpts.get(e.id)!);
  const rewritten = new Set((patch.upsertArticles ?? []).map((a) => a.id));
  if (rewritten.size === 0) return changed;
  return [...new Set([...changed, ...[...excerpts.values()].filter((e) => rewritten.has(e.articleId))])];
}

/**
 * Restored excerpts may be orphans (their quote is no longer found), but never point past
 * the text — except those orphaned by a text update, whose selectors describe the old text.
 */
function checkExcerpts(changed: readonly Excerpt[], articles: Records<Article>): void {
  for (const excerpt of changed) {
    const article = articles.get(excerpt.articleId);
    if (!article) throw notFound('article', excerpt.articleId);
    if (excerpt.review !== 'orphaned' && excerpt.position.end > articleText(article).length) {
      throw invalid(`Excerpt "${excerpt.id}" would end past the end of its article.`);
    }
  }
}

/**
 * The notes a patch can have made invalid: those it writes, and those citing an excerpt
 * it removes or rewrites. Everything else was valid before and is untouched, so a
 * keystroke's save checks one note, not the whole notebook.
 */
function notesToCheck(patch: Patch, notes: Records<Note>): Note[] {
  const changed = patch.upsertNotes.map((n) => notes.get(n.id)!);
  const excerptIds = new Set([...patch.removeExcerptIds, ...patch.upsertExcerpts.map((e) => e.id)]);
  if (excerptIds.size === 0) return changed;
  const citing = [...notes.values()].filter((n) => n.excerptIds.some((id) => excerptIds.has(id)));
  return [...new Set([...changed, ...citing])];
}

/** Every note must be well-formed and cite only existing excerpts of its own article. */
function checkNotes(notes: Iterable<Note>, excerpts: Records<Excerpt>, articles: Records<Article>): void {
  for (const note of notes) {
    if (!articles.has(note.articleId)) throw notFound('article', note.articleId);
    if ((note.kind === 'lead') !== (note.status !== undefined)) {
      throw invalid(note.kind === 'lead' ? 'A lead needs a status.' : 'Only a lead has a status; an annotation does not.');
    }
    if (new Set(note.excerptIds).size !== note.excerptIds.length) throw invalid('A note cites the same excerpt twice.');
    for (const excerptId of note.excerptIds) {
      const excerpt = excerpts.get(excerptId);
      if (!excerpt) throw invalid(`Note "${note.id}" would cite excerpt "${excerptId}", which does not exist.`);
      if (excerpt.articleId !== note.articleId) throw invalid('A note can only cite excerpts of its own article.');
    }
  }
}

/**
 * Undo and redo from a window: the patch must say, for every record it touches, the
 * state it expects (an inverse made by applyPatch always does). Any failure to apply
 * it means the notebook moved on elsewhere since, so it is a conflict, not bad input.
 */
export function applyUndoPatch(notebook: Notebook, patch: Patch): { next: Notebook; mutation: Mutation } {
  const expected = new Set((patch.expect ?? []).map((e) => `${e.record}:${e.id}`));
  const touched = stateAfter(patch);
  if (touched.some((e) => !expected.has(`${e.record}:${e.id}`))) {
    throw invalid('An undo or redo step must say what state it expects of every record it changes.');
  }
  try {
    return applyPatch(notebook, patch);
  } catch (error) {
    if (error instanceof ApiFailure && error.code !== 'conflict') throw conflict(touched[0]?.record ?? 'note');
    throw error;
  }
}
