/**
 * The Markdown export: one file that reads well on its own and loses no character.
 * Excerpts are quoted exactly (escaped so a CommonMark + GFM reader shows the
 * original text), note bodies stay Markdown with their headings demoted below the
 * section that holds them, leads become a GFM task list. Pure: no Node, no Electron.
 */
import { anchorAll, type Anchor } from '../shared/anchoring';
import { canonicalText } from '../shared/canonical-text';
import { LEAD_STATUS_LABELS, type Article, type Excerpt, type Note, type Notebook } from '../shared/model';
import { blockquoteLines, embedMarkdown, escapeInline, linkDestination, yamlString } from './markdown-escape';

export type ExportScope = { kind: 'article'; articleId: string } | { kind: 'all' };

export interface ExportOptions {
  scope: ExportScope;
  exportedAt: Date;
  appVersion: string;
}

/** A request the export cannot satisfy (an unknown id); the message is for people. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** An excerpt placed for the export: its label and where it sits (null: orphaned). */
interface Placed {
  excerpt: Excerpt;
  label: string;
  anchor: Anchor | null;
}

interface ArticleView {
  article: Article;
  placed: Placed[];
  notes: Note[];
}

function articlesInScope(notebook: Notebook, scope: ExportScope): Article[] {
  if (scope.kind === 'all') return notebook.articles;
  const article = notebook.articles.find((a) => a.id === scope.articleId);
  if (!article) throw new ExportError(`There is no article with id "${scope.articleId}" in this notebook.`);
  return [article];
}

/** Excerpts in reading order (orphans after the rest), labelled E<n> from `firstLabel`. */
function placeExcerpts(notebook: Notebook, article: Article, firstLabel: number): Placed[] {
  const excerpts = notebook.excerpts.filter((e) => e.articleId === article.id);
  const anchors = anchorAll(canonicalText(article.content).text, excerpts);
  const at = (e: Excerpt): number => anchors.get(e.id)?.start ?? Number.POSITIVE_INFINITY;
  return [...excerpts]
    .sort((a, b) => at(a) - at(b) || a.position.start - b.position.start || a.createdAt.localeCompare(b.createdAt))
    .map((excerpt, i) => ({ excerpt, label: `E${firstLabel + i}`, anchor: anchors.get(excerpt.id) ?? null }));
}

function viewsFor(notebook: Notebook, scope: ExportScope): ArticleView[] {
  let next = 1;
  return articlesInScope(notebook, scope).map((article) => {
    const placed = placeExcerpts(notebook, article, next);
    next += placed.length;
    return { article, placed, notes: notebook.notes.filter((n) => n.articleId === article.id) };
  });
}

function anchorId(label: string): string {
  return label.toLowerCase();
}

function labelLinks(note: Note, labels: ReadonlyMap<string, string>): string {
  return note.excerptIds
    .map((id) => labels.get(id))
    .filter((label): label is string => label !== undefined)
    .map((label) => `[${label}](#${anchorId(label)})`)
    .join(', ');
}

function tagText(note: Note): string {
  return note.tags.map((tag) => `#${escapeInline(tag)}`).join(' ');
}

/** "**Annotation** · [E1](#e1), [E3](#e3) · #tag" — what, on which excerpts, with which tags. */
function noteMeta(note: Note, labels: ReadonlyMap<string, string>, includeKind: boolean): string {
  const parts: string[] = [];
  if (includeKind) parts.push(note.kind === 'lead' ? `**Lead** (${LEAD_STATUS_LABELS[note.status ?? 'open']})` : '**Annotation**');
  const links = labelLinks(note, labels);
  if (links) parts.push(links);
  if (note.tags.length) parts.push(tagText(note));
  return parts.join(' · ');
}

function bodyLines(note: Note, minHeadingLevel: number): string[] {
  return embedMarkdown(note.body, minHeadingLevel);
}

function block(lines: string[], out: string[]): void {
  if (lines.length === 0) return;
  if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  for (const line of lines) out.push(line); // not push(...lines): a long section would overflow the call stack
}

function sourceLine(article: Article): string {
  const source = article.source;
  if (!source || (!source.url && !source.outlet && !source.date)) return '*Source: not recorded.*';
  const name = escapeInline(source.outlet ?? source.url ?? '');
  const destination = source.url ? linkDestination(source.url) : null;
  const linked = destination ? `[${name || escapeInline(source.url!)}](${destination})` : name || escapeInline(source.url ?? '');
  return `Source: ${[linked, source.date ? escapeInline(source.date) : ''].filter(Boolean).join(', ')}`;
}

/**
 * One article's sections. `level` is the heading level of the article's sections
 * ("##" for a single-article export); note headings go deeper than that.
 */
function articleSections(view: ArticleView, level: number): string[] {
  const out: string[] = [];
  const h = '#'.repeat(level);
  const labels = new Map(view.placed.map((p) => [p.excerpt.id, p.label]));
  const order = new Map(view.placed.map((p, i) => [p.excerpt.id, i]));
  const firstExcerpt = (note: Note): string | undefined =>
    [...note.excerptIds].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!)[0];

  // Each annotation sits under the first of its excerpts in reading order.
  const annotationsAt = new Map<string, Note[]>();
  const loose: Note[] = [];
  for (const note of view.notes.filter((n) => n.kind === 'annotation')) {
    const first = firstExcerpt(note);
    if (first === undefined) loose.push(note);
    else annotationsAt.set(first, [...(annotationsAt.get(first) ?? []), note]);
  }

  const excerptBlock = (p: Placed): void => {
    block([`<a id="${anchorId(p.label)}"></a>**${p.label}**`], out);
    block(blockquoteLines(p.excerpt.quote.exact), out);
    for (const note of annotationsAt.get(p.excerpt.id) ?? []) {
      block([noteMeta(note, labels, true)], out);
      block(bodyLines(note, level + 1), out);
    }
  };

  const anchored = view.placed.filter((p) => p.anchor !== null);
  const orphans = view.placed.filter((p) => p.anchor === null);
  block([`${h} Excerpts and annotations`], out);
  if (anchored.length === 0) block(['*No excerpts.*'], out);
  anchored.forEach(excerptBlock);

  block([`${h} Leads`], out);
  const leads = view.notes.filter((n) => n.kind === 'lead').sort((a, b) => (order.get(firstExcerpt(a) ?? '') ?? Infinity) - (order.get(firstExcerpt(b) ?? '') ?? Infinity) || a.createdAt.localeCompare(b.createdAt));
  if (leads.length === 0) block(['*No leads.*'], out);
  for (const lead of leads) block(leadItem(lead, labels, level + 1), out);

  if (orphans.length > 0) {
    block([`${h} Orphaned excerpts`], out);
    block(['*These passages are no longer found in the article text; they are kept as they were quoted.*'], out);
    orphans.forEach(excerptBlock);
  }
  if (loose.length > 0) {
    block([`${h} Notes without excerpts`], out);
    for (const note of loose) {
      block([noteMeta(note, labels, true) || '**Annotation**'], out);
      block(bodyLines(note, level + 1), out);
    }
  }
  return out;
}

/** A GFM task item: open and in progress unchecked, done checked, dropped checked and struck through. */
function leadItem(lead: Note, labels: ReadonlyMap<string, string>, minHeadingLevel: number): string[] {
  const status = lead.status ?? 'open';
  const checked = status === 'done' || status === 'dropped' ? 'x' : ' ';
  const label = status === 'dropped' ? `~~**${LEAD_STATUS_LABELS[status]}**~~ (dropped)` : `**${LEAD_STATUS_LABELS[status]}**`;
  const links = labelLinks(lead, labels);
  const head = [label, links ? `rests on ${links}` : 'rests on no excerpt', lead.tags.length ? tagText(lead) : ''].filter(Boolean).join(' · ');
  const lines = [`- [${checked}] ${head}`];
  const body = bodyLines(lead, minHeadingLevel);
  if (body.length > 0) {
    lines.push('');
    for (const line of body) lines.push(line === '' ? '' : `  ${expandIndentTabs(line)}`);
  }
  return lines;
}

/**
 * Tabs in a line's indentation (and between its ">" markers) count to the next
 * multiple of 4 columns from where they stand; shifted into a list item they would
 * count differently, so they become the spaces they stood for.
 */
function expandIndentTabs(line: string): string {
  let column = 0;
  let i = 0;
  let out = '';
  for (; i < line.length && (line[i] === ' ' || line[i] === '\t' || line[i] === '>'); i++) {
    const width = line[i] === '\t' ? 4 - (column % 4) : 1;
    out += line[i] === '\t' ? ' '.repeat(width) : line[i];
    column += width;
  }
  return out + line.slice(i);
}

function countsOf(views: readonly ArticleView[]): { excerpts: number; annotations: number; leads: number } {
  const notes = views.flatMap((v) => v.notes);
  return {
    excerpts: views.reduce((sum, v) => sum + v.placed.length, 0),
    annotations: notes.filter((n) => n.kind === 'annotation').length,
    leads: notes.filter((n) => n.kind === 'lead').length,
  };
}

function frontMatter(title: string, source: Article['source'], options: ExportOptions, views: readonly ArticleView[]): string[] {
  const counts = countsOf(views);
  const lines = ['---', `title: ${yamlString(title)}`];
  if (source && (source.url || source.outlet || source.date)) {
    lines.push('source:');
    if (source.url) lines.push(`  url: ${yamlString(source.url)}`);
    if (source.outlet) lines.push(`  outlet: ${yamlString(source.outlet)}`);
    if (source.date) lines.push(`  date: ${yamlString(source.date)}`);
  } else {
    lines.push('source: null');
  }
  lines.push(
    `exported: ${yamlString(options.exportedAt.toISOString())}`,
    `app: ${yamlString(`Leadline ${options.appVersion}`)}`,
    `excerpts: ${counts.excerpts}`,
    `annotations: ${counts.annotations}`,
    `leads: ${counts.leads}`,
    '---',
  );
  return lines;
}

export function exportMarkdown(notebook: Notebook, options: ExportOptions): string {
  const views = viewsFor(notebook, options.scope);
  const out: string[] = [];
  if (options.scope.kind === 'article') {
    const { article } = views[0]!;
    out.push(...frontMatter(article.title, article.source, options, views));
    block([`# ${escapeInline(article.title, true)}`, '', sourceLine(article)], out);
    block(articleSections(views[0]!, 2), out);
  } else {
    out.push(...frontMatter('Leadline notebook', undefined, options, views));
    block(['# Leadline notebook'], out);
    for (const view of views) {
      block([`## ${escapeInline(view.article.title, true)}`, '', sourceLine(view.article)], out);
      block(articleSections(view, 3), out);
    }
  }
  return `${out.join('\n')}\n`;
}

/** One note with its quotes, for "Copy as Markdown". */
export function noteToMarkdown(notebook: Notebook, noteId: string): string {
  const note = notebook.notes.find((n) => n.id === noteId);
  if (!note) throw new ExportError(`There is no note with id "${noteId}" in this notebook.`);
  const out: string[] = [];
  for (const id of note.excerptIds) {
    const excerpt = notebook.excerpts.find((e) => e.id === id);
    if (excerpt) block(blockquoteLines(excerpt.quote.exact), out);
  }
  const kind = note.kind === 'lead' ? `**Lead** (${LEAD_STATUS_LABELS[note.status ?? 'open']})` : '**Annotation**';
  block([[kind, note.tags.length ? tagText(note) : ''].filter(Boolean).join(' · ')], out);
  block(bodyLines(note, 3), out);
  return `${out.join('\n')}\n`;
}

/** `<article-slug>-notes.md`, or `leadline-notebook-notes.md` for the whole notebook. */
export function exportFileName(notebook: Notebook, scope: ExportScope): string {
  if (scope.kind === 'all') return 'leadline-notebook-notes.md';
  const [article] = articlesInScope(notebook, scope);
  const slug = article!.title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'article'}-notes.md`;
}
