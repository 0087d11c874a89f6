/**
 * "Nothing let in": thousands of malformed calls against the real API boundary.
 *
 * A real store on a real temp file (the bundled article plus notes and excerpts made
 * through the handlers) is hit through dispatch() — the one entry point of IPC and
 * HTTP — with wrong types, missing and extra fields, oversized strings, 10,000-level
 * nesting, own `__proto__`/`constructor`/`prototype` keys, NaN/Infinity/negative
 * numbers, unknown ids, invalid statuses, selectors that miss the text and patches
 * that reference missing records. Every single one must come back as a typed error,
 * never as a thrown exception, and leave the notebook exactly as it was — in memory
 * and byte for byte on disk — with Object.prototype untouched.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mulberry32 } from '../shared/testdata/prng';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorCodeSchema, CALL_NAMES, type ApiHandlers, type CallName, type Result } from '../shared/api';
import { canonicalText } from '../shared/canonical-text';
import type { Notebook, Selectors } from '../shared/model';
import { dispatch } from './dispatch';
import { startNotebookService, type NotebookService } from './service';
import { openNotebookStore, type NotebookStore } from './store';
import { seededNotebook, select } from './testdata/test-notebook';

/** Random payloads on top of the hand-written catalogue. */
const RANDOM_PAYLOADS = 12_000;
const SEED = 0x1ead11e;

// ---------------------------------------------------------------------------------------
// A seeded PRNG (mulberry32): the same run every time, so a failure can be replayed.


// ---------------------------------------------------------------------------------------
// Hostile values

const HUGE_BODY = 'x'.repeat(5_000_001); // NoteBodySchema allows 5,000,000
const HUGE_QUOTE = 'q'.repeat(1_000_001); // TextQuoteSelector.exact allows 1,000,000
const LONG_ID = 'a'.repeat(65); // ids are 1–64 characters
const LONG_TAG = 't'.repeat(65);
const LONG_CONTEXT = 'c'.repeat(65); // prefix/suffix allow 64
const LONG_URL = `https://example.org/${'p'.repeat(4_100)}`; // 4096 allowed
const LONG_BACKUP_ID = 'b'.repeat(201); // 200 allowed
const LONG_NAME = 'n'.repeat(100_000);

/** Built iteratively: recursion is exactly what must not be needed to refuse them. */
function deepArray(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}
function deepObject(depth: number, key: string): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}
const DEEP_ARRAY = deepArray(10_000);
const DEEP_OBJECT = deepObject(10_000, 'a');
const DEEP_PROTO = JSON.parse(`${'{"__proto__":'.repeat(10_000)}{"polluted":"deep"}${'}'.repeat(10_000)}`) as unknown;

/** An object whose own `key` is data, as JSON.parse makes it (a literal would set the prototype). */
function ownKey(key: string, value: unknown): Record<string, unknown> {
  return JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`) as Record<string, unknown>;
}

const POLLUTERS: unknown[] = [
  ownKey('__proto__', { polluted: 'yes' }),
  ownKey('constructor', { prototype: { polluted: 'yes' } }),
  ownKey('prototype', { polluted: 'yes' }),
  JSON.parse('{"__proto__":{"__proto__":{"polluted":"yes"}}}'),
  DEEP_PROTO,
];

const NOT_STRING: unknown[] = [0, 42, -1, 1.5, NaN, Infinity, -Infinity, true, false, null, [], ['x'], {}, { toString: 'x' }, 10n, new Date(0), new Map([['a', 1]]), new Set(['a']), new Uint8Array(4), /x/, DEEP_ARRAY, DEEP_OBJECT, ...POLLUTERS];
const NOT_NUMBER: unknown[] = ['0', '0.5', '', true, false, null, [], [0.5], {}, { valueOf: 0.5 }, 1n, new Date(0), DEEP_ARRAY, DEEP_OBJECT, ...POLLUTERS];
const NOT_BOOLEAN: unknown[] = ['true', 'false', 1, 0, NaN, null, [], {}, [true], DEEP_ARRAY, ...POLLUTERS];
const NOT_ARRAY: unknown[] = ['x', '', 0, NaN, true, null, {}, { length: 1, 0: 'x' }, new Set(['x']), new Map(), DEEP_OBJECT, ...POLLUTERS];
const NOT_OBJECT: unknown[] = ['x', '', 0, NaN, Infinity, true, null, [], [{}], new Date(0), new Map(), DEEP_ARRAY];

const BAD_ID: unknown[] = ['', LONG_ID, 'has space', 'a/b', '../etc/passwd', '..', 'a.b', 'ünïcode', 'a\u0000b', 'a\nb', '<script>', '%41', 'a\u200bb', '\ud800', ...NOT_STRING];
/** Well-formed ids that name nothing in the notebook, including the prototype's own names. */
const UNKNOWN_IDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'length', '0', 'x', 'AAAAAAAAAAAAAAAA', 'a'.repeat(64)];
const BAD_KIND: unknown[] = ['note', '', 'Annotation', 'LEAD', 'lead ', 'annotation\u0000', ...NOT_STRING];
const BAD_STATUS: unknown[] = ['closed', 'OPEN', 'Open', 'in progress', 'in_progress', 'inprogress', '', 'done ', 'archived', ...NOT_STRING];
const BAD_TAG: unknown[] = ['', 'has space', '#tag', 'a,b', LONG_TAG, 'tab\there', 'new\nline', 'nbsp\u00a0x', HUGE_BODY, ...NOT_STRING];
const BAD_TAGS: unknown[] = [...NOT_ARRAY, Array.from({ length: 101 }, (_, i) => `t${i}`), ...BAD_TAG.map((t) => ['ok', t])];
const BAD_BODY: unknown[] = [HUGE_BODY, ...NOT_STRING];
const BAD_SCROLL: unknown[] = [NaN, Infinity, -Infinity, -0.0001, -1, 1.0001, 2, 1e308, -1e308, Number.MAX_VALUE, ...NOT_NUMBER];
const BAD_OFFSET: unknown[] = [-1, -0.5, 1.5, NaN, Infinity, -Infinity, 2 ** 53, 1e21, ...NOT_NUMBER];
const BAD_URL: unknown[] = ['', LONG_URL, ...NOT_STRING];
/** Well-formed but not a web link: openExternal must refuse them all. */
const NON_WEB_URLS = [
  'javascript:alert(1)',
  'JavaScript:window.__pwned=1',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'file://localhost/C:/Windows/System32/calc.exe',
  'ftp://evil.example/',
  '//evil.example/',
  ' http://evil.example/',
  '\thttp://evil.example/',
  'http:/evil.example',
  'http:evil.example',
  'smb://evil.example/share',
  'ms-msdt:/id PCWDiagnostic',
  'chrome://settings',
  'app://leadline/index.html',
  'mailto:someone@example.org',
  'x',
];

type Payload = { label: string; name: unknown; input: unknown };

// ---------------------------------------------------------------------------------------
// The notebook under attack

interface Fixture {
  dir: string;
  path: string;
  store: NotebookStore;
  service: NotebookService;
  handlers: ApiHandlers;
  platformCalls: string[];
  articleId: string;
  text: string;
  /** An annotation citing both excerpts, a lead citing the first, an annotation citing none. */
  annotationId: string;
  leadId: string;
  bareNoteId: string;
  excerptA: string;
  excerptB: string;
  goodSelectors: Selectors;
}

async function openFixture(dir: string): Promise<Fixture> {
  const path = join(dir, 'notebook.json');
  const seed = await seededNotebook();
  let opened: NotebookStore | undefined;
  const platformCalls: string[] = [];
  const service = await startNotebookService({
    // No compaction on its own: the idle one (10 s) would rewrite the snapshot in the middle of a
    // long fuzz run on a busy machine, and the test checks the file's bytes do not change.
    open: async () => (opened = await openNotebookStore({ path, seed: () => seed, onCorrupt: 'refuse', compaction: { idleMs: 3_600_000, maxJournalBytes: 1e12 } })),
    app: { name: 'Leadline', version: '0.0.0-test', host: 'browser' },
    platform: {
      chooseExportPath: async (name) => {
        platformCalls.push(`saveFile ${name}`);
        return null;
      },
      openExternal: async (url) => {
        platformCalls.push(`openExternal ${url}`);
        return false;
      },
    },
  });
  const { handlers } = service;
  if (!opened) throw new Error(`the fixture notebook did not open: ${service.openError()?.message}`);
  const store = opened;
  const articleId = seed.articles[0]!.id;
  const ok = async <T,>(name: CallName, input: unknown): Promise<T> => {
    const result = (await dispatch(handlers, name, input)) as Result<T>;
    if (!result.ok) throw new Error(`setup call ${name} failed: ${result.error.message}`);
    return result.value;
  };
  const selA = select(seed, 'Putin wants Syrian President Bashar al-Assad');
  const selB = select(seed, 'Syrian Observatory for Human Rights');
  const annotation = await ok<{ noteId: string; applied: { upsertExcerpts: { id: string }[] } }>('createNote', {
    articleId,
    kind: 'annotation',
    selectors: [selA, selB],
    excerptIds: [],
    body: 'Two claims here; *check* the [source](https://example.org/).',
    tags: ['syria', 'claims'],
  });
  const [excerptA, excerptB] = annotation.applied.upsertExcerpts.map((e) => e.id);
  const lead = await ok<{ noteId: string }>('createNote', { articleId, kind: 'lead', selectors: [], excerptIds: [excerptA], body: 'Find the 40,000 figure.', tags: ['verify'] });
  await ok('updateNote', { id: lead.noteId, status: 'in-progress' });
  const bare = await ok<{ noteId: string }>('createNote', { articleId, kind: 'annotation', selectors: [], excerptIds: [], body: 'A loose thought.' });
  await ok('setReaderScroll', { articleId, scroll: 0.25 });
  await store.flush();
  return {
    dir,
    path,
    store,
    service,
    handlers,
    platformCalls,
    articleId,
    text: canonicalText(seed.articles[0]!.content).text,
    annotationId: annotation.noteId,
    leadId: lead.noteId,
    bareNoteId: bare.noteId,
    excerptA: excerptA!,
    excerptB: excerptB!,
    goodSelectors: select(seed, 'the price is very high'),
  };
}

// ---------------------------------------------------------------------------------------
// What each call accepts, so that every mutation is sure to be malformed

type Path = (string | number)[];
interface FieldSpec {
  path: Path;
  required: boolean;
  bad: unknown[];
}
interface CallSpec {
  /** Schema-valid inputs that mutations start from (they may well be accepted as they are). */
  bases: unknown[];
  fields: FieldSpec[];
  /** Schema-valid or hand-made inputs that must be refused as they are. */
  refused: Array<[label: string, input: unknown]>;
}

function selectorsFields(prefix: Path, required: boolean): FieldSpec[] {
  return [
    { path: prefix, required, bad: [...NOT_OBJECT, {}, { quote: {} }, { position: {} }] },
    { path: [...prefix, 'quote'], required: true, bad: [...NOT_OBJECT, {}] },
    { path: [...prefix, 'quote', 'type'], required: true, bad: ['TextPositionSelector', 'textquoteselector', 'RangeSelector', '', ...NOT_STRING] },
    { path: [...prefix, 'quote', 'exact'], required: true, bad: ['', HUGE_QUOTE, ...NOT_STRING] },
    { path: [...prefix, 'quote', 'prefix'], required: true, bad: [LONG_CONTEXT, ...NOT_STRING] },
    { path: [...prefix, 'quote', 'suffix'], required: true, bad: [LONG_CONTEXT, ...NOT_STRING] },
    { path: [...prefix, 'position'], required: true, bad: [...NOT_OBJECT, {}] },
    { path: [...prefix, 'position', 'type'], required: true, bad: ['TextQuoteSelector', '', ...NOT_STRING] },
    { path: [...prefix, 'position', 'start'], required: true, bad: BAD_OFFSET },
    { path: [...prefix, 'position', 'end'], required: true, bad: BAD_OFFSET },
  ];
}

function noteFields(prefix: Path): FieldSpec[] {
  return [
    { path: prefix, required: true, bad: [...NOT_OBJECT, {}] },
    { path: [...prefix, 'id'], required: true, bad: BAD_ID },
    { path: [...prefix, 'articleId'], required: true, bad: BAD_ID },
    { path: [...prefix, 'kind'], required: true, bad: BAD_KIND },
    { path: [...prefix, 'body'], required: true, bad: BAD_BODY },
    { path: [...prefix, 'tags'], required: true, bad: BAD_TAGS },
    { path: [...prefix, 'excerptIds'], required: true, bad: [...NOT_ARRAY, ...BAD_ID.map((id) => [id])] },
    { path: [...prefix, 'status'], required: false, bad: BAD_STATUS },
    { path: [...prefix, 'createdAt'], required: true, bad: ['', 'yesterday', '2026-13-01T00:00:00Z', '2026-01-01', '1767225600000', ...NOT_STRING] },
    { path: [...prefix, 'updatedAt'], required: true, bad: ['', 'now', '2026-01-01T25:00:00Z', ...NOT_STRING] },
  ];
}

function excerptFields(prefix: Path): FieldSpec[] {
  return [
    { path: prefix, required: true, bad: [...NOT_OBJECT, {}] },
    { path: [...prefix, 'id'], required: true, bad: BAD_ID },
    { path: [...prefix, 'articleId'], required: true, bad: BAD_ID },
    { path: [...prefix, 'createdAt'], required: true, bad: ['', 'then', ...NOT_STRING] },
    ...selectorsFields(prefix, true).slice(1),
  ];
}

const SCOPE_BAD: unknown[] = [
  ...NOT_OBJECT,
  {},
  { kind: 'none' },
  { kind: 'article' },
  { kind: 'ARTICLE', articleId: 'x' },
  { kind: 'all', articleId: 'x' },
  { kind: 'article', articleId: 'bad id' },
  { kind: 'article', articleId: LONG_ID },
  { kind: ['all'] },
  ownKey('__proto__', { kind: 'all' }),
];

/** A Hypothesis file of one annotation on https://nowhere.example/ (base64), with `row` over its fields. */
function annotationsFile(row: Record<string, unknown>): string {
  const base = { id: 'h1', uri: 'https://nowhere.example/', text: '', target: [{ source: 'https://nowhere.example/' }] };
  return Buffer.from(JSON.stringify({ rows: [{ ...base, ...row }] })).toString('base64');
}

function specs(f: Fixture, notebook: Notebook): Record<CallName, CallSpec> {
  const sel = f.goodSelectors;
  const { start, end } = sel.position;
  const excerptA = notebook.excerpts.find((e) => e.id === f.excerptA)!;
  const annotation = notebook.notes.find((n) => n.id === f.annotationId)!;
  const lead = notebook.notes.find((n) => n.id === f.leadId)!;
  const shifted = (by: number): Selectors => ({ ...sel, position: { ...sel.position, start: start + by, end: end + by } });
  const withExact = (exact: string): Selectors => ({ ...sel, quote: { ...sel.quote, exact } });
  const len = f.text.length;
  /** Selectors that are well-formed but do not match the article. */
  const missing: Array<[string, Selectors]> = [
    ['shifted +1', shifted(1)],
    ['shifted -1', shifted(-1)],
    ['exact differs', withExact(`${sel.quote.exact.slice(0, -1)}X`)],
    ['exact upper-cased', withExact(sel.quote.exact.toUpperCase())],
    ['exact with trailing space', withExact(`${sel.quote.exact} `)],
    ['homoglyph', withExact(sel.quote.exact.replace('e', '\u0435'))],
    ['beyond the end', { quote: { type: 'TextQuoteSelector', exact: 'abcde', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: len, end: len + 5 } }],
    ['far beyond the end', { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 2 ** 52, end: 2 ** 52 + 1 } }],
    ['end past the text', { quote: { ...sel.quote, exact: f.text.slice(len - 3) + 'zz' }, position: { type: 'TextPositionSelector', start: len - 3, end: len + 2 } }],
    ['quote of another place', { quote: { ...sel.quote, exact: f.text.slice(0, end - start) }, position: sel.position }],
  ];
  const badPositions: Array<[string, unknown]> = [
    ['end equals start', { ...sel, position: { ...sel.position, end: start } }],
    ['end before start', { ...sel, position: { ...sel.position, start: end, end: start } }],
    ['negative start', { ...sel, position: { ...sel.position, start: -5 } }],
    ['NaN end', { ...sel, position: { ...sel.position, end: NaN } }],
    ['Infinity end', { ...sel, position: { ...sel.position, end: Infinity } }],
    ['extra selector key', { ...sel, range: { startContainer: '/p[1]' } }],
    ['extra quote key', { ...sel, quote: { ...sel.quote, __html: '<img src=x onerror=alert(1)>' } }],
  ];

  const validNote = { ...annotation, id: 'brandNewNote1', excerptIds: [] as string[] };
  const validExcerpt = { ...excerptA, id: 'brandNewExcerpt1' };
  const patch = (p: Partial<Record<'upsertNotes' | 'upsertExcerpts' | 'removeNoteIds' | 'removeExcerptIds', unknown[]>>) => ({
    upsertNotes: [],
    upsertExcerpts: [],
    removeNoteIds: [],
    removeExcerptIds: [],
    ...p,
  });

  const dismissal = { id: 'brandNewDismissal1', articleId: f.articleId, kind: 'figure', quote: '40,000', dismissedAt: '2026-01-01T00:00:00.000Z' };
  return {
    getSuggestions: {
      bases: [{ articleId: f.articleId }],
      fields: [{ path: ['articleId'], required: true, bad: BAD_ID }],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { articleId: id }]),
    },
    dismissSuggestion: {
      bases: [{ articleId: f.articleId, kind: 'figure', start: 10, end: 20, quote: f.text.slice(10, 20) }],
      fields: [
        { path: ['articleId'], required: true, bad: BAD_ID },
        { path: ['kind'], required: true, bad: ['claim', '', 'FIGURE', ...NOT_STRING] },
        { path: ['start'], required: true, bad: [-1, 1.5, NaN, Infinity, ...NOT_NUMBER] },
        { path: ['end'], required: true, bad: [-1, 2.5, NaN, Infinity, ...NOT_NUMBER] },
        { path: ['quote'], required: true, bad: ['', ...NOT_STRING] },
      ],
      refused: [
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { articleId: id, kind: 'figure', start: 0, end: 5, quote: f.text.slice(0, 5) }]),
        ['an empty span', { articleId: f.articleId, kind: 'hedge', start: 5, end: 5, quote: 'x' }],
        ['a span past the text', { articleId: f.articleId, kind: 'hedge', start: 5, end: f.text.length + 1, quote: f.text.slice(5) }],
        ['a text other than the one shown', { articleId: f.articleId, kind: 'hedge', start: 10, end: 20, quote: 'not there!' }],
      ],
    },
    getWorkspace: {
      bases: [{}, { articleId: f.articleId }, { deferRecords: true }],
      fields: [
        { path: ['articleId'], required: false, bad: BAD_ID },
        { path: ['deferRecords'], required: false, bad: ['yes', 1, null, {}] },
      ],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { articleId: id }]),
    },
    getRecords: {
      bases: [{}, { articleId: f.articleId }],
      fields: [{ path: ['articleId'], required: false, bad: BAD_ID }],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { articleId: id }]),
    },
    openArticle: {
      bases: [{ articleId: f.articleId }],
      fields: [{ path: ['articleId'], required: true, bad: BAD_ID }],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { articleId: id }]),
    },
    listArticles: { bases: [{}], fields: [], refused: [] },
    listLeads: { bases: [{}], fields: [], refused: [] },
    importArticle: {
      bases: [{ fileName: 'memo.md', data: Buffer.from('# Memo\n\nSome text.\n').toString('base64') }],
      fields: [
        { path: ['fileName'], required: true, bad: ['', 'n'.repeat(1001), ...NOT_STRING] },
        { path: ['data'], required: true, bad: ['not base64!', '====', ...NOT_STRING] },
      ],
      refused: [
        ['an empty file', { fileName: 'empty.txt', data: '' }],
        ['a PNG', { fileName: 'picture.txt', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64') }],
        ['invalid UTF-8', { fileName: 'bad.txt', data: Buffer.from([0x41, 0xff, 0xfe, 0xfd, 0x42]).toString('base64') }],
        ['a page with no text', { fileName: 'page.html', data: Buffer.from('<html><body><script>x()</script></body></html>').toString('base64') }],
      ],
    },
    pasteArticle: {
      bases: [{ text: 'Pasted words.', html: '' }, { text: '', html: '<p>Pasted <b>words</b>.</p>' }],
      fields: [
        { path: ['text'], required: true, bad: NOT_STRING },
        { path: ['html'], required: true, bad: NOT_STRING },
      ],
      refused: [['nothing pasted', { text: '  ', html: '' }]],
    },
    updateArticle: {
      bases: [{ articleId: f.articleId, fileName: 'new.txt', data: Buffer.from('A newer text\n\nof the article.').toString('base64') }],
      fields: [
        { path: ['articleId'], required: true, bad: BAD_ID },
        { path: ['fileName'], required: true, bad: ['', ...NOT_STRING] },
        { path: ['data'], required: true, bad: ['not base64!', ...NOT_STRING] },
      ],
      refused: [
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { articleId: id, fileName: 'new.txt', data: Buffer.from('x y').toString('base64') }]),
        ['an empty file', { articleId: f.articleId, fileName: 'new.txt', data: '' }],
      ],
    },
    renameArticle: {
      bases: [{ articleId: f.articleId, title: 'A new title' }],
      fields: [
        { path: ['articleId'], required: true, bad: BAD_ID },
        { path: ['title'], required: true, bad: ['', 't'.repeat(1001), ...NOT_STRING] },
      ],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { articleId: id, title: 'x' }]),
    },
    deleteArticle: {
      bases: [{ articleId: f.articleId }],
      fields: [{ path: ['articleId'], required: true, bad: BAD_ID }],
      refused: [
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { articleId: id }]),
        ['the only article', { articleId: f.articleId }],
      ],
    },
    reattachExcerpt: {
      bases: [{ excerptId: f.excerptA, selectors: sel }],
      fields: [{ path: ['excerptId'], required: true, bad: BAD_ID }, ...selectorsFields(['selectors'], true)],
      refused: [
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown excerpt ${id}`, { excerptId: id, selectors: sel }]),
        ...missing.map(([label, bad]): [string, unknown] => [`selectors ${label}`, { excerptId: f.excerptA, selectors: bad }]),
      ],
    },
    confirmExcerpt: {
      bases: [{ excerptId: f.excerptA }],
      fields: [{ path: ['excerptId'], required: true, bad: BAD_ID }],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown excerpt ${id}`, { excerptId: id }]),
    },
    getStoreInfo: { bases: [{}], fields: [], refused: [] },
    listBackups: { bases: [{}], fields: [], refused: [] },
    createNote: {
      bases: [
        { articleId: f.articleId, kind: 'annotation', selectors: [sel], excerptIds: [f.excerptA], body: 'b', tags: ['t'] },
        { articleId: f.articleId, kind: 'lead', selectors: [sel, sel], excerptIds: [f.excerptA, f.excerptB], body: '', tags: [] },
      ],
      fields: [
        { path: ['articleId'], required: true, bad: BAD_ID },
        { path: ['kind'], required: true, bad: BAD_KIND },
        { path: ['selectors'], required: true, bad: [...NOT_ARRAY, Array.from({ length: 101 }, () => sel)] },
        ...selectorsFields(['selectors', 0], true),
        { path: ['excerptIds'], required: true, bad: [...NOT_ARRAY, Array.from({ length: 101 }, () => f.excerptA), ...BAD_ID.map((id) => [f.excerptA, id])] },
        { path: ['excerptIds', 0], required: true, bad: BAD_ID },
        { path: ['body'], required: false, bad: BAD_BODY },
        { path: ['tags'], required: false, bad: BAD_TAGS },
      ],
      refused: [
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { articleId: id, kind: 'annotation', selectors: [], excerptIds: [] }]),
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown excerpt ${id}`, { articleId: f.articleId, kind: 'lead', selectors: [sel], excerptIds: [f.excerptA, id] }]),
        ...missing.map(([label, s]): [string, unknown] => [`selectors ${label}`, { articleId: f.articleId, kind: 'annotation', selectors: [s], excerptIds: [] }]),
        ...missing.map(([label, s]): [string, unknown] => [`good then bad selectors (${label})`, { articleId: f.articleId, kind: 'annotation', selectors: [sel, s], excerptIds: [f.excerptA] }]),
        ...badPositions.map(([label, s]): [string, unknown] => [`selectors ${label}`, { articleId: f.articleId, kind: 'annotation', selectors: [s], excerptIds: [] }]),
        ['status given', { articleId: f.articleId, kind: 'lead', selectors: [], excerptIds: [], status: 'done' }],
        ['id given', { id: 'chosenId', articleId: f.articleId, kind: 'annotation', selectors: [], excerptIds: [] }],
      ],
    },
    updateNote: {
      bases: [
        { id: f.leadId, body: 'new body', tags: ['a', 'b'], status: 'done' },
        { id: f.annotationId, body: 'other', tags: [] },
      ],
      fields: [
        { path: ['id'], required: true, bad: BAD_ID },
        { path: ['body'], required: false, bad: BAD_BODY },
        { path: ['tags'], required: false, bad: BAD_TAGS },
        { path: ['status'], required: false, bad: BAD_STATUS },
      ],
      refused: [
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown note ${id}`, { id, body: 'pwned' }]),
        ['status on an annotation', { id: f.annotationId, status: 'done' }],
        ['status on an annotation with a body', { id: f.bareNoteId, body: 'changed', status: 'open' }],
        ['kind change', { id: f.leadId, kind: 'annotation' }],
        ['excerptIds smuggled', { id: f.leadId, excerptIds: [f.excerptB] }],
        ['updatedAt smuggled', { id: f.leadId, updatedAt: '2000-01-01T00:00:00Z' }],
      ],
    },
    highlight: {
      bases: [{ articleId: f.articleId, selectors: sel }],
      fields: [{ path: ['articleId'], required: true, bad: BAD_ID }, ...selectorsFields(['selectors'], true)],
      refused: [
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { articleId: id, selectors: sel }]),
        ...missing.map(([label, s]): [string, unknown] => [`selectors ${label}`, { articleId: f.articleId, selectors: s }]),
        ...badPositions.map(([label, s]): [string, unknown] => [`selectors ${label}`, { articleId: f.articleId, selectors: s }]),
      ],
    },
    linkExcerpt: {
      bases: [
        { noteId: f.bareNoteId, excerptId: f.excerptA },
        { noteId: f.bareNoteId, selectors: sel },
      ],
      fields: [
        { path: ['noteId'], required: true, bad: BAD_ID },
        { path: ['excerptId'], required: false, bad: BAD_ID },
      ],
      refused: [
        ['neither excerptId nor selectors', { noteId: f.bareNoteId }],
        ['both excerptId and selectors', { noteId: f.bareNoteId, excerptId: f.excerptA, selectors: sel }],
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown note ${id}`, { noteId: id, excerptId: f.excerptA }]),
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown excerpt ${id}`, { noteId: f.bareNoteId, excerptId: id }]),
        ...missing.map(([label, s]): [string, unknown] => [`selectors ${label}`, { noteId: f.bareNoteId, selectors: s }]),
        ...badPositions.map(([label, s]): [string, unknown] => [`selectors ${label}`, { noteId: f.bareNoteId, selectors: s }]),
        ...selectorsFields(['selectors'], true).flatMap((field) =>
          field.bad.slice(0, 6).map((bad): [string, unknown] => [`selectors.${field.path.slice(1).join('.')} bad`, setAt({ noteId: f.bareNoteId, selectors: sel }, field.path, bad)]),
        ),
      ],
    },
    unlinkExcerpt: {
      bases: [{ noteId: f.annotationId, excerptId: f.excerptB }],
      fields: [
        { path: ['noteId'], required: true, bad: BAD_ID },
        { path: ['excerptId'], required: true, bad: BAD_ID },
      ],
      refused: [
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown note ${id}`, { noteId: id, excerptId: f.excerptA }]),
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown excerpt ${id}`, { noteId: f.annotationId, excerptId: id }]),
        ['excerpt not linked to that note', { noteId: f.bareNoteId, excerptId: f.excerptA }],
        ['excerpt not linked to the lead', { noteId: f.leadId, excerptId: f.excerptB }],
      ],
    },
    deleteNote: {
      bases: [{ id: f.bareNoteId, keepExcerpts: true }],
      fields: [
        { path: ['id'], required: true, bad: BAD_ID },
        { path: ['keepExcerpts'], required: true, bad: NOT_BOOLEAN },
      ],
      refused: UNKNOWN_IDS.flatMap((id): Array<[string, unknown]> => [
        [`unknown note ${id}`, { id, keepExcerpts: false }],
        [`unknown note ${id} (keep)`, { id, keepExcerpts: true }],
      ]),
    },
    deleteExcerpt: {
      bases: [{ id: f.excerptB }],
      fields: [{ path: ['id'], required: true, bad: BAD_ID }],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown excerpt ${id}`, { id }]),
    },
    applyPatch: {
      bases: [patch({ upsertNotes: [validNote], upsertExcerpts: [validExcerpt], removeNoteIds: [f.bareNoteId], removeExcerptIds: [f.excerptB] })],
      fields: [
        { path: ['upsertNotes'], required: true, bad: [...NOT_ARRAY, Array.from({ length: 10_001 }, () => validNote)] },
        { path: ['upsertExcerpts'], required: true, bad: NOT_ARRAY },
        { path: ['removeNoteIds'], required: true, bad: [...NOT_ARRAY, Array.from({ length: 10_001 }, () => 'x')] },
        { path: ['removeExcerptIds'], required: true, bad: NOT_ARRAY },
        { path: ['removeNoteIds', 0], required: true, bad: BAD_ID },
        { path: ['removeExcerptIds', 0], required: true, bad: BAD_ID },
        { path: ['expect'], required: false, bad: [...NOT_ARRAY, Array.from({ length: 20_001 }, () => ({ record: 'note', id: 'x', version: null }))] },
        ...noteFields(['upsertNotes', 0]),
        ...excerptFields(['upsertExcerpts', 0]),
      ],
      refused: [
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`remove unknown note ${id}`, patch({ removeNoteIds: [id] })]),
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`remove unknown excerpt ${id}`, patch({ removeExcerptIds: [id] })]),
        ['remove a note twice', patch({ removeNoteIds: [f.bareNoteId, f.bareNoteId] })],
        ['a note expected absent exists', { ...patch({ removeNoteIds: [f.bareNoteId] }), expect: [{ record: 'note', id: f.bareNoteId, version: null }] }],
        ['a note expected at another version', { ...patch({ removeNoteIds: [f.bareNoteId] }), expect: [{ record: 'note', id: f.bareNoteId, version: '0'.repeat(40) }] }],
        ['an excerpt expected present is gone', { ...patch({ removeNoteIds: [f.bareNoteId] }), expect: [{ record: 'excerpt', id: 'ghostExcerpt', version: 'f'.repeat(40) }] }],
        ['remove an excerpt twice', patch({ removeExcerptIds: [f.excerptB, f.excerptB] })],
        ['remove an excerpt still cited', patch({ removeExcerptIds: [f.excerptA] })],
        ['remove a cited excerpt, keep its note', patch({ removeExcerptIds: [f.excerptB], removeNoteIds: [f.leadId] })],
        ['new note citing a missing excerpt', patch({ upsertNotes: [{ ...validNote, excerptIds: ['missingExcerpt'] }] })],
        ['new note citing an excerpt removed in the same patch', patch({ upsertNotes: [{ ...validNote, excerptIds: [f.excerptB] }], removeExcerptIds: [f.excerptB], removeNoteIds: [f.annotationId] })],
        ['new note on a missing article', patch({ upsertNotes: [{ ...validNote, articleId: 'missingArticle' }] })],
        ['new note on article __proto__', patch({ upsertNotes: [{ ...validNote, articleId: '__proto__' }] })],
        ['lead without status', patch({ upsertNotes: [{ ...validNote, kind: 'lead' }] })],
        ['annotation with status', patch({ upsertNotes: [{ ...validNote, status: 'open' }] })],
        ['lead losing its status', patch({ upsertNotes: [{ ...lead, status: undefined }] })],
        ['note citing an excerpt twice', patch({ upsertNotes: [{ ...validNote, excerptIds: [f.excerptA, f.excerptA] }] })],
        ['existing note re-pointed at a missing excerpt', patch({ upsertNotes: [{ ...annotation, excerptIds: [...annotation.excerptIds, 'ghost'] }] })],
        ['existing note moved to a missing article', patch({ upsertNotes: [{ ...annotation, articleId: 'otherArticle' }] })],
        ['new excerpt on a missing article', patch({ upsertExcerpts: [{ ...validExcerpt, articleId: 'missingArticle' }] })],
        ['cited excerpt moved to a missing article', patch({ upsertExcerpts: [{ ...excerptA, articleId: 'otherArticle' }] })],
        ['valid upsert then a missing removal', patch({ upsertNotes: [validNote], upsertExcerpts: [validExcerpt], removeNoteIds: ['ghostNote'] })],
        ['valid removal then a broken note', patch({ removeNoteIds: [f.bareNoteId], upsertNotes: [{ ...validNote, kind: 'lead' }] })],
        ['extra patch field', { ...patch({}), upsertGhosts: [] }],
        ['remove an unknown dismissal', { ...patch({}), removeDismissalIds: ['ghostDismissal'] }],
        ['a dismissal on a missing article', { ...patch({}), upsertDismissals: [{ ...dismissal, articleId: 'missingArticle' }] }],
        ['a dismissal of an unknown kind', { ...patch({}), upsertDismissals: [{ ...dismissal, kind: 'rumour' }] }],
        ['a dismissal expected at another version', { ...patch({}), upsertDismissals: [dismissal], expect: [{ record: 'dismissal', id: dismissal.id, version: '0'.repeat(40) }] }],
        ['remove an article, keep its notes', { ...patch({}), removeArticleIds: [f.articleId] }],
        ['remove an unknown article', { ...patch({}), removeArticleIds: ['ghostArticle'] }],
        ['ui smuggled', { ...patch({}), ui: { currentArticleId: 'x', scroll: {} } }],
        ['missing fields', { upsertNotes: [] }],
        ['note with extra key', patch({ upsertNotes: [{ ...validNote, html: '<script>' }] })],
        ['note with own __proto__', patch({ upsertNotes: [{ ...validNote, ...ownKey('__proto__', { polluted: 'yes' }) }] })],
        ['excerpt with end before start', patch({ upsertExcerpts: [{ ...validExcerpt, position: { ...validExcerpt.position, end: validExcerpt.position.start } }] })],
      ],
    },
    setReaderScroll: {
      bases: [{ articleId: f.articleId, scroll: 0.5 }],
      fields: [
        { path: ['articleId'], required: true, bad: BAD_ID },
        { path: ['scroll'], required: true, bad: BAD_SCROLL },
      ],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { articleId: id, scroll: 0.5 }]),
    },
    exportMarkdown: {
      bases: [{ scope: { kind: 'all' } }, { scope: { kind: 'article', articleId: f.articleId } }],
      fields: [
        { path: ['scope'], required: true, bad: SCOPE_BAD },
        { path: ['scope', 'kind'], required: true, bad: ['none', 'notes', '', ...NOT_STRING] },
      ],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { scope: { kind: 'article', articleId: id } }]),
    },
    saveExport: {
      bases: [{ scope: { kind: 'all' } }, { scope: { kind: 'article', articleId: f.articleId } }],
      fields: [
        { path: ['scope'], required: true, bad: SCOPE_BAD },
        { path: ['scope', 'kind'], required: true, bad: ['none', '', ...NOT_STRING] },
      ],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { scope: { kind: 'article', articleId: id } }]),
    },
    noteMarkdown: {
      bases: [{ noteId: f.leadId }],
      fields: [{ path: ['noteId'], required: true, bad: BAD_ID }],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown note ${id}`, { noteId: id }]),
    },
    startOver: {
      bases: [{}],
      fields: [],
      refused: [['start over an open notebook', {}]],
    },
    unpinBackups: {
      bases: [{ ids: ['backup-1'] }],
      fields: [
        { path: ['ids'], required: true, bad: [...NOT_ARRAY, [], Array.from({ length: 1001 }, () => 'b')] },
        { path: ['ids', 0], required: true, bad: ['', LONG_BACKUP_ID, ...NOT_STRING] },
      ],
      refused: [],
    },
    restoreBackup: {
      bases: [{ id: 'backup-1' }],
      fields: [{ path: ['id'], required: true, bad: ['', LONG_BACKUP_ID, ...NOT_STRING] }],
      refused: ['backup-1', '../notebook.json', '../../etc/passwd', '/etc/passwd', '__proto__', 'notebook.json', '.', '..'].map((id): [string, unknown] => [`restore ${id}`, { id }]),
    },
    exportFile: {
      bases: [{ scope: { kind: 'all' }, format: 'w3c' }, { scope: { kind: 'article', articleId: f.articleId }, format: 'markdown', flavor: 'obsidian' }, { scope: { kind: 'all' }, format: 'csv' }],
      fields: [
        { path: ['scope'], required: true, bad: SCOPE_BAD },
        { path: ['format'], required: true, bad: ['docx', 'W3C', '', ...NOT_STRING] },
        { path: ['flavor'], required: false, bad: ['roam', '', ...NOT_STRING] },
      ],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { scope: { kind: 'article', articleId: id }, format: 'csv' }]),
    },
    saveExportFile: {
      bases: [{ scope: { kind: 'all' }, format: 'w3c' }],
      fields: [
        { path: ['scope'], required: true, bad: SCOPE_BAD },
        { path: ['format'], required: true, bad: ['docx', '', ...NOT_STRING] },
      ],
      refused: UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { scope: { kind: 'article', articleId: id }, format: 'w3c' }]),
    },
    importAnnotations: {
      bases: [{ fileName: 'h.json', articleId: f.articleId, data: annotationsFile({ text: 'A note.' }) }],
      fields: [
        { path: ['fileName'], required: true, bad: ['', ...NOT_STRING] },
        { path: ['data'], required: true, bad: ['not base64!', ...NOT_STRING] },
        { path: ['articleId'], required: false, bad: BAD_ID },
      ],
      refused: [
        ['not JSON', { fileName: 'h.json', data: Buffer.from('{"rows": [').toString('base64') }],
        ['script in a body', { fileName: 'h.json', articleId: f.articleId, data: annotationsFile({ text: '<script>alert(1)</script>' }) }],
        ['a prototype key', { fileName: 'h.json', articleId: f.articleId, data: Buffer.from('{"rows": [{"__proto__": {}, "id": "a", "uri": "u", "target": []}]}').toString('base64') }],
        ['a selector out of range', { fileName: 'h.json', articleId: f.articleId, data: annotationsFile({ target: [{ selector: [{ type: 'TextPositionSelector', start: -3, end: 2 }] }] }) }],
        ['a source no article has', { fileName: 'h.json', data: annotationsFile({}) }],
        ...UNKNOWN_IDS.map((id): [string, unknown] => [`unknown article ${id}`, { fileName: 'h.json', articleId: id, data: annotationsFile({}) }]),
      ],
    },
    takeDeepLink: { bases: [{}], fields: [], refused: [] },
    getPreferences: { bases: [{}], fields: [], refused: [] },
    setPreferences: {
      bases: [
        { theme: 'dark', textStep: 2, width: 'wide', libraryOpen: false },
        { theme: 'system', textStep: -3, width: 'narrow', libraryOpen: true },
      ],
      fields: [
        { path: ['theme'], required: false, bad: ['Dark', 'purple', '', ...NOT_STRING] },
        { path: ['textStep'], required: false, bad: [-4, 7, 0.5, ...BAD_OFFSET.filter((n) => typeof n !== 'number' || !Number.isInteger(n) || n > 6)] },
        { path: ['width'], required: false, bad: ['Wide', 'huge', '', ...NOT_STRING] },
        { path: ['libraryOpen'], required: false, bad: NOT_BOOLEAN },
      ],
      refused: [],
    },
    openExternal: {
      bases: [{ url: 'https://example.org/' }],
      fields: [{ path: ['url'], required: true, bad: BAD_URL }],
      refused: NON_WEB_URLS.map((url): [string, unknown] => [`open ${url}`, { url }]),
    },
  };
}

// ---------------------------------------------------------------------------------------
// Mutations

function clone(value: unknown): unknown {
  return structuredClone(value);
}

/** A copy of `base` with `value` at `path` (the parent must exist). */
function setAt(base: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = clone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** A required object key present in `base` (removing an array element may leave a valid array). */
function deletable(base: unknown, field: FieldSpec): boolean {
  return field.required && typeof field.path[field.path.length - 1] === 'string' && hasPath(base, field.path);
}

function deleteAt(base: unknown, path: Path): unknown {
  const copy = clone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  delete node[last];
  return copy;
}

function hasPath(base: unknown, path: Path): boolean {
  let node = base;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

function parentExists(base: unknown, path: Path): boolean {
  return path.length === 0 || hasPath(base, path.slice(0, -1));
}

/**
 * A copy of `base` (plain JSON data) with one more own key in its `target`-th object,
 * made through JSON.parse so that `__proto__` becomes a real own property.
 */
function injectKey(base: unknown, key: string, value: unknown, target: number): unknown {
  let counter = 0;
  const write = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
    if (v !== null && typeof v === 'object') {
      const parts = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`);
      if (counter++ === target) parts.splice(parts.length === 0 ? 0 : target % (parts.length + 1), 0, `${JSON.stringify(key)}:${JSON.stringify(value)}`);
      return `{${parts.join(',')}}`;
    }
    return JSON.stringify(v);
  };
  return JSON.parse(write(base));
}

function countObjects(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countObjects(v), 0);
  if (value !== null && typeof value === 'object') return 1 + Object.values(value).reduce((n: number, v) => n + countObjects(v), 0);
  return 0;
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'extra', 'toString', 'valueOf', 'hasOwnProperty', 'then', '', ' ', 'id ', '__defineGetter__', 'x'.repeat(10_000)];
const EXTRA_VALUES: unknown[] = [{ polluted: 'yes' }, { prototype: { polluted: 'yes' } }, 'yes', 1, null, [], true];
const JUNK_INPUTS: unknown[] = [undefined, ...NOT_OBJECT, ...POLLUTERS, DEEP_OBJECT, deepObject(10_000, '__proto__'), HUGE_BODY, LONG_NAME, new Error('x'), Object.create(null), () => 1, Symbol('s')];
/**
 * Objects without own enumerable keys (a Date, a Map, an Error, a null-prototype
 * object) are, to a schema, an empty object: the calls that take `{}` accept them as
 * such and ignore them, which is harmless (they read, never write). They are junk for
 * every other call.
 */
const EMPTY_INPUT_CALLS = new Set<CallName>(['getWorkspace', 'getRecords', 'getStoreInfo', 'listBackups', 'listArticles', 'listLeads', 'takeDeepLink', 'getPreferences']);
function junkFor(name: CallName): unknown[] {
  if (!EMPTY_INPUT_CALLS.has(name)) return JUNK_INPUTS;
  return JUNK_INPUTS.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v) || Object.keys(v).length > 0);
}

const UNKNOWN_NAMES: unknown[] = [
  '',
  ' ',
  'getworkspace',
  'GetWorkspace',
  'createNote ',
  ' createNote',
  'createNote\u0000',
  'leadline:createNote',
  '/api/createNote',
  '../createNote',
  'api/createNote',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
  'then',
  'dispatch',
  'restore',
  'eval',
  'require',
  LONG_NAME,
  0,
  1,
  NaN,
  null,
  undefined,
  true,
  {},
  ['createNote'],
  { toString: () => 'createNote' },
  Symbol('createNote'),
  10n,
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function generate(random: () => number, spec: Record<CallName, CallSpec>, count: number): Payload[] {
  const payloads: Payload[] = [];
  while (payloads.length < count) {
    const roll = random();
    if (roll < 0.04) {
      const name = pick(random, UNKNOWN_NAMES);
      const realName = pick(random, CALL_NAMES);
      const input = random() < 0.5 ? pick(random, spec[realName].bases) : pick(random, JUNK_INPUTS);
      payloads.push({ label: `unknown name ${describe1(name)}`, name, input });
      continue;
    }
    const name = pick(random, CALL_NAMES);
    const call = spec[name];
    const base = pick(random, call.bases);
    const strategy = random();
    if (strategy < 0.12) {
      const junk = pick(random, junkFor(name));
      payloads.push({ label: `${name}: junk ${describe1(junk)}`, name, input: junk });
    } else if (strategy < 0.3 && call.refused.length > 0) {
      const [label, input] = pick(random, call.refused);
      payloads.push({ label: `${name}: ${label}`, name, input });
    } else if (strategy < 0.45) {
      const key = pick(random, EXTRA_KEYS);
      const target = Math.floor(random() * countObjects(base));
      payloads.push({ label: `${name}: extra key "${key.slice(0, 20)}" in object #${target}`, name, input: injectKey(base, key, pick(random, EXTRA_VALUES), target) });
    } else if (strategy < 0.55) {
      const required = call.fields.filter((f) => deletable(base, f));
      if (required.length === 0) continue;
      const field = pick(random, required);
      payloads.push({ label: `${name}: missing ${field.path.join('.')}`, name, input: deleteAt(base, field.path) });
    } else {
      const fields = call.fields.filter((f) => parentExists(base, f.path));
      if (fields.length === 0) continue;
      const field = pick(random, fields);
      const bad = pick(random, field.bad);
      payloads.push({ label: `${name}: ${field.path.join('.')} = ${describe1(bad)}`, name, input: setAt(base, field.path, bad) });
    }
  }
  return payloads;
}

/** Every hand-written case once, every bad value of every field once, every junk input once. */
function catalogue(spec: Record<CallName, CallSpec>): Payload[] {
  const payloads: Payload[] = [];
  for (const name of CALL_NAMES) {
    const call = spec[name];
    for (const [label, input] of call.refused) payloads.push({ label: `${name}: ${label}`, name, input });
    for (const input of junkFor(name)) payloads.push({ label: `${name}: junk ${describe1(input)}`, name, input });
    for (const base of call.bases) {
      for (const field of call.fields) {
        if (!parentExists(base, field.path)) continue;
        for (const bad of field.bad) payloads.push({ label: `${name}: ${field.path.join('.')} = ${describe1(bad)}`, name, input: setAt(base, field.path, bad) });
        if (deletable(base, field)) payloads.push({ label: `${name}: missing ${field.path.join('.')}`, name, input: deleteAt(base, field.path) });
      }
      for (const key of EXTRA_KEYS) payloads.push({ label: `${name}: extra key "${key.slice(0, 20)}"`, name, input: injectKey(base, key, { polluted: 'yes' }, 0) });
    }
  }
  for (const name of UNKNOWN_NAMES) payloads.push({ label: `unknown name ${describe1(name)}`, name, input: {} });
  return payloads;
}

/** A short, safe description of a value for failure reports (never serializes deep values). */
function describe1(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 20)}…" (${value.length} chars)` : JSON.stringify(value);
  if (typeof value === 'symbol' || typeof value === 'bigint' || typeof value === 'function') return `${typeof value} ${String(value).slice(0, 30)}`;
  if (value === null || typeof value !== 'object') return String(value);
  if (value === DEEP_ARRAY) return 'array nested 10,000 deep';
  if (value === DEEP_OBJECT) return 'object nested 10,000 deep';
  if (value === DEEP_PROTO) return '__proto__ nested 10,000 deep';
  if (Array.isArray(value)) return `array(${value.length})`;
  const proto = Object.getPrototypeOf(value) as object | null;
  const kind = proto === null ? 'null-prototype object' : proto === Object.prototype ? 'object' : (proto.constructor?.name ?? 'object');
  return `${kind} {${Object.keys(value).slice(0, 4).map((k) => k.slice(0, 20)).join(', ')}}`;
}

// ---------------------------------------------------------------------------------------

function prototypeShape(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Reflect.ownKeys(p).map(String).sort().join(','))
    .join('|');
}

describe('dispatch() under fuzzing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadline-fuzz-'));
  let f: Fixture;
  beforeAll(async () => {
    f = await openFixture(dir);
  }, 30_000);
  afterAll(async () => {
    await f?.service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses every malformed call with a typed error and changes nothing, in memory or on disk', async () => {
    const before = structuredClone(f.store.read());
    const beforeJson = JSON.stringify(before);
    const beforeBytes = readFileSync(f.path);
    const beforeFiles = readdirSync(f.dir).sort();
    const beforePrototypes = prototypeShape();
    expect(before.notes).toHaveLength(3);
    expect(before.excerpts).toHaveLength(2);

    const spec = specs(f, before);
    const payloads = [...catalogue(spec), ...generate(mulberry32(SEED), spec, RANDOM_PAYLOADS)];
    const problems: string[] = [];
    const started = Date.now();

    for (const [index, payload] of payloads.entries()) {
      const where = `#${index} ${payload.label}`;
      let result: Result<unknown> | undefined;
      try {
        result = await dispatch(f.handlers, payload.name, payload.input);
      } catch (error) {
        problems.push(`${where}: threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      }
      if (result) {
        if (result.ok) problems.push(`${where}: was accepted`);
        else {
          if (!ApiErrorCodeSchema.safeParse(result.error.code).success) problems.push(`${where}: untyped error code ${String(result.error.code)}`);
          if (typeof result.error.message !== 'string' || result.error.message.trim() === '') problems.push(`${where}: empty message`);
          if (result.error.details !== undefined && !(Array.isArray(result.error.details) && result.error.details.every((d) => typeof d === 'string'))) {
            problems.push(`${where}: details is not a list of strings`);
          }
          const size = JSON.stringify(result).length;
          if (size > 100_000) problems.push(`${where}: the error is ${size} characters long (echoes the input?)`);
          if (result.error.code === 'internal') problems.push(`${where}: internal error: ${result.error.message.slice(0, 200)}`);
        }
      }
      if (JSON.stringify(f.store.read()) !== beforeJson) {
        problems.push(`${where}: changed the notebook in memory`);
        break; // everything after would be measured against a changed notebook
      }
      if (!readFileSync(f.path).equals(beforeBytes)) {
        problems.push(`${where}: changed the notebook file`);
        break;
      }
      if ((Object.prototype as Record<string, unknown>).polluted !== undefined || prototypeShape() !== beforePrototypes) {
        problems.push(`${where}: polluted a built-in prototype`);
        break;
      }
      if (problems.length > 50) break;
    }

    await f.store.flush();
    const elapsed = Date.now() - started;
    expect(problems).toEqual([]);
    expect(isDeepStrictEqual(f.store.read(), before)).toBe(true);
    expect(readFileSync(f.path).equals(beforeBytes)).toBe(true);
    expect(readdirSync(f.dir).sort()).toEqual(beforeFiles);
    expect(f.platformCalls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeShape()).toBe(beforePrototypes);
    expect(payloads.length).toBeGreaterThanOrEqual(3_000);
    console.log(`fuzz: ${payloads.length} payloads, all refused, notebook unchanged (${elapsed} ms)`);
  }, 60_000);

  it('answers a call name that cannot even be printed with a typed error, not an exception', async () => {
    // IPC and HTTP always pass a string, but dispatch() takes `unknown` and promises never to throw.
    const names: unknown[] = [
      Object.create(null),
      { toString: () => { throw new Error('toString exploded'); } },
      { [Symbol.toPrimitive]: () => { throw new Error('toPrimitive exploded'); } },
      JSON.parse('{"__proto__":null}'),
    ];
    for (const name of names) {
      const result = await dispatch(f.handlers, name, {}).catch((error: unknown) => ({ threw: String(error) }));
      expect(result, describe1(name)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('never stores a quote context (prefix/suffix) that is not the article text around the selection', async () => {
    const sel = f.goodSelectors;
    const lying = { ...sel, quote: { ...sel.quote, prefix: '<img src=x onerror="window.__pwned=1">', suffix: 'not what follows' } };
    const result = await dispatch(f.handlers, 'createNote', { articleId: f.articleId, kind: 'annotation', selectors: [lying], excerptIds: [] });
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input'); // refusing is fine…
      return;
    }
    // …and so is storing the true context instead of the one the caller claimed.
    const excerpt = (result.value as { applied: { upsertExcerpts: Array<{ quote: { prefix: string; suffix: string }; position: { start: number; end: number } }> } }).applied.upsertExcerpts[0]!;
    const { start, end } = excerpt.position;
    expect(f.text.slice(start - excerpt.quote.prefix.length, start)).toBe(excerpt.quote.prefix);
    expect(f.text.slice(end, end + excerpt.quote.suffix.length)).toBe(excerpt.quote.suffix);
  });

  it('still works after the barrage: a well-formed call is accepted', async () => {
    const result = await dispatch(f.handlers, 'updateNote', { id: f.bareNoteId, body: 'Still here.' });
    expect(result.ok).toBe(true);
    expect(f.store.read().notes.find((n) => n.id === f.bareNoteId)?.body).toBe('Still here.');
  });
});
