/**
 * An article as the reader shows it: one canonical text (what every selector offset
 * refers to) cut into blocks — headings, paragraphs, list items, quote paragraphs, code —
 * with inline marks (emphasis, strong, code, links, images as their alt text) as offset
 * ranges over the same text. Blocks follow each other separated by exactly "\n\n".
 *
 * Plain-text articles are cut into paragraphs at blank lines (canonical-text.ts);
 * Markdown and web pages are converted once, at import, by the notebook core, and the
 * result is stored with the article, so the reader never parses a source format.
 * No Node, DOM or Electron import.
 */
import { z } from 'zod';
import { canonicalText } from './canonical-text';

export const BLOCK_SEPARATOR = '\n\n';

export const BlockKindSchema = z.enum(['heading', 'paragraph', 'item', 'quote', 'code']);
export const MarkKindSchema = z.enum(['em', 'strong', 'code', 'strike', 'link', 'image']);

const Offset = z.number().int().nonnegative();

export const MarkSchema = z.strictObject({
  kind: MarkKindSchema,
  start: Offset,
  end: Offset,
  /** A link's destination (http, https or mailto only; checked again when opened). */
  href: z.string().max(4096).optional(),
});

export const BlockSchema = z.strictObject({
  kind: BlockKindSchema,
  /** A heading's level (1–6), or a list item's or quote's nesting depth (1 = outermost). */
  level: z.number().int().min(1).max(6).optional(),
  start: Offset,
  end: Offset,
  marks: z.array(MarkSchema).max(100_000).optional(),
});

export const ArticleDocumentSchema = z
  .strictObject({
    text: z.string().max(20_000_000),
    blocks: z.array(BlockSchema).max(1_000_000),
  })
  .superRefine((doc, ctx) => {
    const problem = documentProblem(doc);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export type BlockKind = z.infer<typeof BlockKindSchema>;
export type MarkKind = z.infer<typeof MarkKindSchema>;
export type Mark = z.infer<typeof MarkSchema>;
export type Block = z.infer<typeof BlockSchema>;
export type ArticleDocument = z.infer<typeof ArticleDocumentSchema>;

/** Why a document breaks its invariants, or null: blocks in order, non-empty, "\n\n" between, marks inside their block. */
export function documentProblem(doc: { text: string; blocks: readonly Block[] }): string | null {
  let expected = 0;
  for (const [i, block] of doc.blocks.entries()) {
    if (block.start !== expected) return `block ${i} starts at ${block.start}, not ${expected}`;
    if (block.end <= block.start) return `block ${i} is empty`;
    if (block.end > doc.text.length) return `block ${i} ends past the text`;
    for (const mark of block.marks ?? []) {
      if (mark.start < block.start || mark.end > block.end || mark.end <= mark.start) return `a mark of block ${i} lies outside it`;
    }
    const next = block.end + BLOCK_SEPARATOR.length;
    if (i < doc.blocks.length - 1 && doc.text.slice(block.end, next) !== BLOCK_SEPARATOR) return `block ${i} is not followed by a blank line`;
    expected = next;
  }
  const end = doc.blocks.at(-1)?.end ?? 0;
  if (end !== doc.text.length) return `the text goes on after the last block`;
  return null;
}

/** A plain-text article's document: its paragraphs, no marks. */
export function plainTextDocument(content: string): ArticleDocument {
  const { text, paragraphs } = canonicalText(content);
  return { text, blocks: paragraphs.map(({ start, end }) => ({ kind: 'paragraph' as const, start, end })) };
}

/** What the reader shows of an article: the stored document, or a plain-text article's paragraphs. */
export function documentOf(article: { format: string; content: string; document?: ArticleDocument }): ArticleDocument {
  return article.document ?? plainTextDocument(article.content);
}

/** Index of the block containing `offset`; an offset on a separator belongs to the block before it. */
export function blockAt(blocks: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Builds a document block by block, so converters (Markdown, web pages) only say what
 * each block holds. Text is taken as given; callers normalize white space first.
 */
export class DocumentBuilder {
  private text = '';
  private readonly blocks: Block[] = [];

  /** Adds a block; `marks` are offsets relative to `text`. Empty blocks are dropped. */
  add(kind: BlockKind, text: string, options: { level?: number; marks?: readonly Mark[] } = {}): void {
    if (text.length === 0) return;
    if (this.blocks.length > 0) this.text += BLOCK_SEPARATOR;
    const start = this.text.length;
    this.text += text;
    const marks = (options.marks ?? [])
      .map((m) => ({ ...m, start: start + Math.max(0, m.start), end: start + Math.min(text.length, m.end) }))
      .filter((m) => m.end > m.start);
    this.blocks.push({
      kind,
      ...(options.level !== undefined ? { level: Math.min(6, Math.max(1, options.level)) } : {}),
      start,
      end: this.text.length,
      ...(marks.length > 0 ? { marks } : {}),
    });
  }

  build(): ArticleDocument {
    return { text: this.text, blocks: this.blocks };
  }
}
