/** Test helpers: a document's blocks and marks as readable strings, so tests state exactly what the reader shows. */
import type { ArticleDocument } from '../../../shared/article-document';

/** Each block as "kind[level]: text", e.g. "item2: nested point". */
export function blockLines(doc: ArticleDocument): string[] {
  return doc.blocks.map((b) => `${b.kind}${b.level ?? ''}: ${doc.text.slice(b.start, b.end)}`);
}

/** Each mark as "kind(text)" or "link(text → href)", in document order. */
export function markLines(doc: ArticleDocument): string[] {
  return doc.blocks.flatMap((b) =>
    (b.marks ?? []).map((m) => `${m.kind}(${doc.text.slice(m.start, m.end)}${m.href ? ` → ${m.href}` : ''})`),
  );
}
