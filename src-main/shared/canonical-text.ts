/**
 * The reader's canonical text: the one string every selector offset refers to.
 *
 * A plain-text article is split into paragraphs at blank lines; inside a paragraph
 * every run of white space becomes one space (that is what the reader shows), and
 * paragraphs are joined with "\n\n". The reader renders paragraph i as one text node
 * holding exactly `text.slice(paragraphs[i].start, paragraphs[i].end)`, so a DOM
 * position maps to a canonical offset by adding the paragraph's start.
 */
export interface Paragraph {
  start: number;
  end: number;
}

export interface CanonicalText {
  text: string;
  paragraphs: Paragraph[];
}

export const PARAGRAPH_SEPARATOR = '\n\n';

export function canonicalText(content: string): CanonicalText {
  const blocks = content
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\f\v\u00a0]*\n/)
    // Every run of white space becomes one space. A lone space, most of them, is left as it
    // is: replacing it by itself made this three times slower on a 1 MB article.
    .map((block) => block.replace(/\s{2,}|[^\S ]/g, ' ').trim())
    .filter((block) => block.length > 0);
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const block of blocks) {
    paragraphs.push({ start: offset, end: offset + block.length });
    offset += block.length + PARAGRAPH_SEPARATOR.length;
  }
  return { text: blocks.join(PARAGRAPH_SEPARATOR), paragraphs };
}

/**
 * Splits a plain-text file into title and body: the first non-empty line is the
 * title when a blank line follows it (the bundled article's shape); otherwise the
 * caller's fallback title is used and the whole file is the body.
 */
export function splitTitle(fileText: string, fallbackTitle: string): { title: string; body: string } {
  const normalized = fileText.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const match = /^\s*([^\n]+)\n[ \t]*\n([\s\S]*)$/.exec(normalized);
  if (match && match[1]!.trim().length <= 300) return { title: match[1]!.trim(), body: match[2]! };
  return { title: fallbackTitle, body: normalized };
}
