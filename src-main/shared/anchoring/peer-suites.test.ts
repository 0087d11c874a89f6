/**
 * The peers' own anchoring suites (testdata/peer-suites/, sources and licenses in each
 * file) run through our anchor(): no case misplaced, and the cases it answers otherwise
 * exactly the documented disagreements of policy.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SelectorsSchema } from '../model';
import { anchor } from './anchor';
import { selectorsFor } from './describe-range';
import { hypothesisAnchor, type PeerQuote } from './testdata/hypothesis-anchor';
import { loadSuites, runSuites, tally, type DescribeMethod } from './testdata/peer-suites';
import type { TextRange } from './text-range';

const suites = loadSuites();
const disagreements: { suite: string; case: string; outcome: string; reason: string }[] = JSON.parse(
  readFileSync(new URL('./testdata/peer-suites/disagreements.json', import.meta.url), 'utf8'),
).disagreements;

/**
 * Our anchor() on a peer's selectors. A peer's quote may lack prefix or suffix (none
 * stored); a case without a position (the peer gave no hint) gets one at the start of
 * the text, which, like a peer without a hint, prefers the first of equal matches.
 */
function ours(text: string, quote: PeerQuote, position: TextRange | undefined): TextRange | null {
  const exact = quote.exact;
  return anchor(text, {
    quote: { type: 'TextQuoteSelector', exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    position: { type: 'TextPositionSelector', ...(position ?? { start: 0, end: exact.length }) },
  });
}

const describeRange: DescribeMethod = (text, range) => selectorsFor(text, range);

describe('the peers\u2019 anchoring suites', () => {
  const verdicts = runSuites(suites, ours, describeRange);
  const counts = tally(verdicts);

  it('are ported whole: 143 cases from three peers, each file naming its source and license', () => {
    expect(suites.map((s) => [s.name, s.cases.length])).toEqual([
      ['apache-annotator-text-quote', 39],
      ['dom-anchor-text-quote', 15],
      ['hypothesis-html-baselines', 6],
      ['hypothesis-html', 29],
      ['hypothesis-match-quote', 29],
      ['hypothesis-pdf', 25],
    ]);
    for (const suite of suites) expect(suite.source.license).not.toBe('');
  });

  it('anchor 139 of 143 right and misplace none', () => {
    expect(counts).toEqual({ right: 139, misplaced: 0, 'wrongly orphaned': 2, 'wrongly anchored': 2 });
  });

  it('miss exactly the documented disagreements, each with its reason', () => {
    const misses = verdicts.filter((v) => v.outcome !== 'right').map((v) => ({ suite: v.suite, case: v.case, outcome: v.outcome }));
    expect(misses).toEqual(disagreements.map(({ suite, case: name, outcome }) => ({ suite, case: name, outcome })));
    for (const d of disagreements) expect(d.reason.length).toBeGreaterThan(40);
  });

  it('describe every range as the peers stored it, byte for byte', () => {
    let checked = 0;
    for (const suite of suites) {
      for (const c of suite.cases) {
        if (c.kind !== 'roundTrip' || !c.stored) continue;
        const { quote, position } = selectorsFor(suite.texts[c.text]!, c.range);
        if (c.stored.quote) expect({ exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }, c.name).toEqual(c.stored.quote);
        if (c.stored.position) expect({ start: position.start, end: position.end }, c.name).toEqual(c.stored.position);
        checked += 1;
      }
    }
    expect(checked).toBe(10);
  });

  it('get more right than Hypothesis\u2019s own method (ported) on the same cases', () => {
    const theirs = tally(runSuites(suites, (text, quote, position) => hypothesisAnchor(text, quote, position), describeRange));
    expect(theirs).toEqual({ right: 137, misplaced: 1, 'wrongly orphaned': 0, 'wrongly anchored': 5 });
    expect(counts.right).toBeGreaterThan(theirs.right);
  });

  it('leave out only cases the model cannot express, such as an empty quote, which it rejects', () => {
    const reasons = suites.flatMap((s) => s.notPorted.map((n) => n.reason));
    expect(reasons.every((r) => r.length > 20)).toBe(true);
    const empty = { quote: { type: 'TextQuoteSelector', exact: '', prefix: 'dolor', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 } };
    expect(SelectorsSchema.safeParse(empty).success).toBe(false);
    expect(ours('lorem ipsum dolor amet', { exact: '', prefix: 'dolor' }, undefined)).toBeNull();
  });
});
