import { describe, expect, it } from 'vitest';
import { NotebookSchema, SCHEMA_VERSION } from '../shared/model';
import { detectVersion, migrate, MIGRATIONS } from './migrations';
import { parseNotebook } from './notebook-adapter';

const T = '2024-03-01T10:00:00.000Z';
const article = {
  id: 'a1',
  title: 'An article',
  format: 'text',
  content: 'Some text to annotate.',
  contentHash: `sha256:${'a'.repeat(64)}`,
  addedAt: T,
};
const excerpt = {
  id: 'e1',
  articleId: 'a1',
  quote: { type: 'TextQuoteSelector', exact: 'text', prefix: 'Some ', suffix: ' to' },
  position: { type: 'TextPositionSelector', start: 5, end: 9 },
  createdAt: T,
};

const V2 = {
  schemaVersion: 2,
  articles: [{ ...article, source: { byline: 'A. Writer' } }],
  excerpts: [{ ...excerpt, review: 'moved' }],
  notes: [
    { id: 'n1', articleId: 'a1', kind: 'annotation', body: 'A thought', tags: ['x'], excerptIds: ['e1'], createdAt: T, updatedAt: T },
    { id: 'n2', articleId: 'a1', kind: 'lead', body: 'Check this', tags: [], excerptIds: ['e1'], status: 'open', createdAt: T, updatedAt: T },
    { id: 'n3', articleId: 'a1', kind: 'lead', body: 'Done one', tags: [], excerptIds: [], status: 'done', createdAt: T, updatedAt: T },
  ],
  ui: { currentArticleId: 'a1', scroll: { a1: 0.25 }, openedAt: { a1: T } },
};

/**
 * One realistic document per OLDER schema version. When SCHEMA_VERSION is bumped, the
 * previous current shape must be added here: the "every version" test below fails until
 * it is.
 */
const FIXTURES: Record<number, Record<string, unknown>> = {
  0: {
    schemaVersion: 0,
    articles: [article],
    excerpts: [excerpt],
    notes: [
      { id: 'n1', articleId: 'a1', kind: 'annotation', body: 'A thought', tags: ['x'], excerptIds: ['e1'], createdAt: T, updatedAt: T },
      { id: 'n2', articleId: 'a1', kind: 'lead', body: 'Check this', tags: [], excerptIds: ['e1'], createdAt: T, updatedAt: T },
      { id: 'n3', articleId: 'a1', kind: 'lead', body: 'Done one', tags: [], excerptIds: [], status: 'done', createdAt: T, updatedAt: T },
    ],
  },
  1: {
    schemaVersion: 1,
    articles: [article],
    excerpts: [excerpt],
    notes: [
      { id: 'n1', articleId: 'a1', kind: 'annotation', body: 'A thought', tags: ['x'], excerptIds: ['e1'], createdAt: T, updatedAt: T },
      { id: 'n2', articleId: 'a1', kind: 'lead', body: 'Check this', tags: [], excerptIds: ['e1'], status: 'open', createdAt: T, updatedAt: T },
      { id: 'n3', articleId: 'a1', kind: 'lead', body: 'Done one', tags: [], excerptIds: [], status: 'done', createdAt: T, updatedAt: T },
    ],
    ui: { currentArticleId: 'a1', scroll: { a1: 0.25 } },
  },
  2: V2,
  3: { ...V2, schemaVersion: 3, journalSeq: 4 },
};

describe('migrations', () => {
  it('has exactly one migration per schema version step', () => {
    expect(MIGRATIONS).toHaveLength(SCHEMA_VERSION);
  });

  for (let version = 0; version < SCHEMA_VERSION; version++) {
    it(`migrates a version ${version} notebook to version ${SCHEMA_VERSION} and validates`, () => {
      const fixture = FIXTURES[version];
      expect(fixture, `add a fixture for schema version ${version}`).toBeDefined();
      const before = JSON.stringify(fixture);
      const loaded = parseNotebook(JSON.stringify(fixture));
      expect(loaded.migratedFrom).toBe(version);
      expect(loaded.notebook.schemaVersion).toBe(SCHEMA_VERSION);
      expect(NotebookSchema.safeParse(loaded.notebook).success).toBe(true);
      // Same articles, excerpts and notes (by id) on the other side.
      expect(loaded.notebook.notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
      expect(loaded.notebook.excerpts.map((e) => e.quote)).toEqual([excerpt.quote]);
      expect(JSON.stringify(fixture)).toBe(before); // the input was not mutated
    });
  }

  it.each([1, 2])('v%i → v%i+1: only the number changes', (from) => {
    const { schemaVersion, ...rest } = MIGRATIONS[from]!(FIXTURES[from]!);
    expect(schemaVersion).toBe(from + 1);
    const { schemaVersion: _old, ...before } = FIXTURES[from]!;
    expect(rest).toEqual(before);
  });

  it('v3 → v4: no suggestion dismissed yet; everything else unchanged', () => {
    const { schemaVersion, dismissals, ...rest } = MIGRATIONS[3]!(FIXTURES[3]!);
    expect(schemaVersion).toBe(4);
    expect(dismissals).toEqual([]);
    const { schemaVersion: _old, ...before } = FIXTURES[3]!;
    expect(rest).toEqual(before);
    expect(parseNotebook(JSON.stringify(FIXTURES[3])).notebook.dismissals).toEqual([]);
  });

  it('v0 → v1: adds ui, defaults a missing lead status to open, keeps the rest', () => {
    const v1 = migrate(FIXTURES[0]!, 0) as { ui: unknown; notes: { status?: string }[] };
    expect(v1.ui).toEqual({ scroll: {} });
    expect(v1.notes.map((n) => n.status)).toEqual([undefined, 'open', 'done']);
  });

  it('treats a file without schemaVersion as the legacy v0 format', () => {
    const { schemaVersion: _drop, ...unversioned } = FIXTURES[0]!;
    expect(detectVersion(unversioned)).toEqual({ kind: 'ok', version: 0 });
    expect(parseNotebook(JSON.stringify(unversioned)).migratedFrom).toBe(0);
  });

  it('does not migrate a current file', () => {
    const current = parseNotebook(JSON.stringify({ schemaVersion: SCHEMA_VERSION, articles: [], excerpts: [], notes: [], dismissals: [], ui: { scroll: {} } }));
    expect(current.migratedFrom).toBeUndefined();
  });

  it('recognises newer and nonsensical versions', () => {
    expect(detectVersion({ schemaVersion: SCHEMA_VERSION + 1 })).toEqual({ kind: 'newer', version: SCHEMA_VERSION + 1 });
    expect(detectVersion({ schemaVersion: '1' }).kind).toBe('bad');
    expect(detectVersion({ schemaVersion: -1 }).kind).toBe('bad');
    expect(detectVersion([]).kind).toBe('bad');
    expect(detectVersion(null).kind).toBe('bad');
  });

  it('a v0 file that is broken in other ways is still reported as invalid, not crashed on', () => {
    expect(() => parseNotebook(JSON.stringify({ notes: 'nope' }))).toThrow(/shape of a Leadline notebook/);
    expect(() => parseNotebook(JSON.stringify({ notes: [null, 3] }))).toThrow(/shape of a Leadline notebook/);
  });
});
