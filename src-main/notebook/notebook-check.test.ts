import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Notebook } from '../shared/model';
import { changeProblem } from './notebook-check';
import { deltaBetween } from './notebook-delta';
import * as ops from './operations';
import { select, seededNotebook } from './testdata/test-notebook';

/** The check as the store runs it: on the change from `before` to `next`. */
function problemOf(before: Notebook, next: Notebook): string | null {
  return changeProblem(next, deltaBetween(before, next)?.delta ?? {});
}

describe('changeProblem', () => {
  it('accepts a valid notebook and one grown by operations', async () => {
    const seeded = await seededNotebook();
    expect(problemOf(seeded, { ...seeded, notes: [...seeded.notes] })).toBeNull();
    const ctx = { now: () => new Date(), newId: () => 'n1' };
    const grown = ops.createNote(seeded, { articleId: seeded.articles[0]!.id, kind: 'lead', selectors: [select(seeded, 'Tiger Forces')], excerptIds: [] }, ctx).next;
    expect(problemOf(seeded, grown)).toBeNull();
  });

  it('finds an invalid new record, a wrong version and stray fields', async () => {
    const notebook = await seededNotebook();
    const bad = { ...notebook, notes: [{ id: 'x', kind: 'annotation' }] } as unknown as Notebook;
    expect(problemOf(notebook, bad)).toMatch(/^notes\.0\./);
    expect(problemOf(notebook, { ...notebook, schemaVersion: SCHEMA_VERSION + 1 } as unknown as Notebook)).toMatch(/schemaVersion/);
    expect(problemOf(notebook, { ...notebook, extra: 1 } as unknown as Notebook)).toMatch(/unexpected fields/);
    expect(problemOf(notebook, { ...notebook, ui: { scroll: { a: 7 } } } as unknown as Notebook)).toMatch(/^ui\./);
  });

  it('checks a record again when it is a new object, even if an earlier one with its id passed', async () => {
    const notebook = await seededNotebook();
    const renamed = { ...notebook, articles: [{ ...notebook.articles[0]!, title: 'Fine' }] };
    expect(problemOf(notebook, renamed)).toBeNull();
    const article = { ...notebook.articles[0]!, title: '' };
    expect(problemOf(renamed, { ...notebook, articles: [article] })).toMatch(/^articles\.0\.title/);
  });
});
