/**
 * The desktop's notebook commands: New Notebook…, Open Notebook…, Open Recent, Reveal
 * Notebook in Folder, About, and files opened with Leadline. Switching notebook parks
 * the windows on a blank page first — their unload sends the last typing to the notebook
 * still open (App.tsx) — then the session closes that one and the windows load again on
 * the new one.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, shell, type MessageBoxOptions } from 'electron';
import type { NotebookService } from '../notebook/service';
import { MAX_FILE_BYTES } from '../notebook/import/decode';
import { tooLarge } from '../notebook/import/import-error';
import { checkNewNotebook, checkNotebookToOpen, notebookFileName, type Choice } from './notebook-choice';
import type { NotebookSession } from './notebook-session';
import { loadRecent, saveRecent, withRecent } from './recent-notebooks';
import { aboutDetail, notebookName } from './window-title';

export interface NotebookActionsOptions {
  session: NotebookSession;
  startService: (path: string) => Promise<NotebookService>;
  /** The renderer's address, loaded again after a switch. */
  appUrl: string;
  recentFile: string;
  /** Called when the open notebook or the recent list changed (menu, title). */
  changed: () => void;
}

function messageBox(options: MessageBoxOptions) {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
}

function refused(choice: Choice & { ok: false }): void {
  void messageBox({ type: 'warning', message: choice.message });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function notebookActions({ session, startService, appUrl, recentFile, changed }: NotebookActionsOptions) {
  /** One switch or import at a time: a second menu click waits for the first to finish. */
  let queue: Promise<unknown> = Promise.resolve();
  const serially = (task: () => Promise<void>): Promise<void> => {
    const run = queue.then(task, task);
    queue = run.catch((error: unknown) => console.error('[leadline]', error));
    return run;
  };

  function remember(path: string): void {
    saveRecent(recentFile, withRecent(loadRecent(recentFile), path));
    app.addRecentDocument(path);
  }

  async function askAboutClose(error: unknown): Promise<'retry' | 'keep-old'> {
    const { response } = await messageBox({
      type: 'warning',
      message: `The latest changes to “${notebookName(session.path())}” are not on disk yet, so it cannot be closed.`,
      detail: `${errorText(error)}\n\nFree some space or fix the folder's permissions, then try again — or stay on this notebook.`,
      buttons: ['Try Again', 'Stay on This Notebook'],
      defaultId: 0,
      cancelId: 1,
    });
    return response === 0 ? 'retry' : 'keep-old';
  }

  async function loadAll(url: string): Promise<void> {
    await Promise.all(BrowserWindow.getAllWindows().map((window) => window.loadURL(url).catch((error: unknown) => console.warn('[leadline] could not load the window:', error))));
  }

  function switchTo(chosen: string): Promise<void> {
    const path = resolve(chosen);
    return serially(async () => {
      if (path === session.path()) return;
      await loadAll('about:blank');
      try {
        if ((await session.switchTo(path, startService, askAboutClose)) === 'switched') remember(path);
      } catch (error) {
        await messageBox({ type: 'error', message: `Leadline could not open “${basename(path)}”.`, detail: `${errorText(error)}\n\nThe notebook that was open stays open.` });
      }
      changed();
      await loadAll(appUrl);
    });
  }

  async function importFile(path: string): Promise<{ articleId: string } | { problem: string }> {
    const name = basename(path);
    let data: string;
    try {
      const { size } = await stat(path);
      if (size > MAX_FILE_BYTES) return { problem: tooLarge(name, size, MAX_FILE_BYTES).message };
      data = (await readFile(path)).toString('base64');
    } catch (error) {
      return { problem: `Leadline could not read “${name}” (${(error as NodeJS.ErrnoException).code ?? errorText(error)}). Nothing was imported.` };
    }
    try {
      const { articleId } = await session.use((handlers) => handlers.importArticle({ fileName: name, data }));
      return { articleId };
    } catch (error) {
      // The notebook's own sentence (ApiFailure): what went wrong and what to do.
      return { problem: errorText(error) };
    }
  }

  return {
    remember,

    newNotebook: async (): Promise<void> => {
      const result = await dialog.showSaveDialog({
        title: 'New Notebook',
        buttonLabel: 'Create',
        defaultPath: join(app.getPath('documents'), 'Leadline Notebook.json'),
        filters: [{ name: 'Leadline notebook', extensions: ['json'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (result.canceled || !result.filePath) return;
      const path = notebookFileName(result.filePath);
      const choice = checkNewNotebook(path);
      if (!choice.ok) return refused(choice);
      await switchTo(path);
    },

    openNotebook: async (): Promise<void> => {
      const result = await dialog.showOpenDialog({
        title: 'Open Notebook',
        defaultPath: app.getPath('documents'),
        filters: [{ name: 'Leadline notebook', extensions: ['json'] }],
        properties: ['openFile'],
      });
      const path = result.canceled ? undefined : result.filePaths[0];
      if (!path) return;
      const choice = checkNotebookToOpen(path);
      if (!choice.ok) return refused(choice);
      await switchTo(path);
    },

    openRecent: async (path: string): Promise<void> => {
      const choice = checkNotebookToOpen(path);
      if (!choice.ok) {
        refused(choice);
        changed(); // the menu drops it if it is gone
        return;
      }
      await switchTo(path);
    },

    clearRecent: (): void => {
      saveRecent(recentFile, [session.path()]);
      app.clearRecentDocuments();
      changed();
    },

    revealNotebook: (): void => shell.showItemInFolder(session.path()),

    showAbout: async (): Promise<void> => {
      const { response } = await messageBox({
        type: 'info',
        title: 'About Leadline',
        message: `Leadline ${app.getVersion()}`,
        detail: aboutDetail({ notebookPath: session.path(), userData: app.getPath('userData'), versions: process.versions }),
        buttons: ['OK', 'Open Data Folder'],
        defaultId: 0,
        cancelId: 0,
      });
      if (response === 1) await shell.openPath(app.getPath('userData'));
    },

    /** Files opened with Leadline ("Open with", a file dropped on the Dock icon): imported into the open notebook and shown. */
    openFiles: (paths: readonly string[]): Promise<void> =>
      serially(async () => {
        const problems: string[] = [];
        let shown: string | undefined;
        for (const path of paths) {
          const result = await importFile(path);
          if ('problem' in result) problems.push(result.problem);
          else shown = result.articleId;
        }
        if (shown) {
          const article = shown;
          await session.use((handlers) => handlers.openArticle({ articleId: article })).catch((error: unknown) => problems.push(errorText(error)));
          // The reload's unload sends the last typing first, to this same notebook.
          for (const window of BrowserWindow.getAllWindows()) window.webContents.reload();
        }
        if (problems.length) await messageBox({ type: 'warning', message: paths.length === 1 ? 'Leadline could not open that file.' : 'Leadline could not open every file.', detail: problems.join('\n\n') });
      }),
  };
}

export type NotebookActions = ReturnType<typeof notebookActions>;
