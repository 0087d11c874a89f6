/**
 * A card's height before it is measured, from its text: the virtual list places unmeasured
 * cards (and sizes its scrollbar) by these, so the closer they are, the less the list
 * shifts as cards are measured, and a drag to the bottom of the pane lands at the end.
 */
/** Badge row, actions row, padding and borders. */
const FRAME_PX = 100;
const LINE_PX = 22;
/** Characters per line in a pane of middle width (quotes are indented, so hold fewer). */
const BODY_CHARS_PER_LINE = 42;
const QUOTE_CHARS_PER_LINE = 32;
/** Quotes fold at 280 characters (NoteCard's FOLD_AT), so at most this many lines each. */
const QUOTE_MAX_LINES = 10;
const TAGS_PX = 28;

function lines(text: string, perLine: number): number {
  let count = 0;
  for (const paragraph of text.split('\n')) count += Math.max(1, Math.ceil(paragraph.length / perLine));
  return count;
}

export function estimateCardHeight(body: string, quotes: readonly string[], tagged: boolean): number {
  let height = FRAME_PX + LINE_PX * lines(body.trim() || 'Nothing written yet.', BODY_CHARS_PER_LINE);
  for (const quote of quotes) height += LINE_PX * Math.min(QUOTE_MAX_LINES, lines(quote.replace(/\s+/g, ' '), QUOTE_CHARS_PER_LINE)) + 6;
  return height + (tagged ? TAGS_PX : 0);
}
