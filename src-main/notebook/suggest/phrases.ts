/**
 * Noun phrases over a sentence's tagged tokens: the subject left of a verb, the phrase after
 * "according to" or "by", a phrase's head word. Small and rule-based on purpose: the tagger
 * gives parts of speech, not a parse, and sources in news copy are short noun phrases.
 */
import type { Token } from './language';
import { CLAUSE_OPENERS, PHRASE_PREPOSITIONS } from './rules';

/** Inclusive token indexes. */
export type Range = [number, number];

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const POSSESSIVE = new Set(['’s', "'s", '’', "'"]);
const PARTICIPLE = /(ed|en|ing)$/;

export const isNominal = (token: Token | undefined): boolean => token !== undefined && NOMINAL.has(token.pos) && !CLAUSE_OPENERS.has(token.lower);
const isComma = (token: Token | undefined): boolean => token?.text === ',';

/** Whether the token can sit inside a source's noun phrase, reading leftwards from its end. */
function insideLeftwards(tokens: readonly Token[], i: number, end: number): boolean {
  const token = tokens[i]!;
  if (CLAUSE_OPENERS.has(token.lower)) return false;
  switch (token.pos) {
    case 'DET':
    case 'ADJ':
    case 'NOUN':
    case 'PROPN':
    case 'NUM':
      return true;
    case 'PRON':
      return i === end || /^(his|her|its|their|our|my|your)$/.test(token.lower) || tokens[i + 1]?.lower === 'of';
    case 'PART':
      return POSSESSIVE.has(token.text) || (token.lower === 'not' && ['VERB', 'ADJ'].includes(tokens[i + 1]?.pos ?? '') && isNominal(tokens[i - 1]));
    case 'PUNCT':
      return POSSESSIVE.has(token.text) || token.text === '-' || token.text === '&';
    case 'ADP':
      return PHRASE_PREPOSITIONS.has(token.lower);
    case 'VERB':
      // "experts not involved in the study", "people speaking on condition…", "shipping agents"
      return i < end && ((PARTICIPLE.test(token.lower) && (isNominal(tokens[i - 1]) || tokens[i - 1]?.lower === 'not')) || modifies(tokens, i));
    case 'CCONJ':
      return (token.lower === 'and' || token.text === '&') && isNominal(tokens[i - 1]) && isNominal(tokens[i + 1]);
    default:
      return false;
  }
}

/** A verb used as a noun's modifier at the start of a phrase: "Shipping agents", "the lead author". */
const modifies = (tokens: readonly Token[], i: number): boolean => isNominal(tokens[i + 1]) && (i === 0 || tokens[i - 1]!.pos === 'DET' || tokens[i - 1]!.pos === 'ADJ');

/** Whether a phrase may start at token i (no leading preposition or punctuation; a verb only as a modifier: "shipping agents", "lead author"). */
function canOpenAt(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (CLAUSE_OPENERS.has(token.lower)) return false;
  return ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON'].includes(token.pos) || (token.pos === 'VERB' && modifies(tokens, i));
}

/** The noun phrase ending at `end` (which must be its head), or null. */
export function phraseEndingAt(tokens: readonly Token[], end: number): Range | null {
  if (end < 0 || !isNominal(tokens[end])) return null;
  let first = end;
  while (first > 0 && insideLeftwards(tokens, first - 1, end)) first--;
  while (first < end && !canOpenAt(tokens, first)) first++;
  return end - first > 14 ? null : [first, end];
}

/** The noun phrase starting at `start`, up to the punctuation or verb that ends it; null when none starts there. */
export function phraseStartingAt(tokens: readonly Token[], start: number, options: { object?: boolean } = {}): Range | null {
  if (!tokens[start] || !canOpenAt(tokens, start) || tokens[start]!.pos === 'PRON' && !/^(his|her|its|their|our|my|your)$/.test(tokens[start]!.lower)) {
    return tokens[start]?.pos === 'PRON' && !options.object ? [start, start] : null;
  }
  let last = start;
  let sawNoun = isNominal(tokens[start]);
  for (let i = start + 1; i < tokens.length && i - start < 16; i++) {
    const token = tokens[i]!;
    const nominalish = ['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(token.pos) || POSSESSIVE.has(token.text) || token.text === '-' || token.text === '&';
    // An object ends where a new noun phrase begins: "told Reuters | the deal was off".
    if (options.object && sawNoun && (token.pos === 'DET' || token.pos === 'PRON')) break;
    if (nominalish || (token.pos === 'DET' && !sawNoun)) {
      if (isNominal(token)) sawNoun = true;
      last = i;
      continue;
    }
    if (token.pos === 'ADP' && PHRASE_PREPOSITIONS.has(token.lower) && tokens[i + 1] !== undefined && canOpenAt(tokens, i + 1)) {
      continue;
    }
    if (token.pos === 'DET' && tokens[i - 1]?.pos === 'ADP') continue;
    if (token.pos === 'VERB' && PARTICIPLE.test(token.lower) && sawNoun && !options.object) continue;
    break;
  }
  while (last > start && !isNominal(tokens[last])) last--;
  return sawNoun ? [start, last] : null;
}

/**
 * The word a phrase is about: "officials" in "Ukrainian officials at the ministry", "agents" in
 * "one of the agents", "Fleet" in "the Navy’s 5th Fleet".
 */
export function headOf(tokens: readonly Token[], [first, last]: Range): number {
  let head = first;
  for (let i = first; i <= last; i++) {
    const token = tokens[i]!;
    if (token.pos === 'ADP' || (token.pos === 'VERB' && i > first) || isComma(token)) {
      // "one of the agents", "two of the dead": the count is not the head.
      if (token.lower === 'of' && (tokens[head]!.pos === 'NUM' || /^(some|most|many|several|few|none|each|all|any)$/.test(tokens[head]!.lower))) {
        const rest = phraseStartingAt(tokens, i + 1);
        if (rest) return headOf(tokens, rest);
      }
      break;
    }
    if (isNominal(token)) head = i;
  }
  return head;
}

/** Whether the phrase is only a count or quantifier of what follows it ("two people", "some teenagers"). */
export function opensIndefinite(tokens: readonly Token[], [first]: Range, indefinite: ReadonlySet<string>): boolean {
  const token = tokens[first]!;
  return indefinite.has(token.lower) || token.pos === 'NUM' || token.lower === 'a' || token.lower === 'an';
}

/** The token range with leading and trailing punctuation and quote marks left out. */
export function trimmed(tokens: readonly Token[], [first, last]: Range): Range | null {
  let a = first;
  let b = last;
  while (a <= b && tokens[a]!.pos === 'PUNCT') a++;
  while (b >= a && tokens[b]!.pos === 'PUNCT' && !/^[)\]]$/.test(tokens[b]!.text)) b--;
  return a <= b ? [a, b] : null;
}

export function textOf(text: string, tokens: readonly Token[], [first, last]: Range): string {
  return text.slice(tokens[first]!.start, tokens[last]!.end);
}
