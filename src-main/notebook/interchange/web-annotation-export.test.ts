/**
 * The W3C export: every annotation passes every MUST assertion of the W3C Web
 * Annotation test suite (annotationMusts.test, vendored), the collection and its page
 * theirs, and the notes' contents come out as the data model says.
 */
import { describe, expect, it } from 'vitest';
import { articleText } from '../article-text';
import { seeded } from '../testdata/random';
import { randomNotebook } from '../testdata/random-notebook';
import { ARTICLE_ID, buildSampleNotebook } from '../testdata/sample-notebook';
import { ANNO_CONTEXT, articleIri, recordIri } from './annotation-iris';
import { toCodePoints } from './code-points';
import { assertions, mustFailures } from './testdata/w3c-musts';
import { exportWebAnnotations, type ExcerptTarget, type WebAnnotation } from './web-annotation-export';

const OPTIONS = { exportedAt: new Date('2025-03-15T08:30:00.000Z'), appVersion: '0.1.0' };

function mustsOfExport(collection: ReturnType<typeof exportWebAnnotations>): string[] {
  // JSON as written: what a reader of the file validates.
  const document = JSON.parse(JSON.stringify(collection)) as ReturnType<typeof exportWebAnnotations>;
  return [
    ...mustFailures('collections/collectionMusts.test', document),
    ...mustFailures('collections/pages/pageMusts.test', document),
    ...document.first.items.flatMap((a) => mustFailures('annotations/annotationMusts.test', a).map((f) => `${a.id}: ${f}`)),
  ];
}

describe('the W3C MUST assertions (the harness)', () => {
  const good = {
    '@context': ANNO_CONTEXT,
    id: 'urn:x:1',
    type: 'Annotation',
    target: { type: 'SpecificResource', source: 'https://example.com/a', selector: { type: 'TextQuoteSelector', exact: 'a' } },
  };

  it('runs every assertion the suite lists', () => {
    expect(assertions('annotations/annotationMusts.test')).toHaveLength(54);
    expect(assertions('collections/collectionMusts.test')).toHaveLength(10);
    expect(assertions('collections/pages/pageMusts.test')).toHaveLength(15);
    expect(mustFailures('annotations/annotationMusts.test', good)).toEqual([]);
  });

  it('catches annotations that break them', () => {
    const broken: Array<[string, unknown]> = [
      ['3.1-annotationContextValidated', { ...good, '@context': 'http://example.com/other' }],
      ['3.1-targetKeyFound', { ...good, target: undefined }],
      ['3.2.5-notBodyBodyValue', { ...good, body: 'https://example.com/b', bodyValue: 'x' }],
      ['3.3.1-annotationCreatedValidated', { ...good, created: '15 March 2025' }],
      ['4.2.4-textQuoteSelectorValid', { ...good, target: { ...good.target, selector: { type: 'TextQuoteSelector', prefix: 'a' } } }],
      ['4.2-TextDataPositionSelectorValid', { ...good, target: { ...good.target, selector: { type: 'TextPositionSelector', start: -1, end: 2 } } }],
    ];
    for (const [assertion, annotation] of broken) {
      expect(mustFailures('annotations/annotationMusts.test', JSON.parse(JSON.stringify(annotation))).join('\n')).toContain(assertion);
    }
  });
});

describe('exportWebAnnotations', () => {
  const notebook = buildSampleNotebook();

  it('passes every MUST assertion, for the sample notebook and 300 random hostile ones', () => {
    expect(mustsOfExport(exportWebAnnotations(notebook, { ...OPTIONS, scope: { kind: 'all' } }))).toEqual([]);
    const random = seeded(12);
    for (let i = 0; i < 300; i++) {
      const scope = { kind: 'all' } as const;
      const failures = mustsOfExport(exportWebAnnotations(randomNotebook(random), { ...OPTIONS, scope }));
      expect(failures, `random notebook ${i}`).toEqual([]);
    }
  });

  it('writes one annotation per note, then one per plain highlight, with their motivations', () => {
    const items = exportWebAnnotations(notebook, { ...OPTIONS, scope: { kind: 'article', articleId: ARTICLE_ID } }).first.items;
    const notes = notebook.notes.filter((n) => n.articleId === ARTICLE_ID);
    const cited = new Set(notebook.notes.flatMap((n) => n.excerptIds));
    const highlights = notebook.excerpts.filter((e) => e.articleId === ARTICLE_ID && !cited.has(e.id));
    expect(highlights.length).toBeGreaterThan(0);
    expect(items.map((a) => a.id)).toEqual([...notes.map((n) => recordIri('note', n.id)), ...highlights.map((e) => recordIri('highlight', e.id))]);
    expect(items.map((a) => a.motivation)).toEqual([...notes.map((n) => (n.kind === 'lead' ? 'questioning' : 'commenting')), ...highlights.map(() => 'highlighting')]);
    for (const item of items) expect(item['leadline:article']).toBe(ARTICLE_ID);
  });

  it('keeps body, tags, status, times and selectors', () => {
    const items = new Map(exportWebAnnotations(notebook, { ...OPTIONS, scope: { kind: 'all' } }).first.items.map((a) => [a.id, a] as const));
    const text = articleText(notebook.articles.find((a) => a.id === ARTICLE_ID)!);
    for (const note of notebook.notes) {
      const annotation: WebAnnotation = items.get(recordIri('note', note.id))!;
      const bodies = annotation.body ?? [];
      expect(bodies.filter((b) => b.purpose === (note.kind === 'lead' ? 'questioning' : 'commenting')).map((b) => [b.value, b.format])).toEqual(note.body ? [[note.body, 'text/markdown']] : []);
      expect(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(note.tags);
      expect(bodies.filter((b) => b.purpose === 'classifying').map((b) => b.value)).toEqual(note.kind === 'lead' ? [note.status] : []);
      expect([annotation.created, annotation.modified]).toEqual([note.createdAt, note.updatedAt]);
      const article = notebook.articles.find((a) => a.id === note.articleId)!;
      if (typeof annotation.target === 'string') {
        expect(note.excerptIds.filter((id) => notebook.excerpts.some((e) => e.id === id))).toEqual([]);
        expect(annotation.target).toBe(articleIri(article));
        continue;
      }
      expect(annotation.target.map((t) => t.id)).toEqual(note.excerptIds.map((id) => recordIri('excerpt', id)));
      for (const target of annotation.target as ExcerptTarget[]) {
        const excerpt = notebook.excerpts.find((e) => recordIri('excerpt', e.id) === target.id)!;
        expect(target.source).toBe(articleIri(article));
        const [quote, position] = target.selector;
        expect(quote).toEqual(excerpt.quote);
        if (article.id === ARTICLE_ID) {
          expect(position).toEqual({ type: 'TextPositionSelector', start: toCodePoints(text, excerpt.position.start), end: toCodePoints(text, excerpt.position.end) });
        }
        expect(target.created).toBe(excerpt.createdAt);
      }
    }
  });

  it('names an article by its web address, else by its text hash', () => {
    const article = notebook.articles.find((a) => a.id === ARTICLE_ID)!;
    expect(articleIri({ ...article, source: { url: 'https://example.com/a_b?q=<x>|y#part' } })).toBe('https://example.com/a_b?q=%3Cx%3E%7Cy');
    expect(articleIri({ ...article, source: { url: 'javascript:alert(1)' } })).toBe(`urn:sha256:${article.contentHash.slice('sha256:'.length)}`);
  });

  it('refuses an unknown article', () => {
    expect(() => exportWebAnnotations(notebook, { ...OPTIONS, scope: { kind: 'article', articleId: 'nope' } })).toThrow(/no article with id "nope"/);
  });
});
