/**
 * What an annotations import did, and how to say it: shared by the CLI (one line each)
 * and the UI (a message). No Node, DOM or Electron import.
 */
export interface AnnotationImportReport {
  format: 'w3c' | 'hypothesis';
  /** Notes added: annotations and leads. */
  notes: number;
  leads: number;
  /** Plain highlights added (excerpts without a note). */
  highlights: number;
  /** Annotations a previous import of the file brought already. */
  alreadyThere: number;
  /** Quotes found nowhere in their article's text: kept as orphans. */
  orphans: Array<{ annotation: string; quote: string }>;
  /** Annotations about a document that is not in the notebook (or in several articles). */
  unmatched: Array<{ source: string; title?: string; annotations: number; ambiguous: boolean }>;
  /** Hypothesis replies: not imported. */
  replies: number;
  /** The articles that received annotations. */
  articles: Array<{ id: string; title: string; annotations: number }>;
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? word : words}`;
}

/** The report as lines for people: what was added where, then what was not. `ids`: name the articles by id too (the CLI). */
export function describeImport(report: AnnotationImportReport, { ids = false } = {}): string[] {
  const lines = report.articles.map((a) => `imported ${plural(a.annotations, 'annotation')} into ${ids ? `${a.id} ` : ''}"${a.title}"`);
  const added = [plural(report.notes - report.leads, 'annotation'), plural(report.leads, 'lead'), plural(report.highlights, 'highlight')];
  lines.push(`added ${added.join(', ')}${report.alreadyThere > 0 ? `; ${plural(report.alreadyThere, 'annotation')} already there` : ''}`);
  for (const orphan of report.orphans) lines.push(`orphan (quote not found, kept): ${JSON.stringify(orphan.quote.slice(0, 80))} from ${orphan.annotation}`);
  for (const u of report.unmatched) {
    const why = u.ambiguous ? 'several articles have this source; import again with the article chosen' : 'no article has this source; import it first, or choose the article';
    lines.push(`not imported: ${plural(u.annotations, 'annotation')} about ${u.source}${u.title ? ` ("${u.title}")` : ''}: ${why}`);
  }
  if (report.replies > 0) lines.push(`not imported: ${plural(report.replies, 'reply', 'replies')} (Hypothesis replies)`);
  return lines;
}
