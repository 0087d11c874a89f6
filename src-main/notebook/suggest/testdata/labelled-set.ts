/**
 * The labelled set: short news articles written for Leadline (*.txt, *.md), each with
 * `<name>.labels.json` listing its spans by kind, quoted as they appear in the article's
 * canonical text. README.md beside suggest.ts gives the labelling guide. Articles are read
 * through importFile, as the app and `npm run suggest` read them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ArticleDocument } from '../../../shared/article-document';
import { SuggestionKindSchema, type SuggestionKind } from '../../../shared/model';
import { importFile } from '../../import/import-file';

export const LABELLED_SET = import.meta.dirname;

const LabelsSchema = z.strictObject({
  spans: z.array(
    z.strictObject({
      kind: SuggestionKindSchema,
      quote: z.string().min(1),
      /** Required for attributed claims and unnamed sources: the source as the text names it. */
      source: z.string().min(1).optional(),
      /** Which occurrence of `quote` is meant, from 1, when it occurs more than once. */
      occurrence: z.number().int().min(1).optional(),
    }),
  ),
});

export interface LabelledSpan {
  kind: SuggestionKind;
  start: number;
  end: number;
  source?: string;
}

export interface LabelledArticle {
  name: string;
  document: ArticleDocument;
  spans: LabelledSpan[];
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

export function readArticle(path: string): ArticleDocument {
  const result = importFile({ fileName: path, bytes: readFileSync(path), now: new Date(0) });
  if (!result.ok) throw new Error(result.error.message);
  return result.article.document;
}

export function labelledSet(dir = LABELLED_SET): LabelledArticle[] {
  const files = readdirSync(dir);
  return files
    .filter((f) => f.endsWith('.labels.json'))
    .sort()
    .map((labelsFile) => {
      const name = labelsFile.replace(/\.labels\.json$/, '');
      const articleFile = files.find((f) => f !== labelsFile && (f === `${name}.txt` || f === `${name}.md`));
      if (!articleFile) throw new Error(`${labelsFile}: no ${name}.txt or ${name}.md beside it`);
      const document = readArticle(join(dir, articleFile));
      const labels = LabelsSchema.parse(JSON.parse(readFileSync(join(dir, labelsFile), 'utf8')));
      const spans = labels.spans.map((span) => {
        const at = occurrences(document.text, span.quote);
        const start = at[(span.occurrence ?? 1) - 1];
        if (start === undefined) throw new Error(`${labelsFile}: "${span.quote}" is not in the article's text`);
        if (at.length > 1 && span.occurrence === undefined) throw new Error(`${labelsFile}: "${span.quote}" occurs ${at.length} times; say which (occurrence)`);
        if ((span.kind === 'attributed-claim' || span.kind === 'unnamed-source') && !span.source) throw new Error(`${labelsFile}: "${span.quote}" needs its source`);
        return { kind: span.kind, start, end: start + span.quote.length, ...(span.source ? { source: span.source } : {}) };
      });
      return { name, document, spans };
    });
}
