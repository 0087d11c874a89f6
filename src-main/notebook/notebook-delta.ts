/**
 * The change from one version of a notebook to the next, as the journal stores it.
 *
 * Operations never modify a record in place (they build new objects), so what changed is
 * found by identity: a record object that is not the one before was written. Applying a
 * delta keeps the survivors in their old order and appends new records, which is how
 * `applyPatch` builds its lists; where a list's order changed any other way, the delta
 * carries the whole list, so that replaying gives exactly the array that was committed.
 */
import { z } from 'zod';
import { ArticleSchema, DismissalSchema, ExcerptSchema, NoteSchema, UiStateSchema, type Notebook } from '../shared/model';

const changeOf = <T extends z.ZodType>(record: T) =>
  z.union([z.strictObject({ put: z.array(record), del: z.array(z.string()) }), z.strictObject({ all: z.array(record) })]);

export const NotebookDeltaSchema = z.strictObject({
  articles: changeOf(ArticleSchema).optional(),
  excerpts: changeOf(ExcerptSchema).optional(),
  notes: changeOf(NoteSchema).optional(),
  dismissals: changeOf(DismissalSchema).optional(),
  ui: UiStateSchema.optional(),
});

export type NotebookDelta = z.infer<typeof NotebookDeltaSchema>;

type RecordChange<T> = { put: T[]; del: string[] } | { all: T[] };

/** The change between two notebooks, or null when they hold the same data. `records` says whether a record changed (not only the UI state). */
export function deltaBetween(before: Notebook, next: Notebook): { delta: NotebookDelta; records: boolean } | null {
  const articles = recordChange(before.articles, next.articles);
  const excerpts = recordChange(before.excerpts, next.excerpts);
  const notes = recordChange(before.notes, next.notes);
  const dismissals = recordChange(before.dismissals, next.dismissals);
  const records = articles !== undefined || excerpts !== undefined || notes !== undefined || dismissals !== undefined;
  const ui = next.ui !== before.ui ? next.ui : undefined;
  if (!records && ui === undefined) return null;
  const delta: NotebookDelta = {
    ...(articles ? { articles } : {}),
    ...(excerpts ? { excerpts } : {}),
    ...(notes ? { notes } : {}),
    ...(dismissals ? { dismissals } : {}),
    ...(ui ? { ui } : {}),
  };
  return { delta, records };
}

/**
 * Lists whose ids are known to be unique: checked once when loaded, then kept so by the
 * fast path below, which relies on it. A list of unknown standing takes the general path.
 */
const uniqueIds = new WeakSet<readonly { id: string }[]>();

/** Records which of a loaded notebook's lists have unique ids (one pass, when it is opened). */
export function noteUniqueIds(notebook: Notebook): void {
  for (const list of [notebook.articles, notebook.excerpts, notebook.notes, notebook.dismissals]) {
    const ids = new Set<string>();
    for (const record of list) ids.add(record.id);
    if (ids.size === list.length) uniqueIds.add(list);
  }
}

function recordChange<T extends { id: string }>(before: readonly T[], next: readonly T[]): RecordChange<T> | undefined {
  if (before === next) return undefined;
  const fast = uniqueIds.has(before) ? positionalChange(before, next) : 'slow';
  return fast === 'slow' ? generalChange(before, next) : fast;
}

/** How many new records the fast path takes (each is looked for among the old ones). */
const MAX_FAST_ADDITIONS = 16;

/**
 * The common cases without building an index, in O(list) pointer comparisons: records
 * changed in place, some removed (the rest in order), or a few new ones appended.
 * 'slow' when the change is anything else.
 */
function positionalChange<T extends { id: string }>(before: readonly T[], next: readonly T[]): RecordChange<T> | undefined | 'slow' {
  const put: T[] = [];
  const del: string[] = [];
  const removed = before.length - next.length;
  if (removed >= 0) {
    let j = 0;
    for (let i = 0; i < before.length; i++) {
      const old = before[i]!;
      const record = next[j];
      if (record === old) {
        j++; // the common case, decided without reading a property
      } else if (record !== undefined && record.id === old.id) {
        put.push(record);
        j++;
      } else {
        del.push(old.id);
        if (del.length > removed) return 'slow';
      }
    }
    if (j !== next.length) return 'slow';
  } else {
    for (let i = 0; i < before.length; i++) {
      const old = before[i]!;
      const record = next[i]!;
      if (record === old) continue;
      if (record.id !== old.id) return 'slow';
      put.push(record);
    }
    const added = next.slice(before.length);
    if (added.length > MAX_FAST_ADDITIONS) return 'slow';
    const ids = new Set(added.map((r) => r.id));
    if (ids.size !== added.length || before.some((r) => ids.has(r.id))) return 'slow';
    put.push(...added);
  }
  uniqueIds.add(next);
  return put.length > 0 || del.length > 0 ? { put, del } : undefined;
}

function generalChange<T extends { id: string }>(before: readonly T[], next: readonly T[]): RecordChange<T> | undefined {
  const nextIds = new Set<string>();
  for (const record of next) nextIds.add(record.id);
  if (nextIds.size !== next.length) return { all: [...next] }; // duplicate ids: keep the list exactly
  uniqueIds.add(next);
  const old = new Map<string, T>();
  for (const record of before) old.set(record.id, record);
  if (old.size !== before.length) return { all: [...next] };
  const del: string[] = [];
  for (const record of before) if (!nextIds.has(record.id)) del.push(record.id);
  const put: T[] = [];
  let survivor = 0;
  let appending = false;
  for (const record of next) {
    const was = old.get(record.id);
    if (was === undefined) {
      appending = true;
      put.push(record);
      continue;
    }
    // A survivor after a new record, or out of its old order: replaying would misplace it.
    if (appending) return { all: [...next] };
    while (survivor < before.length && !nextIds.has(before[survivor]!.id)) survivor++;
    if (before[survivor]?.id !== record.id) return { all: [...next] };
    survivor++;
    if (was !== record) put.push(record);
  }
  return put.length > 0 || del.length > 0 ? { put, del } : undefined;
}

/** Replays deltas in order onto a notebook (which is not modified). */
export function applyDeltas(notebook: Notebook, deltas: readonly NotebookDelta[]): Notebook {
  if (deltas.length === 0) return notebook;
  return {
    ...notebook,
    articles: replayList(notebook.articles, deltas.map((d) => d.articles)),
    excerpts: replayList(notebook.excerpts, deltas.map((d) => d.excerpts)),
    notes: replayList(notebook.notes, deltas.map((d) => d.notes)),
    dismissals: replayList(notebook.dismissals, deltas.map((d) => d.dismissals)),
    ui: deltas.reduce((ui, d) => d.ui ?? ui, notebook.ui),
  };
}

function replayList<T extends { id: string }>(base: T[], changes: readonly (RecordChange<T> | undefined)[]): T[] {
  let list: readonly T[] | Map<string, T> = base;
  let touched = false;
  for (const change of changes) {
    if (!change) continue;
    touched = true;
    if ('all' in change) {
      list = change.all;
      continue;
    }
    const records: Map<string, T> = list instanceof Map ? list : new Map(list.map((r) => [r.id, r]));
    for (const id of change.del) records.delete(id);
    for (const record of change.put) records.set(record.id, record); // a known id keeps its place; a new one goes last
    list = records;
  }
  if (!touched) return base;
  return list instanceof Map ? [...list.values()] : [...list];
}
