/**
 * What the library views list, computed from the notebook: one summary per article, and
 * every lead of every article. Pure functions; one pass over the records each.
 */
import type { ArticleSummary, LeadEntry } from '../shared/api';
import type { Notebook } from '../shared/model';

export function articleSummaries(notebook: Notebook): ArticleSummary[] {
  const counts = new Map<string, { notes: number; openLeads: number }>();
  for (const note of notebook.notes) {
    const count = counts.get(note.articleId) ?? { notes: 0, openLeads: 0 };
    count.notes++;
    if (note.kind === 'lead' && (note.status === 'open' || note.status === 'in-progress')) count.openLeads++;
    counts.set(note.articleId, count);
  }
  return notebook.articles.map((a) => {
    const openedAt = notebook.ui.openedAt?.[a.id];
    return {
      id: a.id,
      title: a.title,
      ...(a.source ? { source: a.source } : {}),
      format: a.format,
      addedAt: a.addedAt,
      ...(openedAt ? { openedAt } : {}),
      notes: counts.get(a.id)?.notes ?? 0,
      openLeads: counts.get(a.id)?.openLeads ?? 0,
      versions: a.versions?.length ?? 0,
    };
  });
}

export function leadEntries(notebook: Notebook): LeadEntry[] {
  const titles = new Map(notebook.articles.map((a) => [a.id, a.title]));
  const quotes = new Map(notebook.excerpts.map((e) => [e.id, e.quote.exact]));
  return notebook.notes
    .filter((n) => n.kind === 'lead')
    .map((note) => ({
      note,
      articleTitle: titles.get(note.articleId) ?? '',
      quotes: note.excerptIds.map((id) => quotes.get(id) ?? '').filter((q) => q !== ''),
    }));
}
