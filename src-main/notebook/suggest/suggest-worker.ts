/** The suggestions worker thread (see suggester.ts): one article in, its suggestions out, for as long as the app runs. */
import { parentPort } from 'node:worker_threads';
import { suggestLeads } from './suggest';
import type { WorkerAnswer, WorkerRequest } from './suggester';

parentPort?.on('message', ({ id, document }: WorkerRequest) => {
  let answer: WorkerAnswer;
  try {
    answer = { id, ok: true, suggestions: suggestLeads(document) };
  } catch (error) {
    answer = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
