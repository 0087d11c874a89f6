/**
 * The headless export's logic, with its I/O passed in so it is tested without
 * touching a terminal. Errors are one line on stderr and a non-zero exit code.
 */
import { resolve } from 'node:path';
import type { Notebook } from '../shared/model';
import { ExportError, MARKDOWN_FLAVORS, type ExportScope, type MarkdownFlavor } from '../notebook/export-markdown';
import { exportAs, EXPORT_FORMATS, type ExportFormat } from '../notebook/interchange/export-formats';
import { ExportTargetRefused } from '../notebook/export-file';
import { describeOsError } from '../notebook/notebook-adapter';
import { parseFlags } from './flags';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads the notebook; `warn` hears what of its change log could not be applied. */
  readNotebook: (path: string, warn: (sentence: string) => void) => Promise<Notebook>;
  /** Writes the export atomically; throws ExportTargetRefused for the notebook or its companion files. */
  writeExport: (notebookPath: string, outPath: string, data: string) => Promise<void>;
  now: () => Date;
  appVersion: string;
}

export const EXPORT_USAGE = `Usage: npm run export -- --notebook FILE [--format markdown|w3c|csv] [--flavor obsidian] [--article ID | --all] [--out FILE]

  --notebook FILE   the notebook to read (it is never written)
  --format F        markdown (the default): notes that read well on their own;
                    w3c: W3C Web Annotations (JSON-LD AnnotationCollection);
                    csv: the leads, one row each (RFC 4180)
  --flavor obsidian Markdown with Obsidian block ids (^e1) and [[#^e1|E1]] links
                    instead of HTML anchors
  --article ID      export this article (default: the one open last, else the first)
  --all             export every article of the notebook
  --out FILE        write the export here instead of to stdout (atomically; never
                    the notebook, its lock, its backups or a link to them)
  --help            show this message`;

function isFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

function isFlavor(value: string): value is MarkdownFlavor {
  return (MARKDOWN_FLAVORS as readonly string[]).includes(value);
}

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

export async function runExportCli(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string, code: number): number => {
    io.stderr(`leadline export: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return code;
  };
  const parsed = parseFlags(argv, { notebook: 'string', format: 'string', flavor: 'string', article: 'string', all: 'boolean', out: 'string', help: 'boolean' });
  if (!parsed.ok) return fail(`${parsed.error} (see --help)`, EXIT_USAGE);
  const { notebook: path, format = 'markdown', flavor = 'commonmark', article, all, out, help } = parsed.values as {
    notebook?: string;
    format?: string;
    flavor?: string;
    article?: string;
    all?: boolean;
    out?: string;
    help?: boolean;
  };
  if (help) {
    io.stdout(`${EXPORT_USAGE}\n`);
    return 0;
  }
  if (!path) return fail('--notebook FILE is required (see --help)', EXIT_USAGE);
  if (article && all) return fail('give either --article ID or --all, not both', EXIT_USAGE);
  if (!isFormat(format)) return fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}"`, EXIT_USAGE);
  if (!isFlavor(flavor)) return fail(`--flavor must be one of ${MARKDOWN_FLAVORS.join(', ')}, not "${flavor}"`, EXIT_USAGE);
  if (parsed.values.flavor !== undefined && format !== 'markdown') return fail('--flavor applies to --format markdown only', EXIT_USAGE);

  let notebook: Notebook;
  try {
    notebook = await io.readNotebook(path, (sentence) => io.stderr(`leadline export: warning: ${sentence}\n`));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error), EXIT_FAILURE);
  }

  const articleId = article ?? notebook.ui.currentArticleId ?? notebook.articles[0]?.id;
  if (!all && !articleId) return fail(`the notebook "${path}" holds no article`, EXIT_FAILURE);
  const scope: ExportScope = all ? { kind: 'all' } : { kind: 'article', articleId: articleId! };
  let text: string;
  try {
    text = exportAs(notebook, { format, scope, flavor, notebookPath: resolve(path), exportedAt: io.now(), appVersion: io.appVersion }).text;
  } catch (error) {
    if (error instanceof ExportError) return fail(`${error.message} Articles: ${notebook.articles.map((a) => `${a.id} (${a.title})`).join(', ')}`, EXIT_FAILURE);
    throw error;
  }

  if (!out) {
    io.stdout(text);
    return 0;
  }
  try {
    await io.writeExport(path, out, text);
  } catch (error) {
    if (error instanceof ExportTargetRefused) return fail(error.message, EXIT_USAGE);
    return fail(`could not write "${out}" (${describeOsError(error)}); nothing was written. Check that its folder exists and that you may write there.`, EXIT_FAILURE);
  }
  io.stderr(`leadline export: wrote ${out}\n`);
  return 0;
}
