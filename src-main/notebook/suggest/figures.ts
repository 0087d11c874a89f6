/**
 * Figures: a definite number with what it counts or measures ("40,000 Syrian soldiers",
 * "$3 million a day", "12 percent", "eleven months", "a fifth of the region’s oil exports"),
 * and dates of events with a digit in them ("since 2015", "June 4"). The number entities come
 * from the model; these rules drop what is no figure and widen the rest to what they count.
 */
import type { Token } from './language';
import type { Range } from './phrases';
import type { Sentence } from './sentences';
import { FRACTIONS, NUMBER_WORDS, PER_UNITS, VAGUE_NUMBERS } from './rules';

export interface Figure {
  range: Range;
  /** A date or a stretch of years, rather than a count. */
  date: boolean;
}

const DIGIT = /\d/;
const YEAR = /^(1[5-9]|20)\d\ds?$/;
const CURRENCY = new Set(['$', '€', '£', '¥', '₹', '₽', 'US$']);

const isDefinite = (token: Token): boolean => (token.pos === 'NUM' || token.pos === 'NOUN' || token.pos === 'ADJ') && (DIGIT.test(token.text) || NUMBER_WORDS.has(token.lower)) && !VAGUE_NUMBERS.has(token.lower);

/** The figures of a sentence, outside `skip` (the phrase naming its source: "two people familiar with…" counts sources). */
export function findFigures(sentence: Sentence, skip: Range | null): Figure[] {
  const { tokens } = sentence;
  const found: Figure[] = [];
  const covered = new Set<number>();
  for (const entity of sentence.entities) {
    for (let i = entity.first; i <= entity.last; i++) covered.add(i);
    if (entity.type === 'OTHER') continue;
    const range: Range = [entity.first, entity.last];
    const inside = tokens.slice(entity.first, entity.last + 1);
    if (entity.type === 'DATE' || entity.type === 'DURATION') {
      const years = inside.some((t) => YEAR.test(t.text));
      if (entity.type === 'DATE' ? inside.some((t) => DIGIT.test(t.text)) : inside.some(isDefinite)) found.push({ range, date: entity.type === 'DATE' || years });
      continue;
    }
    if (entity.type === 'CARDINAL' && !countable(tokens, range)) continue;
    found.push({ range: widened(tokens, range), date: false });
  }
  // Numbers the model left out of its entities ("a crew of 22"), and fractions ("a third").
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // A fraction of something, not an order ("a third of", "by a third since", but not "a third time").
    if (FRACTIONS.has(token.lower) && i > 0 && (tokens[i - 1]!.lower === 'a' || isDefinite(tokens[i - 1]!)) && !['NOUN', 'PROPN', 'ADJ'].includes(tokens[i + 1]?.pos ?? '')) {
      found.push({ range: tokens[i + 1]?.lower === 'of' ? counted(tokens, [i - 1, i]) : [i - 1, i], date: false });
    } else if (!covered.has(i) && token.pos === 'NUM' && DIGIT.test(token.text) && countable(tokens, [i, i])) {
      found.push({ range: widened(tokens, [i, i]), date: YEAR.test(token.text) });
    }
  }
  // A count inside the source's phrase counts the sources ("two people familiar with…"); its date stays.
  const outsideSource = (f: Figure): boolean => f.date || !skip || f.range[1] < skip[0] || f.range[0] > skip[1];
  return joined(tokens, found.sort((a, b) => a.range[0] - b.range[0])).filter(outsideSource);
}

/** A count worth checking: definite, not "one of", not part of a name ("Route 9", "Flight 212"). */
function countable(tokens: readonly Token[], [first, last]: Range): boolean {
  const inside = tokens.slice(first, last + 1);
  if (!inside.some(isDefinite)) return false;
  if (inside.length === 1 && inside[0]!.lower === 'one' && tokens[last + 1]?.lower === 'of') return false;
  const before = tokens[first - 1];
  if (before?.pos === 'PROPN' && /^\d+$/.test(inside[0]!.text) && !YEAR.test(inside[0]!.text)) return false;
  return true;
}

/** A count with its currency sign, what it counts ("2,300 dockworkers") and its unit ("a day"). */
function widened(tokens: readonly Token[], [first, last]: Range): Range {
  let a = first;
  if (CURRENCY.has(tokens[a - 1]?.text ?? '')) a--;
  let b = last;
  if (tokens[b + 1]?.pos === 'SYM' && tokens[b + 1]!.text === '%') b++;
  let nouns = 0;
  while (nouns < 4 && (['NOUN', 'PROPN', 'ADJ'].includes(tokens[b + 1]?.pos ?? '') || (tokens[b + 1]?.text === '-' && tokens[b + 2]?.pos !== 'PUNCT'))) {
    if (tokens[b + 1]!.pos === 'PROPN' && tokens[b + 2]?.pos === 'VERB') break;
    b++;
    nouns++;
  }
  if (/^(a|per)$/.test(tokens[b + 1]?.lower ?? '') && PER_UNITS.has(tokens[b + 2]?.lower ?? '')) b += 2;
  return [a, b];
}

/** A fraction with what it is a fraction of: "a fifth of the region’s oil exports". */
function counted(tokens: readonly Token[], [first, last]: Range): Range {
  let b = last + 1; // "of"
  while (b + 1 < tokens.length && ['DET', 'NOUN', 'PROPN', 'ADJ', 'PART'].includes(tokens[b + 1]!.pos) && b - last < 7) b++;
  return [first, b > last + 1 ? b : last];
}

/** Ranges and parts of one figure joined: "19 votes to 12", "one in five", "two dozen", "three of the country’s nine regions". */
function joined(tokens: readonly Token[], figures: Figure[]): Figure[] {
  const out: Figure[] = [];
  for (const figure of figures) {
    const last = out.at(-1);
    // A date next to a count is another figure ("by a third | since 2015"); overlapping ones are one.
    const link = last && last.date === figure.date ? linkLength(tokens, last.range[1], figure.range[0]) : -1;
    if (last && figure.range[0] <= last.range[1] + 1 + link) {
      if (figure.range[1] > last.range[1]) last.range = [last.range[0], figure.range[1]];
      last.date ||= figure.date;
      continue;
    }
    out.push({ range: [...figure.range], date: figure.date });
  }
  return out;
}

/** How many words between two figures still make them one ("to", "in", "of the country’s"); -1 when none may. */
function linkLength(tokens: readonly Token[], end: number, start: number): number {
  const between = tokens.slice(end + 1, start);
  if (between.length === 0) return 0;
  const words = between.map((t) => t.lower);
  if (words.length === 1 && (words[0] === 'to' || words[0] === '-')) return 1;
  // "one in five", not "2.4 metres in twelve hours"
  if (words.length === 1 && words[0] === 'in' && tokens[end]!.pos === 'NUM' && tokens[start]!.pos === 'NUM') return 1;
  if (words[0] === 'of' && words.length <= 4 && between.every((t) => ['ADP', 'DET', 'NOUN', 'PROPN', 'PART'].includes(t.pos))) return between.length;
  return -1;
}
