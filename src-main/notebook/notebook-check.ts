/**
 * Checking a notebook before it is saved, at the cost of what changed: records are
 * never modified in place (every operation makes new objects), so a record object
 * that passed its schema once is still valid and is not checked again. A full
 * check of 10,000 notes on every keystroke's save would cost as much as writing them.
 */
import type { z } from 'zod';
import { ArticleSchema, DismissalSchema, ExcerptSchema, NoteSchema, SCHEMA_VERSION, UiStateSchema, type Notebook } from '../shared/model';
import type { NotebookDelta } from './notebook-delta';

const checked = new WeakSet<object>();

function firstIssue(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  return issue ? `${[prefix, ...issue.path].join('.')}: ${issue.message}` : prefix;
}

function checkRecords(records: unknown, schema: z.ZodType, name: string): string | null {
  if (!Array.isArray(records)) return `${name}: expected an array`;
  for (let i = 0; i < records.length; i++) {
    const record: unknown = records[i];
    if (typeof record === 'object' && record !== null && checked.has(record)) continue;
    const result = schema.safeParse(record);
    if (!result.success) return firstIssue(result.error, `${name}.${i}`);
    checked.add(record as object);
  }
  return null;
}

function shapeProblem(notebook: Notebook): string | null {
  if (typeof notebook !== 'object' || notebook === null) return 'not an object';
  const keys = Object.keys(notebook).sort().join(',');
  if (keys !== 'articles,dismissals,excerpts,notes,schemaVersion,ui') return `unexpected fields (${keys})`;
  if (notebook.schemaVersion !== SCHEMA_VERSION) return `schemaVersion: expected ${SCHEMA_VERSION}`;
  return null;
}

function uiProblem(ui: unknown): string | null {
  const result = UiStateSchema.safeParse(ui);
  return result.success ? null : firstIssue(result.error, 'ui');
}

/**
 * The first problem that would make the saved file unreadable, or null. `next` is a valid
 * notebook changed by `delta` (notebook-delta.ts), so only what the delta writes needs
 * looking at: the cost of a save's check is the cost of its change.
 */
export function changeProblem(next: Notebook, delta: NotebookDelta): string | null {
  const written = (change: { put: unknown[] } | { all: unknown[] } | undefined): unknown[] => (change === undefined ? [] : 'all' in change ? change.all : change.put);
  return (
    shapeProblem(next) ??
    (delta.ui ? uiProblem(delta.ui) : null) ??
    checkRecords(written(delta.articles), ArticleSchema, 'articles') ??
    checkRecords(written(delta.excerpts), ExcerptSchema, 'excerpts') ??
    checkRecords(written(delta.notes), NoteSchema, 'notes') ??
    checkRecords(written(delta.dismissals), DismissalSchema, 'dismissals')
  );
}

/** Records just validated by loading (NotebookSchema or a journal entry's schema) need no second check on save. */
export function markChecked(notebook: Notebook): void {
  for (const list of [notebook.articles, notebook.excerpts, notebook.notes, notebook.dismissals]) for (const record of list) checked.add(record);
}
