/** The leads CSV, parsed back with csv-parse (strict RFC 4180 quoting): every field intact. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseDeepLink } from '../../shared/deep-link';
import { LEAD_STATUS_LABELS, type Notebook } from '../../shared/model';
import { seeded } from '../testdata/random';
import { randomNotebook } from '../testdata/random-notebook';
import { ARTICLE_ID, buildSampleNotebook } from '../testdata/sample-notebook';
import { leadsCsv, LEADS_CSV_COLUMNS, QUOTE_SEPARATOR } from './leads-csv';

const NOTEBOOK_PATH = '/home/ana/Research notes/notebook.json';

function readBack(csv: string): Record<string, string>[] {
  return parse(csv, { bom: true, columns: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as Record<string, string>[];
}

function expectedRows(notebook: Notebook, articleId?: string): Record<string, string>[] {
  return notebook.notes
    .filter((n) => n.kind === 'lead' && (articleId === undefined || n.articleId === articleId))
    .map((lead) => ({
      article: notebook.articles.find((a) => a.id === lead.articleId)!.title,
      status: LEAD_STATUS_LABELS[lead.status!],
      tags: lead.tags.join(' '),
      body: lead.body,
      quotes: lead.excerptIds.flatMap((id) => notebook.excerpts.find((e) => e.id === id)?.quote.exact ?? []).join(QUOTE_SEPARATOR),
      created: lead.createdAt,
      updated: lead.updatedAt,
      link: expect.stringMatching(/^leadline:\/\/open\?/) as unknown as string,
    }));
}

describe('leadsCsv', () => {
  const notebook = buildSampleNotebook();

  it('writes one row per lead, with a header, a BOM and CRLF records', () => {
    const csv = leadsCsv(notebook, { scope: { kind: 'all' }, notebookPath: NOTEBOOK_PATH });
    expect(csv.startsWith(`\ufeff${LEADS_CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    const rows = readBack(csv);
    expect(rows).toEqual(expectedRows(notebook));
    const lead = notebook.notes.find((n) => n.kind === 'lead')!;
    expect(parseDeepLink(rows[0]!.link!)).toEqual({ notebook: NOTEBOOK_PATH, article: lead.articleId, note: lead.id });
  });

  it('exports the leads of one article', () => {
    expect(readBack(leadsCsv(notebook, { scope: { kind: 'article', articleId: ARTICLE_ID } }))).toEqual(expectedRows(notebook, ARTICLE_ID));
    expect(() => leadsCsv(notebook, { scope: { kind: 'article', articleId: 'nope' } })).toThrow(/no article with id "nope"/);
  });

  it('keeps every field intact, whatever it holds: quotes, commas, line breaks, edge spaces, formulas', () => {
    const random = seeded(31);
    let leads = 0;
    for (let n = 0; n < 200; n++) {
      const hostile = randomNotebook(random);
      hostile.notes = hostile.notes.map((note, i) => (i % 3 === 0 ? { ...note, body: `=HYPERLINK("x","y"),\r\n"${note.body}" ` } : note));
      const rows = readBack(leadsCsv(hostile, { scope: { kind: 'all' }, notebookPath: NOTEBOOK_PATH }));
      expect(rows).toEqual(expectedRows(hostile));
      leads += rows.length;
    }
    expect(leads).toBeGreaterThan(300);
  });
});
