/**
 * Hedges: a statement made uncertain or expected ("seems", "appears to", "may", "expected
 * to", "allegedly"). Only for sentences with no attribution: a sourced claim's hedge is its
 * source's, and its lead says so.
 */
import type { Token } from './language';
import { HEDGE_BEFORE_TO, HEDGE_WORDS } from './rules';

/** The hedge of a sentence ("seems", "expected to"), or null. */
export function findHedge(tokens: readonly Token[]): string | null {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // "may" and "might" hedge as auxiliaries only: not the month ("in May").
    if ((token.lower === 'may' || token.lower === 'might') && token.pos !== 'AUX') continue;
    if (HEDGE_WORDS.has(token.lower) && token.pos !== 'PROPN') return token.text;
    if (HEDGE_BEFORE_TO.has(token.lower) && tokens[i + 1]?.lower === 'to') return `${token.text} to`;
  }
  return null;
}
