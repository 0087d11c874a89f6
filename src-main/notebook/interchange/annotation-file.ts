/**
 * Reading an annotations file: Leadline's own W3C export, any W3C Web Annotation
 * document (a collection, a page, an annotation or a list of them) and Hypothesis JSON
 * (an API search result `{rows: […]}` or a list of annotations). Every annotation
 * becomes one IncomingAnnotation; a file that is not JSON, of another shape, too large
 * or hostile is refused whole with one sentence (AnnotationFileError).
 *
 * Pure functions over bytes: no file system, no notebook.
 */
import { z } from 'zod';
import { LeadStatusSchema, type LeadStatus } from '../../shared/model';
import { idFromIri } from './annotation-iris';
import { AnnotationFileError } from './annotation-file-error';
import { STATUS_PURPOSE } from './web-annotation-export';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** At most this many annotations per file: an import is one undo step, and an undo step holds 10,000 notes. */
export const MAX_ANNOTATIONS = 10_000;
/** The longest text an article may hold: a position past it is no position at all. */
const MAX_OFFSET = 20_000_000;

export interface IncomingQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface IncomingTarget {
  /** Our excerpt id, for a target of Leadline's own export. */
  excerptId?: string;
  /** The IRI of what it selects in (an article's address or urn). */
  source?: string;
  quote?: IncomingQuote;
  position?: { start: number; end: number; unit: 'code-points' | 'code-units' };
  created?: string;
  review?: 'moved' | 'changed' | 'orphaned';
}

export interface IncomingAnnotation {
  /** The annotation's id in the file (an IRI, or Hypothesis's id). */
  sourceId: string;
  /** The note id our own export gave it, when it is one of ours. */
  noteId?: string;
  /** The excerpt id of a plain highlight of ours. */
  highlightOf?: string;
  kind: 'annotation' | 'lead' | 'highlight';
  status: LeadStatus;
  body: string;
  tags: string[];
  created?: string;
  modified?: string;
  /** Where it belongs: the IRI of its document, and the notebook article id our export named. */
  source?: string;
  articleId?: string;
  /** Its document's title, for messages. */
  title?: string;
  targets: IncomingTarget[];
}

export interface AnnotationFile {
  format: 'w3c' | 'hypothesis';
  /** Written by Leadline's own export (its collection says so). */
  fromLeadline: boolean;
  annotations: IncomingAnnotation[];
  /** Hypothesis replies, which are conversations rather than notes: counted, not imported. */
  replies: number;
}

// ---------------------------------------------------------------------------
// JSON

/** Keys that could reach an object's prototype when a careless reader copies the data. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function parseJson(fileName: string, bytes: Uint8Array): unknown {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new AnnotationFileError(fileName, `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, more than the 50 MB an annotations file may be; export fewer annotations at a time.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AnnotationFileError(fileName, 'is not UTF-8 text, so it is no JSON annotations file; export the annotations again as JSON.');
  }
  try {
    return JSON.parse(text, (key: string, value: unknown) => {
      if (PROTOTYPE_KEYS.has(key)) throw new HostileKey(key);
      return value;
    });
  } catch (error) {
    if (error instanceof HostileKey) {
      throw new AnnotationFileError(fileName, `holds the key "${error.key}", which no annotation has and which could tamper with the program reading it; Leadline does not read such files.`);
    }
    const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 120) : String(error);
    throw new AnnotationFileError(fileName, `is not valid JSON (${detail}); choose a W3C Web Annotation or Hypothesis JSON export.`);
  }
}

class HostileKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

// ---------------------------------------------------------------------------
// Shapes (only what is read; anything else may be there)

const Text = z.string().max(5_000_000);
const Offset = z.number().int().min(0).max(MAX_OFFSET);
const Timestamp = z.string().max(100);

const QuoteSelector = z.looseObject({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1).max(1_000_000), prefix: z.string().max(100_000).optional(), suffix: z.string().max(100_000).optional() });
const PositionSelector = z
  .looseObject({ type: z.literal('TextPositionSelector'), start: Offset, end: Offset })
  .refine((p) => p.end > p.start, { message: 'a TextPositionSelector must end after it starts' });
const AnySelector = z.looseObject({ type: z.string().max(100) });

const Selectors = z.union([AnySelector, z.array(AnySelector).max(100)]).optional();

const W3cTarget = z.union([
  z.string().max(4096),
  z.looseObject({
    id: z.string().max(4096).optional(),
    source: z.string().max(4096).optional(),
    selector: Selectors,
    created: Timestamp.optional(),
    'leadline:review': z.enum(['moved', 'changed', 'orphaned']).optional(),
  }),
]);

const W3cBody = z.union([
  z.string().max(4096),
  z.looseObject({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    value: Text.optional(),
    purpose: z.union([z.string().max(100), z.array(z.string().max(100)).max(20)]).optional(),
  }),
]);

const W3cAnnotation = z.looseObject({
  id: z.string().min(1).max(4096),
  type: z.union([z.literal('Annotation'), z.array(z.string()).refine((t) => t.includes('Annotation'))]),
  motivation: z.union([z.string().max(100), z.array(z.string().max(100)).max(20)]).optional(),
  body: z.union([W3cBody, z.array(W3cBody).max(1000)]).optional(),
  bodyValue: Text.optional(),
  target: z.union([W3cTarget, z.array(W3cTarget).max(10_000)]),
  created: Timestamp.optional(),
  modified: Timestamp.optional(),
  'leadline:article': z.string().max(200).optional(),
});
type W3cAnnotation = z.infer<typeof W3cAnnotation>;

const HypothesisRow = z.looseObject({
  id: z.string().min(1).max(200),
  uri: z.string().max(4096),
  text: Text.optional(),
  tags: z.array(z.string().max(1000)).max(1000).optional(),
  target: z.array(z.looseObject({ source: z.string().max(4096).optional(), selector: Selectors })).max(100),
  created: Timestamp.optional(),
  updated: Timestamp.optional(),
  references: z.array(z.string()).optional(),
  document: z.looseObject({ title: z.union([z.string(), z.array(z.string())]).optional() }).optional(),
});
type HypothesisRow = z.infer<typeof HypothesisRow>;

/** Where the annotations are in a W3C document: a collection's first page, a page, a list, or one annotation. */
function w3cItems(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data.length > 0 && data.every((a) => isType(a, 'Annotation')) ? data : null;
  if (isType(data, 'Annotation')) return [data];
  if (isType(data, 'AnnotationPage')) return itemsOf(data);
  if (isType(data, 'AnnotationCollection')) {
    const first = (data as { first?: unknown }).first;
    return isType(first, 'AnnotationPage') ? itemsOf(first) : (data as { total?: unknown }).total === 0 ? [] : null;
  }
  return null;
}

function itemsOf(page: unknown): unknown[] | null {
  const items = (page as { items?: unknown }).items;
  return Array.isArray(items) ? items : null;
}

function isType(value: unknown, type: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const t = (value as { type?: unknown }).type;
  return t === type || (Array.isArray(t) && t.includes(type));
}

function hypothesisRows(data: unknown): unknown[] | null {
  const rows = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray((data as { rows?: unknown }).rows) ? (data as { rows: unknown[] }).rows : null;
  if (!rows || rows.length === 0) return rows;
  return rows.every((r) => typeof r === 'object' && r !== null && 'uri' in r && 'target' in r) ? rows : null;
}

// ---------------------------------------------------------------------------
// Hostile text

/**
 * Script a body from another tool must not carry. Leadline shows every body as
 * sanitized Markdown and exports it escaped, so such text is inert here; but a file
 * that brings it is suspect, and refused. Leadline's own export is the exception:
 * notes can hold such text as text (a note on a phishing page quotes its markup), and
 * moving them between notebooks must not lose them.
 */
const ACTIVE_CONTENT = /<\s*(?:script|iframe|object|embed)\b|<[^>]*\son[a-z]+\s*=|javascript\s*:/i;

function refuseActive(fileName: string, sourceId: string, text: string, trusted: boolean): void {
  const match = trusted ? null : ACTIVE_CONTENT.exec(text);
  if (match) {
    throw new AnnotationFileError(fileName, `carries script in the annotation "${sourceId.slice(0, 80)}" (${JSON.stringify(match[0].slice(0, 40))}); Leadline does not import annotations with active content.`);
  }
}

// ---------------------------------------------------------------------------
// W3C

function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function selectorsOf(selector: z.infer<typeof Selectors>, unit: 'code-points' | 'code-units', fileName: string, sourceId: string): Pick<IncomingTarget, 'quote' | 'position'> {
  const out: Pick<IncomingTarget, 'quote' | 'position'> = {};
  for (const raw of asList(selector)) {
    if (raw.type === 'TextQuoteSelector') {
      const quote = QuoteSelector.safeParse(raw);
      if (!quote.success) throw outOfRange(fileName, sourceId, quote.error);
      out.quote ??= { exact: quote.data.exact, prefix: quote.data.prefix ?? '', suffix: quote.data.suffix ?? '' };
    } else if (raw.type === 'TextPositionSelector') {
      const position = PositionSelector.safeParse(raw);
      if (!position.success) throw outOfRange(fileName, sourceId, position.error);
      out.position ??= { start: position.data.start, end: position.data.end, unit };
    }
  }
  return out;
}

function outOfRange(fileName: string, sourceId: string, error: z.ZodError): AnnotationFileError {
  const issue = error.issues[0];
  const where = issue ? `${issue.path.join('.') || 'selector'}: ${issue.message}` : 'a selector';
  return new AnnotationFileError(fileName, `has a selector out of range in the annotation "${sourceId.slice(0, 80)}" (${where}); it cannot point into any article.`);
}

function purposes(body: Exclude<z.infer<typeof W3cBody>, string>): string[] {
  return asList(body.purpose);
}

function fromW3c(a: W3cAnnotation, fileName: string, fromLeadline: boolean): IncomingAnnotation {
  const motivations = asList(a.motivation);
  const bodies = asList(a.body).filter((b): b is Exclude<typeof b, string> => typeof b !== 'string' && typeof b.value === 'string');
  const tags = bodies.filter((b) => purposes(b).includes('tagging')).map((b) => b.value!);
  const statusBody = bodies.find((b) => purposes(b).includes(STATUS_PURPOSE) && LeadStatusSchema.safeParse(b.value).success);
  const texts = bodies.filter((b) => !purposes(b).includes('tagging') && b !== statusBody).map((b) => b.value!);
  if (a.bodyValue !== undefined) texts.push(a.bodyValue);
  const body = texts.join('\n\n');
  refuseActive(fileName, a.id, body, fromLeadline);
  const highlightOf = idFromIri('highlight', a.id) ?? undefined;
  const kind = motivations.includes('questioning') ? 'lead' : motivations.includes('highlighting') && body === '' && tags.length === 0 ? 'highlight' : 'annotation';
  const targets: IncomingTarget[] = [];
  let source: string | undefined;
  for (const target of asList(a.target)) {
    if (typeof target === 'string') {
      source ??= target;
      continue;
    }
    source ??= target.source;
    const selected = selectorsOf(target.selector, 'code-points', fileName, a.id);
    if (!selected.quote && !selected.position) continue;
    const excerptId = target.id ? idFromIri('excerpt', target.id) : null;
    targets.push({
      ...(excerptId ? { excerptId } : {}),
      ...(target.source ? { source: target.source } : {}),
      ...selected,
      ...(target.created ? { created: target.created } : {}),
      ...(target['leadline:review'] ? { review: target['leadline:review'] } : {}),
    });
  }
  const noteId = idFromIri('note', a.id) ?? undefined;
  return {
    sourceId: a.id,
    ...(noteId ? { noteId } : {}),
    ...(highlightOf && kind === 'highlight' ? { highlightOf } : {}),
    kind,
    status: statusBody ? LeadStatusSchema.parse(statusBody.value) : 'open',
    body,
    tags,
    ...(a.created ? { created: a.created } : {}),
    ...(a.modified ? { modified: a.modified } : {}),
    ...(source ? { source } : {}),
    ...(a['leadline:article'] ? { articleId: a['leadline:article'] } : {}),
    targets,
  };
}

// ---------------------------------------------------------------------------
// Hypothesis

function fromHypothesis(row: HypothesisRow, fileName: string): IncomingAnnotation {
  const body = row.text ?? '';
  refuseActive(fileName, row.id, body, false);
  // Hypothesis counts offsets in the page's text as JavaScript does: UTF-16 code units.
  const targets = row.target.flatMap((t): IncomingTarget[] => {
    const selected = selectorsOf(t.selector, 'code-units', fileName, row.id);
    return selected.quote || selected.position ? [{ ...(t.source ? { source: t.source } : {}), ...selected }] : [];
  });
  const tags = row.tags ?? [];
  const title = row.document?.title;
  return {
    sourceId: `hypothesis:${row.id}`,
    kind: body.trim() === '' && tags.length === 0 && targets.length > 0 ? 'highlight' : 'annotation',
    status: 'open',
    body,
    tags,
    ...(row.created ? { created: row.created } : {}),
    ...(row.updated ? { modified: row.updated } : {}),
    source: row.uri,
    ...(title ? { title: asList(title)[0] } : {}),
    targets,
  };
}

/** A collection our export wrote: its generator is Leadline. */
function isLeadlineExport(data: unknown): boolean {
  if (!isType(data, 'AnnotationCollection')) return false;
  const generator = (data as { generator?: { name?: unknown } }).generator;
  return typeof generator?.name === 'string' && /^Leadline \d/.test(generator.name);
}

// ---------------------------------------------------------------------------

/** Reads an annotations file, or throws AnnotationFileError with a sentence naming the file. */
export function readAnnotationFile(fileName: string, bytes: Uint8Array): AnnotationFile {
  const data = parseJson(fileName, bytes);
  const w3c = w3cItems(data);
  const rows = w3c ? null : hypothesisRows(data);
  if (!w3c && !rows) {
    throw new AnnotationFileError(fileName, 'is JSON, but neither W3C Web Annotations (an AnnotationCollection, AnnotationPage, Annotation or a list of them) nor Hypothesis annotations ({"rows": […]} or a list); choose such an export.');
  }
  const items = (w3c ?? rows)!;
  if (items.length > MAX_ANNOTATIONS) {
    throw new AnnotationFileError(fileName, `holds ${items.length.toLocaleString('en')} annotations, more than the ${MAX_ANNOTATIONS.toLocaleString('en')} one import may bring; split the file.`);
  }
  const schema = w3c ? W3cAnnotation : HypothesisRow;
  const parsed = items.map((item, i) => {
    const result = schema.safeParse(item);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new AnnotationFileError(fileName, `has an annotation (number ${i + 1}) of the wrong shape (${issue ? `${issue.path.join('.') || 'annotation'}: ${issue.message}` : 'unreadable'}); nothing of it can be trusted.`);
    }
    return result.data;
  });
  if (w3c) {
    const fromLeadline = isLeadlineExport(data);
    return { format: 'w3c', fromLeadline, annotations: (parsed as W3cAnnotation[]).map((a) => fromW3c(a, fileName, fromLeadline)), replies: 0 };
  }
  const all = parsed as HypothesisRow[];
  const replies = all.filter((r) => (r.references?.length ?? 0) > 0);
  return { format: 'hypothesis', fromLeadline: false, annotations: all.filter((r) => !replies.includes(r)).map((r) => fromHypothesis(r, fileName)), replies: replies.length };
}
