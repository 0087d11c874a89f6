/**
 * The numbers of the anchoring policy, each with its reason. POLICY.md beside this file
 * says what they trade against each other, and what was measured to choose them.
 */

/**
 * Hypothesis's weights for scoring a candidate place (its matchQuote): the quote counts
 * most, the context next, and nearness to the old position only breaks near-ties.
 */
export const WEIGHT = {
  /** How closely the text there matches the quote: the thing the note is about. */
  quote: 50,
  /** How closely the text before it matches the stored prefix. */
  prefix: 20,
  /** How closely the text after it matches the stored suffix. */
  suffix: 20,
  /** How near it is to the stored position: small, as any edit before it moves it. */
  position: 2,
} as const;

export const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

/** Quotes shorter than this (a name, a number) turn up by chance all over a long text, so they need their context. */
export const SHORT_QUOTE_LENGTH = 32;

/** A short quote scoring below this is no match: chance matches of short quotes scored up to 0.80 on the bundled article. */
export const MIN_SCORE_SHORT = 0.82;

/** A longer quote scoring below this is no match: chance matches of longer quotes scored up to 0.60. */
export const MIN_SCORE_LONG = 0.7;

export function minScore(quoteLength: number): number {
  return quoteLength < SHORT_QUOTE_LENGTH ? MIN_SCORE_SHORT : MIN_SCORE_LONG;
}

/** A fuzzy match may differ from the quote by a quarter of its length: a typo fixed, a word changed. */
export function errorBudget(quoteLength: number): number {
  return Math.floor(quoteLength / 4);
}

/**
 * What unrelated English context scores by chance (measured on the bundled article).
 * Context cut off by the start or end of the text scores this: no evidence for a place,
 * and no more against it than unrelated text would be.
 */
export const CHANCE_AGREEMENT = 0.3;

/**
 * A fuzzy match may replace no more than half of any this many consecutive characters of
 * the quote: spread edits leave the same passage, two or three words replaced wholesale
 * leave one that says something else (dom-anchor-text-quote's rule, per 32-character slice).
 */
export const STRETCH_LENGTH = 16;

/**
 * An occurrence near its stored position whose context on each side is at least this
 * similar (4 of 32 characters edited) is as strong evidence as one whole side intact:
 * an editor touching a word beside a quote must not send it to a copy elsewhere that
 * kept one side and lost the other.
 */
export const NEARLY_INTACT_SIDE = 0.875;

/** How far from its old position an excerpt counts as near it: an edit of a few paragraphs moves it less. */
export const NEAR_DISTANCE = 4096;
