import { beforeEach, describe, expect, it } from 'vitest';
import { NotebookSchema, type Notebook } from '../shared/model';
import * as ops from './operations';
import { applyPatch } from './patch';
import { apiFailureOf } from './testdata/api-failure-of';
import { select, seededNotebook } from './testdata/test-notebook';

let notebook: Notebook;
let articleId: string;
let seq = 0;
const ctx: ops.OperationContext = { now: () => new Date('2026-02-01T10:00:00Z'), newId: () => `id${++seq}` };

beforeEach(async () => {
  notebook = await seededNotebook();
  articleId = notebook.articles[0]!.id;
});

function create(kind: 'annotation' | 'lead', phrase: string, occurrence = 0) {
  const result = ops.createNote(notebook, { articleId, kind, selectors: [select(notebook, phrase, occurrence)], excerptIds: [] }, ctx);
  notebook = result.next;
  return result.mutation;
}


describe('createNote', () => {
  it('creates an excerpt and an annotation citing it', () => {
    const m = create('annotation', 'the price is very high');
    expect(m.applied.upsertExcerpts).toHaveLength(1);
    expect(notebook.notes[0]).toMatchObject({ kind: 'annotation', excerptIds: [m.applied.upsertExcerpts[0]!.id], body: '' });
    expect(notebook.notes[0]!.status).toBeUndefined();
    expect(NotebookSchema.safeParse(notebook).success).toBe(true);
  });

  it('gives a lead the status open', () => {
    create('lead', 'Hmeimim base');
    expect(notebook.notes[0]!.status).toBe('open');
  });

  it('reuses an excerpt with the same range, so one excerpt carries two notes', () => {
    create('annotation', 'Tiger Forces');
    const second = create('lead', 'Tiger Forces');
    expect(second.applied.upsertExcerpts).toHaveLength(0);
    expect(notebook.excerpts).toHaveLength(1);
    expect(notebook.notes.every((n) => n.excerptIds[0] === notebook.excerpts[0]!.id)).toBe(true);
  });

  it('refuses selectors that do not match the article text', () => {
    const selectors = select(notebook, 'Tiger Forces');
    selectors.quote.exact = 'Lion Forces!';
    const error = apiFailureOf(() => ops.createNote(notebook, { articleId, kind: 'annotation', selectors: [selectors], excerptIds: [] }, ctx));
    expect(error.code).toBe('invalid-input');
  });

  it('refuses an unknown article or excerpt id', () => {
    expect(apiFailureOf(() => ops.createNote(notebook, { articleId: 'nope', kind: 'annotation', selectors: [], excerptIds: [] }, ctx)).code).toBe('not-found');
    expect(apiFailureOf(() => ops.createNote(notebook, { articleId, kind: 'annotation', selectors: [], excerptIds: ['ghost'] }, ctx)).code).toBe('not-found');
  });
});

describe('updateNote', () => {
  it('edits body and tags, and a lead status', () => {
    create('lead', 'Hmeimim base');
    const id = notebook.notes[0]!.id;
    notebook = ops.updateNote(notebook, { id, body: 'Check flights', tags: ['air', 'air', 'logistics'], status: 'done' }, ctx).next;
    expect(notebook.notes[0]).toMatchObject({ body: 'Check flights', tags: ['air', 'logistics'], status: 'done', updatedAt: '2026-02-01T10:00:00.000Z' });
  });

  it('refuses a status on an annotation and changes nothing', () => {
    create('annotation', 'Hmeimim base');
    const before = notebook;
    const error = apiFailureOf(() => ops.updateNote(notebook, { id: notebook.notes[0]!.id, status: 'done' }, ctx));
    expect(error.code).toBe('invalid-input');
    expect(notebook).toBe(before);
  });

  it('makes no change when nothing differs', () => {
    create('annotation', 'Hmeimim base');
    const result = ops.updateNote(notebook, { id: notebook.notes[0]!.id, body: '' }, ctx);
    expect(result.mutation.applied.upsertNotes).toHaveLength(0);
  });
});

describe('plain highlights', () => {
  it('keeps an excerpt with no note, once for the same passage, and a note can cite it later', () => {
    const articleId = notebook.articles[0]!.id;
    const first = ops.highlight(notebook, { articleId, selectors: select(notebook, 'the Tiger Forces') }, ctx);
    notebook = first.next;
    expect(notebook.excerpts).toHaveLength(1);
    expect(notebook.notes).toHaveLength(0);
    expect(notebook.excerpts[0]!.quote.exact).toBe('the Tiger Forces');
    const again = ops.highlight(notebook, { articleId, selectors: select(notebook, 'the Tiger Forces') }, ctx);
    expect(again.mutation.excerptId).toBe(first.mutation.excerptId);
    expect(again.mutation.applied.upsertExcerpts).toHaveLength(0);
    create('annotation', 'the Tiger Forces');
    expect(notebook.notes[0]!.excerptIds).toEqual([first.mutation.excerptId]);
  });

  it('refuses a selection that does not match the article there', () => {
    const articleId = notebook.articles[0]!.id;
    const selectors = select(notebook, 'the Tiger Forces');
    expect(() => ops.highlight(notebook, { articleId, selectors: { ...selectors, quote: { ...selectors.quote, exact: 'the Tiger Farces' } } }, ctx)).toThrow(/does not match/);
  });
});

describe('links', () => {
  it('links a new selection and an existing excerpt, then unlinks', () => {
    create('annotation', 'the loyal 4th Division');
    const noteId = notebook.notes[0]!.id;
    const linked = ops.linkExcerpt(notebook, { noteId, selectors: select(notebook, 'the Tiger Forces') }, ctx);
    notebook = linked.next;
    expect(notebook.notes[0]!.excerptIds).toHaveLength(2);
    const again = ops.linkExcerpt(notebook, { noteId, excerptId: linked.mutation.excerptId }, ctx);
    expect(again.mutation.applied.upsertNotes).toHaveLength(0);
    notebook = ops.unlinkExcerpt(notebook, { noteId, excerptId: linked.mutation.excerptId }, ctx).next;
    expect(notebook.notes[0]!.excerptIds).toHaveLength(1);
    expect(notebook.excerpts).toHaveLength(1); // no longer cited: removed with the link
  });

  it('keeps an unlinked excerpt that another note still cites', () => {
    create('annotation', 'Tiger Forces');
    create('lead', 'Tiger Forces');
    const [a] = notebook.notes;
    notebook = ops.unlinkExcerpt(notebook, { noteId: a!.id, excerptId: a!.excerptIds[0]! }, ctx).next;
    expect(notebook.excerpts).toHaveLength(1);
  });
});

describe('delete and undo', () => {
  it('deletes a note with its excerpts, or keeps them as plain highlights', () => {
    create('annotation', 'Tiger Forces');
    const id = notebook.notes[0]!.id;
    expect(ops.deleteNote(notebook, { id, keepExcerpts: false }).next.excerpts).toHaveLength(0);
    const kept = ops.deleteNote(notebook, { id, keepExcerpts: true }).next;
    expect(kept.notes).toHaveLength(0);
    expect(kept.excerpts).toHaveLength(1);
  });

  it('restores exactly what a delete removed by applying its inverse, and redoes it', () => {
    create('lead', 'Tiger Forces');
    const before = notebook;
    const deleted = ops.deleteNote(notebook, { id: notebook.notes[0]!.id, keepExcerpts: false });
    const undone = applyPatch(deleted.next, deleted.mutation.inverse);
    expect(undone.next.notes).toEqual(before.notes);
    expect(undone.next.excerpts).toEqual(before.excerpts);
    const redone = applyPatch(undone.next, undone.mutation.inverse);
    expect(redone.next.notes).toEqual([]);
  });

  it('round-trips create, edit, link and status change through their inverses', () => {
    const start = notebook;
    create('lead', 'Hmeimim base');
    const id = notebook.notes[0]!.id;
    const edited = ops.updateNote(notebook, { id, body: 'x' }, ctx);
    notebook = edited.next;
    const linked = ops.linkExcerpt(notebook, { noteId: id, selectors: select(notebook, 'Tiger Forces') }, ctx);
    notebook = linked.next;
    const status = ops.updateNote(notebook, { id, status: 'dropped' }, ctx);
    notebook = status.next;
    notebook = applyPatch(notebook, status.mutation.inverse).next;
    expect(notebook.notes[0]!.status).toBe('open');
    notebook = applyPatch(notebook, linked.mutation.inverse).next;
    expect(notebook.notes[0]!.excerptIds).toHaveLength(1);
    expect(notebook.excerpts).toHaveLength(1);
    notebook = applyPatch(notebook, edited.mutation.inverse).next;
    expect(notebook.notes[0]!.body).toBe('');
    const removeAll = ops.deleteNote(notebook, { id, keepExcerpts: false });
    expect(removeAll.next.notes).toEqual(start.notes);
    expect(removeAll.next.excerpts).toEqual(start.excerpts);
  });

  it('refuses a patch that would leave a note citing a missing excerpt', () => {
    create('annotation', 'Tiger Forces');
    const error = apiFailureOf(() => applyPatch(notebook, { upsertNotes: [], upsertExcerpts: [], removeNoteIds: [], removeExcerptIds: [notebook.excerpts[0]!.id] }));
    expect(error.code).toBe('invalid-input');
  });

  it('refuses to remove unknown ids', () => {
    expect(apiFailureOf(() => applyPatch(notebook, { upsertNotes: [], upsertExcerpts: [], removeNoteIds: ['ghost'], removeExcerptIds: [] })).code).toBe('not-found');
  });

  it('deleteExcerpt removes a highlight and unlinks it from its notes', () => {
    create('annotation', 'Tiger Forces');
    const next = ops.deleteExcerpt(notebook, { id: notebook.excerpts[0]!.id }, ctx).next;
    expect(next.excerpts).toHaveLength(0);
    expect(next.notes[0]!.excerptIds).toEqual([]);
  });
});

describe('setReaderScroll', () => {
  it('remembers the scroll position and current article', () => {
    const next = ops.setReaderScroll(notebook, { articleId, scroll: 0.4 });
    expect(next.ui).toMatchObject({ currentArticleId: articleId, scroll: { [articleId]: 0.4 } });
  });
});

describe('dismissSuggestion', () => {
  const span = (phrase: string) => {
    const { position } = select(notebook, phrase);
    return { articleId, kind: 'figure' as const, start: position.start, end: position.end, quote: phrase };
  };

  it('keeps the dismissal by kind and exact text; dismissing it again changes nothing; its inverse brings it back', () => {
    const result = ops.dismissSuggestion(notebook, span('40,000 Syrian soldiers'), ctx);
    expect(result.next.dismissals).toEqual([{ id: expect.any(String), articleId, kind: 'figure', quote: '40,000 Syrian soldiers', dismissedAt: '2026-02-01T10:00:00.000Z' }]);
    expect(NotebookSchema.safeParse(result.next).success).toBe(true);
    expect(ops.dismissSuggestion(result.next, span('40,000 Syrian soldiers'), ctx).mutation.applied.upsertDismissals).toBeUndefined();
    const undone = applyPatch(result.next, result.mutation.inverse);
    expect(undone.next.dismissals).toEqual([]);
  });

  it('refuses a span whose text is not the one shown (the article changed elsewhere, or past its end), and an unknown article', () => {
    expect(apiFailureOf(() => ops.dismissSuggestion(notebook, { ...span('40,000 Syrian soldiers'), quote: 'The mayor said 20 people were hurt' }, ctx))?.code).toBe('conflict');
    expect(apiFailureOf(() => ops.dismissSuggestion(notebook, { articleId, kind: 'hedge', start: 0, end: 10_000_000, quote: 'x' }, ctx))?.code).toBe('conflict');
    expect(apiFailureOf(() => ops.dismissSuggestion(notebook, { articleId: 'nope', kind: 'hedge', start: 0, end: 5, quote: 'x' }, ctx))?.code).toBe('not-found');
  });
});
