/** The import worker thread (see importer.ts): one request in, one plain answer out. */
import { parentPort } from 'node:worker_threads';
import { runImport, toWorkerAnswer, type ImportRequest } from './importer';

parentPort?.once('message', (request: ImportRequest) => {
  parentPort?.postMessage(toWorkerAnswer(runImport(request)));
});
