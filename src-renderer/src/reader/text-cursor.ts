/**
 * The keyboard's sentence cursor over the canonical text, as pure offsets: which
 * sentence comes next or before, how a choice grows or shrinks by a sentence or a word.
 * Sentences and words are the browser's own (Intl.Segmenter), found block by block:
 * a sentence never runs from one paragraph into the next, and a 1 MB article is never
 * segmented whole, only the blocks a step passes.
 */
import { blockAt, type Block } from '@shared/article-document';
import type { TextRange } from '@shared/anchoring/text-range';

export interface CursorDocument {
  text: string;
  blocks: readonly Block[];
}

/** A choice and which of its ends moves when it is extended (an editor's anchor and focus). */
export interface Cursor extends TextRange {
  focus: 'start' | 'end';
}

type Granularity = 'sentence' | 'word';

const segmenters: Record<Granularity, Intl.Segmenter> = {
  sentence: new Intl.Segmenter(undefined, { granularity: 'sentence' }),
  word: new Intl.Segmenter(undefined, { granularity: 'word' }),
};

/**
 * Words ending in a full stop that do not end a sentence: titles before a name, and Latin
 * abbreviations inside one. The browser's sentence segmenter breaks after them ("Mr. |
 * Smith"); ICU's own list of these (the "ss" locale key) is not applied by V8. Words that
 * often do end a sentence ("etc.", "Jr.", "U.S.", "No.") are left out: a break too many is
 * better than two sentences run together.
 */
const NOT_A_SENTENCE_END = /(?:^|[\s(“"'‘])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Hon|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Gov|Sen|Rep|Pres|Mt|Ft|e\.g|i\.e|cf|vs|viz|approx|ca|fig|Fig|vol|Vol|pp|p)\.$/;

/** Segments by block: a block's object lives as long as its article's document. */
const cache: Record<Granularity, WeakMap<Block, readonly TextRange[]>> = { sentence: new WeakMap(), word: new WeakMap() };

/** A block's sentences (without the white space around them) or its words (word-like segments only), in canonical offsets. */
function segmentsOf(doc: CursorDocument, index: number, granularity: Granularity): readonly TextRange[] {
  const block = doc.blocks[index]!;
  let found = cache[granularity].get(block);
  if (found) return found;
  const ranges: TextRange[] = [];
  for (const piece of segmenters[granularity].segment(doc.text.slice(block.start, block.end))) {
    if (granularity === 'word' && !piece.isWordLike) continue;
    const lead = piece.segment.length - piece.segment.trimStart().length;
    const trimmed = piece.segment.trim().length;
    if (trimmed === 0) continue;
    const start = block.start + piece.index + lead;
    const previous = ranges.at(-1);
    if (granularity === 'sentence' && previous && NOT_A_SENTENCE_END.test(doc.text.slice(previous.start, previous.end))) previous.end = start + trimmed;
    else ranges.push({ start, end: start + trimmed });
  }
  found = ranges;
  cache[granularity].set(block, found);
  return found;
}

/** The first segment, in reading order from the block holding `offset`, that passes `test`. */
function firstSegment(doc: CursorDocument, granularity: Granularity, offset: number, test: (segment: TextRange) => boolean): TextRange | null {
  if (doc.blocks.length === 0) return null;
  for (let i = blockAt(doc.blocks, offset); i < doc.blocks.length; i++) {
    const found = segmentsOf(doc, i, granularity).find(test);
    if (found) return found;
  }
  return null;
}

/** The last segment, going back from the block holding `offset`, that passes `test`. */
function lastSegment(doc: CursorDocument, granularity: Granularity, offset: number, test: (segment: TextRange) => boolean): TextRange | null {
  if (doc.blocks.length === 0) return null;
  for (let i = blockAt(doc.blocks, offset); i >= 0; i--) {
    const found = segmentsOf(doc, i, granularity).findLast(test);
    if (found) return found;
  }
  return null;
}

/** Where the cursor starts when nothing is chosen: the first sentence starting at or after `offset` (the top of the view), else the one holding it. */
export function sentenceFrom(doc: CursorDocument, offset: number): TextRange | null {
  return firstSegment(doc, 'sentence', offset, (s) => s.start >= offset) ?? lastSegment(doc, 'sentence', offset, (s) => s.start < offset);
}

/** The sentence after the choice (↓), or null at the end of the article. */
export function nextSentence(doc: CursorDocument, range: TextRange): TextRange | null {
  return firstSegment(doc, 'sentence', range.end, (s) => s.start >= range.end);
}

/** The sentence before the choice (↑), or null at the start of the article. */
export function previousSentence(doc: CursorDocument, range: TextRange): TextRange | null {
  return lastSegment(doc, 'sentence', range.start, (s) => s.end <= range.start);
}

/**
 * Shift+↓ (direction 1) and Shift+↑ (-1), as in a text editor: the moving end goes one
 * sentence on; a choice of more than one sentence gives back a sentence at that end, one
 * of a single sentence grows the other way. Null when there is nothing further.
 */
export function extendBySentence(doc: CursorDocument, cursor: Cursor, direction: 1 | -1): Cursor | null {
  const { start, end } = cursor;
  if (direction === 1) {
    if (cursor.focus === 'start') {
      const after = firstSegment(doc, 'sentence', start, (s) => s.start > start);
      if (after && after.start < end) return { start: after.start, end, focus: 'start' };
    }
    const next = firstSegment(doc, 'sentence', end, (s) => s.end > end);
    return next ? { start, end: next.end, focus: 'end' } : null;
  }
  if (cursor.focus === 'end') {
    const before = lastSegment(doc, 'sentence', end, (s) => s.end < end);
    if (before && before.end > start) return { start, end: before.end, focus: 'end' };
  }
  const previous = lastSegment(doc, 'sentence', start, (s) => s.start < start);
  return previous ? { start: previous.start, end, focus: 'start' } : null;
}

/** Alt+Shift+→ (1) takes the next word into the choice, Alt+Shift+← (-1) gives back its last; the start stays. Null when it cannot. */
export function adjustEndByWord(doc: CursorDocument, range: TextRange, direction: 1 | -1): TextRange | null {
  const { start, end } = range;
  const word = direction === 1 ? firstSegment(doc, 'word', end, (w) => w.end > end) : lastSegment(doc, 'word', end, (w) => w.end < end && w.end > start);
  return word ? { start, end: word.end } : null;
}

/** What a screen reader hears of a choice: its text, long ones cut in the middle. */
export function spokenChoice(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, Math.round(max * 0.65)).replace(/\s+\S*$/, '');
  const tail = flat.slice(flat.length - Math.round(max * 0.3)).replace(/^\S*\s+/, '');
  return `${head} … ${tail}`;
}
