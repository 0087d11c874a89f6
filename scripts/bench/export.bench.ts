/**
 * Markdown export of 10,000 notes (5,000 excerpts on the 1 MB article): exportMarkdown()
 * against JSON.stringify of the same notebook, the cheapest way to write it all out.
 */
import { exportMarkdown, type ExportOptions } from '../../src-main/notebook/export-markdown';
import type { BenchContext } from './context';
import { ARTICLE_ID, buildArticle, notebookWith } from './fixtures';
import { interleaved, type Row } from './harness';

const NOTES = 10_000;
const EXCERPTS = 5_000;

export async function run(ctx: BenchContext): Promise<Row[]> {
  const notebook = notebookWith(buildArticle(ctx.root), EXCERPTS, NOTES);
  const options: ExportOptions = { scope: { kind: 'article', articleId: ARTICLE_ID }, exportedAt: new Date(Date.UTC(2024, 5, 1)), appVersion: '0.0.0-bench' };
  const markdown = exportMarkdown(notebook, options);
  const json = JSON.stringify(notebook);
  ctx.log(`export: ${NOTES} notes → ${(markdown.length / 1e6).toFixed(1)} MB of Markdown (JSON: ${(json.length / 1e6).toFixed(1)} MB)`);
  const s = await interleaved(
    { ours: () => exportMarkdown(notebook, options), peer: () => JSON.stringify(notebook) },
    { warmup: 2, runs: 15, minRuns: 5, maxMs: 15_000 },
  );
  return [
    {
      suite: 'export',
      case: `exportMarkdown, ${NOTES.toLocaleString('en')} notes / ${EXCERPTS.toLocaleString('en')} excerpts / 1 MB article`,
      stats: s.ours!,
      peer: { name: 'JSON.stringify of the same notebook', stats: s.peer! },
      budgetMs: 1000,
      note: `${(markdown.length / 1e6).toFixed(1)} MB of Markdown; the article text itself is not exported, only the excerpts`,
    },
  ];
}
