/**
 * The notebook services behind the API contract: one handler per call, shared by
 * the Electron main process and the browser host. Platform-specific steps (a save
 * dialog, the system browser) are passed in, so this module stays free of Electron.
 */
import { isEmptyPatch, type ApiHandlers, type ExportScopeInput, type HostKind, type Mutation, type StoreInfo, type Workspace } from '../shared/api';
import { newId } from '../shared/ids';
import { isWebUrl } from '../shared/urls';
import type { Notebook } from '../shared/model';
import { ApiFailure } from './api-failure';
import { exportFileName, exportMarkdown, noteToMarkdown, ExportError } from './export-markdown';
import * as ops from './operations';
import { applyPatch } from './patch';
import { NotebookOpenError, NotebookWriteError, type NotebookStore } from './store';

export interface PlatformActions {
  /** Shows a save dialog and writes the file; resolves to the path, or null when cancelled. */
  saveFile(suggestedName: string, content: string): Promise<string | null>;
  /** Asks the user, then opens an http(s) URL outside the app; resolves to whether it was opened. */
  openExternal(url: string): Promise<boolean>;
}

export interface ServiceOptions {
  /** Opens the notebook store; a NotebookOpenError is kept and shown to the user on every call. */
  open: () => Promise<NotebookStore>;
  app: { name: string; version: string; host: HostKind };
  platform: PlatformActions;
  now?: () => Date;
}

export interface NotebookService {
  handlers: ApiHandlers;
  /** Why the notebook could not be opened, if it could not. */
  openError(): NotebookOpenError | null;
  /** Flushes pending writes and releases the notebook's lock. */
  close(): Promise<void>;
}

async function tryOpen(open: () => Promise<NotebookStore>): Promise<NotebookStore | NotebookOpenError> {
  try {
    return await open();
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

  function openStore(): NotebookStore {
    const store = current();
    if (store instanceof Error) {
      throw new ApiFailure('notebook-unavailable', store.message, store.movedTo ? [`The damaged file was moved to ${store.movedTo}`] : undefined);
    }
    return store;
  }

  /**
   * Saves `next`; resolves to whether it reached the disk. A failed write whose data the
   * store keeps in memory (and retries) is not an error for the caller: the change
   * happened, and the store's status tells the user it is not on disk yet.
   */
  async function commit(next: Notebook): Promise<boolean> {
    const opened = openStore();
    if (opened.status().readOnly) {
      throw new ApiFailure('read-only', `This notebook is open read-only: ${opened.status().readOnlyReason ?? 'another Leadline is writing to it'}. Close the other window and restart Leadline to edit.`);
    }
    try {
      await opened.commit(next);
      return true;
    } catch (error) {
      if (!(error instanceof NotebookWriteError)) throw error;
      if (opened.read() === next) return false;
      throw new ApiFailure('storage', error.message);
    }
  }

  /** Runs a pure operation and persists its result; a no-op patch writes nothing. */
  async function mutate<R extends { next: Notebook; mutation: Mutation }>(run: (notebook: Notebook) => R): Promise<R['mutation']> {
    const before = openStore().read();
    const result = run(before);
    if (result.next === before || isEmptyPatch(result.mutation.applied)) return result.mutation;
    const saved = await commit(result.next);
    return { ...result.mutation, saved };
  }

  function storeInfo(): StoreInfo {
    return openStore().status();
  }

  function workspace(articleId?: string): Workspace {
    const notebook = openStore().read();
    const id = articleId ?? notebook.ui.currentArticleId ?? notebook.articles[0]?.id;
    if (!id) throw new ApiFailure('notebook-unavailable', 'This notebook holds no article. Start Leadline with a new notebook file (--notebook) to begin again.');
    const article = ops.findArticle(notebook, id);
    return {
      app: options.app,
      store: storeInfo(),
      articles: notebook.articles.map((a) => ({ id: a.id, title: a.title })),
      article,
      excerpts: notebook.excerpts.filter((e) => e.articleId === article.id),
      notes: notebook.notes.filter((n) => n.articleId === article.id),
      scroll: notebook.ui.scroll[article.id] ?? 0,
    };
  }

  function markdownFor(scope: ExportScopeInput): { fileName: string; markdown: string } {
    const notebook = openStore().read();
    return exporting(() => ({
      fileName: exportFileName(notebook, scope),
      markdown: exportMarkdown(notebook, { scope, exportedAt: ctx.now(), appVersion: options.app.version }),
    }));
  }

  return {
    getWorkspace: async () => workspace(),
    getStoreInfo: async () => storeInfo(),
    createNote: (input) => mutate((n) => ops.createNote(n, input, ctx)),
    updateNote: (input) => mutate((n) => ops.updateNote(n, input, ctx)),
    linkExcerpt: (input) => mutate((n) => ops.linkExcerpt(n, input, ctx)),
    unlinkExcerpt: (input) => mutate((n) => ops.unlinkExcerpt(n, input, ctx)),
    deleteNote: (input) => mutate((n) => ops.deleteNote(n, input)),
    deleteExcerpt: (input) => mutate((n) => ops.deleteExcerpt(n, input, ctx)),
    applyPatch: (patch) => mutate((n) => applyPatch(n, patch)),
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
      return { savedTo: await options.platform.saveFile(fileName, markdown) };
    },
    noteMarkdown: async ({ noteId }) => exporting(() => ({ markdown: noteToMarkdown(openStore().read(), noteId) })),
    listBackups: async () => {
      const store = current();
      const backups = store instanceof Error ? store.backups : await store.listBackups();
      return backups.map(({ id, createdAt, bytes }) => ({ id, createdAt, bytes }));
    },
    restoreBackup: async ({ id }) => {
      let store = current();
      if (store instanceof Error) {
        // A damaged file that was moved aside leaves the path free: open afresh, then restore over it.
        if (!store.movedTo) throw new ApiFailure('notebook-unavailable', `${store.message} A backup can only be restored once that file is out of the way.`);
        const reopened = await tryOpen(options.open);
        if (reopened instanceof Error) throw new ApiFailure('notebook-unavailable', reopened.message);
        replace(reopened);
        store = reopened;
      }
      try {
        await store.restoreBackup(id);
      } catch (error) {
        if (error instanceof NotebookOpenError) throw new ApiFailure('not-found', error.message);
        if (error instanceof NotebookWriteError) throw new ApiFailure('storage', error.message);
        throw error;
      }
      return workspace();
    },
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
