/**
 * The headless import's logic, with its I/O passed in so it is tested without a terminal:
 * `--notebook FILE [--update ARTICLE_ID] PATH...`. It writes the notebook through the real
 * store, so it takes the notebook's lock: with Leadline open on it, it refuses and says so.
 */
import { addArticle, updateArticleText } from '../notebook/article-operations';
import { importFile } from '../notebook/import/import-file';
import { describeOsError } from '../notebook/notebook-adapter';
import type { OperationContext } from '../notebook/operations';
import { ApiFailure } from '../notebook/api-failure';
import { NotebookOpenError, type NotebookStore } from '../notebook/store';
import { AnnotationFileError } from '../notebook/interchange/annotation-file-error';
import { readAnnotationFile } from '../notebook/interchange/annotation-file';
import { importAnnotations } from '../notebook/interchange/import-annotations';
import { describeImport } from '../shared/import-report';
import { parseFlagsAndPaths } from './flags';

export interface ImportCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
  /** Opens the notebook for writing (a new one starts from the bundled article, as in the app). */
  openStore: (path: string) => Promise<NotebookStore>;
  ctx: OperationContext;
}

export const IMPORT_USAGE = `Usage: npm run import -- --notebook FILE [--update ARTICLE_ID] PATH...
       npm run import -- --notebook FILE --annotations FILE [--article ARTICLE_ID]

  --notebook FILE     the notebook to import into (Leadline must not have it open)
  --update ARTICLE_ID replace that article's text with the one file given; the old
                      text is kept and every excerpt is anchored again
  PATH...             .txt, .md/.markdown or .html/.htm files (a page saved from a browser)
  --annotations FILE  W3C Web Annotations (JSON-LD, as Leadline exports them) or
                      Hypothesis JSON: each goes to the article with its address
                      (or text hash); importing a file again adds nothing twice
  --article ID        put all the annotations on this article instead
  --help              show this message

Prints one line per file: imported <id> "<title>" (for annotations: what was added,
and the orphans and unmatched sources). Errors: one line each, exit 1.`;

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

export async function runImportCli(argv: string[], io: ImportCliIo): Promise<number> {
  const fail = (message: string): void => io.stderr(`leadline import: ${oneLine(message)}\n`);
  const parsed = parseFlagsAndPaths(argv, { notebook: 'string', update: 'string', annotations: 'string', article: 'string', help: 'boolean' });
  if (!parsed.ok) return (fail(`${parsed.error} (see --help)`), EXIT_USAGE);
  const { notebook, update, annotations, article, help } = parsed.values as { notebook?: string; update?: string; annotations?: string; article?: string; help?: boolean };
  if (help) {
    io.stdout(`${IMPORT_USAGE}\n`);
    return 0;
  }
  if (!notebook) return (fail('--notebook FILE is required (see --help)'), EXIT_USAGE);
  if (annotations !== undefined && (update !== undefined || parsed.paths.length > 0)) return (fail('--annotations FILE imports annotations only: give article files in another run'), EXIT_USAGE);
  if (article !== undefined && annotations === undefined) return (fail('--article ID goes with --annotations FILE'), EXIT_USAGE);
  if (annotations === undefined && parsed.paths.length === 0) return (fail('give at least one file to import (see --help)'), EXIT_USAGE);
  if (update && parsed.paths.length !== 1) return (fail('--update takes exactly one file, the newer version of that article'), EXIT_USAGE);

  let store: NotebookStore;
  try {
    store = await io.openStore(notebook);
  } catch (error) {
    if (error instanceof NotebookOpenError) return (fail(error.message), EXIT_FAILURE);
    throw error;
  }
  let failures = 0;
  try {
    const { readOnly, readOnlyReason } = store.status();
    if (readOnly) return (fail(`the notebook "${store.path}" cannot be changed now: ${readOnlyReason ?? 'it is open read-only'} Nothing was imported.`), EXIT_FAILURE);
    if (annotations !== undefined) {
      const ok = await importAnnotationFile(store, annotations, article, io).catch((error: unknown) => {
        fail(error instanceof ApiFailure || error instanceof AnnotationFileError ? error.message : String(error));
        return false;
      });
      if (!ok) failures++;
    }
    for (const path of parsed.paths) {
      const ok = await importOne(store, path, update, io).catch((error: unknown) => {
        fail(error instanceof ApiFailure ? error.message : String(error));
        return false;
      });
      if (!ok) failures++;
    }
  } finally {
    await store.close().catch((error: unknown) => {
      failures++;
      fail(error instanceof Error ? error.message : String(error));
    });
  }
  return failures > 0 ? EXIT_FAILURE : 0;
}

/** The file's bytes, or null once its failure is said. */
async function readInput(path: string, io: ImportCliIo): Promise<Uint8Array | null> {
  try {
    return await io.readFile(path);
  } catch (error) {
    io.stderr(`leadline import: "${path}" cannot be read (${describeOsError(error)}); nothing was imported from it.\n`);
    return null;
  }
}

async function importOne(store: NotebookStore, path: string, update: string | undefined, io: ImportCliIo): Promise<boolean> {
  const fail = (message: string): false => (io.stderr(`leadline import: ${oneLine(message)}\n`), false);
  const bytes = await readInput(path, io);
  if (!bytes) return false;
  const result = importFile({ fileName: path, bytes, now: io.ctx.now() });
  if (!result.ok) return fail(result.error.message);
  const notebook = store.read();
  if (update) {
    const { next, mutation } = updateArticleText(notebook, update, result.article, io.ctx);
    if (!(await store.commit(next)).onDisk) return fail(`"${path}" could not be saved into the notebook: ${store.status().writeError ?? 'the disk refused it'}`);
    const { stayed, moved, changed, orphaned } = mutation.report;
    const title = next.articles.find((a) => a.id === update)?.title ?? '';
    io.stdout(`updated ${update} "${title}": ${stayed} stayed, ${moved} moved, ${changed} changed, ${orphaned} orphaned\n`);
    return true;
  }
  const { next, mutation } = addArticle(notebook, result.article, io.ctx);
  const title = next.articles.find((a) => a.id === mutation.articleId)?.title ?? result.article.title;
  if (mutation.duplicate) {
    io.stdout(`already in the library ${mutation.articleId} "${title}"\n`);
    return true;
  }
  if (!(await store.commit(next)).onDisk) return fail(`"${path}" could not be saved into the notebook: ${store.status().writeError ?? 'the disk refused it'}`);
  io.stdout(`imported ${mutation.articleId} "${title}"\n`);
  return true;
}

/** One annotations file, all or nothing: one patch through the store (journaled, like an import in the app). */
async function importAnnotationFile(store: NotebookStore, path: string, articleId: string | undefined, io: ImportCliIo): Promise<boolean> {
  const fail = (message: string): false => (io.stderr(`leadline import: ${oneLine(message)}\n`), false);
  const bytes = await readInput(path, io);
  if (!bytes) return false;
  const file = readAnnotationFile(path, bytes);
  const { next, mutation } = importAnnotations(store.read(), file, { fileName: path, ...(articleId ? { articleId } : {}) }, io.ctx);
  if (!(await store.commit(next)).onDisk) return fail(`"${path}" could not be saved into the notebook: ${store.status().writeError ?? 'the disk refused it'}`);
  io.stdout(describeImport(mutation.report, { ids: true }).map((line) => `${line}\n`).join(''));
  return true;
}
