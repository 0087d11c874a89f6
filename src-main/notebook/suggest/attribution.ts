/**
 * Who a sentence says its claim comes from: "X said (that) …", "…, X said.", "…,” said X",
 * "according to X", "as reported by X", "X was quoted as saying", "X told Y …", "…, saying …",
 * and agentless reports ("it is believed", "reportedly"). The source is then sorted into named
 * (a person or an organisation the reader can find) or unnamed (a group or role without a
 * name, or no one at all); "he", "she", "they" and "it" stand for an earlier source.
 */
import type { SuggestionKind } from '../../shared/model';
import type { Token } from './language';
import { headOf, isNominal, opensIndefinite, phraseEndingAt, phraseStartingAt, textOf, trimmed, type Range } from './phrases';
import * as rules from './rules';

export type SourceKind = Extract<SuggestionKind, 'attributed-claim' | 'unnamed-source'>;

export interface Attribution {
  kind: SourceKind;
  /** The source as the text names it (an earlier source for a pronoun; the words themselves for "reportedly"). */
  source: string;
  /** Where the sentence names the source (figures inside it count sources, not facts); null when it does not. */
  sourceRange: Range | null;
  /** What is claimed, for the lead's text. */
  claim: Range;
}

/** Earlier sources, for the pronouns of later sentences. */
export interface SourceMemory {
  /** The last source named with a person's name ("he said", "she told"). */
  person: Resolved | null;
  /** The last source of any kind. */
  source: Resolved | null;
  /** The subject of the sentence before ("The researchers followed…" → "They wrote that…"). */
  subject: Resolved | null;
}

interface Resolved {
  source: string;
  kind: SourceKind;
}

export const emptyMemory = (): SourceMemory => ({ person: null, source: null, subject: null });

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);
const END = new Set(['.', '!', '?', ';', ')']);
const OPENING_QUOTES = new Set(['“', '"', '«', '‘']);
const CLOSING_QUOTES = new Set(['”', '"', '»', '’']);
const ADVERBIAL_NOUNS = /^(last|this|next|earlier|later|on|in|at|during|late|early)$/;

const isSpeechVerb = (lower: string): boolean =>
  rules.OPEN_VERBS.has(lower) || rules.THAT_VERBS.has(lower) || rules.QUOTING_VERBS.has(lower) || rules.ACCUSING_VERBS.has(lower) || rules.ESTIMATING_VERBS.has(lower);

/**
 * Whether the token is used as a verb. The small model now and then tags a verb that closes
 * the sentence as a noun ("…, data from the service show."): there it can only be the verb.
 */
function isVerb(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  return token.pos === 'VERB' || (token.pos === 'NOUN' && END.has(tokens[i + 1]?.text ?? '.') && isNominal(tokens[i - 1]) && /s$|ed$|^(show|say|report|estimate|claim|note|find)$/.test(token.lower));
}

interface Context {
  text: string;
  tokens: readonly Token[];
  memory: SourceMemory;
}

/** The attribution of a sentence, or null; updates `memory` with what the sentence tells of its sources. */
export function findAttribution(text: string, tokens: readonly Token[], memory: SourceMemory): Attribution | null {
  const ctx: Context = { text, tokens, memory };
  let found: Attribution | null = null;
  let agentless: Attribution | null = null;
  for (let i = 0; i < tokens.length && !found; i++) {
    const token = tokens[i]!;
    if (token.lower === 'according' && tokens[i + 1]?.lower === 'to') found = byPhraseAfter(ctx, i, i + 2);
    else if (token.pos === 'VERB' && isSpeechVerb(token.lower) && tokens[i + 1]?.lower === 'by' && tokens[i - 1]?.text !== '-') found = byPhraseAfter(ctx, i, i + 2);
    else if (isVerb(tokens, i) && (isSpeechVerb(token.lower) || rules.PARTICIPLES.has(token.lower))) found = fromVerb(ctx, i);
    if (!found && !agentless && (rules.UNNAMED_ADVERBS.has(token.lower) || rules.IMPERSONAL_PARTICIPLES.has(token.lower))) agentless = agentlessAt(ctx, i);
  }
  const result = found ?? agentless;
  remember(ctx, result);
  return result;
}

/** "according to X, …", "…, as reported by X": the phrase after `from` is the source. */
function byPhraseAfter(ctx: Context, cue: number, from: number): Attribution | null {
  const { tokens } = ctx;
  const phrase = phraseStartingAt(tokens, from);
  if (!phrase) return null;
  const opener = tokens[cue - 1]?.lower === 'as' ? cue - 1 : cue;
  // The claim is what the cue does not take: before it, or after the comma that ends its phrase.
  const after = tokens[phrase[1] + 1]?.text === ',' ? trimmed(tokens, [phrase[1] + 2, tokens.length - 1]) : null;
  const claim = opener > 1 ? trimmed(tokens, [0, opener - 1]) : after;
  return claim ? sourced(ctx, phrase, null, claim) : null;
}

/** An attribution around the speech verb at `v`, or null when the verb reports no claim there. */
function fromVerb(ctx: Context, v: number): Attribution | null {
  const { tokens } = ctx;
  const verb = tokens[v]!;
  const before = tokens[v - 1];
  // "to say", "so-called", "self-reported", "That said,": no report.
  if (before && (before.lower === 'to' || before.text === '-')) return null;
  if (before?.lower === 'that' && v === 1 && tokens[v + 1]?.text === ',') return null;

  if (rules.PARTICIPLES.has(verb.lower)) return fromParticiple(ctx, v);

  if (rules.INVERTING_VERBS.has(verb.lower) && precededByClaimEnd(tokens, v)) {
    const phrase = phraseStartingAt(tokens, v + 1);
    const appositive = phrase && appositiveAfter(tokens, phrase[1]);
    const claim = trimmed(tokens, [0, claimEndBefore(tokens, v)]);
    // "…,” said Marta Lind, the chair of the union." — the sentence ends with its speaker.
    if (phrase && claim && endsClause(tokens, (appositive ?? phrase)[1] + 1)) return sourced(ctx, phrase, appositive, claim);
  }

  const subject = subjectOf(tokens, v);
  if (!subject) return null;
  const { phrase, appositive, negated, passive } = subject;
  if (negated || passive) return null;
  const after = complementStart(tokens, v);
  const claimAfter = (from: number): Range | null => trimmed(tokens, [from, tokens.length - 1]);

  if (after < tokens.length) {
    const next = tokens[after]!;
    const rest = tokens.slice(after);
    if (next.lower === 'that') {
      // "say that is not enough": that is the claim's subject here.
      const claim = claimAfter(['AUX', 'VERB'].includes(tokens[after + 1]?.pos ?? '') ? after : after + 1);
      if (claim) return sourced(ctx, phrase, appositive, claim);
    }
    if (next.text === ':' || OPENING_QUOTES.has(next.text)) {
      const claim = claimAfter(after + 1);
      if (claim) return sourced(ctx, phrase, appositive, claim);
    }
    if (rules.OPEN_VERBS.has(verb.lower) && opensClause(next)) {
      const claim = claimAfter(after);
      if (claim) return sourced(ctx, phrase, appositive, claim);
    }
    if (rules.QUOTING_VERBS.has(verb.lower) && rest.some((t) => OPENING_QUOTES.has(t.text))) return sourced(ctx, phrase, appositive, claimAfter(v + 1)!);
    if (rules.ACCUSING_VERBS.has(verb.lower) && rest.slice(0, 8).some((t) => t.lower === 'of')) return sourced(ctx, phrase, appositive, claimAfter(v + 1)!);
    if (rules.ESTIMATING_VERBS.has(verb.lower) && estimates(rest)) return sourced(ctx, phrase, appositive, claimAfter(v + 1)!);
  }

  // "…, the fleet said.", "…,” Holm said. “…": the claim came first.
  const opener = tokens[phrase[0] - 1];
  const closes = after >= tokens.length || END.has(tokens[after]!.text) || tokens[after]!.text === ',' || OPENING_QUOTES.has(tokens[after]!.text) || CLOSING_QUOTES.has(tokens[after]!.text);
  if (opener && (opener.text === ',' || CLOSING_QUOTES.has(opener.text)) && closes && phrase[0] >= 4) {
    const claim = trimmed(tokens, [0, claimEndBefore(tokens, phrase[0])]);
    if (claim) return sourced(ctx, phrase, appositive, claim);
  }
  return null;
}

/** "…, saying (that) …" (the sentence's subject), "was quoted as saying (that) …" (the quoted one). */
function fromParticiple(ctx: Context, v: number): Attribution | null {
  const { tokens } = ctx;
  const quoted = tokens[v - 1]?.lower === 'as' && /^(quoted|cited)$/.test(tokens[v - 2]?.lower ?? '');
  if (!quoted && tokens[v - 1]?.text !== ',') return null;
  const subject = quoted ? subjectOf(tokens, v - 2, { passive: true }) : mainSubject(tokens);
  if (!subject || subject.negated) return null;
  const from = tokens[v + 1]?.lower === 'that' ? v + 2 : v + 1;
  const claim = trimmed(tokens, [from, tokens.length - 1]);
  return claim ? sourced(ctx, subject.phrase, subject.appositive, claim) : null;
}

/** "it is believed that…", "is said to…", "reportedly": a claim resting on no one named. */
function agentlessAt(ctx: Context, i: number): Attribution | null {
  const { tokens, text } = ctx;
  const token = tokens[i]!;
  const whole = trimmed(tokens, [0, tokens.length - 1]);
  if (!whole) return null;
  if (rules.UNNAMED_ADVERBS.has(token.lower)) return { kind: 'unnamed-source', source: token.text, sourceRange: null, claim: whole };
  if (!rules.IMPERSONAL_PARTICIPLES.has(token.lower) || !BE.has(tokens[i - 1]?.lower ?? '') && !BE.has(tokens[i - 2]?.lower ?? '')) return null;
  const be = BE.has(tokens[i - 1]!.lower) ? i - 1 : i - 2;
  if (tokens[be - 1]?.lower === 'it' && (tokens[i + 1]?.lower === 'that' || opensClause(tokens[i + 1]))) {
    const claim = trimmed(tokens, [tokens[i + 1]!.lower === 'that' ? i + 2 : i + 1, tokens.length - 1]);
    return claim ? { kind: 'unnamed-source', source: textOf(text, tokens, [be - 1, i]), sourceRange: null, claim } : null;
  }
  if (tokens[i + 1]?.lower === 'to' && tokens[i + 2]?.pos !== 'PUNCT') return { kind: 'unnamed-source', source: textOf(text, tokens, [be, i + 1]), sourceRange: null, claim: whole };
  return null;
}

interface Subject {
  phrase: Range;
  /** The phrase set off by commas after it ("a spokesman, Luka Baric, said"), when it is a noun phrase. */
  appositive: Range | null;
  negated: boolean;
  passive: boolean;
}

/** The subject of the verb at `v`: the noun phrase before it, past auxiliaries, adverbs and a parenthesis in commas. */
function subjectOf(tokens: readonly Token[], v: number, options: { passive?: boolean } = {}): Subject | null {
  let j = v - 1;
  let negated = false;
  let passive = false;
  while (j >= 0 && (tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'PART' && tokens[j]!.lower !== '’s' && tokens[j]!.lower !== "'s")) {
    if (rules.NEGATIONS.has(tokens[j]!.lower)) negated = true;
    if (BE.has(tokens[j]!.lower) && tokens[j]!.pos === 'AUX') passive = true;
    j--;
  }
  if (options.passive) passive = false;
  let appositive: Range | null = null;
  let end = j;
  if (tokens[j]?.text === ',') {
    // "X, who chairs the committee, said": the subject is before the parenthesis.
    let open = j - 1;
    while (open >= 0 && tokens[open]!.text !== ',') open--;
    if (open <= 0 || j - open > 24) return null;
    // A name or a noun phrase ("Luka Baric", "the chair of the union"); not "who chairs…", "speaking on…", "though".
    appositive = phraseStartingAt(tokens, open + 1) && !tokens.slice(open + 1, j).some((t) => t.pos === 'AUX' || rules.CLAUSE_OPENERS.has(t.lower)) ? [open + 1, j - 1] : null;
    end = open - 1;
  }
  const phrase = phraseEndingAt(tokens, end);
  if (!phrase) return null;
  const opener = tokens[phrase[0] - 1];
  // The subject starts a clause: the sentence, a comma or quote, "which", "and"…
  if (opener && !(opener.pos === 'PUNCT' || rules.CLAUSE_OPENERS.has(opener.lower))) return null;
  return { phrase, appositive, negated, passive };
}

/** The subject of the sentence's first verb ("Finance minister Clara Moen welcomed…"). */
function mainSubject(tokens: readonly Token[]): Subject | null {
  const verb = tokens.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return verb > 0 ? subjectOf(tokens, verb, { passive: true }) : null;
}

/** Where the reported claim would start after the verb at `v`: past the person told and adverbials ("in a statement", "on Tuesday"). */
function complementStart(tokens: readonly Token[], v: number): number {
  let i = v + 1;
  if (rules.TELLING_VERBS.has(tokens[v]!.lower) && tokens[i] && tokens[i]!.lower !== 'that') {
    const object = phraseStartingAt(tokens, i, { object: true });
    if (object) i = object[1] + 1;
  }
  for (let round = 0; round < 3 && i < tokens.length; round++) {
    const token = tokens[i]!;
    if (token.pos === 'ADV' && token.lower !== 'that' && !rules.QUESTION_WORDS.has(token.lower)) {
      i++;
    } else if ((token.pos === 'ADP' || ADVERBIAL_NOUNS.test(token.lower)) && token.lower !== 'that' && token.lower !== 'to' && token.lower !== 'of') {
      const group = phraseStartingAt(tokens, i + 1, { object: true });
      if (!group) break;
      i = group[1] + 1;
    } else break;
  }
  return i;
}

/** Whether the token can open a reported clause: "said the deal was off", "said no". */
function opensClause(token: Token | undefined): boolean {
  if (!token || rules.QUESTION_WORDS.has(token.lower) || token.lower === 'to' || token.lower === 'so') return false;
  return ['DET', 'PRON', 'PROPN', 'NOUN', 'NUM', 'ADJ', 'INTJ'].includes(token.pos) || /^(no|yes)$/.test(token.lower);
}

/** "puts the toll at 300". */
function estimates(rest: readonly Token[]): boolean {
  const at = rest.findIndex((t) => t.lower === 'at');
  return at >= 0 && at < 8 && rest.slice(at + 1, at + 4).some((t) => t.pos === 'NUM');
}

/** Whether the verb at `v` follows the end of a claim: a comma, or a comma and a closing quote. */
function precededByClaimEnd(tokens: readonly Token[], v: number): boolean {
  const a = tokens[v - 1]?.text;
  const b = tokens[v - 2]?.text;
  return v >= 4 && (a === ',' || (a !== undefined && CLOSING_QUOTES.has(a) && b === ','));
}

/** The last token of the claim before a source starting at `at` (past its comma and quote marks). */
function claimEndBefore(tokens: readonly Token[], at: number): number {
  let end = at - 1;
  while (end > 0 && (tokens[end]!.text === ',' || CLOSING_QUOTES.has(tokens[end]!.text))) end--;
  return end;
}

/** Whether a clause may end at `i`: the sentence's end, a comma, or an adverbial ("in a statement", "on Tuesday"). */
function endsClause(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  return token === undefined || END.has(token.text) || token.text === ',' || CLOSING_QUOTES.has(token.text) || (token.pos === 'ADP' && token.lower !== 'that');
}

/** A noun phrase set off by commas after a source ("said Marta Lind, the chair of the union"). */
function appositiveAfter(tokens: readonly Token[], last: number): Range | null {
  if (tokens[last + 1]?.text !== ',') return null;
  const inner = phraseStartingAt(tokens, last + 2);
  const closes = inner && (inner[1] === tokens.length - 1 || END.has(tokens[inner[1] + 1]!.text) || tokens[inner[1] + 1]!.text === ',');
  return closes ? inner : null;
}

/** Builds the attribution once the source's phrase is known: named or not, pronouns resolved. */
function sourced(ctx: Context, phrase: Range, appositive: Range | null, claim: Range): Attribution {
  const resolved = resolve(ctx, phrase, appositive);
  return { ...resolved, sourceRange: appositive ? [phrase[0], appositive[1]] : phrase, claim };
}

function resolve(ctx: Context, phrase: Range, appositive: Range | null): Resolved & { person?: boolean } {
  const { tokens, text, memory } = ctx;
  const head = tokens[headOf(tokens, phrase)]!;
  if (phrase[0] === phrase[1] && head.pos === 'PRON') {
    const earlier = rules.PERSON_PRONOUNS.has(head.lower) ? memory.person : rules.OTHER_PRONOUNS.has(head.lower) ? (memory.subject ?? memory.source) : null;
    return earlier ?? { source: head.text, kind: 'attributed-claim' };
  }
  const named = appositive !== null && tokens[headOf(tokens, appositive)]!.pos === 'PROPN';
  const wording = textOf(text, tokens, appositive ? [phrase[0], appositive[1]] : phrase);
  if (rules.DOCUMENT_HEADS.has(head.lower)) {
    const maker = makerOf(tokens, phrase);
    if (maker) return { source: textOf(text, tokens, maker), kind: 'attributed-claim' };
    const hasName = tokens.slice(phrase[0], phrase[1] + 1).some((t) => t.pos === 'PROPN');
    return { source: wording, kind: hasName ? 'attributed-claim' : 'unnamed-source' };
  }
  if (named) return { source: wording, kind: 'attributed-claim', person: true };
  if (rules.UNNAMED_HEADS.has(head.lower)) return { source: wording, kind: 'unnamed-source' };
  if (head.pos !== 'PROPN' && opensIndefinite(tokens, phrase, rules.INDEFINITE_DETERMINERS)) return { source: wording, kind: 'unnamed-source' };
  return { source: wording, kind: 'attributed-claim', person: head.pos === 'PROPN' };
}

/** Who made a document: "a report by X", "data from X", "the bank’s forecast". */
function makerOf(tokens: readonly Token[], [first, last]: Range): Range | null {
  for (let i = first; i < last; i++) {
    const token = tokens[i]!;
    if (/^(by|from)$/.test(token.lower)) return phraseStartingAt(tokens, i + 1);
    if ((token.text === '’s' || token.text === "'s") && i > first) return [first, i - 1];
  }
  return null;
}

/** Keeps what this sentence tells of sources for the pronouns of the next ones. */
function remember(ctx: Context, found: Attribution | null): void {
  const { tokens, memory } = ctx;
  if (found?.sourceRange) {
    const phrase: Range = found.sourceRange;
    const resolved = { source: found.source, kind: found.kind };
    memory.source = resolved;
    const head = tokens[headOf(tokens, phrase)]!;
    const names = tokens.slice(phrase[0], phrase[1] + 1).filter((t) => t.pos === 'PROPN').length;
    if (found.kind === 'attributed-claim' && head.pos !== 'PRON' && (head.pos === 'PROPN' || names >= 2)) memory.person = resolved;
  }
  const subject = mainSubject(tokens);
  if (subject && tokens[headOf(tokens, subject.phrase)]!.pos !== 'PRON' && isNominal(tokens[subject.phrase[1]])) {
    const { source, kind } = resolve(ctx, subject.phrase, subject.appositive);
    memory.subject = { source, kind };
  } else if (!found) {
    memory.subject = null;
  }
}
