import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcessSuggester, SuggestionsTooSlow, workerSuggester } from './suggester';
import { readArticle } from './testdata/labelled-set';

// The worker is the built one (npm test builds before the unit tests run).
const WORKER = join(import.meta.dirname, '../../../out/main/suggest-worker.js');
const article = readArticle(join(import.meta.dirname, 'testdata/02-river-flood.txt'));

describe('the suggester', () => {
  it('in a worker thread, gives what it gives in-process, call after call, one at a time', async () => {
    expect(existsSync(WORKER), 'run npm run build first').toBe(true);
    const suggest = workerSuggester(WORKER);
    const here = await inProcessSuggester(article);
    const [first, second] = await Promise.all([suggest(article), suggest({ text: 'Officials said 12 buses left.', blocks: [{ kind: 'paragraph', start: 0, end: 29 }] })]);
    expect(first).toEqual(here);
    expect(second.map((s) => s.kind)).toEqual(['unnamed-source', 'figure']);
  });

  it('stops a reading that takes longer than its time limit and says so; the next call gets a new worker', async () => {
    const suggest = workerSuggester(WORKER, 1);
    const slow = suggest(article);
    await expect(slow).rejects.toBeInstanceOf(SuggestionsTooSlow);
    await expect(slow).rejects.toThrow(/took longer than 0 seconds, so Leadline stopped\. The article and its notes are unchanged\./);
    await expect(suggest(article)).rejects.toBeInstanceOf(SuggestionsTooSlow); // a fresh worker, stopped again: no hang
  });
});
