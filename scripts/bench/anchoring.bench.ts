/**
 * anchorAll() with 2,000 excerpts on a 1 MB article, against a naive loop of
 * text.indexOf(quote.exact) over the same items (which finds a quote but neither checks
 * its context nor picks the right one of several occurrences).
 */
import { anchorAll } from '../../src-main/shared/anchoring/anchor-all';
import type { Selectors } from '../../src-main/shared/model';
import type { BenchContext } from './context';
import { buildArticle, editedArticle, excerptsFor, pickRanges } from './fixtures';
import { interleaved, type Row } from './harness';

const EXCERPTS = 2_000;

type Item = { id: string } & Selectors;

function naive(text: string, items: readonly Item[]): number {
  let found = 0;
  for (const item of items) if (text.indexOf(item.quote.exact) !== -1) found++;
  return found;
}

function summary(anchors: Map<string, { method: string } | null>): string {
  const methods = new Map<string, number>();
  for (const a of anchors.values()) methods.set(a?.method ?? 'orphan', (methods.get(a?.method ?? 'orphan') ?? 0) + 1);
  return [...methods].map(([m, n]) => `${n} ${m}`).join(', ');
}

export async function run(ctx: BenchContext): Promise<Row[]> {
  const article = buildArticle(ctx.root);
  const items: Item[] = excerptsFor(article.canonical.text, pickRanges(article.canonical, EXCERPTS)).map((e) => ({
    id: e.id,
    quote: e.quote,
    position: e.position,
  }));
  const size = `${(article.canonical.text.length / 1e6).toFixed(2)} MB`;
  ctx.log(`anchoring: ${EXCERPTS} excerpts on a ${size} article`);

  const cases = [
    { name: 'positions still match', text: article.canonical.text, options: { warmup: 3, runs: 20, maxMs: 6_000 } },
    { name: 'edit near the start (all shifted)', text: editedArticle(article, 1).canonical.text, options: { warmup: 2, runs: 20, maxMs: 8_000 } },
    { name: '20 edits spread out (20 shifts)', text: editedArticle(article, 20, 0.05).canonical.text, options: { warmup: 1, runs: 8, minRuns: 3, maxMs: 8_000 } },
  ];
  const rows: Row[] = [];
  for (const c of cases) {
    ctx.log(`anchoring: ${c.name}`);
    const result = anchorAll(c.text, items);
    const s = await interleaved({ ours: () => anchorAll(c.text, items), peer: () => naive(c.text, items) }, c.options);
    rows.push({
      suite: 'anchoring',
      case: `anchorAll, ${EXCERPTS} excerpts / ${size}: ${c.name}`,
      stats: s.ours!,
      peer: { name: 'naive text.indexOf(exact) loop', stats: s.peer! },
      note: `${summary(result)}; the naive loop finds ${naive(c.text, items)} quotes somewhere`,
    });
  }
  return rows;
}
