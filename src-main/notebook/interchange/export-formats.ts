/**
 * Every export format behind one call, for the CLI and the notebook service: the
 * file's text, the name to offer and its media type.
 */
import { ExportFormatSchema, type ExportFormat } from '../../shared/api';
import type { Notebook } from '../../shared/model';
import { exportFileName, exportMarkdown, exportStem, type ExportScope, type MarkdownFlavor } from '../export-markdown';
import { leadsCsv } from './leads-csv';
import { WEB_ANNOTATION_MEDIA_TYPE, webAnnotationsJson } from './web-annotation-export';

export const EXPORT_FORMATS = ExportFormatSchema.options;
export type { ExportFormat };

export interface ExportRequest {
  format: ExportFormat;
  scope: ExportScope;
  exportedAt: Date;
  appVersion: string;
  /** Markdown only. */
  flavor?: MarkdownFlavor;
  /** The notebook file's absolute path, for deep links. */
  notebookPath?: string;
}

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  text: string;
}

/** Throws ExportError for an unknown article. */
export function exportAs(notebook: Notebook, request: ExportRequest): ExportedFile {
  const { format, scope } = request;
  switch (format) {
    case 'markdown':
      return { fileName: exportFileName(notebook, scope), mediaType: 'text/markdown; charset=utf-8', text: exportMarkdown(notebook, request) };
    case 'w3c':
      return { fileName: `${exportStem(notebook, scope)}-annotations.jsonld`, mediaType: WEB_ANNOTATION_MEDIA_TYPE, text: webAnnotationsJson(notebook, request) };
    case 'csv':
      return { fileName: `${exportStem(notebook, scope)}-leads.csv`, mediaType: 'text/csv; charset=utf-8; header=present', text: leadsCsv(notebook, request) };
  }
}
