/**
 * The notebook's data model (W3C Web Annotation, simplified), as zod schemas.
 * Types are inferred from the schemas so the runtime checks and the compile-time
 * types can never drift apart. This module has no Node, DOM or Electron import:
 * main, preload, renderer, browser host and CLI all share it.
 */
import { z } from 'zod';
import { ArticleDocumentSchema } from './article-document';

export const SCHEMA_VERSION = 4;

/** Ids are opaque, short, URL-safe strings made by newId(). */
export const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id (1–64 letters, digits, _ or -)');
export const TimestampSchema = z.string().datetime({ offset: true });

export const ArticleFormatSchema = z.enum(['text', 'markdown', 'html']);

export const ArticleSourceSchema = z.strictObject({
  url: z.string().max(2048).optional(),
  outlet: z.string().max(500).optional(),
  date: z.string().max(100).optional(),
  byline: z.string().max(500).optional(),
});

const ContentHashSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/);

/** The reader's form of a Markdown or web-page article; a plain-text one derives it from `content`. */
const hasDocumentUnlessText = (a: { format: string; document?: unknown }): boolean => a.format === 'text' || a.document !== undefined;
const DOCUMENT_REQUIRED = { message: 'a Markdown or web-page article needs its document' };

/** An earlier text of an article, kept when the source was updated (never lost). */
export const ArticleVersionSchema = z
  .strictObject({
    format: ArticleFormatSchema,
    content: z.string().max(20_000_000),
    contentHash: ContentHashSchema,
    document: ArticleDocumentSchema.optional(),
    addedAt: TimestampSchema,
    replacedAt: TimestampSchema,
  })
  .refine(hasDocumentUnlessText, DOCUMENT_REQUIRED);

export const ArticleSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string().min(1).max(1000),
    source: ArticleSourceSchema.optional(),
    format: ArticleFormatSchema,
    /** The original text as imported (Markdown source, page HTML, plain text). */
    content: z.string().max(20_000_000),
    contentHash: ContentHashSchema,
    document: ArticleDocumentSchema.optional(),
    addedAt: TimestampSchema,
    /** Earlier texts, oldest first. */
    versions: z.array(ArticleVersionSchema).max(1000).optional(),
  })
  .refine(hasDocumentUnlessText, DOCUMENT_REQUIRED);

/** Offsets are UTF-16 code unit indexes into the reader's canonical text. */
export const TextQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(1_000_000),
  prefix: z.string().max(64),
  suffix: z.string().max(64),
});

export const TextPositionSelectorSchema = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((p) => p.end > p.start, { message: 'end must be after start' });

export const SelectorsSchema = z.strictObject({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
});

export const ExcerptSchema = z.strictObject({
  id: IdSchema,
  articleId: IdSchema,
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
  createdAt: TimestampSchema,
  /**
   * After its article's text was updated: found elsewhere ('moved'), found changed
   * ('changed'), or not found ('orphaned': its selectors still describe the old text).
   * Cleared when the user confirms or re-attaches it.
   */
  review: z.enum(['moved', 'changed', 'orphaned']).optional(),
});

export const NoteKindSchema = z.enum(['annotation', 'lead']);
export const LeadStatusSchema = z.enum(['open', 'in-progress', 'done', 'dropped']);
export const TagSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^\s#,]+$/u, 'a tag is one word without spaces, commas or #');

export const NoteBodySchema = z.string().max(5_000_000);

export const NoteSchema = z.strictObject({
  id: IdSchema,
  articleId: IdSchema,
  kind: NoteKindSchema,
  body: NoteBodySchema,
  tags: z.array(TagSchema).max(100),
  excerptIds: z.array(IdSchema).max(10_000),
  /** Present exactly when kind is 'lead'. */
  status: LeadStatusSchema.optional(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

/** What a suggested lead points at (notebook/suggest): a sourced claim, an unnamed source, a figure, a hedge. */
export const SuggestionKindSchema = z.enum(['attributed-claim', 'unnamed-source', 'figure', 'hedge']);

/**
 * A suggested lead the user dismissed (v4). Suggestions are computed from the article's text,
 * so a dismissal names the suggestion by its kind and the exact text it points at: it stays
 * dismissed wherever that text moves when the article is updated.
 */
export const DismissalSchema = z.strictObject({
  id: IdSchema,
  articleId: IdSchema,
  kind: SuggestionKindSchema,
  quote: z.string().min(1).max(1_000_000),
  dismissedAt: TimestampSchema,
});

export const UiStateSchema = z.strictObject({
  currentArticleId: IdSchema.optional(),
  /** Reader scroll position per article, as a fraction 0..1 of the scrollable height. */
  scroll: z.record(IdSchema, z.number().min(0).max(1)),
  /** When each article was last opened (the library sorts by it). */
  openedAt: z.record(IdSchema, TimestampSchema).optional(),
});

export const NotebookSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articles: z.array(ArticleSchema),
  excerpts: z.array(ExcerptSchema),
  notes: z.array(NoteSchema),
  /** Suggested leads the user dismissed, per article (v4). */
  dismissals: z.array(DismissalSchema),
  ui: UiStateSchema,
});

export type ArticleFormat = z.infer<typeof ArticleFormatSchema>;
export type ArticleSource = z.infer<typeof ArticleSourceSchema>;
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;
export type Selectors = z.infer<typeof SelectorsSchema>;
export type Excerpt = z.infer<typeof ExcerptSchema>;
export type NoteKind = z.infer<typeof NoteKindSchema>;
export type LeadStatus = z.infer<typeof LeadStatusSchema>;
export type Note = z.infer<typeof NoteSchema>;
export type UiState = z.infer<typeof UiStateSchema>;
export type SuggestionKind = z.infer<typeof SuggestionKindSchema>;
export type Dismissal = z.infer<typeof DismissalSchema>;
export type Notebook = z.infer<typeof NotebookSchema>;

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export function emptyNotebook(): Notebook {
  return { schemaVersion: SCHEMA_VERSION, articles: [], excerpts: [], notes: [], dismissals: [], ui: { scroll: {} } };
}
