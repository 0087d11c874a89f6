/**
 * Suggested leads: the speed of suggestLeads() on the bundled article and on a 1 MB article
 * (the labelled set's articles, copied until the text weighs 1 MB), each beside wink-nlp's
 * bare sentence split of the same text (the least any wink-based reading pays), and their
 * precision and recall per kind on the labelled set (development and held-out articles).
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { plainTextDocument } from '../../src-main/shared/article-document';
import { splitSentences } from '../../src-main/notebook/suggest/language';
import { suggestLeads } from '../../src-main/notebook/suggest/suggest';
import { labelledSet, readArticle } from '../../src-main/notebook/suggest/testdata/labelled-set';
import { score } from '../../src-main/notebook/suggest/testdata/score';
import type { BenchContext } from './context';
import { interleaved, type Row } from './harness';

const ARTICLE_BYTES = 1_000_000;
/** From the repository root: a bundled suite's import.meta.dirname is the bundle's folder. */
const LABELLED_SET = 'src-main/notebook/suggest/testdata';

function quality(ctx: BenchContext, name: string, dir: string): void {
  const articles = labelledSet(dir);
  const runs = articles.map((a) => ({ labelled: a.spans, suggested: suggestLeads(a.document) }));
  for (const s of score(runs)) {
    ctx.result(`suggest quality, ${name} (${articles.length} articles): ${s.kind.padEnd(16)} precision ${s.precision.toFixed(2)} (${s.matched}/${s.suggested})  recall ${s.recall.toFixed(2)} (${s.matched}/${s.labelled})`);
  }
}

export async function run(ctx: BenchContext): Promise<Row[]> {
  const bundled = readArticle(join(ctx.root, 'resources/articles/putin-wants-syria-to-return-the-favor.txt'));
  const started = performance.now();
  suggestLeads(bundled);
  const cold = performance.now() - started;

  const set = join(ctx.root, LABELLED_SET);
  const prose = labelledSet(set).map((a) => a.document.text).join('\n\n');
  const big = plainTextDocument(prose.repeat(Math.ceil(ARTICLE_BYTES / prose.length)).slice(0, ARTICLE_BYTES));
  ctx.log(`suggest: bundled article ${bundled.text.length} characters; 1 MB article ${big.text.length} characters, ${big.blocks.length} paragraphs, ${suggestLeads(big).length} suggestions`);

  const small = await interleaved({ ours: () => suggestLeads(bundled), peer: () => splitSentences(bundled.text) }, { warmup: 5, runs: 40, minRuns: 10, maxMs: 10_000 });
  const large = await interleaved({ ours: () => suggestLeads(big), peer: () => splitSentences(big.text) }, { warmup: 1, runs: 7, minRuns: 3, maxMs: 60_000, collect: false });

  quality(ctx, 'development set', set);
  quality(ctx, 'held-out set', join(set, 'held-out'));
  return [
    {
      suite: 'suggest',
      case: `suggestLeads, bundled article (${(bundled.text.length / 1000).toFixed(1)} KB)`,
      stats: small.ours!,
      peer: { name: 'wink-nlp sentence split alone', stats: small.peer! },
      budgetMs: 150,
      note: `the first call in a process also loads the model: ${cold.toFixed(0)} ms here`,
    },
    {
      suite: 'suggest',
      case: 'suggestLeads, 1 MB article',
      stats: large.ours!,
      peer: { name: 'wink-nlp sentence split alone', stats: large.peer! },
      budgetMs: 3000,
      note: 'ours adds part-of-speech tags and number entities (the model), then the rules',
    },
  ];
}
