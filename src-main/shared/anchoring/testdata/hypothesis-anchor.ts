/**
 * The Hypothesis client's way of anchoring a quote, ported as a peer to measure ours
 * against (the peer suites and `npm run bench -- --only anchoring`); never shipped.
 *
 * Port of `matchQuote` from hypothesis/client src/annotator/anchoring/match-quote.ts
 * (commit 9d28950c84560765f77b8e8e133c0f11ad577410), and of the order in which its
 * html.ts `anchor()` tries a position selector, then the quote with the position as a
 * hint. Copyright (c) 2013-2019 Hypothes.is Project and contributors; BSD-2-Clause
 * (redistribution with this notice). Its search is approx-string-match, as here.
 */
import approxSearch from 'approx-string-match';
import type { Match } from 'approx-string-match';
import type { TextRange } from '../text-range';

export interface PeerQuote {
  exact: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
}

/** Exact occurrences if there are any (the peer's shortcut), else the approximate ones. */
function search(text: string, str: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) exact.push({ start: at, end: at + str.length, errors: 0 });
  return exact.length > 0 ? exact : approxSearch(text, str, maxErrors);
}

function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  return 1 - search(text, str, str.length)[0]!.errors / str.length;
}

/** Hypothesis's matchQuote: the best-scoring match of `quote`, or null. */
export function hypothesisMatchQuote(text: string, quote: PeerQuote, hint?: number): TextRange | null {
  const { exact, prefix, suffix } = quote;
  if (exact.length === 0) return null;
  const matches = search(text, exact, Math.min(256, exact.length / 2));
  if (matches.length === 0) return null;
  const scoreOf = (match: Match): number => {
    const quoteScore = 1 - match.errors / exact.length;
    const prefixScore = prefix ? textMatchScore(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix) : 1;
    const suffixScore = suffix ? textMatchScore(text.slice(match.end, match.end + suffix.length), suffix) : 1;
    const posScore = hint === undefined ? 1 : 1 - Math.abs(match.start - hint) / text.length;
    return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
  };
  let best: Match | null = null;
  let bestScore = -Infinity;
  for (const match of matches) {
    const score = scoreOf(match);
    if (score > bestScore) [best, bestScore] = [match, score];
  }
  return best && { start: best.start, end: best.end };
}

/** Hypothesis's html anchor(): the position when the quote is there, else the quote hinted by it. */
export function hypothesisAnchor(text: string, quote: PeerQuote, position?: TextRange): TextRange | null {
  if (position && position.start >= 0 && text.slice(position.start, position.end) === quote.exact) return { start: position.start, end: position.end };
  return hypothesisMatchQuote(text, quote, position?.start);
}
