/**
 * The notebook the desktop app serves, and switching it while the app runs (File → Open
 * Notebook…, New Notebook…, Open Recent). Every API call goes through `dispatch`, so a
 * switch can let the calls under way on the old notebook finish, close it (flushed and
 * unlocked), and hold new calls until the new one answers them. No Electron here.
 */
import type { ApiHandlers, CallName, Result } from '../shared/api';
import type { NotebookService } from '../notebook/service';
import { dispatch } from '../notebook/dispatch';

export interface OpenNotebook {
  path: string;
  service: NotebookService;
}

/** What to do when the old notebook cannot be closed (its last changes are not on disk). */
export type CloseFailure = (error: unknown) => Promise<'retry' | 'keep-old'>;

export interface NotebookSession {
  /** The open notebook's path. */
  path(): string;
  /** Answers an API call (from IPC) with the open notebook, validated by the contract. */
  dispatch(name: CallName, input: unknown): Promise<Result<unknown>>;
  /** Runs the main process's own calls on the open notebook, counted as under way like the window's. */
  use<T>(task: (handlers: ApiHandlers) => Promise<T>): Promise<T>;
  /**
   * Opens `path` with `start`, waits for the calls under way, closes the old notebook
   * and serves the new one. Resolves to 'kept' when the user chose to keep the old one
   * (its close failed); rejects, keeping the old one, when the new one cannot be started.
   */
  switchTo(path: string, start: (path: string) => Promise<NotebookService>, onCloseFailure: CloseFailure): Promise<'switched' | 'kept'>;
  /** Flushes and unlocks the open notebook (quitting). */
  close(): Promise<void>;
}

export function notebookSession(first: OpenNotebook): NotebookSession {
  let current = first;
  const underWay = new Set<Promise<unknown>>();
  /** Set while switching: calls wait for it, then go to whichever notebook is open. */
  let switching: Promise<unknown> | null = null;

  async function settle(): Promise<void> {
    while (underWay.size) await Promise.allSettled([...underWay]);
  }

  async function switchTo(path: string, start: (path: string) => Promise<NotebookService>, onCloseFailure: CloseFailure): Promise<'switched' | 'kept'> {
    const next = await start(path);
    await settle();
    for (;;) {
      try {
        await current.service.close();
        break;
      } catch (error) {
        if ((await onCloseFailure(error)) === 'keep-old') {
          await next.close().catch((closeError: unknown) => console.warn('[leadline] could not close the notebook not switched to:', closeError));
          return 'kept';
        }
      }
    }
    current = { path, service: next };
    return 'switched';
  }

  async function use<T>(task: (handlers: ApiHandlers) => Promise<T>): Promise<T> {
    while (switching) await switching;
    const answer = task(current.service.handlers);
    underWay.add(answer);
    void answer.then(
      () => underWay.delete(answer),
      () => underWay.delete(answer),
    );
    return answer;
  }

  return {
    path: () => current.path,
    dispatch: (name, input) => use((handlers) => dispatch(handlers, name, input)),
    use,
    async switchTo(path, start, onCloseFailure) {
      while (switching) await switching.catch(() => undefined);
      const run = switchTo(path, start, onCloseFailure);
      switching = run.catch(() => undefined);
      try {
        return await run;
      } finally {
        switching = null;
      }
    },
    async close() {
      while (switching) await switching;
      await settle();
      await current.service.close();
    },
  };
}
