/**
 * The differential fuzz of the Markdown export: random small notebooks full of
 * hostile text are exported, and commonmark.js, markdown-it and marked must each
 * show every section heading at its level, every lead, every quote exactly, with
 * no note heading climbing out of its section and unique ids. Shared by the unit
 * test (a few thousand cases) and `npm run soak` (a hundred thousand); no test
 * framework import.
 */
import type { Notebook } from '../../shared/model';
import { exportMarkdown, type ExportScope } from '../export-markdown';
import { expectedFor, outlineFailures, sectionHeadings } from './export-outline';
import { readAll } from './markdown-readers';
import { seeded } from './random';
import { randomNotebook } from './random-notebook';

const OPTIONS = { exportedAt: new Date('2025-03-15T08:30:00.000Z'), appVersion: '0.1.0' };

/** Small notebooks: each case is one export, read three times. */
const SIZE = { articles: 1, excerptsPerArticle: 3, notes: 3, bodyLines: 5 };

export interface DifferentialFailure {
  seed: number;
  /** The case's index in its run: `differentialCase(seed, index)` reproduces it. */
  index: number;
  scope: ExportScope;
  notebook: Notebook;
  markdown: string;
  failures: string[];
}

/** Case `index` of the run seeded `seed`: its own PRNG, so that any case can be rerun alone. */
export function differentialCase(seed: number, index: number): DifferentialFailure {
  const random = seeded((seed * 1_000_003 + index) >>> 0);
  const notebook = randomNotebook(random, SIZE);
  const scope: ExportScope = random.chance(0.5) ? { kind: 'all' } : { kind: 'article', articleId: random.pick(notebook.articles).id };
  const markdown = exportMarkdown(notebook, { scope, ...OPTIONS });
  const wanted = sectionHeadings(notebook, scope);
  const leads = expectedFor(notebook, scope).notes.filter((n) => n.kind === 'lead');
  const pages = readAll(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''));
  const failures = Object.entries(pages).flatMap(([reader, page]) => outlineFailures(page, wanted, leads).map((f) => `${reader}: ${f}`));
  return { seed, index, scope, notebook, markdown, failures };
}

/** Runs cases `from` to `to` (excluded) of the run seeded `seed`; returns the failing ones. */
export function runDifferential(seed: number, from: number, to: number): DifferentialFailure[] {
  const failed: DifferentialFailure[] = [];
  for (let index = from; index < to; index++) {
    const result = differentialCase(seed, index);
    if (result.failures.length > 0) failed.push(result);
  }
  return failed;
}
