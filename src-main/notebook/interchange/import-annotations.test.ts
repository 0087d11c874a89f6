/**
 * Importing annotations: our own W3C export round-trips (notebook → W3C → a fresh
 * notebook → the same Markdown, byte for byte), Hypothesis JSON lands on the right
 * passages, a second import adds nothing, and bad files are refused whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Notebook } from '../../shared/model';
import { articleText } from '../article-text';
import { contentHash } from '../articles';
import { exportMarkdown, type ExportScope } from '../export-markdown';
import type { OperationContext } from '../operations';
import { seeded } from '../testdata/random';
import { randomNotebook } from '../testdata/random-notebook';
import { ARTICLE_ID, buildSampleNotebook } from '../testdata/sample-notebook';
import { seededNotebook } from '../testdata/test-notebook';
import { readAnnotationFile, MAX_FILE_BYTES } from './annotation-file';
import { AnnotationFileError } from './annotation-file-error';
import type { AnnotationImportReport } from '../../shared/import-report';
import { importAnnotations } from './import-annotations';
import { webAnnotationsJson } from './web-annotation-export';

const EXPORTED_AT = new Date('2025-03-15T08:30:00.000Z');
const ctx: OperationContext = { now: () => new Date('2026-01-02T03:04:05.000Z'), newId: () => 'unused' };
const HYPOTHESIS = join(import.meta.dirname, 'testdata/hypothesis-search.json');
const HYPOTHESIS_URI = 'https://news.example.org/2022/03/putin-wants-syria-to-return-the-favor';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function importText(notebook: Notebook, text: string, articleId?: string): { next: Notebook; report: AnnotationImportReport } {
  const file = readAnnotationFile('notes.jsonld', bytes(text));
  const { next, mutation } = importAnnotations(notebook, file, { fileName: 'notes.jsonld', ...(articleId ? { articleId } : {}) }, ctx);
  return { next, report: mutation.report };
}

/** The notebook with its articles only: what the export is imported into. */
function fresh(notebook: Notebook): Notebook {
  return { ...notebook, excerpts: [], notes: [] };
}

function markdownOf(notebook: Notebook, scope: ExportScope): string {
  return exportMarkdown(notebook, { scope, exportedAt: EXPORTED_AT, appVersion: '0.1.0' });
}

function expectSameMarkdown(original: Notebook, imported: Notebook): void {
  for (const scope of [{ kind: 'all' } as const, ...original.articles.map((a) => ({ kind: 'article' as const, articleId: a.id }))]) {
    expect(markdownOf(imported, scope)).toBe(markdownOf(original, scope));
  }
}

describe('our own W3C export, imported into a fresh notebook', () => {
  it('gives back the Markdown export byte for byte: the sample notebook (orphan, approximate match, every status)', () => {
    const original = buildSampleNotebook();
    const { next, report } = importText(fresh(original), webAnnotationsJson(original, { scope: { kind: 'all' }, exportedAt: EXPORTED_AT, appVersion: '0.1.0' }));
    expectSameMarkdown(original, next);
    expect(report.notes).toBe(original.notes.length);
    expect(report.orphans.map((o) => o.quote)).toEqual(original.excerpts.filter((e) => e.id === 'ex-wagner').map((e) => e.quote.exact));
    expect(next.notes.map((n) => n.id)).toEqual(original.notes.map((n) => n.id));
  });

  it('gives back the Markdown export byte for byte, for 150 random hostile notebooks', () => {
    const random = seeded(Number(process.env.FUZZ_SEED ?? 4242));
    for (let n = 0; n < 150; n++) {
      const original = randomNotebook(random);
      const json = webAnnotationsJson(original, { scope: { kind: 'all' }, exportedAt: EXPORTED_AT, appVersion: '0.1.0' });
      // A notebook without notes or excerpts exports an empty collection, which imports nothing.
      const empty = original.notes.length === 0 && original.excerpts.length === 0;
      if (empty) expect(() => importText(fresh(original), json)).toThrow(/holds no annotations/);
      const { next } = empty ? { next: fresh(original) } : importText(fresh(original), json);
      for (const scope of [{ kind: 'all' } as const, ...original.articles.map((a) => ({ kind: 'article' as const, articleId: a.id }))]) {
        expect(markdownOf(next, scope), `notebook ${n}, ${JSON.stringify(scope)}`).toBe(markdownOf(original, scope));
      }
    }
  });

  it('adds nothing the second time, and nothing into the notebook it came from', () => {
    const original = buildSampleNotebook();
    const json = webAnnotationsJson(original, { scope: { kind: 'all' }, exportedAt: EXPORTED_AT, appVersion: '0.1.0' });
    const once = importText(fresh(original), json).next;
    const twice = importText(once, json);
    expect(twice.next.notes).toBe(once.notes);
    expect(twice.next.excerpts).toBe(once.excerpts);
    expect(twice.report.alreadyThere).toBe(JSON.parse(json).total);
    expect(importText(original, json).report).toMatchObject({ notes: 0, highlights: 0, alreadyThere: JSON.parse(json).total });
  });

  it('finds the article by its web address in another notebook, where its id differs', () => {
    const original = buildSampleNotebook();
    const other = original.articles.find((a) => a.id !== ARTICLE_ID && a.source?.url)!;
    const json = webAnnotationsJson(original, { scope: { kind: 'article', articleId: other.id }, exportedAt: EXPORTED_AT, appVersion: '0.1.0' });
    const elsewhere = { ...fresh(original), articles: original.articles.map((a) => (a.id === other.id ? { ...a, id: 'renamed' } : a)) };
    const { next, report } = importText(elsewhere, json);
    expect(report.articles).toEqual([{ id: 'renamed', title: other.title, annotations: expect.any(Number) }]);
    expect(next.notes.every((n) => n.articleId === 'renamed')).toBe(true);
  });
});

describe('Hypothesis JSON', () => {
  const hypothesis = readFileSync(HYPOTHESIS, 'utf8');

  async function withSource(): Promise<Notebook> {
    const notebook = await seededNotebook();
    notebook.articles[0] = { ...notebook.articles[0]!, source: { url: HYPOTHESIS_URI } };
    return notebook;
  }

  it('lands each annotation on its passage, by the page address', async () => {
    const notebook = await withSource();
    const { next, report } = importText(notebook, hypothesis);
    const text = articleText(notebook.articles[0]!);
    const quoteOf = (noteBody: string): string[] => {
      const note = next.notes.find((n) => n.body.startsWith(noteBody))!;
      return note.excerptIds.map((id) => next.excerpts.find((e) => e.id === id)!).map((e) => text.slice(e.position.start, e.position.end));
    };
    expect(quoteOf('The SOHR figure')).toEqual(['40,000 Syrian soldiers are expected to join the Russian army in Ukraine']);
    expect(quoteOf('Which officials?')).toEqual(['Ukrainian officials said that the mercenary army would fly from the Hmeimim base']);
    expect(quoteOf('General: check')).toEqual([]);
    expect(next.excerpts.find((e) => text.slice(e.position.start, e.position.end) === 'Ukrainian officials said that the mercenary army would fly from the Hmeimim base')!.review).toBe('changed');
    expect(report).toMatchObject({ format: 'hypothesis', notes: 4, leads: 0, highlights: 1, replies: 1, alreadyThere: 0, unmatched: [] });
    expect(report.orphans).toEqual([{ annotation: 'hypothesis:Oq5eU6ZcEe2fBa', quote: 'Wagner Group convoys crossed at Deir ez-Zor' }]);
    const sohr = next.notes.find((n) => n.body.startsWith('The SOHR figure'))!;
    expect(sohr).toMatchObject({ kind: 'annotation', tags: ['Syria-war', 'verify', 'numbers-sources'], createdAt: '2022-03-20T10:00:00.123456+00:00', updatedAt: '2022-03-20T11:00:00.123456+00:00' });
    // The highlight is an excerpt no note cites.
    const highlight = next.excerpts.find((e) => e.quote.exact === 'the Tiger Forces')!;
    expect(next.notes.some((n) => n.excerptIds.includes(highlight.id))).toBe(false);
  });

  it('reads a plain list of annotations too, and adds nothing the second time', async () => {
    const notebook = await withSource();
    const list = JSON.stringify(JSON.parse(hypothesis).rows);
    const once = importText(notebook, list).next;
    expect(importText(once, hypothesis).report).toMatchObject({ notes: 0, highlights: 0, alreadyThere: 5 });
  });

  it('goes to the article the user picks, and says which sources match nothing', async () => {
    const notebook = await seededNotebook();
    expect(() => importText(notebook, hypothesis)).toThrow(/holds 5 annotations, none about an article of this notebook \(https:\/\/news\.example\.org/);
    const { report } = importText(notebook, hypothesis, notebook.articles[0]!.id);
    expect(report.notes).toBe(4);
    const partial = JSON.parse(hypothesis) as { rows: Array<{ uri: string }> };
    partial.rows[0]!.uri = 'https://elsewhere.example.com/x';
    const withUrl = await withSource();
    expect(importText(withUrl, JSON.stringify(partial)).report.unmatched).toEqual([{ source: 'https://elsewhere.example.com/x', title: 'Putin Wants Syria to Return the Favor', annotations: 1, ambiguous: false }]);
  });

  it('after outside testing: a row with the id of another, saying something else, still comes in; a date the notebook cannot hold falls back (to the creation); a bare position past the text is listed', async () => {
    const notebook = await withSource();
    const rows = (JSON.parse(hypothesis) as { rows: Array<Record<string, unknown>> }).rows;
    const twin = { ...rows[0]!, text: 'Another reading of the same passage.', updated: '-000001-01-01' };
    const pastEnd = { ...rows[0]!, id: 'past-end', target: [{ source: HYPOTHESIS_URI, selector: [{ type: 'TextPositionSelector', start: 50_000, end: 50_100 }] }] };
    const { next, report } = importText(notebook, JSON.stringify({ rows: [rows[0], twin, pastEnd] }));
    expect(next.notes.map((n) => n.body)).toEqual([rows[0]!.text, 'Another reading of the same passage.', rows[0]!.text]);
    expect(next.notes[1]!.updatedAt).toBe(next.notes[1]!.createdAt);
    expect(report.orphans).toContainEqual({ annotation: 'hypothesis:past-end', quote: '(a position past the end of the article, no quote)' });
  });

  it('matches an article without an address by the hash of its text (urn:sha256)', async () => {
    const notebook = await seededNotebook();
    const urn = `urn:sha256:${contentHash(notebook.articles[0]!.content).slice('sha256:'.length)}`;
    const annotation = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'https://tool.example/a/1', type: 'Annotation', motivation: 'questioning', bodyValue: 'Check this.', target: { source: urn, selector: { type: 'TextQuoteSelector', exact: 'the Tiger Forces' } } };
    const { next } = importText(notebook, JSON.stringify(annotation));
    expect(next.notes[0]).toMatchObject({ kind: 'lead', status: 'open', body: 'Check this.' });
  });
});

describe('bad files: one sentence, nothing imported', () => {
  const reject = (data: Uint8Array | string): string => {
    try {
      readAnnotationFile('notes.json', typeof data === 'string' ? bytes(data) : data);
    } catch (error) {
      expect(error).toBeInstanceOf(AnnotationFileError);
      const message = (error as Error).message;
      expect(message).toMatch(/^"notes\.json" [^\n]+ Nothing was imported\.$/);
      return message;
    }
    throw new Error('accepted');
  };
  const annotation = (extra: Record<string, unknown>): string =>
    JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:1', type: 'Annotation', target: { source: 'https://a.example/', selector: { type: 'TextQuoteSelector', exact: 'x' } }, ...extra });

  it('refuses what is not JSON, not UTF-8, or of another shape', () => {
    expect(reject('{"rows": [')).toMatch(/is not valid JSON/);
    expect(reject(new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).toMatch(/is not UTF-8 text/);
    expect(reject('{"title": "a page"}')).toMatch(/neither W3C Web Annotations .* nor Hypothesis annotations/);
    expect(reject('[1, 2]')).toMatch(/neither W3C/);
    expect(reject('{"rows": [{"id": "a", "uri": "https://a.example/", "target": "nope"}]}')).toMatch(/of the wrong shape \(target/);
  });

  it('refuses a file over 50 MB before reading it', () => {
    expect(reject(new Uint8Array(MAX_FILE_BYTES + 1))).toMatch(/is 50\.0 MB, more than the 50 MB/);
  });

  it('refuses prototype keys, script in bodies and selectors out of range', () => {
    expect(reject('{"rows": [{"__proto__": {"polluted": true}, "id": "a", "uri": "u", "target": []}]}')).toMatch(/holds the key "__proto__"/);
    expect(reject(annotation({ constructor: { prototype: {} } }))).toMatch(/holds the key "(prototype|constructor)"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(reject(annotation({ bodyValue: 'see <script>alert(1)</script>' }))).toMatch(/carries script in the annotation "urn:x:1"/);
    expect(reject(annotation({ body: { type: 'TextualBody', value: '[x](javascript:alert(1))' } }))).toMatch(/carries script/);
    expect(reject(annotation({ body: { type: 'TextualBody', value: '<img src=x onerror=alert(1)>' } }))).toMatch(/carries script/);
    const position = (start: number, end: number): string => annotation({ target: { source: 'https://a.example/', selector: { type: 'TextPositionSelector', start, end } } });
    expect(reject(position(-1, 5))).toMatch(/has a selector out of range in the annotation "urn:x:1" \(start:/);
    expect(reject(position(9, 3))).toMatch(/out of range .*must end after it starts/);
    expect(reject(position(0, 1e12))).toMatch(/out of range/);
    expect(reject(position(0.5, 3))).toMatch(/out of range/);
    expect(reject(annotation({ target: { source: 'https://a.example/', selector: { type: 'TextQuoteSelector', exact: '' } } }))).toMatch(/out of range/);
  });

  it('leaves the notebook as it was when nothing can go anywhere', async () => {
    const notebook = await seededNotebook();
    const before = JSON.stringify(notebook);
    expect(() => importText(notebook, annotation({}))).toThrow(AnnotationFileError);
    expect(() => importText(notebook, annotation({}), 'no-such-article')).toThrow(/the article "no-such-article", which is not in this notebook/);
    expect(JSON.stringify(notebook)).toBe(before);
  });
});
