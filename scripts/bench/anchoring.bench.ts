/**
 * anchorAll() with 2,000 excerpts on a 1 MB article, beside its peers on the same items
 * and text in the same loop: a naive loop of text.indexOf(quote.exact) (which finds a
 * quote but neither checks its context nor picks the right one of several occurrences),
 * the Hypothesis client's method, and dom-anchor-text-quote on a DOM built once. Each
 * method is also judged against where every excerpt should land: right, misplaced or
 * orphaned (anchoring-truth.ts).
 */
import { anchorAll } from '../../src-main/shared/anchoring/anchor-all';
import type { TextRange } from '../../src-main/shared/anchoring/text-range';
import { domAnchorTextQuote, hypothesis, naive, type Item, type Method } from './anchoring-peers';
import { insertionPoints, truthOf, verdictOf, type Verdict } from './anchoring-truth';
import type { BenchContext } from './context';
import { buildArticle, editedArticle, EDITOR_NOTE, excerptsFor, pickRanges, type BigArticle } from './fixtures';
import { interleaved, type Row, type RunOptions } from './harness';

const EXCERPTS = 2_000;

/**
 * dom-anchor-text-quote reads the root's textContent for every search, which linkedom
 * rebuilds each time (26 ms for this article), and runs diff-match-patch's bitap over the
 * whole text: 2,000 excerpts would take minutes a run. It runs on every tenth excerpt.
 */
const DOM_PEER_SAMPLE = 10;

const ours = (text: string): Method => (items) => {
  const found = anchorAll(text, items);
  return items.map((item) => found.get(item.id) ?? null);
};

/** "1990 right, 0 misplaced, 10 orphaned" for a method's answers on a revised text. */
function judge(method: Method, items: readonly Item[], truths: readonly ReturnType<typeof truthOf>[]): string {
  const counts: Record<Verdict, number> = { right: 0, misplaced: 0, orphaned: 0 };
  method(items).forEach((found: TextRange | null, i) => (counts[verdictOf(found, truths[i]!)] += 1));
  return `${counts.right} right, ${counts.misplaced} misplaced, ${counts.orphaned} orphaned`;
}

interface Case {
  name: string;
  revised: BigArticle;
  options: RunOptions;
  /** Peers beside the naive loop, timed in the same loop. */
  peers: boolean;
}

export async function run(ctx: BenchContext): Promise<Row[]> {
  const article = buildArticle(ctx.root);
  const items: Item[] = excerptsFor(article.canonical.text, pickRanges(article.canonical, EXCERPTS)).map((e) => ({ id: e.id, quote: e.quote, position: e.position }));
  const size = `${(article.canonical.text.length / 1e6).toFixed(2)} MB`;
  ctx.log(`anchoring: ${EXCERPTS} excerpts on a ${size} article`);

  const cases: Case[] = [
    { name: 'positions still match', revised: article, options: { warmup: 3, runs: 20, maxMs: 6_000 }, peers: false },
    { name: 'edit near the start (all shifted)', revised: editedArticle(article, 1), options: { warmup: 2, runs: 20, maxMs: 8_000 }, peers: false },
    { name: '20 edits spread out (20 shifts)', revised: editedArticle(article, 20, 0.05), options: { warmup: 1, runs: 8, minRuns: 5, maxMs: 30_000 }, peers: true },
  ];
  const rows: Row[] = [];
  for (const c of cases) {
    ctx.log(`anchoring: ${c.name}`);
    const text = c.revised.canonical.text;
    const points = insertionPoints(article.canonical.text, text, EDITOR_NOTE);
    const truths = items.map((item) => truthOf(item.position, points, EDITOR_NOTE.length));
    const touched = truths.filter((t) => t.touched).length;
    const methods: Record<string, Method> = { ours: ours(text), naive: naive(text), ...(c.peers ? { hypothesis: hypothesis(text) } : {}) };
    const verdicts = Object.fromEntries(Object.entries(methods).map(([name, method]) => [name, judge(method, items, truths)]));
    const s = await interleaved(Object.fromEntries(Object.entries(methods).map(([name, method]) => [name, () => method(items)])), c.options);
    const label = `anchorAll, ${EXCERPTS} excerpts / ${size}: ${c.name}`;
    const edits = touched > 0 ? ` (${touched} had a sentence inserted inside them: right if found overlapping it)` : '';
    rows.push({
      suite: 'anchoring',
      case: label,
      stats: s.ours!,
      peer: { name: 'naive text.indexOf(exact) loop', stats: s.naive! },
      ...(c.peers ? { budgetMs: 50 } : {}),
      note: `ours ${verdicts.ours}; naive loop ${verdicts.naive}${edits}`,
    });
    if (c.peers) {
      rows.push({
        suite: 'anchoring',
        case: `${label}, beside Hypothesis`,
        stats: s.ours!,
        peer: { name: 'Hypothesis matchQuote method', stats: s.hypothesis! },
        budgetRatio: 1,
        note: `ours ${verdicts.ours}; Hypothesis ${verdicts.hypothesis}`,
      });
      ctx.log('anchoring: dom-anchor-text-quote on a sample');
      const sample = items.filter((_, i) => i % DOM_PEER_SAMPLE === 0);
      const sampleTruths = truths.filter((_, i) => i % DOM_PEER_SAMPLE === 0);
      const dom = domAnchorTextQuote(c.revised.canonical);
      const domStats = await interleaved({ ours: () => methods.ours!(sample), peer: () => dom(sample) }, { warmup: 0, runs: 3, minRuns: 2, maxMs: 60_000 });
      rows.push({
        suite: 'anchoring',
        case: `anchorAll, every ${DOM_PEER_SAMPLE}th excerpt (${sample.length}) / ${size}: ${c.name}`,
        stats: domStats.ours!,
        peer: { name: 'dom-anchor-text-quote on a DOM', stats: domStats.peer! },
        budgetRatio: 1,
        note: `ours ${judge(methods.ours!, sample, sampleTruths)}; dom-anchor-text-quote ${judge(dom, sample, sampleTruths)}`,
      });
    }
  }
  return rows;
}
