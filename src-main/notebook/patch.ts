/**
 * Applying a Patch to a notebook: the single place where records change, so that
 * every mutation (and its undo) passes the same integrity checks.
 */
import { emptyPatch, type Expectation, type Mutation, type Patch } from '../shared/api';
import type { Article, Excerpt, Note, Notebook } from '../shared/model';
import { articleText } from './article-text';
import { conflict, invalid, notFound } from './api-failure';
import { recordVersion } from './record-version';

/**
 * Returns the next notebook and the mutation (with its inverse). Throws ApiFailure on any
 * violation, and `conflict` when a record is not in the state the patch expects.
 */
export function applyPatch(notebook: Notebook, patch: Patch): { next: Notebook; mutation: Mutation } {
  const notes = new Map(notebook.notes.map((n) => [n.id, n]));
  const excerpts = new Map(notebook.excerpts.map((e) => [e.id, e]));
  checkExpectations(patch.expect ?? [], notes, excerpts);
  const inverse = emptyPatch();

  for (const id of patch.removeNoteIds) {
    const old = notes.get(id);
    if (!old) throw notFound('note', id);
    notes.delete(id);
    inverse.upsertNotes.push(old);
  }
  for (const id of patch.removeExcerptIds) {
    const old = excerpts.get(id);
    if (!old) throw notFound('excerpt', id);
    excerpts.delete(id);
    inverse.upsertExcerpts.push(old);
  }
  for (const excerpt of patch.upsertExcerpts) {
    const old = excerpts.get(excerpt.id);
    if (old) inverse.upsertExcerpts.push(old);
    else inverse.removeExcerptIds.push(excerpt.id);
    excerpts.set(excerpt.id, excerpt);
  }
  for (const note of patch.upsertNotes) {
    const old = notes.get(note.id);
    if (old) inverse.upsertNotes.push(old);
    else inverse.removeNoteIds.push(note.id);
    notes.set(note.id, note);
  }

  const articles = new Map(notebook.articles.map((a) => [a.id, a]));
  checkExcerpts(patch.upsertExcerpts, articles);
  checkNotes(notesToCheck(patch, notes), excerpts, new Set(articles.keys()));

  inverse.expect = stateAfter(patch);
  const next: Notebook = { ...notebook, notes: [...notes.values()], excerpts: [...excerpts.values()] };
  return { next, mutation: { applied: patch, inverse } };
}

function checkExpectations(expected: readonly Expectation[], notes: ReadonlyMap<string, Note>, excerpts: ReadonlyMap<string, Excerpt>): void {
  for (const { record, id, version } of expected) {
    const current = record === 'note' ? notes.get(id) : excerpts.get(id);
    const actual = current ? recordVersion(current) : null;
    if (actual !== version) throw conflict(record);
  }
}

/** What the inverse may expect: every record the patch touched, as the patch leaves it. */
function stateAfter(patch: Patch): Expectation[] {
  return [
    ...patch.removeNoteIds.map((id) => ({ record: 'note' as const, id, version: null })),
    ...patch.upsertNotes.map((n) => ({ record: 'note' as const, id: n.id, version: recordVersion(n) })),
    ...patch.removeExcerptIds.map((id) => ({ record: 'excerpt' as const, id, version: null })),
    ...patch.upsertExcerpts.map((e) => ({ record: 'excerpt' as const, id: e.id, version: recordVersion(e) })),
  ];
}

/** Restored excerpts may be orphans (their quote is no longer found), but never point past the text. */
function checkExcerpts(changed: readonly Excerpt[], articles: ReadonlyMap<string, Article>): void {
  for (const excerpt of changed) {
    const article = articles.get(excerpt.articleId);
    if (!article) throw notFound('article', excerpt.articleId);
    if (excerpt.position.end > articleText(article).length) throw invalid(`Excerpt "${excerpt.id}" would end past the end of its article.`);
  }
}

/** Every note must be well-formed and cite only existing excerpts of its own article. */
/**
 * The notes a patch can have made invalid: those it writes, and those citing an excerpt
 * it removes or rewrites. Everything else was valid before and is untouched, so a
 * keystroke's save checks one note, not the whole notebook.
 */
function notesToCheck(patch: Patch, notes: ReadonlyMap<string, Note>): Note[] {
  const changed = patch.upsertNotes.map((n) => notes.get(n.id)!);
  const excerptIds = new Set([...patch.removeExcerptIds, ...patch.upsertExcerpts.map((e) => e.id)]);
  if (excerptIds.size === 0) return changed;
  const citing = [...notes.values()].filter((n) => n.excerptIds.some((id) => excerptIds.has(id)));
  return [...new Set([...changed, ...citing])];
}

function checkNotes(notes: Iterable<Note>, excerpts: ReadonlyMap<string, Excerpt>, articleIds: ReadonlySet<string>): void {
  for (const note of notes) {
    if (!articleIds.has(note.articleId)) throw notFound('article', note.articleId);
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
