/**
 * Bringing annotations from a file into the notebook, as one patch (one undo step,
 * one journal line): each annotation goes to the article it is about (the one the
 * user picked; else the article our own export named; else the article with its
 * web address or text hash), its quotes anchored again with the project's anchoring.
 *
 * Importing a file twice adds nothing twice, without any record of past imports:
 * a note's id is the id our own export gave it, else a hash of the annotation's id
 * in the file (and likewise for excerpts), so a second import finds the notes the
 * first one made and skips them.
 *
 * Quotes of our own export keep their selectors as they were exported (their
 * notebook showed them so: a quote found only approximately stays approximate);
 * another tool's are described anew where they are found in our text, marked
 * "changed" when found only approximately. A quote found nowhere is kept as an
 * orphan and listed, never dropped.
 */
import { createHash } from 'node:crypto';
import { emptyPatch } from '../../shared/api';
import type { AnnotationImportReport } from '../../shared/import-report';
import { anchor } from '../../shared/anchoring/anchor';
import { selectorsFor } from '../../shared/anchoring/describe-range';
import { ExcerptSchema, TagSchema, TimestampSchema, type Article, type Excerpt, type Note, type Notebook, type Selectors } from '../../shared/model';
import { articleText } from '../article-text';
import { applyPatch } from '../patch';
import type { OperationContext, OperationResult } from '../operations';
import { hashIri, webIri } from './annotation-iris';
import { AnnotationFileError } from './annotation-file-error';
import { MAX_ANNOTATIONS, type AnnotationFile, type IncomingAnnotation, type IncomingTarget } from './annotation-file';
import { toCodeUnits } from './code-points';


export interface ImportChoice {
  fileName: string;
  /** Put every annotation on this article, whatever its source says. */
  articleId?: string;
}

/** A stable id from what a record is in the file (same shape as newId's: 16 URL-safe characters). */
function derivedId(kind: string, key: string): string {
  return createHash('sha256').update(`${kind}\n${key}`).digest('base64url').slice(0, 16);
}

function matchesIri(article: Article, iri: string): boolean {
  const web = webIri(iri);
  if (web) return article.source?.url !== undefined && webIri(article.source.url) === web;
  return [article.contentHash, ...(article.versions ?? []).map((v) => v.contentHash)].some((hash) => hashIri(hash) === iri);
}

type Placement = { article: Article } | { unmatched: string; ambiguous: boolean };

function placeAnnotation(notebook: Notebook, annotation: IncomingAnnotation, chosen: Article | undefined): Placement {
  if (chosen) return { article: chosen };
  const own = annotation.articleId ? notebook.articles.find((a) => a.id === annotation.articleId) : undefined;
  if (own) return { article: own };
  const iri = annotation.source ?? annotation.targets.find((t) => t.source)?.source;
  if (!iri) return { unmatched: '(no source named)', ambiguous: false };
  const candidates = notebook.articles.filter((a) => matchesIri(a, iri));
  if (candidates.length === 1) return { article: candidates[0]! };
  return { unmatched: iri, ambiguous: candidates.length > 1 };
}

/** A time as the notebook keeps it: as given when it is one, else read as a date, else now. */
function timestamp(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (TimestampSchema.safeParse(value).success) return value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return fallback;
  // A date that parses may still lie outside what the notebook keeps (year -1, +275760).
  const iso = new Date(time).toISOString();
  return TimestampSchema.safeParse(iso).success ? iso : fallback;
}

/**
 * Tags as the notebook allows them: one word (white space, commas and "#" become "-"),
 * at most 64 characters, each once. Tags that fit already stay exactly as they were.
 */
function cleanTags(tags: readonly string[]): string[] {
  if (tags.length <= 100 && tags.every((t) => TagSchema.safeParse(t).success)) return [...tags];
  const fit = (t: string): string => (TagSchema.safeParse(t).success ? t : t.replace(/[\s,#]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 64));
  const clean = tags.map(fit).filter((t) => TagSchema.safeParse(t).success);
  return [...new Set(clean)].slice(0, 100);
}

interface Anchored {
  selectors: Selectors;
  review?: Excerpt['review'];
  orphan: boolean;
}

/** The target's selectors in the article's text, anchored again; null when it names no text at all. */
function anchorTarget(text: string, target: IncomingTarget, own: boolean): Anchored | null {
  let position = target.position
    ? target.position.unit === 'code-points'
      ? { start: toCodeUnits(text, target.position.start), end: toCodeUnits(text, target.position.end) }
      : { start: target.position.start, end: target.position.end }
    : undefined;
  let quote = target.quote;
  if (!quote) {
    // A position alone: the quote is whatever is there in our text, if it reaches that far.
    if (!position || position.end > text.length) return null;
    const described = selectorsFor(text, position);
    quote = described.quote;
    position = described.position;
  }
  const given: Selectors = {
    quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix.slice(-64), suffix: quote.suffix.slice(0, 64) },
    position: { type: 'TextPositionSelector', ...(position ?? { start: 0, end: quote.exact.length }) },
  };
  const found = anchor(text, given);
  if (!found) return { selectors: given, review: 'orphaned', orphan: true };
  // Ours stay as exported, unless they point past the text (the notebook would not hold that).
  if (own && given.position.end <= text.length) {
    return { selectors: given, ...(target.review && target.review !== 'orphaned' ? { review: target.review } : {}), orphan: false };
  }
  return { selectors: selectorsFor(text, found), ...(found.method === 'fuzzy' ? { review: 'changed' as const } : {}), orphan: false };
}

/**
 * The import as a pure operation. Throws AnnotationFileError when nothing of the file
 * can go anywhere; the notebook is then unchanged.
 */
export function importAnnotations(notebook: Notebook, file: AnnotationFile, choice: ImportChoice, ctx: OperationContext): OperationResult<{ report: AnnotationImportReport }> {
  const chosen = choice.articleId === undefined ? undefined : notebook.articles.find((a) => a.id === choice.articleId);
  if (choice.articleId !== undefined && !chosen) throw new AnnotationFileError(choice.fileName, `was to go to the article "${choice.articleId}", which is not in this notebook.`);
  if (file.annotations.length === 0) throw new AnnotationFileError(choice.fileName, `holds no annotations${file.replies > 0 ? ` (only ${file.replies} replies, which Leadline does not import)` : ''}.`);

  const now = ctx.now().toISOString();
  const noteIds = new Set(notebook.notes.map((n) => n.id));
  const excerpts = new Map(notebook.excerpts.map((e) => [e.id, e]));
  /** Excerpts found in their text, by place: another tool's quote at the same place reuses one. */
  const place = (e: { articleId: string; position: { start: number; end: number } }): string => `${e.articleId}:${e.position.start}:${e.position.end}`;
  const byPlace = new Map(notebook.excerpts.filter((e) => e.review !== 'orphaned').map((e) => [place(e), e]));
  const patch = emptyPatch();
  const report: AnnotationImportReport = { format: file.format, notes: 0, leads: 0, highlights: 0, alreadyThere: 0, orphans: [], unmatched: [], replies: file.replies, articles: [] };
  const perArticle = new Map<string, number>();
  const unmatched = new Map<string, AnnotationImportReport['unmatched'][number]>();

  /** An excerpt for a target: the one already there under its id, one at the same place (another tool's), or a new one. */
  const excerptFor = (article: Article, annotation: IncomingAnnotation, target: IncomingTarget, index: number, own: boolean): Excerpt | null => {
    let id = target.excerptId ?? (annotation.highlightOf && index === 0 ? annotation.highlightOf : derivedId('excerpt', `${annotation.sourceId}#${index}`));
    let existing = excerpts.get(id);
    if (existing && existing.articleId !== article.id) {
      id = derivedId('excerpt', `${id}@${article.id}`);
      existing = excerpts.get(id);
    }
    if (existing) return existing;
    const text = articleText(article);
    const anchored = anchorTarget(text, target, own);
    if (!anchored) {
      // Only a position, past the article's end: no words to keep, but the report says so.
      report.orphans.push({ annotation: annotation.sourceId, quote: '(a position past the end of the article, no quote)' });
      return null;
    }
    if (anchored.orphan) report.orphans.push({ annotation: annotation.sourceId, quote: anchored.selectors.quote.exact.slice(0, 120) });
    const at = place({ articleId: article.id, position: anchored.selectors.position });
    const same = !own && !anchored.orphan ? byPlace.get(at) : undefined;
    if (same) return same;
    const excerpt = ExcerptSchema.parse({
      id,
      articleId: article.id,
      ...anchored.selectors,
      createdAt: timestamp(target.created ?? annotation.created, now),
      ...(anchored.review ? { review: anchored.review } : {}),
    });
    excerpts.set(id, excerpt);
    if (!anchored.orphan && !byPlace.has(at)) byPlace.set(at, excerpt);
    patch.upsertExcerpts.push(excerpt);
    return excerpt;
  };

  for (const annotation of file.annotations) {
    const placed = placeAnnotation(notebook, annotation, chosen);
    if ('unmatched' in placed) {
      const entry = unmatched.get(placed.unmatched) ?? { source: placed.unmatched, ...(annotation.title ? { title: annotation.title } : {}), annotations: 0, ambiguous: placed.ambiguous };
      entry.annotations++;
      unmatched.set(placed.unmatched, entry);
      continue;
    }
    const { article } = placed;
    const own = annotation.noteId !== undefined || annotation.highlightOf !== undefined;
    if (annotation.kind === 'highlight') {
      const id = annotation.highlightOf ?? derivedId('excerpt', `${annotation.sourceId}#0`);
      if (excerpts.has(id)) {
        report.alreadyThere++;
        continue;
      }
      const made = annotation.targets.map((t, i) => excerptFor(article, annotation, t, i, own)).filter((e) => e !== null);
      report.highlights += made.length;
    } else {
      // The note already there is this one only when it says the same on the same article:
      // a colliding id, or a copy edited elsewhere since, comes in beside it under an id of
      // its own (derived from what it says, so importing that file again adds nothing).
      let id = annotation.noteId ?? derivedId('note', annotation.sourceId);
      const existing = noteIds.has(id) ? notebook.notes.find((n) => n.id === id) ?? patch.upsertNotes.find((n) => n.id === id) : undefined;
      if (existing && (existing.articleId !== article.id || existing.body !== annotation.body)) id = derivedId('note', `${id}@${article.id}@${annotation.body}`);
      if (noteIds.has(id)) {
        report.alreadyThere++;
        continue;
      }
      const excerptIds = [...new Set(annotation.targets.map((t, i) => excerptFor(article, annotation, t, i, own)?.id).filter((x) => x !== undefined))];
      const createdAt = timestamp(annotation.created, now);
      const note: Note = {
        id,
        articleId: article.id,
        kind: annotation.kind,
        body: annotation.body,
        tags: cleanTags(annotation.tags),
        excerptIds,
        ...(annotation.kind === 'lead' ? { status: annotation.status } : {}),
        createdAt,
        updatedAt: timestamp(annotation.modified, createdAt),
      };
      noteIds.add(id);
      patch.upsertNotes.push(note);
      report.notes++;
      if (note.kind === 'lead') report.leads++;
    }
    perArticle.set(article.id, (perArticle.get(article.id) ?? 0) + 1);
  }

  report.unmatched = [...unmatched.values()];
  report.articles = [...perArticle].map(([id, annotations]) => ({ id, title: notebook.articles.find((a) => a.id === id)!.title, annotations }));
  if (patch.upsertExcerpts.length > MAX_ANNOTATIONS) {
    throw new AnnotationFileError(choice.fileName, `would add ${patch.upsertExcerpts.length.toLocaleString('en')} excerpts, more than the ${MAX_ANNOTATIONS.toLocaleString('en')} one import may bring; split the file.`);
  }
  if (report.articles.length === 0 && report.alreadyThere === 0) {
    const sources = report.unmatched.map((u) => u.source).slice(0, 3).join(', ');
    const ambiguous = report.unmatched.some((u) => u.ambiguous);
    throw new AnnotationFileError(
      choice.fileName,
      `holds ${file.annotations.length} annotation${file.annotations.length === 1 ? '' : 's'}, none about ${ambiguous ? 'exactly one' : 'an'} article of this notebook (${sources}); import the article first, or choose the article to put them on.`,
    );
  }
  const { next, mutation } = applyPatch(notebook, patch);
  return { next, mutation: { ...mutation, report } };
}
