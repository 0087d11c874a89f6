/**
 * Export of a notebook (one article, or all) as a Markdown file that reads well on
 * its own: YAML front matter, the article's title and source, each excerpt as a
 * blockquote in reading order followed by its annotations, orphaned excerpts, notes
 * without excerpts, then the leads as a GFM task list.
 *
 * Plain TypeScript over the notebook data: no Electron, no DOM, no file system.
 * Excerpt text is escaped to render exactly; note bodies stay Markdown, only made
 * safe to embed (see markdown-escape.ts).
 */
import { MarkdownFlavorSchema, type ExportScopeInput, type MarkdownFlavor } from '../shared/api';
import { anchorAll } from '../shared/anchoring/anchor-all';
import type { Anchor } from '../shared/anchoring/text-range';
import { articleText } from './article-text';
import { LEAD_STATUS_LABELS, type Article, type Excerpt, type LeadStatus, type Note, type Notebook } from '../shared/model';
import { embedMarkdown } from './markdown-embed';
import { blockquoteLines, escapeInline, linkDestination, literalInline, pointyDestination, yamlString, yamlText } from './markdown-escape';
import { deepLinkUrl } from '../shared/deep-link';

/** The contract's scope type: what the UI and the CLI ask the exporter for. */
export type ExportScope = ExportScopeInput;

/**
 * `commonmark` (the default): excerpt labels are HTML anchors, linked as `[E1](#e1)`.
 * `obsidian`: block ids (`^e1`) after each excerpt's quote, linked as `[[#^e1|E1]]`.
 */
export const MARKDOWN_FLAVORS = MarkdownFlavorSchema.options;
export type { MarkdownFlavor };

export interface ExportOptions {
  scope: ExportScope;
  exportedAt: Date;
  appVersion: string;
  flavor?: MarkdownFlavor;
  /** The notebook file's absolute path: the deep links beside the excerpts name it. */
  notebookPath?: string;
}

/** A failure the user can act on (an unknown article or note); the message is a sentence for humans. */
export class ExportError extends Error {
  override name = 'ExportError';
}

const ALL_TITLE = 'Leadline notebook';
const SECTION = {
  excerpts: 'Excerpts and annotations',
  orphans: 'Orphaned excerpts',
  unlinked: 'Notes without excerpts',
  leads: 'Leads',
} as const;

// ---------------------------------------------------------------------------
// Planning: which excerpt gets which label, and where each note goes

interface Label {
  excerpt: Excerpt;
  /** E1, E2… in reading order; orphans numbered after the anchored excerpts. */
  number: number;
  /** The HTML anchor id, unique in the document. */
  id: string;
  anchor: Anchor | null;
}

interface ArticlePlan {
  title: string;
  article: Article | undefined;
  anchored: Label[];
  orphans: Label[];
  labelOf: Map<string, Label>;
  /** Annotations, each under the first of its excerpts in reading order. */
  annotationsAt: Map<string, Note[]>;
  unlinked: Note[];
  leads: Note[];
  excerptCount: number;
  /** What the labels of a note's links and footnotes start with: its own, so they apply to it only. */
  labelPrefix: (note: Note) => string;
  flavor: MarkdownFlavor;
  /** The deep link to the article, as a link destination without its closing ">": each excerpt's adds its id. */
  linkBase: string;
}

function byCreation(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byReadingOrder(a: Label, b: Label): number {
  return a.anchor!.start - b.anchor!.start || a.anchor!.end - b.anchor!.end || byCreation(a.excerpt, b.excerpt);
}

/** Orphans keep the order they had when they were last found. */
function byOldPosition(a: Label, b: Label): number {
  return a.excerpt.position.start - b.excerpt.position.start || byCreation(a.excerpt, b.excerpt);
}

function labelExcerpts(excerpts: Excerpt[], text: string, idPrefix: string): { anchored: Label[]; orphans: Label[] } {
  const anchors = anchorAll(text, excerpts);
  const labels = excerpts.map((excerpt) => ({ excerpt, number: 0, id: '', anchor: anchors.get(excerpt.id) ?? null }));
  const anchored = labels.filter((l) => l.anchor !== null).sort(byReadingOrder);
  const orphans = labels.filter((l) => l.anchor === null).sort(byOldPosition);
  [...anchored, ...orphans].forEach((label, i) => {
    label.number = i + 1;
    label.id = `${idPrefix}e${i + 1}`;
  });
  return { anchored, orphans };
}

/** The labels of a note's excerpts, in reading order (ids of excerpts not in this article are ignored). */
function labelsOfNote(note: Note, labelOf: Map<string, Label>): Label[] {
  const labels = new Set<Label>();
  for (const id of note.excerptIds) {
    const label = labelOf.get(id);
    if (label) labels.add(label);
  }
  return [...labels].sort((a, b) => a.number - b.number);
}

function leadOrder(labelOf: Map<string, Label>) {
  const first = (note: Note): number => labelsOfNote(note, labelOf)[0]?.number ?? Number.POSITIVE_INFINITY;
  return (a: Note, b: Note): number => first(a) - first(b) || byCreation(a, b);
}

function planArticle(notebook: Notebook, articleId: string, idPrefix: string, options: ExportOptions): ArticlePlan {
  const article = notebook.articles.find((a) => a.id === articleId);
  const excerpts = notebook.excerpts.filter((e) => e.articleId === articleId);
  // Offsets refer to the reader's canonical text; an excerpt of a missing article is an orphan.
  const text = article ? articleText(article) : '';
  const { anchored, orphans } = labelExcerpts(excerpts, text, idPrefix);
  const labelOf = new Map([...anchored, ...orphans].map((l) => [l.excerpt.id, l] as const));
  const notes = notebook.notes.filter((n) => n.articleId === articleId).sort(byCreation);
  const annotationsAt = new Map<string, Note[]>();
  const unlinked: Note[] = [];
  for (const note of notes.filter((n) => n.kind === 'annotation')) {
    const first = labelsOfNote(note, labelOf)[0];
    if (!first) unlinked.push(note);
    else {
      const here = annotationsAt.get(first.excerpt.id);
      if (here) here.push(note);
      else annotationsAt.set(first.excerpt.id, [note]);
    }
  }
  const leads = notes.filter((n) => n.kind === 'lead').sort(leadOrder(labelOf));
  const title = article?.title ?? `Unknown article ${articleId}`;
  const numbers = new Map(notebook.notes.map((n, i) => [n.id, i + 1]));
  const labelPrefix = (note: Note): string => `n${numbers.get(note.id)}-`;
  const link = deepLinkUrl({ ...(options.notebookPath ? { notebook: options.notebookPath } : {}), article: articleId });
  const linkBase = pointyDestination(link).slice(0, -1);
  return { title, article, anchored, orphans, labelOf, annotationsAt, unlinked, leads, excerptCount: excerpts.length, labelPrefix, flavor: options.flavor ?? 'commonmark', linkBase };
}

// ---------------------------------------------------------------------------
// Rendering pieces

function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${text}`;
}

function labelLinks(labels: Label[], flavor: MarkdownFlavor): string {
  return labels.map((l) => (flavor === 'obsidian' ? `[[#^${l.id}|E${l.number}]]` : `[E${l.number}](#${l.id})`)).join(', ');
}

function tagList(tags: readonly string[]): string {
  return tags.map((tag) => `#${literalInline(tag)}`).join(' ');
}

/** "**Note** on [E1](#e1), [E3](#e3) · #tag": the line introducing an annotation. */
function annotationLabel(note: Note, labels: Label[], flavor: MarkdownFlavor): string {
  const parts = ['**Note**' + (labels.length > 0 ? ` on ${labelLinks(labels, flavor)}` : '')];
  if (note.tags.length > 0) parts.push(tagList(note.tags));
  return parts.join(' · ');
}

/** An annotation: its label line, then its body (Markdown, headings nested below `minHeadingLevel` - 1). */
function annotationBlocks(note: Note, labels: Label[], minHeadingLevel: number, labelPrefix: string, flavor: MarkdownFlavor): string[] {
  const body = embedMarkdown(note.body, minHeadingLevel, labelPrefix);
  const label = annotationLabel(note, labels, flavor);
  return body.length > 0 ? [label, body.join('\n')] : [label];
}

function excerptHeading(label: Label, level: number, flavor: MarkdownFlavor): string {
  const note = label.anchor === null ? ' (orphaned)' : label.anchor.method === 'fuzzy' ? ' (found approximately)' : '';
  const anchor = flavor === 'obsidian' ? '' : `<a id="${label.id}"></a>`;
  return heading(level, `${anchor}Excerpt E${label.number}${note}`);
}

function excerptBlocks(plan: ArticlePlan, label: Label, level: number): string[] {
  const blocks = [excerptHeading(label, level, plan.flavor), blockquoteLines(label.excerpt.quote.exact).join('\n')];
  // Obsidian names a quote by a block id on its own line after it.
  if (plan.flavor === 'obsidian') blocks.push(`^${label.id}`);
  // Ids are URL-safe: appended as they are, in the link's own order (deep-link.ts).
  blocks.push(`[Open in Leadline](${plan.linkBase}&amp;excerpt=${label.excerpt.id}>)`);
  for (const note of plan.annotationsAt.get(label.excerpt.id) ?? []) {
    blocks.push(...annotationBlocks(note, labelsOfNote(note, plan.labelOf), level + 1, plan.labelPrefix(note), plan.flavor));
  }
  return blocks;
}

function statusText(status: LeadStatus): string {
  if (status === 'dropped') return `~~**${LEAD_STATUS_LABELS.dropped}**~~`;
  return `**${LEAD_STATUS_LABELS[status]}**`;
}

/**
 * A lead's checkbox: done is checked; dropped is "[-]", Obsidian Tasks' "cancelled",
 * which no task list counts as completed (GFM readers show it as text).
 */
function checkbox(status: LeadStatus): string {
  return status === 'done' ? '[x]' : status === 'dropped' ? '[-]' : '[ ]';
}

/**
 * A lead as one GFM task list item: status, excerpts, tags, then its body indented
 * to stay inside the item. A body with tabs gets a 4-column indent, so its tab stops
 * (which decide code blocks and nesting) fall where they did; tabs are never
 * rewritten, since inside code they are content.
 */
function leadItem(note: Note, labels: Label[], minHeadingLevel: number, labelPrefix: string, flavor: MarkdownFlavor): string {
  const status = note.status ?? 'open';
  const body = embedMarkdown(note.body, minHeadingLevel, labelPrefix);
  const marker = body.some((line) => line.includes('\t')) ? '-   ' : '- ';
  const parts = [statusText(status)];
  if (labels.length > 0) parts.push(`on ${labelLinks(labels, flavor)}`);
  if (note.tags.length > 0) parts.push(tagList(note.tags));
  const lines = [`${marker}${checkbox(status)} ${parts.join(' · ')}`];
  if (body.length > 0) {
    const indent = ' '.repeat(marker.length);
    lines.push('', ...body.map((line) => (line === '' ? '' : indent + line)));
  }
  return lines.join('\n');
}

function sourceLine(article: Article | undefined): string | null {
  const source = article?.source;
  if (!source) return null;
  const parts: string[] = [];
  const destination = source.url ? linkDestination(source.url) : null;
  const name = source.outlet ?? source.url;
  // A link's own text must hold no link.
  if (name !== undefined && name !== '') parts.push(destination ? `[${escapeInline(name)}](${destination})` : literalInline(name));
  if (source.outlet && source.url && !destination) parts.push(literalInline(source.url));
  if (source.byline) parts.push(`by ${literalInline(source.byline)}`);
  if (source.date) parts.push(literalInline(source.date));
  return parts.length > 0 ? `Source: ${parts.join(', ')}` : null;
}

/** One article's part of the document; `level` is its title's heading level. */
function articleBlocks(plan: ArticlePlan, level: number): string[] {
  const blocks = [heading(level, literalInline(plan.title))];
  const source = sourceLine(plan.article);
  if (source) blocks.push(source);
  if (plan.anchored.length > 0) {
    blocks.push(heading(level + 1, SECTION.excerpts));
    for (const label of plan.anchored) blocks.push(...excerptBlocks(plan, label, level + 2));
  }
  if (plan.orphans.length > 0) {
    blocks.push(heading(level + 1, SECTION.orphans));
    blocks.push('These excerpts could no longer be found in the article’s current text; they are shown as they were saved.');
    for (const label of plan.orphans) blocks.push(...excerptBlocks(plan, label, level + 2));
  }
  if (plan.unlinked.length > 0) {
    blocks.push(heading(level + 1, SECTION.unlinked));
    for (const note of plan.unlinked) blocks.push(...annotationBlocks(note, [], level + 2, plan.labelPrefix(note), plan.flavor));
  }
  if (plan.leads.length > 0) {
    blocks.push(heading(level + 1, SECTION.leads));
    for (const lead of plan.leads) blocks.push(leadItem(lead, labelsOfNote(lead, plan.labelOf), level + 2, plan.labelPrefix(lead), plan.flavor));
  }
  return blocks;
}

// ---------------------------------------------------------------------------
// Front matter

interface Counts {
  articles?: number;
  excerpts: number;
  orphaned_excerpts: number;
  annotations: number;
  leads: number;
}

function countsOf(plans: ArticlePlan[]): Counts {
  const sum = (f: (p: ArticlePlan) => number): number => plans.reduce((total, p) => total + f(p), 0);
  return {
    excerpts: sum((p) => p.excerptCount),
    orphaned_excerpts: sum((p) => p.orphans.length),
    annotations: sum((p) => p.unlinked.length + [...p.annotationsAt.values()].reduce((n, notes) => n + notes.length, 0)),
    leads: sum((p) => p.leads.length),
  };
}

/** The tags of the notes in the export, each once, in code point order. */
function tagsOf(notebook: Notebook, articleIds: readonly string[]): string[] {
  const ids = new Set(articleIds);
  const tags = new Set(notebook.notes.filter((n) => ids.has(n.articleId)).flatMap((n) => n.tags));
  return [...tags].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The YAML front matter. Every string is one double-quoted line that pandoc's
 * `markdown` reader, which reads front matter strings as Markdown, reads as text;
 * `date` is the day of the export, `tags` every tag of the exported notes.
 */
function frontMatter(title: string, article: Article | undefined, tags: string[], counts: Counts, options: ExportOptions): string {
  const lines = ['---', `title: ${yamlText(title)}`, `date: ${options.exportedAt.toISOString().slice(0, 10)}`];
  lines.push(tags.length > 0 ? 'tags:' : 'tags: []', ...tags.map((tag) => `  - ${yamlText(tag)}`));
  const source = article?.source;
  const sourceFields = (['url', 'outlet', 'byline', 'date'] as const).filter((key) => source?.[key]);
  if (sourceFields.length > 0) {
    lines.push('source:', ...sourceFields.map((key) => `  ${key}: ${yamlText(source![key]!)}`));
  }
  lines.push(`exported: ${yamlString(options.exportedAt.toISOString())}`);
  lines.push(`app: ${yamlString(`Leadline ${options.appVersion}`)}`);
  lines.push('counts:', ...Object.entries(counts).map(([key, value]) => `  ${key}: ${value}`));
  lines.push('---');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// Public API

function findArticle(notebook: Notebook, articleId: string): Article {
  const article = notebook.articles.find((a) => a.id === articleId);
  if (!article) throw new ExportError(`There is no article with id "${articleId}" in this notebook, so there is nothing to export.`);
  return article;
}

/** Articles in notebook order, then the ids of missing articles that still have notes or excerpts. */
function allArticleIds(notebook: Notebook): string[] {
  const ids = notebook.articles.map((a) => a.id);
  const known = new Set(ids);
  const strays = new Set<string>();
  for (const item of [...notebook.excerpts, ...notebook.notes]) if (!known.has(item.articleId)) strays.add(item.articleId);
  return [...ids, ...[...strays].sort()];
}

function join(blocks: string[]): string {
  return blocks.join('\n\n') + '\n';
}

/**
 * The Markdown file for one article or the whole notebook. Every note of the scope
 * appears exactly once; no excerpt is dropped (those that cannot be found in the
 * current text are listed as orphans). Throws ExportError for an unknown article.
 */
export function exportMarkdown(notebook: Notebook, options: ExportOptions): string {
  const { scope } = options;
  if (scope.kind === 'article') {
    const article = findArticle(notebook, scope.articleId);
    const plan = planArticle(notebook, article.id, '', options);
    return join([frontMatter(article.title, article, tagsOf(notebook, [article.id]), countsOf([plan]), options), ...articleBlocks(plan, 1)]);
  }
  const ids = allArticleIds(notebook);
  const plans = ids.map((id, i) => planArticle(notebook, id, `a${i + 1}-`, options));
  const counts = { articles: notebook.articles.length, ...countsOf(plans) };
  const body = plans.length > 0 ? plans.flatMap((plan) => articleBlocks(plan, 2)) : ['The notebook has no articles yet.'];
  return join([frontMatter(ALL_TITLE, undefined, tagsOf(notebook, ids), counts, options), heading(1, ALL_TITLE), ...body]);
}

/**
 * One note with the passages it quotes, for "Copy as Markdown" on a note card:
 * the quotes, then the note (a lead as a task list item). Its headings are kept as
 * written; only a block left open is closed. Throws ExportError for an unknown note.
 */
export function noteToMarkdown(notebook: Notebook, noteId: string): string {
  const note = notebook.notes.find((n) => n.id === noteId);
  if (!note) throw new ExportError(`There is no note with id "${noteId}" in this notebook; it may have been deleted.`);
  const excerpts = note.excerptIds
    .map((id) => notebook.excerpts.find((e) => e.id === id))
    .filter((e): e is Excerpt => e !== undefined)
    .sort((a, b) => a.position.start - b.position.start || byCreation(a, b));
  const blocks = excerpts.map((e) => blockquoteLines(e.quote.exact).join('\n'));
  // One note: its labels need no prefix of their own, but get one like in an export.
  if (note.kind === 'lead') {
    blocks.push(leadItem(note, [], 1, 'n1-', 'commonmark'));
  } else {
    const body = embedMarkdown(note.body, 1, 'n1-');
    if (body.length > 0) blocks.push(body.join('\n'));
    if (note.tags.length > 0) blocks.push(`Tags: ${tagList(note.tags)}`);
  }
  return join(blocks.length > 0 ? blocks : ['*(empty note)*']);
}

/** Latin letters that do not decompose into ASCII under NFKD. */
const TRANSLITERATION: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };

const MAX_SLUG = 80;

/** A lowercase ASCII slug of letters, digits and single hyphens, or '' when nothing is left. */
function slugify(text: string): string {
  const ascii = text
    .toLowerCase()
    .replace(/[ßæœøđðþłı]/g, (ch) => TRANSLITERATION[ch] ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, MAX_SLUG).replace(/-+$/, '');
}

/**
 * The stem of an export's file name: the article's title as a lowercase ASCII slug (at
 * most 80 characters, never empty), or `leadline-notebook` for the whole notebook.
 */
export function exportStem(notebook: Notebook, scope: ExportScope): string {
  if (scope.kind === 'all') return 'leadline-notebook';
  const article = findArticle(notebook, scope.articleId);
  return slugify(article.title) || slugify(`article-${article.id}`) || 'article';
}

/** The file name to offer: `<article-slug>-notes.md`, or `leadline-notebook-notes.md` for the whole notebook. */
export function exportFileName(notebook: Notebook, scope: ExportScope): string {
  return `${exportStem(notebook, scope)}-notes.md`;
}
