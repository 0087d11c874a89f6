/**
 * Checking a notebook before it is saved, at the cost of what changed: records are
 * never modified in place (every operation makes new objects), so a record object
 * that passed its schema once is still valid and is not checked again. A full
 * check of 10,000 notes on every keystroke's save would cost as much as writing them.
 */
import type { z } from 'zod';
import { ArticleSchema, ExcerptSchema, NoteSchema, SCHEMA_VERSION, UiStateSchema, type Notebook } from '../shared/model';

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

/** The first problem that would make the saved file unreadable, or null when the notebook is valid. */
export function notebookProblem(notebook: Notebook): string | null {
  if (typeof notebook !== 'object' || notebook === null) return 'not an object';
  const keys = Object.keys(notebook).sort().join(',');
  if (keys !== 'articles,excerpts,notes,schemaVersion,ui') return `unexpected fields (${keys})`;
  if (notebook.schemaVersion !== SCHEMA_VERSION) return `schemaVersion: expected ${SCHEMA_VERSION}`;
  const ui = UiStateSchema.safeParse(notebook.ui);
  if (!ui.success) return firstIssue(ui.error, 'ui');
  return checkRecords(notebook.articles, ArticleSchema, 'articles') ?? checkRecords(notebook.excerpts, ExcerptSchema, 'excerpts') ?? checkRecords(notebook.notes, NoteSchema, 'notes');
}

/** Records just validated by loading (NotebookSchema or a journal entry's schema) need no second check on save. */
export function markChecked(notebook: Notebook): void {
  for (const list of [notebook.articles, notebook.excerpts, notebook.notes]) for (const record of list) checked.add(record);
}
