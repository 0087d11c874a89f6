/** A range of UTF-16 offsets in a text: start inclusive, end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** How an anchor was found: at its stored position, by its exact quote, or by a fuzzy match. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor extends TextRange {
  method: AnchorMethod;
}

/** A place the quote may be, and how many edits the text there differs from it by. */
export interface Candidate extends TextRange {
  errors: number;
}
