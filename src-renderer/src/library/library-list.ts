/** Ordering, search and the source line of the library list: plain functions, tested. */
import type { ArticleSummary, LeadEntry } from '@shared/api';

/** Most recently opened first; never-opened ones after, newest added first. */
export function byRecentlyOpened(a: ArticleSummary, b: ArticleSummary): number {
  const key = (s: ArticleSummary): string => s.openedAt ?? '';
  if (key(a) !== key(b)) return key(a) < key(b) ? 1 : -1;
  return a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0;
}

export function matchesTitle(summary: ArticleSummary, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const title = summary.title.toLocaleLowerCase();
  return words.every((w) => title.includes(w));
}

/** "Outlet · date" (or the web address's host), for under the title. */
export function sourceLine(summary: ArticleSummary): string {
  const source = summary.source;
  let where = source?.outlet ?? '';
  if (!where && source?.url) {
    try {
      where = new URL(source.url).host;
    } catch {
      where = '';
    }
  }
  return [where, readableDate(source?.date)].filter(Boolean).join(' · ');
}

/** A source's date as people write it ("5 Mar 2024"); anything that is not a date stays as written. */
export function readableDate(date: string | undefined): string {
  if (!date) return '';
  if (!/^\d{4}-\d{2}-\d{2}/.test(date)) return date;
  const parsed = new Date(/T/.test(date) ? date : `${date.slice(0, 10)}T12:00:00`);
  return Number.isNaN(parsed.getTime()) ? date : parsed.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A lead matches when every word of the query is in its text, quotes, article title or tags. */
export function leadMatches(entry: LeadEntry, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [entry.note.body, entry.articleTitle, ...entry.quotes, ...entry.note.tags.map((t) => `#${t}`)].join('\n').toLocaleLowerCase();
  return words.every((w) => haystack.includes(w));
}
