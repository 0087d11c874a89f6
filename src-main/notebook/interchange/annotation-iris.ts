/**
 * The IRIs of Leadline's Web Annotation export, and reading them back: which note,
 * excerpt or article an IRI names, and the address an article is known by.
 *
 * Records keep their notebook ids inside URNs (`urn:leadline:note:<id>`), so an
 * import of Leadline's own export gives them back the same ids: importing a file
 * twice then finds what the first import made. Articles are named by their web
 * address where they have one (what other tools know them by), else by the SHA-256
 * of their text as imported (`urn:sha256:<hex>`, the article's contentHash).
 */
import type { Article } from '../../shared/model';
import { IdSchema } from '../../shared/model';
import { isWebUrl } from '../../shared/urls';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * Leadline's own terms, for what the Web Annotation vocabulary has no word for: which
 * article of the notebook an annotation is about (`leadline:article`) and an excerpt's
 * mark after its article's text was updated (`leadline:review`). Other tools ignore them.
 */
export const LEADLINE_TERMS = { leadline: 'urn:leadline:terms:' } as const;
export const CONTEXT = [ANNO_CONTEXT, LEADLINE_TERMS] as const;

export type RecordKind = 'note' | 'excerpt' | 'highlight';

export function recordIri(kind: RecordKind, id: string): string {
  return `urn:leadline:${kind}:${id}`;
}

/** The notebook id inside one of our URNs, or null when the IRI is not one. */
export function idFromIri(kind: RecordKind, iri: string): string | null {
  const prefix = `urn:leadline:${kind}:`;
  if (!iri.startsWith(prefix)) return null;
  const id = iri.slice(prefix.length);
  return IdSchema.safeParse(id).success ? id : null;
}

/** Characters RFC 3986 allows in a URI; anything else is percent-encoded. */
const NOT_URI = /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g;

/**
 * A web address as an RFC 3986 URI without its fragment (a page's address, however it
 * was linked to), or null when it is not an http(s) URL.
 */
export function webIri(url: string): string | null {
  if (!isWebUrl(url) || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href.replace(NOT_URI, (ch) => encodeURIComponent(ch)).replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
}

export function hashIri(contentHash: string): string {
  return `urn:sha256:${contentHash.replace(/^sha256:/, '')}`;
}

/** The IRI an article is exported under: its web address, else its text's hash. */
export function articleIri(article: Article): string {
  const web = article.source?.url ? webIri(article.source.url) : null;
  return web ?? hashIri(article.contentHash);
}
