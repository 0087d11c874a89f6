import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessImporter, workerImporter } from './importer';

// The worker is the built one (npm test builds before the unit tests run).
const WORKER = join(import.meta.dirname, '../../../out/main/import-worker.js');
const memo = readFileSync(join(import.meta.dirname, 'testdata/field-memo.md'));

describe('the importer', () => {
  it('in a worker thread, gives the same article as in-process, and the same failures', async () => {
    expect(existsSync(WORKER), 'run npm run build first').toBe(true);
    const now = new Date('2026-03-01T00:00:00Z');
    const inWorker = await workerImporter(WORKER)({ kind: 'file', fileName: 'memo.md', bytes: memo, now });
    const here = await inProcessImporter({ kind: 'file', fileName: 'memo.md', bytes: memo, now });
    expect(inWorker).toEqual(here);
    const empty = await workerImporter(WORKER)({ kind: 'file', fileName: 'empty.txt', bytes: new Uint8Array(), now });
    expect(empty).toMatchObject({ ok: false, error: { reason: 'empty', message: expect.stringContaining('"empty.txt" is empty') } });
    if (!empty.ok) expect(empty.error.name).toBe('ImportError');
    const pasted = await workerImporter(WORKER)({ kind: 'paste', text: 'Words', html: '', now });
    expect(pasted).toMatchObject({ ok: true, article: { format: 'text' } });
  });

  it('stops an import that takes longer than its time limit and says so, naming the file', async () => {
    const page = readFileSync(join(import.meta.dirname, 'testdata/news-page.html'));
    const slow = await workerImporter(WORKER, 1)({ kind: 'file', fileName: '/some/folder/news.html', bytes: page, now: new Date() });
    expect(slow).toMatchObject({ ok: false, error: { reason: 'too-complex', message: expect.stringMatching(/^"news\.html" could not be turned into a readable article \(reading it took longer than 0 seconds\)/) } });
  });
});
