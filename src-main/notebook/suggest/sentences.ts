/**
 * The sentences the rules read: the library's sentences, cut at block boundaries (a heading
 * or a list item ends a sentence even without a full stop), without code blocks, and joined
 * again where a quotation runs over several of them ("“They did not win. They stole it,” she
 * said."), so that a quote and its speaker are read together.
 */
import type { Block } from '../../shared/article-document';
import type { Analysis, Entity, Token } from './language';

export interface Sentence {
  /** Its tokens, white space left out. */
  tokens: Token[];
  /** The number entities inside it, as indexes into `tokens` (both inclusive). */
  entities: Entity[];
  block: number;
  start: number;
  end: number;
}

const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);
/** A run of quotations longer than this is not joined further (an unbalanced quote mark must not swallow the article). */
const MAX_JOINED = 6;

/** How many quotations the tokens leave open (straight quotes count by parity). */
function openQuotes(tokens: readonly Token[]): number {
  let open = 0;
  let straight = 0;
  for (const token of tokens) {
    if (OPENING.has(token.text)) open++;
    else if (CLOSING.has(token.text)) open = Math.max(0, open - 1);
    else if (token.text === '"') straight++;
  }
  return open + (straight % 2);
}

export function sentencesOf(analysis: Analysis, blocks: readonly Block[]): Sentence[] {
  const { tokens } = analysis;
  const pieces: Token[][] = [];
  for (const { first, last } of analysis.sentences) {
    let piece: Token[] = [];
    for (let i = first; i <= last; i++) {
      const token = tokens[i]!;
      if (token.pos !== 'SPACE') piece.push(token);
      else if (token.text.includes('\n') && piece.length > 0) {
        pieces.push(piece);
        piece = [];
      }
    }
    if (piece.length > 0) pieces.push(piece);
  }

  const sentences: Sentence[] = [];
  let block = 0;
  let joined = 0;
  for (const piece of pieces) {
    const start = piece[0]!.start;
    while (block < blocks.length - 1 && blocks[block]!.end <= start) block++;
    if (blocks[block]?.kind === 'code') continue;
    const previous = sentences.at(-1);
    if (previous && previous.block === block && joined < MAX_JOINED && openQuotes(previous.tokens) > 0) {
      previous.tokens.push(...piece);
      previous.end = piece.at(-1)!.end;
      joined++;
      continue;
    }
    joined = 0;
    sentences.push({ tokens: piece, entities: [], block, start, end: piece.at(-1)!.end });
  }
  placeEntities(sentences, tokens, analysis.entities);
  return sentences;
}

/** Hands each number entity to the sentence holding it, with indexes into that sentence's tokens. */
function placeEntities(sentences: Sentence[], tokens: readonly Token[], entities: readonly Entity[]): void {
  const sentenceOf = new Int32Array(tokens.length).fill(-1);
  const place = new Int32Array(tokens.length);
  sentences.forEach((sentence, s) => sentence.tokens.forEach((token, index) => ((sentenceOf[token.index] = s), (place[token.index] = index))));
  for (const entity of entities) {
    const s = sentenceOf[entity.first]!;
    if (s < 0 || sentenceOf[entity.last] !== s) continue;
    sentences[s]!.entities.push({ type: entity.type, first: place[entity.first]!, last: place[entity.last]! });
  }
}
