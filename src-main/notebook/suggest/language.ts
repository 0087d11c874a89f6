/**
 * The thin wrapper around wink-nlp and its English model (both MIT, the model inside its npm
 * package: nothing is fetched). It turns the library's token stream into what the rules read:
 * tokens with their part of speech, the number entities the model finds, and sentences — all
 * with UTF-16 offsets into the text it was given, which is the article's canonical text.
 * See README.md beside this file for why wink-nlp and not compromise.
 */
import winkNLP, { type ItemEntity, type ItemSentence, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The number entities the rules use (wink's other types — ORDINAL, TIME, EMAIL… — are left out). */
export type NumberEntity = 'CARDINAL' | 'MONEY' | 'PERCENT' | 'DATE' | 'DURATION';
const NUMBER_ENTITIES: readonly string[] = ['CARDINAL', 'MONEY', 'PERCENT', 'DATE', 'DURATION'] satisfies NumberEntity[];
const isNumberEntity = (type: string): type is NumberEntity => NUMBER_ENTITIES.includes(type);

export interface Token {
  /** Its place among the text's tokens. */
  index: number;
  text: string;
  lower: string;
  /** Universal part-of-speech tag (NOUN, PROPN, VERB, AUX, ADP, NUM, PUNCT…). */
  pos: string;
  start: number;
  end: number;
}

export interface Entity {
  /** OTHER: an entity the rules do not read, kept so that its numbers are not read as counts ("10 p.m.", "5th"). */
  type: NumberEntity | 'OTHER';
  /** Token indexes, both inclusive. */
  first: number;
  last: number;
}

export interface Analysis {
  tokens: Token[];
  entities: Entity[];
  /** Token index ranges, both inclusive, in order. */
  sentences: { first: number; last: number }[];
}

let tagger: WinkMethods | undefined;
let splitter: WinkMethods | undefined;

// Sentence boundaries, tags and number entities: sentiment, negation and custom entities are not used.
const tag = (): WinkMethods => (tagger ??= winkNLP(model, ['sbd', 'pos', 'ner']));

function span(value: unknown): [number, number] {
  if (!Array.isArray(value) || typeof value[0] !== 'number' || typeof value[1] !== 'number') throw new Error('wink-nlp returned a span that is not two token indexes');
  return [value[0], value[1]];
}

const strings = (values: readonly unknown[]): string[] => values.map(String);

/** Tokens, tags, number entities and sentences of `text`. White-space tokens are kept (a paragraph break is one). */
export function analyse(text: string): Analysis {
  const nlp = tag();
  const { its } = nlp;
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = strings(tokens.out());
  const pos = strings(tokens.out(its.pos));
  const spaces = strings(tokens.out(its.precedingSpaces));

  const list: Token[] = new Array<Token>(values.length);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    offset += spaces[i]!.length;
    // The values and spaces add up to the text; should the library ever normalise a token, find it instead.
    if (!text.startsWith(value, offset)) {
      const found = text.indexOf(value, offset);
      if (found >= 0) offset = found;
    }
    list[i] = { index: i, text: value, lower: value.toLowerCase(), pos: pos[i]!, start: offset, end: Math.min(text.length, offset + value.length) };
    offset = list[i]!.end;
  }
  namesTogether(list);

  const entities: Entity[] = [];
  doc.entities().each((entity: ItemEntity) => {
    const detail = entity.out(its.detail);
    const type = typeof detail === 'object' && 'type' in detail ? String(detail.type) : '';
    const [first, last] = span(entity.out(its.span));
    entities.push({ type: isNumberEntity(type) ? type : 'OTHER', first, last });
  });

  const sentences: Analysis['sentences'] = [];
  doc.sentences().each((sentence: ItemSentence) => {
    const [first, last] = span(sentence.out(its.span));
    sentences.push({ first, last });
  });
  return { tokens: list, entities, sentences };
}

/**
 * A capitalised word right after a proper noun is part of the name ("the Marun Herald",
 * "Halcyon Shipping"): the small model tags such words as verbs now and then.
 */
function namesTogether(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (tokens[i - 1]!.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(token.text) && (token.pos === 'VERB' || token.pos === 'NOUN' || token.pos === 'ADJ')) token.pos = 'PROPN';
  }
}

/** The library's bare sentence split of `text` (its sentence count): the benchmark's peer. */
export function splitSentences(text: string): number {
  splitter ??= winkNLP(model, ['sbd']);
  return splitter.readDoc(text).sentences().length();
}
