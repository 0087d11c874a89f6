/**
 * The Markdown export, read back with markdown-it (an independent CommonMark parser,
 * in GFM-ish and strict CommonMark modes): excerpts render exactly, every note
 * appears once in its place, leads are task items, front matter parses, and note
 * headings never climb out of the section holding them.
 *
 * Golden files: `UPDATE_GOLDEN=1 npx vitest run src-main/notebook/export-markdown.test.ts`
 * rewrites testdata/sample-notebook.json and the expected exports beside it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { anchorAll } from '../shared/anchoring/anchor-all';
import { canonicalText } from '../shared/canonical-text';
import { LEAD_STATUS_LABELS, NotebookSchema, SCHEMA_VERSION, type Notebook } from '../shared/model';
import { ExportError, exportFileName, exportMarkdown, noteToMarkdown, type ExportScope } from './export-markdown';
import { pandocText } from './markdown-escape';
import { parseDeepLink } from '../shared/deep-link';
import { hasPandoc, pandocHtml, pandocMetadataHtml } from './testdata/pandoc';
import { blockquotes, headings, parsers, splitFrontMatter, taskItems } from './testdata/markdown-check';
import { expectedFor, outlineFailures, sectionHeadings, type Expected } from './testdata/export-outline';
import { readAll, readPage, RENDERERS, textOf } from './testdata/markdown-readers';
import { seeded } from './testdata/random';
import { randomNotebook } from './testdata/random-notebook';
import { ARTICLE_ID, OTHER_ARTICLE_ID, buildSampleNotebook } from './testdata/sample-notebook';

const TESTDATA = join(import.meta.dirname, 'testdata');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const EXPORTED_AT = new Date('2025-03-15T08:30:00.000Z');
const OPTIONS = { exportedAt: EXPORTED_AT, appVersion: '0.1.0' };

function golden(name: string, actual: string): void {
  const path = join(TESTDATA, name);
  if (UPDATE || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** A heading's text without our `<a id="…"></a>` anchor in front. */
function withoutAnchor(text: string): string {
  return text.replace(/^<a id="[a-z0-9-]+"><\/a>/, '');
}

/** Our own headings: the title, the section names, the excerpt labels. */
function isOwnHeading(level: number, text: string, base: number, titles: string[]): boolean {
  if (level === base && titles.includes(text)) return true;
  if (level === 1 && base === 2 && text === 'Leadline notebook') return true;
  if (level === base + 1 && ['Excerpts and annotations', 'Orphaned excerpts', 'Notes without excerpts', 'Leads'].includes(text)) return true;
  return level === base + 2 && /^Excerpt E\d+(?: \((?:orphaned|found approximately)\))?$/.test(text);
}

function checkHeadings(tokens: Token[], base: number, titles: string[]): void {
  let ownLevel = 0;
  for (const h of headings(tokens)) {
    if (isOwnHeading(h.level, withoutAnchor(h.text), base, titles)) ownLevel = h.level;
    else expect(h.level, `note heading "${h.text}" must nest below level ${ownLevel}`).toBeGreaterThan(ownLevel);
  }
}

function checkFrontMatter(markdown: string, notebook: Notebook, scope: ExportScope, expected: Expected): string {
  const { data, body } = splitFrontMatter(markdown);
  const article = scope.kind === 'article' ? notebook.articles.find((a) => a.id === scope.articleId)! : undefined;
  // Strings are escaped for pandoc, which reads them as Markdown (read by pandoc itself below).
  expect(data.title).toBe(pandocText(article ? article.title : 'Leadline notebook'));
  expect(data.date).toBe('2025-03-15');
  expect(data.tags).toEqual([...new Set(expected.notes.flatMap((n) => n.tags))].sort().map(pandocText));
  expect(data.exported).toBe(EXPORTED_AT.toISOString());
  expect(data.app).toBe('Leadline 0.1.0');
  const source = Object.fromEntries(Object.entries(article?.source ?? {}).filter(([, v]) => v).map(([k, v]) => [k, pandocText(v)]));
  expect(data.source ?? {}).toEqual(source);
  const count = (kind: string): number => expected.notes.filter((n) => n.kind === kind).length;
  const counts = data.counts as Record<string, number>;
  expect(counts.excerpts).toBe([...expected.excerpts.values()].flat().length);
  expect(counts.annotations).toBe(count('annotation'));
  expect(counts.leads).toBe(count('lead'));
  return body;
}

/** Every excerpt is a blockquote, in order, under its label, and renders as exactly its text. */
function checkQuotes(tokens: Token[], expected: Expected): void {
  // Our quotes sit right under their "Excerpt En" heading; a note's own quotes do not.
  const quotes = blockquotes(tokens)
    .map((q) => ({ ...q, heading: q.heading === null ? null : withoutAnchor(q.heading) }))
    .filter((q) => q.heading !== null && /^Excerpt E\d+/.test(q.heading));
  const wanted = expected.articleIds.flatMap((id) => expected.excerpts.get(id)!.map((e, i) => ({ e, label: `Excerpt E${i + 1}` })));
  expect(quotes.map((q) => q.text)).toEqual(wanted.map((w) => w.e.quote.exact));
  quotes.forEach((quote, i) => {
    expect(quote.heading?.startsWith(wanted[i]!.label + ' ') || quote.heading === wanted[i]!.label).toBe(true);
    expect(quote.formatting).toEqual([]);
    expect(quote.onlyParagraphs).toBe(true);
  });
}

/** Every lead is a task item with the right state, in the Leads section. */
function checkLeads(tokens: Token[], expected: Expected): void {
  const leads = expected.notes.filter((n) => n.kind === 'lead');
  // Ours, not a note's own "- [x]" lines: they start with a status.
  const items = taskItems(tokens).filter((item) => /^(?:\*\*(?:Open|In progress|Done)\*\*|~~\*\*Dropped\*\*~~)(?: · |$)/.test(item.source));
  expect(items).toHaveLength(leads.length);
  const statuses = items.map((item) => ({ checked: item.checked, dropped: item.cancelled && item.source.startsWith('~~**Dropped**~~') }));
  const wanted = leads.map((lead) => ({ checked: lead.status === 'done', dropped: lead.status === 'dropped' }));
  const key = (s: { checked: boolean; dropped: boolean }): string => `${s.checked}/${s.dropped}`;
  expect(statuses.map(key).sort()).toEqual(wanted.map(key).sort());
  for (const item of items) expect(Object.values(LEAD_STATUS_LABELS).some((label) => item.source.includes(`**${label}**`))).toBe(true);
}

/** Every link to an excerpt label lands on an anchor that exists. */
function checkAnchors(markdown: string): void {
  const ids = new Set([...markdown.matchAll(/<a id="([a-z0-9-]+)"><\/a>Excerpt/g)].map((m) => m[1]));
  for (const [, target] of markdown.matchAll(/\]\(#([a-z0-9-]+)\)/g)) expect(ids.has(target)).toBe(true);
}

function checkExport(notebook: Notebook, scope: ExportScope, markdown: string): void {
  const expected = expectedFor(notebook, scope);
  const body = checkFrontMatter(markdown, notebook, scope, expected);
  const base = scope.kind === 'article' ? 1 : 2;
  const titles = expected.articleIds.map((id) => notebook.articles.find((a) => a.id === id)?.title ?? `Unknown article ${id}`);
  for (const [name, md] of Object.entries(parsers)) {
    const tokens = md.parse(body, {});
    checkQuotes(tokens, expected);
    checkHeadings(tokens, base, titles);
    if (name === 'gfm') checkLeads(tokens, expected);
  }
  checkAnchors(markdown);
}

// ---------------------------------------------------------------------------
// The sample notebook, on the bundled article

describe('the sample notebook', () => {
  const notebook = buildSampleNotebook();

  it('is valid and committed as testdata/sample-notebook.json', () => {
    NotebookSchema.parse(notebook);
    golden('sample-notebook.json', JSON.stringify(notebook, null, 2) + '\n');
  });

  it('has what the export must handle: every status, an orphan, an approximate match, a two-excerpt note', () => {
    const text = canonicalText(notebook.articles[0]!.content).text;
    const anchors = anchorAll(text, notebook.excerpts.filter((e) => e.articleId === ARTICLE_ID));
    expect(anchors.get('ex-wagner')).toBeNull();
    expect(anchors.get('ex-sacrifice')?.method).toBe('fuzzy');
    expect(anchors.get('ex-40000')?.method).toBe('position');
    expect(new Set(notebook.notes.map((n) => n.status).filter(Boolean))).toEqual(new Set(['open', 'in-progress', 'done', 'dropped']));
  });

  it('exports the bundled article as the golden file', () => {
    const scope: ExportScope = { kind: 'article', articleId: ARTICLE_ID };
    const markdown = exportMarkdown(notebook, { scope, ...OPTIONS });
    golden(exportFileName(notebook, scope), markdown);
    checkExport(notebook, scope, markdown);
  });

  it('exports the whole notebook as the golden file', () => {
    const scope: ExportScope = { kind: 'all' };
    const markdown = exportMarkdown(notebook, { scope, ...OPTIONS });
    golden(exportFileName(notebook, scope), markdown);
    checkExport(notebook, scope, markdown);
  });

  it('places each note once, annotations under their first excerpt in reading order', () => {
    const markdown = exportMarkdown(notebook, { scope: { kind: 'article', articleId: ARTICLE_ID }, ...OPTIONS });
    const once = (phrase: string): number => {
      expect(markdown.split(phrase)).toHaveLength(2);
      return markdown.indexOf(phrase);
    };
    const section = (name: string): number => once(`\n## ${name}\n`);
    const excerpt = (n: number): number => once(`<a id="e${n}"></a>`);
    // E1 Vladmir, E2 sacrifice, E3 40,000, E4 units, E5 biggest, E6 Hmeimim, E7 NDF, E8 Soleimani, E9 orphan
    expect(once('The SOHR figure is')).toBeGreaterThan(excerpt(3));
    expect(once('calling in a debt')).toBeLessThan(excerpt(4)); // cites E8 and E3: shown once, under E3
    expect(markdown).toContain('**Note** on [E3](#e3), [E8](#e8) · #iran #context');
    expect(once('Units named')).toBeGreaterThan(excerpt(4));
    expect(once('would leave the front lines')).toBeLessThan(excerpt(5));
    expect(once('is gone now')).toBeGreaterThan(excerpt(9));
    expect(once('Thin sourcing')).toBeGreaterThan(section('Notes without excerpts'));
    expect(once('Find the SOHR report')).toBeGreaterThan(section('Leads'));
    expect(excerpt(9)).toBeGreaterThan(section('Orphaned excerpts'));
    expect(markdown).toContain('### <a id="e2"></a>Excerpt E2 (found approximately)');
    expect(markdown).toContain('### <a id="e9"></a>Excerpt E9 (orphaned)');
    // an excerpt with nothing but a highlight, and one with only a lead, are quoted too
    expect(markdown).toContain('### <a id="e1"></a>Excerpt E1\n\n> Russian President Vladmir Putin\n\n[Open in Leadline](<leadline://open?article=putin-syria&amp;excerpt=ex-vladmir>)\n\n### <a id="e2">');
    expect(markdown).toContain('### <a id="e7"></a>Excerpt E7\n\n> National Defense Front forces\n\n[Open in Leadline](<leadline://open?article=putin-syria&amp;excerpt=ex-ndf>)\n\n### <a id="e8">');
  });

  it('writes the leads as a GFM task list, dropped ones cancelled ("[-]") and struck through', () => {
    const markdown = exportMarkdown(notebook, { scope: { kind: 'article', articleId: ARTICLE_ID }, ...OPTIONS });
    expect(markdown).toContain('- [ ] **Open** · on [E3](#e3) · #verify #sohr\n\n  Find the SOHR report behind the 40,000 figure.\n\n  - date of publication');
    expect(markdown).toContain('- [ ] **In progress** · on [E6](#e6) · #flight-tracking');
    expect(markdown).toContain('- [x] **Done** · on [E4](#e4)');
    expect(markdown).toContain('- [-] ~~**Dropped**~~ · on [E7](#e7) · #ndf\n\n  #### NDF recruitment');
    const items = taskItems(parsers.gfm.parse(splitFrontMatter(markdown).body, {})).filter((item) => !item.label.startsWith('not a task'));
    const dropped = items.find((item) => item.cancelled)!;
    expect(dropped.checked).toBe(false);
    expect(dropped.label).toMatch(/^Dropped · /);
    expect(dropped.tokens.some((t) => t.children?.some((c) => c.type === 's_open'))).toBe(true);
    // No GFM reader makes a checkbox of it: nothing counts it as done.
    expect(RENDERERS.marked(splitFrontMatter(markdown).body).match(/<input checked=""/g)?.length ?? 0).toBe(notebook.notes.filter((n) => n.articleId === ARTICLE_ID && n.status === 'done').length);
    // the indented line of the in-progress lead's body stays inside its item, in its paragraph
    const flights = items.find((item) => item.label.startsWith('In progress'))!;
    expect(flights.tokens.some((t) => t.type === 'code_block' && t.content.includes('(an indented line: still the same paragraph)'))).toBe(false);
    expect(flights.tokens.some((t) => t.type === 'inline' && t.content.includes('(an indented line: still the same paragraph)'))).toBe(true);
  });

  it('keeps note Markdown, demoting its headings and closing what it left open', () => {
    const markdown = exportMarkdown(notebook, { scope: { kind: 'article', articleId: ARTICLE_ID }, ...OPTIONS });
    expect(markdown).toContain('\n#### Units named\n');
    expect(markdown).toContain('\n##### Why it matters\n');
    expect(markdown).toContain('\n#### Sending them abroad\n');
    expect(markdown).toContain('\n### Overall\n');
    expect(markdown).toContain('```\nquote check: pending\n```\n');
    expect(markdown).toContain('| 4th | ~15,000 |');
  });
});

// ---------------------------------------------------------------------------
// Random notebooks with hostile text

describe('random notebooks with hostile text', () => {
  it('export faithfully, for each article and for all', () => {
    const random = seeded(Number(process.env.FUZZ_SEED ?? 2025));
    for (let n = 0; n < 300; n++) {
      const notebook = NotebookSchema.parse(randomNotebook(random));
      const scopes: ExportScope[] = [{ kind: 'all' }, ...notebook.articles.map((a) => ({ kind: 'article' as const, articleId: a.id }))];
      for (const scope of scopes) {
        const markdown = exportMarkdown(notebook, { scope, ...OPTIONS });
        checkExport(notebook, scope, markdown);
        for (const note of expectedFor(notebook, scope).notes) {
          expect(markdown.split(`NOTEMARK${note.id.slice(1)}X`), `note ${note.id} once`).toHaveLength(2);
        }
        expect(exportFileName(notebook, scope)).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?-notes\.md$/);
      }
    }
  });

  it('keep notes and excerpts whose article is gone, in the whole-notebook export', () => {
    const random = seeded(9);
    const notebook = randomNotebook(random);
    notebook.articles = notebook.articles.slice(1);
    const markdown = exportMarkdown(notebook, { scope: { kind: 'all' }, ...OPTIONS });
    checkExport(notebook, { kind: 'all' }, markdown);
    if (notebook.notes.some((n) => n.articleId === 'a0')) expect(markdown).toContain('## Unknown article a0');
  });
});

// ---------------------------------------------------------------------------
// A note body changes nothing outside its note, in any reader

/** The sample notebook with one more annotation (on E1) and one more lead, both with this body. */
function withBody(body: string): Notebook {
  const notebook = buildSampleNotebook();
  const base = notebook.notes.find((n) => n.id === 'n-iran')!;
  notebook.notes.push(
    { ...base, id: 'n-hostile', body, excerptIds: ['ex-vladmir'], tags: [] },
    { ...base, id: 'l-hostile', kind: 'lead', status: 'open', body, excerptIds: ['ex-vladmir'], tags: [] },
  );
  return notebook;
}

function failuresIn(pages: Record<string, ReturnType<typeof readPage>>, notebook: Notebook, scope: ExportScope): string[] {
  const wanted = sectionHeadings(notebook, scope);
  const leads = expectedFor(notebook, scope).notes.filter((n) => n.kind === 'lead');
  return Object.entries(pages).flatMap(([reader, page]) => outlineFailures(page, wanted, leads).map((f) => `${reader}: ${f}`));
}

describe('note bodies change nothing outside their note', () => {
  const scope: ExportScope = { kind: 'article', articleId: ARTICLE_ID };

  it('a fence the readers place differently is closed where all of them see it (issue 9)', () => {
    const notebook = withBody('[x]: http://x\n-\n   ```');
    const markdown = splitFrontMatter(exportMarkdown(notebook, { scope, ...OPTIONS })).body;
    expect(failuresIn(readAll(markdown), notebook, scope)).toEqual([]);
  });

  it('raw HTML shows as text: an open <details> or <s>, a forged <a id="e3">, an <h1> (issue 10)', () => {
    for (const body of ['<details>\n\nhidden?', 'text <details><summary>x</summary>', 'struck <s>from here', '<s>\n\nfrom here', '<a id="e3"></a>forged', '<h1>Big</h1>', '<h1>\nBig']) {
      const notebook = withBody(body);
      const markdown = splitFrontMatter(exportMarkdown(notebook, { scope, ...OPTIONS })).body;
      // In a browser, with raw HTML on: markdown-it renders it, parse5 reads it as a browser does.
      const page = readPage(RENDERERS['markdown-it'](markdown));
      expect(failuresIn({ 'markdown-it': page }, notebook, scope), body).toEqual([]);
      expect(page.headings.filter((h) => h.level === 1).map((h) => h.text), body).toEqual([notebook.articles[0]!.title]);
      // The only <s> is the dropped lead's status.
      expect(page.elements.filter((e) => ['details', 'summary', 'a', 's'].includes(e.tagName) && !e.attrs.some((a) => a.name === 'href')).map(textOf), body).toEqual([
        ...page.elements.filter((e) => e.tagName === 'a' && e.attrs.some((a) => a.name === 'id')).map(textOf),
        'Dropped',
      ]);
      expect(markdown, body).toContain(body.split('\n')[0]!.replace(/</g, '&lt;'));
    }
  });
});

// ---------------------------------------------------------------------------
// Pandoc's own `markdown` reader (issue 12)

/** What pandoc reads of the front matter: title, date, tags and source fields, as text. */
function pandocMetadata(markdown: string): { title: string; date: string; tags: string[]; source: Record<string, string> } {
  const page = readPage(pandocMetadataHtml(markdown));
  const by = (cls: string): string[] => page.elements.filter((e) => e.attrs.some((a) => a.name === 'class' && a.value === cls)).map(textOf);
  const source = Object.fromEntries(['url', 'outlet', 'byline', 'date'].flatMap((f) => by(`source-${f}`).map((v) => [f, v])));
  return { title: page.headings[0]?.text ?? '', date: by('date')[0] ?? '', tags: by('tag'), source };
}

describe.skipIf(!hasPandoc)("the export in pandoc's markdown reader (pandoc is installed by .ci/run)", () => {
  const cases = (): Array<{ notebook: Notebook; scope: ExportScope }> => {
    const random = seeded(Number(process.env.FUZZ_SEED ?? 77));
    const sample = buildSampleNotebook();
    const out: Array<{ notebook: Notebook; scope: ExportScope }> = [
      { notebook: sample, scope: { kind: 'article', articleId: ARTICLE_ID } },
      { notebook: sample, scope: { kind: 'article', articleId: OTHER_ARTICLE_ID } },
      { notebook: sample, scope: { kind: 'all' } },
    ];
    for (let n = 0; n < 40; n++) {
      const notebook = randomNotebook(random);
      for (const article of notebook.articles) article.title = `${article.title} *stars* <tags> it's -- ${n}`;
      // Note bodies are the user's Markdown, which pandoc reads as its own dialect: what is
      // checked here is what the export writes as text (titles, sources, tags, quotes, leads).
      for (const note of notebook.notes) note.body = `Note ${note.id}: see the quote.`;
      out.push({ notebook, scope: random.chance(0.5) ? { kind: 'all' } : { kind: 'article', articleId: random.pick(notebook.articles).id } });
    }
    return out;
  };

  it('reads the front matter as text: title, date, tags and source, whatever they hold', () => {
    for (const { notebook, scope } of cases()) {
      const markdown = exportMarkdown(notebook, { scope, ...OPTIONS });
      const article = scope.kind === 'article' ? notebook.articles.find((a) => a.id === scope.articleId)! : undefined;
      const tags = [...new Set(expectedFor(notebook, scope).notes.flatMap((n) => n.tags))].sort();
      const source = Object.fromEntries(Object.entries(article?.source ?? {}).filter(([, v]) => v).map(([k, v]) => [k, v.replace(/\r\n?/g, '\n')]));
      expect(pandocMetadata(markdown)).toEqual({ title: (article?.title ?? 'Leadline notebook').replace(/\r\n?/g, '\n'), date: '2025-03-15', tags, source });
    }
  });

  it('shows every section heading, lead and quote exactly', () => {
    for (const { notebook, scope } of cases()) {
      const markdown = exportMarkdown(notebook, { scope, ...OPTIONS });
      const page = readPage(pandocHtml(markdown));
      const leads = expectedFor(notebook, scope).notes.filter((n) => n.kind === 'lead');
      expect(outlineFailures(page, sectionHeadings(notebook, scope), leads), `${JSON.stringify(scope)}\n${markdown}`).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------
// Obsidian

describe('the Obsidian flavor', () => {
  const notebook = buildSampleNotebook();

  it('writes block ids after the quotes and links to them, no HTML anchors', () => {
    const markdown = exportMarkdown(notebook, { scope: { kind: 'article', articleId: ARTICLE_ID }, ...OPTIONS, flavor: 'obsidian' });
    expect(markdown).not.toContain('<a id=');
    expect(markdown).toContain('### Excerpt E3\n\n> 40,000 Syrian soldiers are expected to join the Russian army in Ukraine\n\n^e3\n');
    expect(markdown).toContain('**Note** on [[#^e3|E3]], [[#^e8|E8]] · #iran #context');
    expect(markdown).toContain('- [-] ~~**Dropped**~~ · on [[#^e7|E7]] · #ndf');
    const ids = [...markdown.matchAll(/^\^(e\d+)$/gm)].map((m) => m[1]);
    expect(ids).toEqual(ids.map((_, i) => `e${i + 1}`));
    for (const [, id] of markdown.matchAll(/\[\[#\^([a-z0-9-]+)\|E\d+\]\]/g)) expect(ids).toContain(id);
  });

  it('links each excerpt into the notebook it came from', () => {
    const markdown = exportMarkdown(notebook, { scope: { kind: 'article', articleId: ARTICLE_ID }, ...OPTIONS, notebookPath: '/home/ana/My notes/notebook.json' });
    const links = [...markdown.matchAll(/^\[Open in Leadline\]\(<(leadline:[^>]+)>\)$/gm)].map((m) => parseDeepLink(m[1]!.replace(/&amp;/g, '&')));
    expect(links).toHaveLength(notebook.excerpts.filter((e) => e.articleId === ARTICLE_ID).length);
    for (const link of links) expect(link).toMatchObject({ notebook: '/home/ana/My notes/notebook.json', article: ARTICLE_ID, excerpt: expect.any(String) });
    expect(readPage(RENDERERS['markdown-it'](markdown)).elements.filter((e) => e.tagName === 'a' && textOf(e) === 'Open in Leadline').map((e) => e.attrs.find((a) => a.name === 'href')!.value)[0]).toMatch(/^leadline:\/\/open\?notebook=%2Fhome%2Fana%2FMy%20notes%2Fnotebook\.json&article=putin-syria&excerpt=/);
  });

  it('keeps the ids of the whole notebook apart by article', () => {
    const markdown = exportMarkdown(notebook, { scope: { kind: 'all' }, ...OPTIONS, flavor: 'obsidian' });
    expect(markdown).toMatch(/^\^a1-e1$/m);
    expect(markdown).toContain('[[#^a1-e3|E3]]');
    // Everything else is as in the default flavor.
    const plain = exportMarkdown(notebook, { scope: { kind: 'all' }, ...OPTIONS });
    const strip = (md: string): string => md.replace(/<a id="[a-z0-9-]+"><\/a>|\n\^[a-z0-9-]+\n|\[\[#\^[a-z0-9-]+\|(E\d+)\]\]|\[(E\d+)\]\(#[a-z0-9-]+\)/g, (m, a?: string, b?: string) => a ?? b ?? '');
    expect(strip(markdown)).toBe(strip(plain));
  });
});

// ---------------------------------------------------------------------------
// The rest of the API

describe('exportMarkdown', () => {
  const notebook = buildSampleNotebook();

  it('throws an ExportError with a sentence for an unknown article', () => {
    expect(() => exportMarkdown(notebook, { scope: { kind: 'article', articleId: 'nope' }, ...OPTIONS })).toThrow(ExportError);
    expect(() => exportFileName(notebook, { kind: 'article', articleId: 'nope' })).toThrow(/no article with id "nope"/);
  });

  it('quotes hostile titles and sources in the front matter', () => {
    const markdown = exportMarkdown(notebook, { scope: { kind: 'article', articleId: OTHER_ARTICLE_ID }, ...OPTIONS });
    // Escaped for pandoc, which reads front matter strings as Markdown; a web address stays as it is.
    expect(markdown.split('\n').slice(0, 10)).toEqual([
      '---',
      'title: "Field notes: \\\\\\"Hmeimim\\\\\\" — 1st draft # \\\\[x\\\\] \\\\<i\\\\>test\\\\</i\\\\>"',
      'date: 2025-03-15',
      'tags: []',
      'source:',
      '  url: "https://example.org/notes?a=1&b=(2)"',
      '  outlet: "Example Outlet: \\\\*Test\\\\* #1"',
      '  date: "2025-03-14"',
      'exported: "2025-03-15T08:30:00.000Z"',
      'app: "Leadline 0.1.0"',
    ]);
    expect(markdown).toContain('# Field notes: \\"Hmeimim\\" — 1st draft \\# \\[x\\] \\<i\\>test\\</i\\>\n');
    expect(markdown).toContain('Source: [Example Outlet: \\*Test\\* \\#1](<https://example.org/notes?a=1&amp;b=(2)>), 2025-03-14');
  });

  it('exports an empty notebook', () => {
    const empty: Notebook = { schemaVersion: SCHEMA_VERSION, articles: [], excerpts: [], notes: [], dismissals: [], ui: { scroll: {} } };
    const markdown = exportMarkdown(empty, { scope: { kind: 'all' }, ...OPTIONS });
    expect(markdown).toContain('# Leadline notebook\n\nThe notebook has no articles yet.\n');
  });

  it('exports 10,000 notes, every lead of the article listed (speed: npm run bench)', () => {
    const big = buildSampleNotebook();
    const template = big.notes;
    big.notes = Array.from({ length: 10_000 }, (_, i) => ({ ...template[i % template.length]!, id: `bulk-${i}` }));
    const markdown = exportMarkdown(big, { scope: { kind: 'article', articleId: ARTICLE_ID }, ...OPTIONS });
    expect(markdown.split('\n- [').length - 1).toBe(big.notes.filter((n) => n.kind === 'lead' && n.articleId === ARTICLE_ID).length);
  });
});

describe('noteToMarkdown', () => {
  const notebook = buildSampleNotebook();

  it('gives an annotation with its quotes in reading order, its Markdown as written', () => {
    expect(noteToMarkdown(notebook, 'n-iran')).toBe(
      [
        '> 40,000 Syrian soldiers are expected to join the Russian army in Ukraine',
        '',
        '> Iranian General Qassem Soleimani convinced Vladimir Putin',
        '',
        'The 2015 intervention story and the 2022 recruitment are linked: Russia is',
        'calling in a debt. See also `E1` & the [SOHR site](https://www.syriahr.com/en/).',
        '',
        'Tags: #iran #context',
        '',
      ].join('\n'),
    );
    expect(noteToMarkdown(notebook, 'n-units-1')).toContain('# Units named\n');
  });

  it('gives a lead as a task item', () => {
    expect(noteToMarkdown(notebook, 'l-ndf')).toBe(
      '> National Defense Front forces\n\n- [-] ~~**Dropped**~~ · #ndf\n\n  ## NDF recruitment\n  No way to reach anyone; dropped.\n',
    );
  });

  it('throws an ExportError for an unknown note', () => {
    expect(() => noteToMarkdown(notebook, 'nope')).toThrow(ExportError);
  });
});

describe('exportFileName', () => {
  const withTitle = (title: string, id = 'abc'): Notebook => ({
    ...buildSampleNotebook(),
    articles: [{ ...buildSampleNotebook().articles[0]!, id, title }],
  });
  const name = (title: string, id?: string): string => exportFileName(withTitle(title, id), { kind: 'article', articleId: id ?? 'abc' });

  it('slugs the article title into ASCII', () => {
    expect(exportFileName(buildSampleNotebook(), { kind: 'article', articleId: ARTICLE_ID })).toBe('putin-wants-syria-to-return-the-favor-notes.md');
    expect(exportFileName(buildSampleNotebook(), { kind: 'all' })).toBe('leadline-notebook-notes.md');
    expect(name('Résumé: Ça va? Straße & Łódź — “quotes”')).toBe('resume-ca-va-strasse-lodz-quotes-notes.md');
    expect(name('../../etc/passwd')).toBe('etc-passwd-notes.md');
    expect(name('CON')).toBe('con-notes.md');
  });

  it('is never empty and never longer than 80 characters before the suffix', () => {
    expect(name('Путин хочет', 'XyZ_9')).toBe('article-xyz-9-notes.md');
    expect(name('😀😀')).toBe('article-abc-notes.md');
    const long = name('word '.repeat(100));
    expect(long.replace(/-notes\.md$/, '').length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9-]+[a-z0-9]-notes\.md$/);
  });
});
