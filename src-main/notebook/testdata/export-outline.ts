/**
 * Test helpers: what an export must show in every reader, computed from the
 * notebook independently of the exporter, and the check of a reader's page
 * against it: every section heading (article title, sections, excerpt labels) at
 * its level, in order, visible; note headings nested below the section holding
 * them; every lead a visible top-level task item; every excerpt quoted exactly
 * right under its label; ids unique.
 * No test framework import: the export soak uses it too.
 */
import { anchorAll } from '../../shared/anchoring/anchor-all';
import { canonicalText } from '../../shared/canonical-text';
import type { Excerpt, Note, Notebook } from '../../shared/model';
import type { ExportScope } from '../export-markdown';
import type { Page } from './markdown-readers';

export interface Expected {
  articleIds: string[];
  /** Excerpts per article in label order: anchored by position in the current text, then orphans. */
  excerpts: Map<string, Excerpt[]>;
  notes: Note[];
}

export function expectedFor(notebook: Notebook, scope: ExportScope): Expected {
  const known = notebook.articles.map((a) => a.id);
  const strays = [...new Set([...notebook.excerpts, ...notebook.notes].map((x) => x.articleId))].filter((id) => !known.includes(id)).sort();
  const articleIds = scope.kind === 'article' ? [scope.articleId] : [...known, ...strays];
  const excerpts = new Map<string, Excerpt[]>();
  for (const id of articleIds) {
    const article = notebook.articles.find((a) => a.id === id);
    const own = notebook.excerpts.filter((e) => e.articleId === id);
    const anchors = anchorAll(article ? canonicalText(article.content).text : '', own);
    const found = own.filter((e) => anchors.get(e.id));
    found.sort((a, b) => anchors.get(a.id)!.start - anchors.get(b.id)!.start || anchors.get(a.id)!.end - anchors.get(b.id)!.end);
    const lost = own.filter((e) => !anchors.get(e.id));
    lost.sort((a, b) => a.position.start - b.position.start || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    excerpts.set(id, [...found, ...lost]);
  }
  return { articleIds, excerpts, notes: notebook.notes.filter((n) => articleIds.includes(n.articleId)) };
}

export interface SectionHeading {
  level: number;
  /** The exact text, or a pattern for an excerpt label ("Excerpt E3", maybe with a note after it). */
  text: string | RegExp;
  /** What must be quoted right under it (excerpt labels only). */
  quote?: string;
}

/** The export's own headings, in document order. */
export function sectionHeadings(notebook: Notebook, scope: ExportScope): SectionHeading[] {
  const expected = expectedFor(notebook, scope);
  const base = scope.kind === 'article' ? 1 : 2;
  const out: SectionHeading[] = scope.kind === 'all' ? [{ level: 1, text: 'Leadline notebook' }] : [];
  for (const id of expected.articleIds) {
    const article = notebook.articles.find((a) => a.id === id);
    const notes = expected.notes.filter((n) => n.articleId === id);
    const excerpts = expected.excerpts.get(id)!;
    const anchors = anchorAll(article ? canonicalText(article.content).text : '', excerpts);
    const found = excerpts.filter((e) => anchors.get(e.id));
    const label = (e: Excerpt): SectionHeading => ({ level: base + 2, text: new RegExp(`^Excerpt E${excerpts.indexOf(e) + 1}(?: \\(|$)`), quote: e.quote.exact });
    const cited = new Set(excerpts.map((e) => e.id));
    const unlinked = notes.filter((n) => n.kind === 'annotation' && !n.excerptIds.some((x) => cited.has(x)));
    out.push({ level: base, text: article?.title ?? `Unknown article ${id}` });
    if (found.length > 0) out.push({ level: base + 1, text: 'Excerpts and annotations' }, ...found.map(label));
    if (found.length < excerpts.length) out.push({ level: base + 1, text: 'Orphaned excerpts' }, ...excerpts.filter((e) => !anchors.get(e.id)).map(label));
    if (unlinked.length > 0) out.push({ level: base + 1, text: 'Notes without excerpts' });
    if (notes.some((n) => n.kind === 'lead')) out.push({ level: base + 1, text: 'Leads' });
  }
  return out;
}

/**
 * A lead's first line as a reader shows it: its checkbox (or "[x]" as text; a dropped
 * lead's "[-]" is text to all) and its status ("~~" stays text to a reader without
 * strikethrough).
 */
const LEAD_LINE = /^\[( |x|-)\] (Open|In progress|Done|(?:~~)?Dropped(?:~~)?)(?: · |$)/;

/** Text as an HTML parser reads it: a carriage return (written as "&#13;" in Markdown, output raw) becomes a line feed. */
function asHtmlText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function matches(wanted: SectionHeading, level: number, text: string): boolean {
  return wanted.level === level && (typeof wanted.text === 'string' ? asHtmlText(wanted.text) === text : wanted.text.test(text));
}

/** Why a reader's page of the export does not show what it must (empty: it does). */
export function outlineFailures(page: Page, wanted: SectionHeading[], leads: Note[]): string[] {
  const failures: string[] = [];
  let next = 0;
  let sectionLevel = 0;
  for (const h of page.headings) {
    const own = next < wanted.length && h.topLevel && matches(wanted[next]!, h.level, h.text);
    if (own) {
      const quote = wanted[next]!.quote;
      if (h.swallowedBy) failures.push(`heading "${h.text}" is inside <${h.swallowedBy}>`);
      if (quote !== undefined && h.quoteAfter !== asHtmlText(quote)) failures.push(`quote under "${h.text}" reads ${JSON.stringify(h.quoteAfter)}, not ${JSON.stringify(quote)}`);
      sectionLevel = h.level;
      next += 1;
    } else if (h.level <= sectionLevel) {
      failures.push(`note heading h${h.level} "${h.text}" climbs out of its h${sectionLevel} section`);
    }
  }
  if (next < wanted.length) failures.push(`section heading h${wanted[next]!.level} "${String(wanted[next]!.text)}" is missing`);
  const items = page.items.filter((item) => LEAD_LINE.test(item.text));
  const statuses = (list: string[]): string => list.sort().join(', ');
  const seen = items.map((item) => LEAD_LINE.exec(item.text)![2]!.replace(/~~/g, ''));
  const want = leads.map((lead) => ({ open: 'Open', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' })[lead.status ?? 'open']);
  if (statuses(seen) !== statuses(want)) failures.push(`lead items [${statuses(seen)}], not [${statuses(want)}]`);
  for (const item of items) {
    if (item.swallowedBy) failures.push(`lead "${item.text}" is inside <${item.swallowedBy}>`);
    const [, box, status] = LEAD_LINE.exec(item.text)!;
    const wantBox = status === 'Done' ? 'x' : status!.includes('Dropped') ? '-' : ' ';
    if (box !== wantBox) failures.push(`lead "${item.text}" has the box [${box}], not [${wantBox}]`);
  }
  const ids = new Set<string>();
  for (const id of page.ids) {
    if (ids.has(id)) failures.push(`id "${id}" is not unique`);
    ids.add(id);
  }
  return failures;
}
