import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Notebook } from '../shared/model';
import { notebookProblem } from './notebook-check';
import * as ops from './operations';
import { select, seededNotebook } from './testdata/test-notebook';

describe('notebookProblem', () => {
  it('accepts a valid notebook and one grown by operations', async () => {
    let notebook = await seededNotebook();
    expect(notebookProblem(notebook)).toBeNull();
    const ctx = { now: () => new Date(), newId: () => 'n1' };
    notebook = ops.createNote(notebook, { articleId: notebook.articles[0]!.id, kind: 'lead', selectors: [select(notebook, 'Tiger Forces')], excerptIds: [] }, ctx).next;
    expect(notebookProblem(notebook)).toBeNull();
  });

  it('finds an invalid new record, a wrong version and stray fields', async () => {
    const notebook = await seededNotebook();
    const bad = { ...notebook, notes: [{ id: 'x', kind: 'annotation' }] } as unknown as Notebook;
    expect(notebookProblem(bad)).toMatch(/^notes\.0\./);
    expect(notebookProblem({ ...notebook, schemaVersion: SCHEMA_VERSION + 1 } as unknown as Notebook)).toMatch(/schemaVersion/);
    expect(notebookProblem({ ...notebook, extra: 1 } as unknown as Notebook)).toMatch(/unexpected fields/);
    expect(notebookProblem({ ...notebook, ui: { scroll: { a: 7 } } } as unknown as Notebook)).toMatch(/^ui\./);
  });

  it('checks a record again when it is a new object, even if an earlier one with its id passed', async () => {
    const notebook = await seededNotebook();
    expect(notebookProblem(notebook)).toBeNull();
    const article = { ...notebook.articles[0]!, title: '' };
    expect(notebookProblem({ ...notebook, articles: [article] })).toMatch(/^articles\.0\.title/);
  });
});
