/**
 * Leads as a spreadsheet: one row per lead, RFC 4180 (comma-separated, fields quoted
 * where they hold a comma, quote or line break, CRLF between records), written by
 * csv-stringify. A byte order mark opens the file, so spreadsheets read it as UTF-8.
 * Fields are written exactly as they are: a body starting with "=" stays text in
 * LibreOffice's default import (which does not evaluate formulas).
 */
import { stringify } from 'csv-stringify/sync';
import { deepLinkUrl } from '../../shared/deep-link';
import { LEAD_STATUS_LABELS, type Notebook } from '../../shared/model';
import { ExportError, type ExportScope } from '../export-markdown';

export const LEADS_CSV_COLUMNS = ['article', 'status', 'tags', 'body', 'quotes', 'created', 'updated', 'link'] as const;

/** Between the quotes of one lead, in one cell. */
export const QUOTE_SEPARATOR = '\n\n';

export interface LeadsCsvOptions {
  scope: ExportScope;
  /** The notebook file, for the leads' deep links. */
  notebookPath?: string;
}

export function leadsCsv(notebook: Notebook, { scope, notebookPath }: LeadsCsvOptions): string {
  if (scope.kind === 'article' && !notebook.articles.some((a) => a.id === scope.articleId)) {
    throw new ExportError(`There is no article with id "${scope.articleId}" in this notebook, so there is nothing to export.`);
  }
  const titles = new Map(notebook.articles.map((a) => [a.id, a.title]));
  const quotes = new Map(notebook.excerpts.map((e) => [e.id, e.quote.exact]));
  const rows = notebook.notes
    .filter((n) => n.kind === 'lead' && titles.has(n.articleId) && (scope.kind === 'all' || n.articleId === scope.articleId))
    .map((lead) => [
      titles.get(lead.articleId)!,
      LEAD_STATUS_LABELS[lead.status ?? 'open'],
      lead.tags.join(' '),
      lead.body,
      lead.excerptIds.flatMap((id) => quotes.get(id) ?? []).join(QUOTE_SEPARATOR),
      lead.createdAt,
      lead.updatedAt,
      deepLinkUrl({ ...(notebookPath ? { notebook: notebookPath } : {}), article: lead.articleId, note: lead.id }),
    ]);
  return stringify([[...LEADS_CSV_COLUMNS], ...rows], { bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
}
