import { beforeEach, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../shared/article-document';
import { selectorsFor } from '../shared/anchoring/describe-range';
import { NotebookSchema, type Notebook } from '../shared/model';
import * as library from './article-operations';
import { articleText } from './article-text';
import { articleSummaries, leadEntries } from './library';
import * as ops from './operations';
import { applyPatch } from './patch';
import { apiFailureOf } from './testdata/api-failure-of';
import { select, seededNotebook } from './testdata/test-notebook';

let notebook: Notebook;
let bundledId: string;
let seq = 0;
const ctx: ops.OperationContext = { now: () => new Date('2026-02-01T10:00:00Z'), newId: () => `id${++seq}` };

function memo(): library.ArticleText {
  const b = new DocumentBuilder();
  b.add('heading', 'Findings', { level: 1 });
  b.add('paragraph', 'The unit moved south in March.', { marks: [{ kind: 'em', start: 4, end: 8 }] });
  b.add('item', 'Check the March flight logs', { level: 1 });
  return { title: 'Field memo', format: 'markdown', content: '# Findings\n\nThe *unit* moved south in March.\n\n- Check the March flight logs\n', document: b.build() };
}


/** A lead on `phrase` of the bundled article. */
function lead(phrase: string): string {
  const result = ops.createNote(notebook, { articleId: bundledId, kind: 'lead', selectors: [select(notebook, phrase)], excerptIds: [] }, ctx);
  notebook = result.next;
  return result.mutation.noteId;
}

beforeEach(async () => {
  notebook = await seededNotebook();
  bundledId = notebook.articles[0]!.id;
});

describe('the library', () => {
  it('adds an article once: the same text again names the article already there', () => {
    const added = library.addArticle(notebook, memo(), ctx);
    notebook = added.next;
    expect(added.mutation.duplicate).toBe(false);
    expect(notebook.articles).toHaveLength(2);
    expect(NotebookSchema.safeParse(notebook).success).toBe(true);
    const again = library.addArticle(notebook, { ...memo(), title: 'Another name' }, ctx);
    expect(again.mutation).toMatchObject({ duplicate: true, articleId: added.mutation.articleId });
    expect(again.next).toBe(notebook);
    // Undoing the import removes it again.
    notebook = applyPatch(notebook, added.mutation.inverse).next;
    expect(notebook.articles.map((a) => a.id)).toEqual([bundledId]);
  });

  it('renames, and deletes an article with its notes and excerpts; undo brings everything back', () => {
    const added = library.addArticle(notebook, memo(), ctx);
    notebook = added.next;
    const memoId = added.mutation.articleId;
    notebook = library.renameArticle(notebook, { articleId: memoId, title: '  Memo   from the field ' }).next;
    expect(notebook.articles[1]!.title).toBe('Memo from the field');
    expect(apiFailureOf(() => library.renameArticle(notebook, { articleId: memoId, title: ' \u202e\u0000 ' })).message).toMatch(/visible character/);
    expect(library.renameArticle(notebook, { articleId: memoId, title: 'T\u202Eitle\u200B' }).next.articles[1]!.title).toBe('Title');
    const note = ops.createNote(notebook, { articleId: memoId, kind: 'annotation', selectors: [], excerptIds: [] }, ctx);
    notebook = note.next;
    lead('Hmeimim base');

    const before = notebook;
    const deleted = library.deleteArticle({ ...notebook, ui: { ...notebook.ui, currentArticleId: memoId } }, { articleId: memoId });
    expect(deleted.mutation).toMatchObject({ notes: 1, excerpts: 0 });
    expect(deleted.next.articles.map((a) => a.id)).toEqual([bundledId]);
    expect(deleted.next.ui.currentArticleId).toBe(bundledId);
    expect(deleted.next.notes.every((n) => n.articleId === bundledId)).toBe(true);
    const restored = applyPatch(deleted.next, deleted.mutation.inverse).next;
    expect(new Set(restored.articles)).toEqual(new Set(before.articles));
    expect(new Set(restored.notes)).toEqual(new Set(before.notes));
    expect(apiFailureOf(() => library.deleteArticle(restored, { articleId: 'ghost' })).code).toBe('not-found');
    const only = library.deleteArticle(restored, { articleId: memoId }).next;
    expect(apiFailureOf(() => library.deleteArticle(only, { articleId: bundledId })).message).toMatch(/only article/);
  });

  it('updating the text keeps the old version and re-anchors every excerpt: stayed, moved, changed, orphaned', () => {
    lead('Vladmir Putin'); // first sentence, before every change: stays
    lead('the price is very high'); // one letter changes, same length: changed
    lead('Syrian Observatory for Human Rights'); // its paragraph is rewritten: orphaned
    lead('Hmeimim base'); // after the rewritten paragraph: moved
    const old = notebook.articles[0]!;
    const text = old.content;
    const observatoryParagraph = text.split('\n\n').find((p) => p.includes('Syrian Observatory for Human Rights'))!;
    const revised = text
      .replace(observatoryParagraph, 'This paragraph was rewritten entirely by the editors.')
      .replace('the price is very high', 'the price is vary high');
    const updated = library.updateArticleText(notebook, bundledId, { title: 'ignored', format: 'text', content: revised }, ctx);
    expect(updated.mutation.report).toEqual({ stayed: 1, moved: 1, changed: 1, orphaned: 1 });
    notebook = updated.next;
    const article = notebook.articles[0]!;
    expect(article.title).toBe(old.title); // the user's title is kept
    expect(article.versions).toEqual([{ format: 'text', content: old.content, contentHash: old.contentHash, addedAt: old.addedAt, replacedAt: '2026-02-01T10:00:00.000Z' }]);
    const byQuote = new Map(notebook.excerpts.map((e) => [e.quote.exact, e]));
    expect(byQuote.get('Vladmir Putin')?.review).toBeUndefined();
    expect(byQuote.get('Hmeimim base')?.review).toBe('moved');
    expect(byQuote.get('the price is vary high')?.review).toBe('changed');
    const orphan = byQuote.get('Syrian Observatory for Human Rights')!;
    expect(orphan.review).toBe('orphaned');
    expect(NotebookSchema.safeParse(notebook).success).toBe(true);
    expect(notebook.notes).toHaveLength(4); // no note lost

    // The orphan is re-attached to a new selection; the moved one is confirmed.
    const newText = articleText(notebook.articles[0]!);
    const start = newText.indexOf('rewritten entirely');
    notebook = library.reattachExcerpt(notebook, { excerptId: orphan.id, selectors: { quote: { type: 'TextQuoteSelector', exact: 'rewritten entirely', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end: start + 18 } } }).next;
    expect(notebook.excerpts.find((e) => e.id === orphan.id)).toMatchObject({ quote: { exact: 'rewritten entirely' } });
    expect(notebook.excerpts.find((e) => e.id === orphan.id)?.review).toBeUndefined();
    const moved = byQuote.get('Hmeimim base')!;
    notebook = library.confirmExcerpt(notebook, { excerptId: moved.id }).next;
    expect(notebook.excerpts.find((e) => e.id === moved.id)?.review).toBeUndefined();

    // Undo of the update restores the old text and the old excerpts.
    const undone = applyPatch(updated.next, updated.mutation.inverse).next;
    expect(undone.articles[0]).toEqual(old);
    expect(apiFailureOf(() => library.updateArticleText(undone, bundledId, { title: 'x', format: 'text', content: old.content }, ctx)).message).toMatch(/exactly the text/);
  });

  it('a short paragraph that only moved is found again, not orphaned', () => {
    const added = library.addArticle(notebook, { title: 'Notes', format: 'text', content: 'Alpha sentence stays here.\n\nBravo sentence will move.\n\nCharlie sentence.' }, ctx);
    notebook = added.next;
    const text = articleText(notebook.articles[1]!);
    const at = text.indexOf('Bravo sentence will move.');
    notebook = ops.createNote(notebook, { articleId: added.mutation.articleId, kind: 'lead', selectors: [{ quote: { type: 'TextQuoteSelector', exact: 'Bravo sentence will move.', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: at, end: at + 25 } }], excerptIds: [] }, ctx).next;
    const updated = library.updateArticleText(notebook, added.mutation.articleId, { title: 'Notes', format: 'text', content: 'Alpha sentence stays here.\n\nNew para.\n\nCharlie sentence.\n\nBravo sentence will move.' }, ctx);
    expect(updated.mutation.report).toEqual({ stayed: 0, moved: 1, changed: 0, orphaned: 0 });
  });

  it('re-anchors many excerpts after text is inserted at the top, each moved by its length', () => {
    const sentences = Array.from({ length: 300 }, (_, i) => `Sentence ${i} reports event number ${i * 7} in the region.`);
    const added = library.addArticle(notebook, { title: 'Many', format: 'text', content: sentences.join(' ') }, ctx);
    notebook = added.next;
    const articleId = added.mutation.articleId;
    const text = articleText(notebook.articles.find((a) => a.id === articleId)!);
    const selectors = sentences.map((sentence) => selectorsFor(text, { start: text.indexOf(sentence), end: text.indexOf(sentence) + sentence.length }));
    notebook = ops.createNote(notebook, { articleId, kind: 'lead', selectors, excerptIds: [] }, ctx).next;
    const inserted = 'Editor note. '.repeat(400);
    const updated = library.updateArticleText(notebook, articleId, { title: 'Many', format: 'text', content: inserted + sentences.join(' ') }, ctx);
    expect(updated.mutation.report).toEqual({ stayed: 0, moved: 300, changed: 0, orphaned: 0 });
    const starts = updated.next.excerpts.filter((e) => e.articleId === articleId).map((e) => e.position.start);
    expect(starts.sort((a, b) => a - b)).toEqual(selectors.map((s) => s.position.start + inserted.length).sort((a, b) => a - b));
  });

  it('summarizes articles and lists every lead with its article and quotes', () => {
    notebook = library.addArticle(notebook, memo(), ctx).next;
    const leadId = lead('Hmeimim base');
    notebook = library.openArticle(notebook, { articleId: bundledId }, ctx);
    const summaries = articleSummaries(notebook);
    expect(summaries[0]).toMatchObject({ id: bundledId, notes: 1, openLeads: 1, versions: 0, openedAt: '2026-02-01T10:00:00.000Z', format: 'text' });
    expect(summaries[1]).toMatchObject({ title: 'Field memo', notes: 0, openLeads: 0, format: 'markdown' });
    expect(leadEntries(notebook)).toEqual([{ note: notebook.notes.find((n) => n.id === leadId), articleTitle: notebook.articles[0]!.title, quotes: ['Hmeimim base'] }]);
  });
});

describe('deleting an article with dismissed suggestions', () => {
  it('takes them along, and its undo brings them back', async () => {
    let n = 0;
    const ctx = { now: () => new Date('2026-02-01T10:00:00Z'), newId: () => `d${++n}` };
    const seeded = await seededNotebook();
    const added = library.addArticle(seeded, { title: 'Memo', format: 'text', content: 'Officials said 3 buses left.' }, ctx);
    const dismissed = ops.dismissSuggestion(added.next, { articleId: added.mutation.articleId, kind: 'figure', start: 15, end: 22 }, ctx).next;
    expect(dismissed.dismissals.map((d) => d.quote)).toEqual(['3 buses']);
    const deleted = library.deleteArticle(dismissed, { articleId: added.mutation.articleId });
    expect(deleted.next.dismissals).toEqual([]);
    expect(applyPatch(deleted.next, deleted.mutation.inverse).next.dismissals.map((d) => d.quote)).toEqual(['3 buses']);
  });
});
