/**
 * Running suggestLeads, in this thread or in a worker. Reading a long article takes the
 * model seconds, and in the app or the browser host that would hold up every other call
 * (typing included), so they suggest in a worker thread; tests and the CLI in-process. The
 * worker is kept between calls (the model takes a moment to load), and one that takes longer
 * than its time limit is stopped; the next call starts another.
 */
import { Worker } from 'node:worker_threads';
import type { Suggestion } from '../../shared/api';
import type { ArticleDocument } from '../../shared/article-document';
import { suggestLeads } from './suggest';

export type SuggestRequest = Pick<ArticleDocument, 'text' | 'blocks'>;

export type Suggester = (document: SuggestRequest) => Promise<Suggestion[]>;

/** Reading an article took longer than the suggester allows. */
export class SuggestionsTooSlow extends Error {
  constructor(readonly limitMs: number) {
    super(`Reading this article for suggestions took longer than ${Math.round(limitMs / 1000)} seconds, so Leadline stopped. The article and its notes are unchanged.`);
    this.name = 'SuggestionsTooSlow';
  }
}

export const inProcessSuggester: Suggester = async (document) => suggestLeads(document);

/** What crosses the thread boundary, both ways. */
export type WorkerRequest = { id: number; document: SuggestRequest };
export type WorkerAnswer = { id: number; ok: true; suggestions: Suggestion[] } | { id: number; ok: false; message: string };

export const SUGGEST_TIME_LIMIT_MS = 60_000;

/** Suggests in a worker thread running `workerFile` (the built suggest-worker.js), one article at a time. */
export function workerSuggester(workerFile: string, timeLimitMs = SUGGEST_TIME_LIMIT_MS): Suggester {
  let worker: Worker | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 0;

  function started(): Worker {
    if (worker) return worker;
    const fresh = new Worker(workerFile);
    fresh.unref(); // an idle worker must not keep the app or the host alive
    fresh.once('exit', () => {
      if (worker === fresh) worker = null;
    });
    return (worker = fresh);
  }

  function ask(document: SuggestRequest): Promise<Suggestion[]> {
    const thread = started();
    const id = ++nextId;
    return new Promise<Suggestion[]>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        thread.off('message', onMessage);
        thread.off('error', onError);
      };
      const timer = setTimeout(() => {
        finish();
        worker = null;
        void thread.terminate();
        reject(new SuggestionsTooSlow(timeLimitMs));
      }, timeLimitMs);
      const onMessage = (answer: WorkerAnswer): void => {
        if (answer.id !== id) return;
        finish();
        if (answer.ok) resolve(answer.suggestions);
        else reject(new Error(answer.message));
      };
      const onError = (error: Error): void => {
        finish();
        worker = null;
        reject(error);
      };
      thread.on('message', onMessage);
      thread.once('error', onError);
      thread.postMessage({ id, document } satisfies WorkerRequest);
    });
  }

  return (document) => {
    const run = (): Promise<Suggestion[]> => ask(document);
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
}
