/**
 * The text of one block as it is gathered from a converter's tree walk: text pieces are
 * appended with their white space collapsed as they come, and inline marks are opened and
 * closed around the content they cover. Shared by the Markdown and the web page
 * converters, so both give the same text for the same words.
 */
import type { Mark, MarkKind } from '../../shared/article-document';

/** The most marks one block may carry (the article model's limit); more are dropped, not the text. */
const MAX_MARKS = 100_000;

export interface InlineContent {
  text: string;
  /** Offsets relative to `text`; outer marks before inner ones that start at the same place. */
  marks: Mark[];
}

/** A table row's text: its non-empty cells joined by " | ", each cell's marks moved along. */
export function joinCells(cells: Iterable<InlineContent>): InlineContent {
  const row = new InlineText();
  for (const cell of cells) {
    if (cell.text === '') continue;
    if (!row.isEmpty) row.append(' |');
    row.appendContent(cell);
  }
  return row.take();
}

interface OpenMark {
  kind: MarkKind;
  href: string | undefined;
  start: number;
}

export class InlineText {
  private text = '';
  private marks: Mark[] = [];
  private readonly open: OpenMark[] = [];

  /** True while nothing but white space was appended. */
  get isEmpty(): boolean {
    return this.text.trim() === '';
  }

  /** Appends text, each run of white space made one space, never two spaces in a row nor one at the start. */
  append(raw: string): void {
    const collapsed = raw.replace(/\s+/g, ' ');
    if (collapsed === '') return;
    const pendingSpace = this.text === '' || this.text.endsWith(' ');
    this.text += pendingSpace && collapsed.startsWith(' ') ? collapsed.slice(1) : collapsed;
  }

  /** Appends content gathered elsewhere (a table cell), its marks moved along. */
  appendContent(content: InlineContent): void {
    if (content.text === '') return;
    this.append(' ');
    const offset = this.text.length;
    this.text += content.text;
    for (const mark of content.marks) this.record(mark, offset + mark.start, offset + mark.end);
  }

  /** Starts a mark at the next character; `closeMark` ends the innermost open one. */
  openMark(kind: MarkKind, href?: string): void {
    this.open.push({ kind, href, start: this.text.length });
  }

  closeMark(): void {
    const mark = this.open.pop();
    if (mark) this.record(mark, mark.start, this.text.length);
  }

  private record(mark: { kind: MarkKind; href?: string | undefined }, start: number, end: number): void {
    if (end <= start || this.marks.length >= MAX_MARKS) return;
    this.marks.push({ kind: mark.kind, start, end, ...(mark.href !== undefined ? { href: mark.href } : {}) });
  }

  /**
   * The gathered text, trimmed, with each mark shrunk to exclude spaces at its ends; empties
   * the buffer. Marks still open (a link around two paragraphs) cover the rest of this
   * block and go on from the start of the next.
   */
  take(): InlineContent {
    for (const mark of this.open) {
      this.record(mark, mark.start, this.text.length);
      mark.start = 0;
    }
    const text = this.text.trimEnd();
    const marks: Mark[] = [];
    for (const mark of this.marks) {
      let { start, end } = mark;
      end = Math.min(end, text.length);
      while (start < end && text[start] === ' ') start++;
      while (end > start && text[end - 1] === ' ') end--;
      if (end > start) marks.push({ ...mark, start, end });
    }
    marks.sort((a, b) => a.start - b.start || b.end - a.end);
    this.text = '';
    this.marks = [];
    return { text, marks };
  }
}
