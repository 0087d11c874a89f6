/**
 * The notebook services behind the API contract: one handler per call, shared by
 * the Electron main process and the browser host. Platform-specific steps (a save
 * dialog, the system browser) are passed in, so this module stays free of Electron.
 */
import { type ApiHandlers, type ArticleRecords, type Suggestion, type BackupEntry, type ExportScopeInput, type HostKind, type Mutation, type SavedMutation, type StoreInfo, type Workspace } from '../shared/api';
import { newId } from '../shared/ids';
import { isWebUrl } from '../shared/urls';
import type { Article, Notebook } from '../shared/model';
import { ApiFailure } from './api-failure';
import { exportFileName, exportMarkdown, noteToMarkdown, ExportError } from './export-markdown';
import * as ops from './operations';
import * as library from './article-operations';
import { articleSummaries, leadEntries } from './library';
import type { ImportResult } from './import/imported-article';
import { inProcessImporter, type Importer } from './import/importer';
import { inProcessSuggester, SuggestionsTooSlow, type Suggester } from './suggest/suggester';
import { documentOf } from '../shared/article-document';
import { applyUndoPatch } from './patch';
import { NotebookOpenError, NotebookWriteError, type BackupInfo, type CommitOutcome, type NotebookStore, type Recovery } from './store';
import { unpinBackups } from './backups';
import { ExportTargetRefused, writeExportFile } from './export-file';
import { describeOsError } from './notebook-adapter';
import type { DeepLink } from '../shared/deep-link';
import { AnnotationFileError } from './interchange/annotation-file-error';
import { readAnnotationFile } from './interchange/annotation-file';
import { exportAs, type ExportRequest } from './interchange/export-formats';
import { importAnnotations } from './interchange/import-annotations';
import { preferencesStore } from './preferences';

export interface PlatformActions {
  /** Shows a save dialog; resolves to the chosen path, or null when cancelled. The service writes the file. */
  chooseExportPath(suggestedName: string): Promise<string | null>;
  /** Asks the user, then opens an http(s) URL outside the app; resolves to whether it was opened. */
  openExternal(url: string): Promise<boolean>;
  /** The deep link the platform was asked to open, taken once (the browser host has none: links come in its page address). */
  takeDeepLink?(): DeepLink | null;
}

export interface ServiceOptions {
  /**
   * Opens the notebook store; a NotebookOpenError is kept and shown to the user on every
   * call. `recover` carries the user's choice for a notebook that was moved aside.
   */
  open: (recover?: Recovery) => Promise<NotebookStore>;
  app: { name: string; version: string; host: HostKind };
  platform: PlatformActions;
  now?: () => Date;
  /** Where imports run: a worker thread in the app and the host (see importer.ts); in-process by default. */
  importer?: Importer;
  /** Where suggested leads are computed: a worker thread in the app and the host (suggest/suggester.ts); in-process by default. */
  suggester?: Suggester;
  /** The preferences file (in the user-data folder); without one they are kept in memory only. */
  preferencesFile?: string;
}

export interface NotebookService {
  handlers: ApiHandlers;
  /** Why the notebook could not be opened, if it could not. */
  openError(): NotebookOpenError | null;
  /** Flushes pending writes and releases the notebook's lock. */
  close(): Promise<void>;
}

async function tryOpen(open: ServiceOptions['open'], recover?: Recovery): Promise<NotebookStore | NotebookOpenError> {
  try {
    return await open(recover);
  } catch (error) {
    if (error instanceof NotebookOpenError) return error;
    throw error;
  }
}

export async function startNotebookService(options: ServiceOptions): Promise<NotebookService> {
  let store = await tryOpen(options.open);
  return {
    handlers: createHandlers(options, () => store, (next) => (store = next)),
    openError: () => (store instanceof Error ? store : null),
    close: async () => {
      if (!(store instanceof Error)) await store.close();
    },
  };
}

function createHandlers(
  options: ServiceOptions,
  current: () => NotebookStore | NotebookOpenError,
  replace: (store: NotebookStore | NotebookOpenError) => void,
): ApiHandlers {
  const ctx: ops.OperationContext = { now: options.now ?? (() => new Date()), newId };
  const importer = options.importer ?? inProcessImporter;
  const suggestions = suggestionCache(options.suggester ?? inProcessSuggester);
  const preferences = preferencesStore(options.preferencesFile);

  function openStore(): NotebookStore {
    const store = current();
    if (store instanceof Error) {
      // A notebook waiting for the user's choice (restore a backup or start over) says so in its code.
      const code = store.problem === 'awaiting-recovery' || store.movedTo ? 'recovery-needed' : 'notebook-unavailable';
      throw new ApiFailure(code, store.message, store.movedTo ? [`The damaged file was moved to ${store.movedTo}`] : undefined);
    }
    return store;
  }

  /**
   * Saves `next`; resolves to whether it reached the disk. A failed write whose data the
   * store keeps in memory (and retries) is not an error for the caller: the change
   * happened, and the store's status tells the user it is not on disk yet.
   */
  async function commit(next: Notebook): Promise<CommitOutcome> {
    const opened = openStore();
    try {
      return await opened.commit(next);
    } catch (error) {
      if (!(error instanceof NotebookWriteError)) throw error;
      const { readOnly, readOnlyReason } = opened.status();
      if (readOnly) throw new ApiFailure('read-only', `This notebook is open read-only. ${readOnlyReason ?? ''} Nothing was changed.`.replace(/\s+/g, ' '));
      throw new ApiFailure('storage', error.message);
    }
  }

  /** Runs a pure operation and persists its result; a no-op patch writes nothing. */
  async function mutate<M extends Mutation>(run: (notebook: Notebook) => { next: Notebook; mutation: M }): Promise<SavedMutation & M> {
    const result = run(openStore().read());
    // A no-op writes nothing: the store answers whether everything so far is on disk.
    const { onDisk, revision } = await commit(result.next);
    return { ...result.mutation, saved: onDisk, revision };
  }

  function storeInfo(): StoreInfo {
    return openStore().status();
  }

  /** The article asked for, else the open one. */
  function shownArticle(notebook: Notebook, articleId?: string): Article {
    const id = articleId ?? notebook.ui.currentArticleId ?? notebook.articles[0]?.id;
    if (!id) throw new ApiFailure('notebook-unavailable', 'This notebook holds no article. Start Leadline with a new notebook file (--notebook) to begin again.');
    return ops.findArticle(notebook, id);
  }

  function recordsOf(notebook: Notebook, articleId: string): Pick<ArticleRecords, 'excerpts' | 'notes'> {
    return { excerpts: notebook.excerpts.filter((e) => e.articleId === articleId), notes: notebook.notes.filter((n) => n.articleId === articleId) };
  }

  function workspace(articleId?: string, deferRecords = false): Workspace {
    const notebook = openStore().read();
    const article = shownArticle(notebook, articleId);
    return {
      app: options.app,
      store: storeInfo(),
      articles: articleSummaries(notebook),
      article,
      ...(deferRecords ? { excerpts: [], notes: [], recordsDeferred: true } : recordsOf(notebook, article.id)),
      // Few and small: never deferred.
      dismissals: notebook.dismissals.filter((d) => d.articleId === article.id),
      scroll: notebook.ui.scroll[article.id] ?? 0,
    };
  }

  function records(articleId?: string): ArticleRecords {
    const notebook = openStore().read();
    const article = shownArticle(notebook, articleId);
    return { articleId: article.id, revision: storeInfo().revision, ...recordsOf(notebook, article.id) };
  }

  function markdownFor(scope: ExportScopeInput): { fileName: string; markdown: string } {
    const notebook = openStore().read();
    return exporting(() => ({
      fileName: exportFileName(notebook, scope),
      markdown: exportMarkdown(notebook, { scope, exportedAt: ctx.now(), appVersion: options.app.version, notebookPath: openStore().path }),
    }));
  }

  function exportFile(request: Pick<ExportRequest, 'scope' | 'format' | 'flavor'>): { fileName: string; mediaType: string; text: string } {
    const store = openStore();
    return exporting(() => exportAs(store.read(), { ...request, notebookPath: store.path, exportedAt: ctx.now(), appVersion: options.app.version }));
  }

  /** Writes an export where the user chooses; null when they cancel. */
  async function saveExported(fileName: string, text: string): Promise<{ savedTo: string | null }> {
    const store = openStore();
    const chosen = await options.platform.chooseExportPath(fileName);
    if (chosen === null) return { savedTo: null };
    try {
      return { savedTo: await writeExportFile(store.path, chosen, text) };
    } catch (error) {
      if (error instanceof ExportTargetRefused) throw new ApiFailure('invalid-input', error.message);
      throw new ApiFailure('storage', `Leadline could not write the export to "${chosen}" (${describeOsError(error)}). Nothing was written; choose another place.`);
    }
  }

  /** Reopens a notebook that was moved aside as damaged, with the user's choice, and serves it. */
  // Recovery choices one at a time: a double click, or two tabs on the error screen, must
  // not open the notebook twice (the second open would find our own lock and go read-only).
  let recovering: Promise<unknown> = Promise.resolve();

  /** Reopens a notebook that was moved aside as damaged (or went missing), with the user's choice, and serves it. */
  function recover(recovery: Recovery, onlyWhileDamaged: boolean): Promise<Workspace> {
    const run = async (): Promise<Workspace> => {
      const store = current();
      if (!(store instanceof Error)) {
        // A window still showing the damage screen must not restore over work done since in another.
        if (recovery.kind === 'start-over' || onlyWhileDamaged) {
          throw new ApiFailure('conflict', 'This notebook was recovered already, in another window or tab. Nothing was changed; reload this window to see it.');
        }
        return restoreInto(store, recovery.backupId);
      }
      if (store.problem !== 'awaiting-recovery' && !store.movedTo) {
        throw new ApiFailure('notebook-unavailable', `${store.message} A backup can only be restored once that file is out of the way.`);
      }
      const reopened = await tryOpen(options.open, recovery);
      if (reopened instanceof Error) throw new ApiFailure(reopened.problem === 'awaiting-recovery' ? 'recovery-needed' : 'not-found', reopened.message);
      replace(reopened);
      return workspace();
    };
    const next = recovering.then(run, run);
    recovering = next.catch(() => undefined);
    return next;
  }

  async function restoreInto(store: NotebookStore, id: string): Promise<Workspace> {
    try {
      await store.restoreBackup(id);
    } catch (error) {
      if (error instanceof NotebookOpenError) throw new ApiFailure('not-found', error.message);
      if (error instanceof NotebookWriteError) throw new ApiFailure('storage', error.message);
      throw error;
    }
    return workspace();
  }

  /** Adds what an import made (or names the article already holding that text). */
  async function addImported(imported: ImportResult): Promise<SavedMutation & { articleId: string; title: string; duplicate: boolean }> {
    if (!imported.ok) throw new ApiFailure('invalid-input', imported.error.message);
    const result = await mutate((n) => library.addArticle(n, imported.article, ctx));
    const title = openStore().read().articles.find((a) => a.id === result.articleId)?.title ?? imported.article.title;
    return { ...result, title };
  }

  async function backupEntries(): Promise<BackupEntry[]> {
    const store = current();
    const backups: BackupInfo[] = store instanceof Error ? store.backups : await store.listBackups();
    return backups.map(({ id, createdAt, bytes, pinned }) => (pinned === undefined ? { id, createdAt, bytes } : { id, createdAt, bytes, pinned }));
  }

  return {
    getSuggestions: async ({ articleId }) => suggestions(ops.findArticle(openStore().read(), articleId)),
    dismissSuggestion: (input) => mutate((n) => ops.dismissSuggestion(n, input, ctx)),
    getWorkspace: async ({ articleId, deferRecords }) => workspace(articleId, deferRecords),
    getRecords: async ({ articleId }) => records(articleId),
    openArticle: async (input) => {
      const store = openStore();
      const next = library.openArticle(store.read(), input, ctx);
      // Where the reader is is a convenience: a read-only notebook still opens the article.
      if (!store.status().readOnly) await commit(next);
      return workspace(input.articleId);
    },
    listArticles: async () => articleSummaries(openStore().read()),
    listLeads: async () => leadEntries(openStore().read()),
    importArticle: async ({ fileName, data }) => addImported(await importer({ kind: 'file', fileName, bytes: Buffer.from(data, 'base64'), now: ctx.now() })),
    pasteArticle: async ({ text, html }) => addImported(await importer({ kind: 'paste', text, html, now: ctx.now() })),
    updateArticle: async ({ articleId, fileName, data }) => {
      const imported = await importer({ kind: 'file', fileName, bytes: Buffer.from(data, 'base64'), now: ctx.now() });
      if (!imported.ok) throw new ApiFailure('invalid-input', imported.error.message);
      return mutate((n) => library.updateArticleText(n, articleId, imported.article, ctx));
    },
    renameArticle: (input) => mutate((n) => library.renameArticle(n, input)),
    deleteArticle: (input) => mutate((n) => library.deleteArticle(n, input)),
    reattachExcerpt: (input) => mutate((n) => library.reattachExcerpt(n, input)),
    confirmExcerpt: (input) => mutate((n) => library.confirmExcerpt(n, input)),
    getStoreInfo: async () => {
      await openStore().refresh();
      return storeInfo();
    },
    createNote: (input) => mutate((n) => ops.createNote(n, input, ctx)),
    updateNote: (input) => mutate((n) => ops.updateNote(n, input, ctx)),
    linkExcerpt: (input) => mutate((n) => ops.linkExcerpt(n, input, ctx)),
    highlight: (input) => mutate((n) => ops.highlight(n, input, ctx)),
    unlinkExcerpt: (input) => mutate((n) => ops.unlinkExcerpt(n, input, ctx)),
    deleteNote: (input) => mutate((n) => ops.deleteNote(n, input)),
    deleteExcerpt: (input) => mutate((n) => ops.deleteExcerpt(n, input, ctx)),
    applyPatch: (patch) => mutate((n) => applyUndoPatch(n, patch)),
    setReaderScroll: async (input) => {
      // The reading position is a convenience: never an error, and not worth a write when unchanged.
      const opened = openStore();
      const notebook = opened.read();
      const next = ops.setReaderScroll(notebook, input);
      const same = notebook.ui.currentArticleId === input.articleId && Math.abs((notebook.ui.scroll[input.articleId] ?? -1) - input.scroll) < 0.001;
      if (!same && !opened.status().readOnly) await commit(next);
      return null;
    },
    exportMarkdown: async ({ scope }) => markdownFor(scope),
    saveExport: async ({ scope }) => {
      const { fileName, markdown } = markdownFor(scope);
      return saveExported(fileName, markdown);
    },
    noteMarkdown: async ({ noteId }) => exporting(() => ({ markdown: noteToMarkdown(openStore().read(), noteId) })),
    listBackups: () => backupEntries(),
    restoreBackup: ({ id, whileDamaged }) => recover({ kind: 'restore', backupId: id }, whileDamaged === true),
    startOver: () => recover({ kind: 'start-over' }, true),
    unpinBackups: async ({ ids }) => {
      const store = current();
      if (!(store instanceof Error) && store.status().readOnly) {
        throw new ApiFailure('read-only', 'This notebook is open read-only, so its backups cannot be changed. Nothing was changed.');
      }
      await unpinBackups(store.path, ids).catch((error: unknown) => {
        throw new ApiFailure('storage', `Leadline could not update the list of pinned backups (${error instanceof Error ? error.message : String(error)}). They stay pinned.`);
      });
      return backupEntries();
    },
    exportFile: async (request) => exportFile(request),
    saveExportFile: async (request) => {
      const { fileName, text } = exportFile(request);
      return saveExported(fileName, text);
    },
    importAnnotations: ({ fileName, data, articleId }) =>
      mutate((notebook) => {
        try {
          const file = readAnnotationFile(fileName, Buffer.from(data, 'base64'));
          return importAnnotations(notebook, file, { fileName, ...(articleId ? { articleId } : {}) }, ctx);
        } catch (error) {
          if (error instanceof AnnotationFileError) throw new ApiFailure('invalid-input', error.message);
          throw error;
        }
      }),
    takeDeepLink: async () => options.platform.takeDeepLink?.() ?? null,
    getPreferences: () => preferences.read(),
    setPreferences: (input) => preferences.change(input),
    openExternal: async ({ url }) => {
      if (!isWebUrl(url)) {
        throw new ApiFailure('invalid-input', `Leadline only opens web links (http or https), not "${url.slice(0, 80)}". Nothing was opened.`);
      }
      return { opened: await options.platform.openExternal(url) }; // eng-disable OPEN_EXTERNAL_JS_CHECK: not Electron's shell; http(s) checked above
    },
  };
}

/** An export asked for something that is not there (an unknown article or note). */
function exporting<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ExportError) throw new ApiFailure('not-found', error.message);
    throw error;
  }
}

/** How many articles' suggestions are kept: they are computed from the text, so its hash is the key. */
const SUGGESTIONS_KEPT = 8;

/** Suggestions per article text, computed once (in the suggester's thread) and kept for the last few texts. */
function suggestionCache(suggester: Suggester): (article: Article) => Promise<Suggestion[]> {
  const kept = new Map<string, Promise<Suggestion[]>>();
  return (article) => {
    const key = `${article.format}:${article.contentHash}`;
    let found = kept.get(key);
    if (!found) {
      const { text, blocks } = documentOf(article);
      found = suggester({ text, blocks }).catch((error: unknown) => {
        kept.delete(key);
        if (error instanceof SuggestionsTooSlow) throw new ApiFailure('not-supported', error.message);
        throw error;
      });
      kept.set(key, found);
      if (kept.size > SUGGESTIONS_KEPT) kept.delete(kept.keys().next().value!);
    }
    return found;
  };
}
