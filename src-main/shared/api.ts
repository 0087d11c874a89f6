/**
 * The one API contract between the UI and the notebook services.
 *
 * Every call is listed once here with the zod schema of its input and the type of
 * its result. Main registers IPC handlers from this list, the preload exposes
 * `window.leadline` from it, the browser host serves it over HTTP, and the
 * renderer calls nothing else. Channel names and URLs are derived from the call
 * names below, never written by hand.
 */
import { z } from 'zod';
import {
  ArticleSchema,
  DismissalSchema,
  type ArticleFormat,
  type ArticleSource,
  ExcerptSchema,
  IdSchema,
  LeadStatusSchema,
  NoteBodySchema,
  NoteKindSchema,
  NoteSchema,
  SelectorsSchema,
  TagSchema,
  type Article,
  type Excerpt,
  type Note,
  type Dismissal,
  SuggestionKindSchema,
  type SuggestionKind,
} from './model';
import { isRendererCommand, type RendererCommandId } from './commands';
import type { DeepLink } from './deep-link';
import type { AnnotationImportReport } from './import-report';

export const ApiErrorCodeSchema = z.enum([
  'invalid-input',
  'not-found',
  'notebook-unavailable',
  'read-only',
  'storage',
  'conflict',
  'recovery-needed',
  'not-supported',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export interface ApiError {
  code: ApiErrorCode;
  /** A sentence for the user: what happened and what to do. */
  message: string;
  /** Extra facts the UI may list (schema issues, backup paths…). */
  details?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A set of record changes. Every mutation returns the patch it made and the patch that undoes it. */
const unique = (ids: readonly string[]): boolean => new Set(ids).size === ids.length;

/**
 * A precondition: the record's version as the patch expects to find it (null: absent).
 * Versions are opaque digests made by the notebook core. Undo and redo patches carry
 * one per record they touch, so a patch made stale by a change elsewhere is refused
 * (`conflict`) instead of silently overwriting newer work.
 */
export const ExpectationSchema = z.strictObject({
  record: z.enum(['note', 'excerpt', 'article', 'dismissal']),
  id: IdSchema,
  version: z.string().regex(/^[0-9a-f]{40}$/).nullable(),
});
export type Expectation = z.infer<typeof ExpectationSchema>;

export const PatchSchema = z
  .strictObject({
    upsertNotes: z.array(NoteSchema).max(10_000),
    upsertExcerpts: z.array(ExcerptSchema).max(10_000),
    removeNoteIds: z.array(IdSchema).max(10_000),
    removeExcerptIds: z.array(IdSchema).max(10_000),
    /** Articles change rarely (import, rename, update, delete): optional, so note patches stay small. */
    upsertArticles: z.array(ArticleSchema).max(100).optional(),
    removeArticleIds: z.array(IdSchema).max(1000).optional(),
    /** Dismissed suggestions (a dismissal, its undo, an article's deletion): optional like articles. */
    upsertDismissals: z.array(DismissalSchema).max(10_000).optional(),
    removeDismissalIds: z.array(IdSchema).max(10_000).optional(),
    expect: z.array(ExpectationSchema).max(20_000).optional(),
  })
  // Each record at most once: the inverse must hold its state from before the patch.
  .refine(
    (p) =>
      unique([...p.upsertNotes.map((n) => n.id), ...p.removeNoteIds]) &&
      unique([...p.upsertExcerpts.map((e) => e.id), ...p.removeExcerptIds]) &&
      unique([...(p.upsertArticles ?? []).map((a) => a.id), ...(p.removeArticleIds ?? [])]) &&
      unique([...(p.upsertDismissals ?? []).map((d) => d.id), ...(p.removeDismissalIds ?? [])]),
    { message: 'a patch names each record at most once' },
  );
export type Patch = z.infer<typeof PatchSchema>;

export function emptyPatch(): Patch {
  return { upsertNotes: [], upsertExcerpts: [], removeNoteIds: [], removeExcerptIds: [] };
}

export function isEmptyPatch(patch: Patch): boolean {
  return (
    !patch.upsertNotes.length &&
    !patch.upsertExcerpts.length &&
    !patch.removeNoteIds.length &&
    !patch.removeExcerptIds.length &&
    !patch.upsertArticles?.length &&
    !patch.removeArticleIds?.length &&
    !patch.upsertDismissals?.length &&
    !patch.removeDismissalIds?.length
  );
}

export interface Mutation {
  /** What changed, to apply to the UI's copy of the records. */
  applied: Patch;
  /** Applying this patch restores the records as they were before (it expects the records as `applied` left them). */
  inverse: Patch;
}

/** A mutation as the store answers it. */
export type SavedMutation<Extra = object> = Mutation &
  Extra & {
    /** False when the change is kept in memory but not yet on disk (the store retries; StoreInfo.writeError says why). */
    saved: boolean;
    /** The store's revision after this change (StoreInfo.revision). */
    revision: number;
  };

/** One article in the library list. */
export interface ArticleSummary {
  id: string;
  title: string;
  source?: ArticleSource;
  format: ArticleFormat;
  addedAt: string;
  openedAt?: string;
  notes: number;
  openLeads: number;
  /** Earlier texts kept (after updates from a newer file). */
  versions: number;
}

/** What re-anchoring did to an article's excerpts when its text was replaced. */
export interface UpdateReport {
  stayed: number;
  moved: number;
  changed: number;
  orphaned: number;
}

/** A lead of any article, for the library-wide list. */
export interface LeadEntry {
  note: Note;
  articleTitle: string;
  /** The exact text of the excerpts it rests on, in its order (orphans included). */
  quotes: string[];
}

export interface StoreInfo {
  path: string;
  readOnly: boolean;
  readOnlyReason?: string;
  lastSavedAt?: string;
  writeError?: string;
  recoveredFrom?: string;
  /** What could not be replayed from the change log when the notebook was opened (a sentence), if anything. */
  journalNotice?: string;
  /**
   * Counts changes to the notebook's records. A window that sees it move by more than its
   * own changes reloads: another window (or, read-only, another process) changed the notebook.
   */
  revision: number;
}

export interface Workspace {
  app: { name: string; version: string; host: HostKind };
  store: StoreInfo;
  articles: ArticleSummary[];
  article: Article;
  excerpts: Excerpt[];
  notes: Note[];
  /** The suggested leads dismissed for this article. */
  dismissals: Dismissal[];
  /** Saved reader scroll position for this article, 0..1. */
  scroll: number;
  /** Asked for with `deferRecords`: `excerpts` and `notes` are empty, and come from `getRecords`. */
  recordsDeferred?: boolean;
}

/** The open article's records, asked for apart from the workspace so that the article is painted before they arrive. */
export interface ArticleRecords {
  articleId: string;
  /** The store's revision they reflect (see StoreInfo.revision). */
  revision: number;
  excerpts: Excerpt[];
  notes: Note[];
}

export type HostKind = 'electron' | 'browser';

export interface BackupEntry {
  id: string;
  createdAt: string;
  bytes: number;
  /** Why it is pinned (never pruned until unpinned), when it is. */
  pinned?: string;
}

export const ExportScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('article'), articleId: IdSchema }),
  z.strictObject({ kind: z.literal('all') }),
]);
export type ExportScopeInput = z.infer<typeof ExportScopeSchema>;

const Empty = z.strictObject({});

/** How the app looks, the reader's and not the notebook's: kept in the user-data folder (preferences.json). */
export const PreferencesSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']),
  /** Text size as steps of 10 % from the usual. */
  textStep: z.number().int().min(-3).max(6),
  width: z.enum(['narrow', 'medium', 'wide']),
  libraryOpen: z.boolean(),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
export const DEFAULT_PREFERENCES: Preferences = { theme: 'system', textStep: 0, width: 'medium', libraryOpen: true };
/** Preferences as found in a file or a cache: each field falls back to its default on its own, so one bad field loses nothing else. */
export const StoredPreferencesSchema = z
  .object({
    theme: PreferencesSchema.shape.theme.catch(DEFAULT_PREFERENCES.theme),
    textStep: PreferencesSchema.shape.textStep.catch(DEFAULT_PREFERENCES.textStep),
    width: PreferencesSchema.shape.width.catch(DEFAULT_PREFERENCES.width),
    libraryOpen: PreferencesSchema.shape.libraryOpen.catch(DEFAULT_PREFERENCES.libraryOpen),
  })
  .catch(DEFAULT_PREFERENCES);

/** Preferences from stored text (JSON), never failing: damaged text gives the defaults. */
export function parseStoredPreferences(text: string | null): Preferences {
  try {
    return StoredPreferencesSchema.parse(text === null ? {} : JSON.parse(text));
  } catch {
    return DEFAULT_PREFERENCES;
  }
}
const BackupIdSchema = z.string().min(1).max(200);

const Tags = z.array(TagSchema).max(100);

/** A file's bytes, base64-encoded (20 MB of file at most), and its name (for its format and messages). */
const FileSchema = z.strictObject({
  fileName: z.string().min(1).max(1000),
  data: z.base64().max(26_666_668),
});

interface CallDef<Input extends z.ZodType, Output> {
  input: Input;
  /** Type-only: the result a successful call resolves to. */
  output?: Output;
}

/** Declares a call: `returns<Result>()(inputSchema)`; the result type exists only for the compiler. */
function returns<Output>() {
  return <Input extends z.ZodType>(input: Input): CallDef<Input, Output> => ({ input });
}

// --- Suggested leads (notebook/suggest): computed from the text, offered, added or dismissed ---

/** A span of the article worth a lead: offsets into its canonical text, as excerpts have them. */
export interface Suggestion {
  kind: SuggestionKind;
  /** The article's text from `start` to `end`. */
  quote: string;
  start: number;
  end: number;
  /** Who the claim (or the figure's sentence) is attributed to, as the text names them; null when no one is. */
  source: string | null;
  /** The proposed lead's text. */
  lead: string;
}

const suggestionCalls = {
  /** The suggestions for an article's current text (dismissed ones included: the workspace's `dismissals` say which). */
  getSuggestions: returns<Suggestion[]>()(z.strictObject({ articleId: IdSchema })),
  /** Hides a suggestion for this article (undoable; kept in the notebook). `start`/`end` locate its text, `quote` is that text as shown. */
  dismissSuggestion: returns<SavedMutation>()(
    z
      .strictObject({ articleId: IdSchema, kind: SuggestionKindSchema, start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), quote: z.string().min(1).max(100_000) })
      .refine((v) => v.end > v.start, { message: 'end must be after start' }),
  ),
};

// --- Interchange (issue 12): exports in every format, annotations in, deep links ---

export const ExportFormatSchema = z.enum(['markdown', 'w3c', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;
/** `commonmark`: HTML anchors and `[E1](#e1)` links; `obsidian`: block ids `^e1` and `[[#^e1|E1]]` links. */
export const MarkdownFlavorSchema = z.enum(['commonmark', 'obsidian']);
export type MarkdownFlavor = z.infer<typeof MarkdownFlavorSchema>;
const ExportRequestSchema = z.strictObject({ scope: ExportScopeSchema, format: ExportFormatSchema, flavor: MarkdownFlavorSchema.optional() });

/** An annotations file: 50 MB of JSON at most, base64-encoded. */
export const MAX_ANNOTATION_FILE_BYTES = 50 * 1024 * 1024;

const interchangeCalls = {
  /** The export in any format as text, with the file name to offer (the browser host downloads it). */
  exportFile: returns<{ fileName: string; mediaType: string; text: string }>()(ExportRequestSchema),
  /** Desktop only: asks where to save the export, then writes it. null when the user cancels. */
  saveExportFile: returns<{ savedTo: string | null }>()(ExportRequestSchema),
  /** Imports W3C Web Annotations or Hypothesis JSON, all or nothing; `articleId` puts them all on that article. */
  importAnnotations: returns<SavedMutation<{ report: AnnotationImportReport }>>()(
    z.strictObject({ fileName: z.string().min(1).max(1000), data: z.base64().max(Math.ceil(MAX_ANNOTATION_FILE_BYTES / 3) * 4 + 4), articleId: IdSchema.optional() }),
  ),
  /** The deep link the desktop was asked to open (leadline://open?…), taken once; null when none waits. */
  takeDeepLink: returns<DeepLink | null>()(Empty),
  getPreferences: returns<Preferences>()(Empty),
  /** Changes the preferences named (another window's other changes stay); answers with all that is now kept. */
  setPreferences: returns<Preferences>()(PreferencesSchema.partial().refine((fields) => Object.keys(fields).length > 0, { message: 'name at least one preference to change' })),
};

export const contract = {
  ...suggestionCalls,
  /** The open article (or `articleId`) with its records (or, with `deferRecords`, without them), and the library. */
  getWorkspace: returns<Workspace>()(z.strictObject({ articleId: IdSchema.optional(), deferRecords: z.boolean().optional() })),
  /** The excerpts and notes of the open article (or `articleId`). */
  getRecords: returns<ArticleRecords>()(z.strictObject({ articleId: IdSchema.optional() })),
  /** Makes an article the open one (remembered, with when it was opened). */
  openArticle: returns<Workspace>()(z.strictObject({ articleId: IdSchema })),
  listArticles: returns<ArticleSummary[]>()(Empty),
  /** Every lead of every article. */
  listLeads: returns<LeadEntry[]>()(Empty),
  /** Imports a text, Markdown or saved web page file; a file already in the library is named, not added twice. */
  importArticle: returns<SavedMutation<{ articleId: string; title: string; duplicate: boolean }>>()(FileSchema),
  /** Makes an article of pasted text or HTML (the clipboard's flavours). */
  pasteArticle: returns<SavedMutation<{ articleId: string; title: string; duplicate: boolean }>>()(
    z.strictObject({ text: z.string().max(20_000_000), html: z.string().max(20_000_000) }).refine((v) => v.text.trim() !== '' || v.html.trim() !== '', { message: 'nothing was pasted' }),
  ),
  /** Replaces an article's text with a newer version of its source; the old text is kept. */
  updateArticle: returns<SavedMutation<{ report: UpdateReport }>>()(FileSchema.extend({ articleId: IdSchema })),
  renameArticle: returns<SavedMutation>()(z.strictObject({ articleId: IdSchema, title: z.string().min(1).max(1000) })),
  /** Deletes an article with its excerpts and notes (undoable; backups keep it too). */
  deleteArticle: returns<SavedMutation<{ notes: number; excerpts: number }>>()(z.strictObject({ articleId: IdSchema })),
  /** Points an excerpt (an orphan, usually) at a new selection of its article. */
  reattachExcerpt: returns<SavedMutation>()(z.strictObject({ excerptId: IdSchema, selectors: SelectorsSchema })),
  /** The user checked a moved or changed excerpt after an update. */
  confirmExcerpt: returns<SavedMutation>()(z.strictObject({ excerptId: IdSchema })),
  getStoreInfo: returns<StoreInfo>()(Empty),
  createNote: returns<SavedMutation<{ noteId: string }>>()(
    z.strictObject({
      articleId: IdSchema,
      kind: NoteKindSchema,
      /** New excerpts to create from the reader's selection. */
      selectors: z.array(SelectorsSchema).max(100),
      /** Existing excerpts the note cites as well. */
      excerptIds: z.array(IdSchema).max(100),
      body: NoteBodySchema.optional(),
      tags: Tags.optional(),
    }),
  ),
  updateNote: returns<SavedMutation>()(
    z.strictObject({
      id: IdSchema,
      body: NoteBodySchema.optional(),
      tags: Tags.optional(),
      status: LeadStatusSchema.optional(),
    }),
  ),
  /** A plain highlight: an excerpt of the selection with no note. */
  highlight: returns<SavedMutation<{ excerptId: string }>>()(z.strictObject({ articleId: IdSchema, selectors: SelectorsSchema })),
  linkExcerpt: returns<SavedMutation<{ excerptId: string }>>()(
    z
      .strictObject({ noteId: IdSchema, excerptId: IdSchema.optional(), selectors: SelectorsSchema.optional() })
      .refine((v) => (v.excerptId === undefined) !== (v.selectors === undefined), {
        message: 'give either excerptId or selectors, not both',
      }),
  ),
  unlinkExcerpt: returns<SavedMutation>()(z.strictObject({ noteId: IdSchema, excerptId: IdSchema })),
  deleteNote: returns<SavedMutation>()(
    z.strictObject({
      id: IdSchema,
      /** Keep excerpts that no other note cites as plain highlights. */
      keepExcerpts: z.boolean(),
    }),
  ),
  deleteExcerpt: returns<SavedMutation>()(z.strictObject({ id: IdSchema })),
  /** Undo and redo: applies a patch that an earlier mutation returned; refused with `conflict` when its records changed since. */
  applyPatch: returns<SavedMutation>()(PatchSchema),
  setReaderScroll: returns<null>()(
    z.strictObject({ articleId: IdSchema, scroll: z.number().min(0).max(1) }),
  ),
  exportMarkdown: returns<{ fileName: string; markdown: string }>()(
    z.strictObject({ scope: ExportScopeSchema }),
  ),
  /** Desktop only: asks where to save, then writes the file. null when the user cancels. */
  saveExport: returns<{ savedTo: string | null }>()(z.strictObject({ scope: ExportScopeSchema })),
  noteMarkdown: returns<{ markdown: string }>()(z.strictObject({ noteId: IdSchema })),
  listBackups: returns<BackupEntry[]>()(Empty),
  /** `whileDamaged`: from the damage screen — refused (conflict) if the notebook was recovered meanwhile elsewhere. */
  restoreBackup: returns<Workspace>()(z.strictObject({ id: BackupIdSchema, whileDamaged: z.boolean().optional() })),
  /** Keeps no longer a pinned backup: the rolling policy applies to it again. */
  unpinBackups: returns<BackupEntry[]>()(z.strictObject({ ids: z.array(BackupIdSchema).min(1).max(1000) })),
  /** For a notebook that was moved aside as damaged: begin a new one in its place (the damaged copy and backups stay). */
  startOver: returns<Workspace>()(Empty),
  /** Asks the user, then opens an http(s) link in the system browser. */
  openExternal: returns<{ opened: boolean }>()(z.strictObject({ url: z.string().min(1).max(4096) })),
  ...interchangeCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.infer<Contract[K]['input']>;
export type CallOutput<K extends CallName> = Exclude<Contract[K]['output'], undefined>;

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** What `window.leadline` offers: every call returns a Result, never throws across the bridge. */
/** One function per call, each answering with a Result. */
export type ApiCalls = { [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>> };

export type LeadlineApi = ApiCalls & {
  /** Menu commands from the desktop shell; returns an unsubscribe function. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Tells the desktop shell what the commands that need them have now, so its menu greys out the others (a no-op in the browser host). */
  reportMenuContext(context: MenuContext): void;
};

/** What the commands of the table's `enabledWhen` need: an article open, a passage of it selected. */
export const MenuContextSchema = z.strictObject({ article: z.boolean(), selection: z.boolean() });
export type MenuContext = z.infer<typeof MenuContextSchema>;

/** The server side: one handler per call, given validated input. */
export type ApiHandlers = { [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>> };

/** A command the menu sends the renderer: any the command table says the renderer runs. */
export const AppCommandSchema = z.custom<RendererCommandId>(isRendererCommand, { message: 'not a command the app knows' });
export type AppCommand = RendererCommandId;

/** IPC channel of a call: derived, never hand-written. */
export function ipcChannel(name: CallName): string {
  return `leadline:${name}`;
}
export const COMMAND_CHANNEL = 'leadline:command';
export const MENU_CONTEXT_CHANNEL = 'leadline:menu-context';

/** HTTP path of a call on the browser host. */
export function httpPath(name: CallName): string {
  return `/api/${name}`;
}
export const TOKEN_HEADER = 'x-leadline-token';
