/**
 * Running an import, in this thread or in a worker. Parsers and Readability are fast on
 * real sources but can take seconds — or, on a hostile file, minutes — and in the app or
 * the browser host that would freeze every other call. So the app and the host import in
 * a worker thread, killed after a time limit; tests and the CLI import in-process.
 */
import { Worker } from 'node:worker_threads';
import { ImportError, tooComplex } from './import-error';
import { importFile } from './import-file';
import { importPaste } from './import-paste';
import type { ImportedArticle, ImportResult } from './imported-article';

export type ImportRequest = { kind: 'file'; fileName: string; bytes: Uint8Array; now: Date } | { kind: 'paste'; text: string; html: string; now: Date };

export type Importer = (request: ImportRequest) => Promise<ImportResult>;

export function runImport(request: ImportRequest): ImportResult {
  return request.kind === 'file' ? importFile(request) : importPaste(request);
}

export const inProcessImporter: Importer = async (request) => runImport(request);

/** What crosses the thread boundary: plain data (an ImportError's class does not survive the copy). */
export type WorkerAnswer = { ok: true; article: ImportedArticle } | { ok: false; reason: ImportError['reason']; fileName: string; message: string };

export function toWorkerAnswer(result: ImportResult): WorkerAnswer {
  return result.ok ? result : { ok: false, reason: result.error.reason, fileName: result.error.fileName, message: result.error.message };
}

export const IMPORT_TIME_LIMIT_MS = 60_000;

/**
 * Imports in a fresh worker thread running `workerFile` (the built import-worker.js);
 * one that takes longer than `timeLimitMs` is stopped and the file refused as too complex.
 */
export function workerImporter(workerFile: string, timeLimitMs = IMPORT_TIME_LIMIT_MS): Importer {
  return (request) =>
    new Promise<ImportResult>((resolve, reject) => {
      const worker = new Worker(workerFile);
      const name = request.kind === 'file' ? request.fileName.split(/[\\/]/).pop() ?? request.fileName : 'The pasted text';
      const timer = setTimeout(() => {
        void worker.terminate();
        resolve({ ok: false, error: tooComplex(name, `reading it took longer than ${Math.round(timeLimitMs / 1000)} seconds`) });
      }, timeLimitMs);
      const finish = (): void => {
        clearTimeout(timer);
        void worker.terminate();
      };
      worker.once('message', (answer: WorkerAnswer) => {
        finish();
        resolve(answer.ok ? answer : { ok: false, error: new ImportError(answer.reason, answer.fileName, answer.message) });
      });
      worker.once('error', (error) => {
        finish();
        reject(error);
      });
      worker.postMessage(request);
    });
}
