/**
 * What a saved page says about itself, read before Readability rewrites the tree: its
 * address (<link rel=canonical>, else og:url, else the "saved from url" mark browsers
 * write), its site name, its title and its publication date from the places Readability
 * does not look (a <time datetime>, a JSON-LD datePublished nested in @graph or arrays).
 * Every value is text only; an address counts only when it is absolute http(s).
 */
import type { HtmlDocument } from './html-dom';
import { safeHref } from './safe-href';
import { collapseSpace } from './white-space';

export interface PageMetadata {
  url?: string;
  outlet?: string;
  title?: string;
  date?: string;
}

/** An absolute http(s) address, normalised, or undefined. */
function webAddress(raw: string | null | undefined): string | undefined {
  const href = safeHref(raw);
  return href && /^https?:/.test(href) ? href : undefined;
}

function metaContent(document: HtmlDocument, names: readonly string[]): string | undefined {
  for (const name of names) {
    const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = collapseSpace(element?.getAttribute('content') ?? '');
    if (value) return value;
  }
  return undefined;
}

/** The address in the "<!-- saved from url=(0023)https://… -->" mark at the top of a saved page. */
function savedFromUrl(html: string): string | undefined {
  const match = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  return webAddress(match?.[1]);
}

function canonicalUrl(document: HtmlDocument, html: string): string | undefined {
  for (const link of Array.from(document.querySelectorAll('link[rel]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = rel.includes('canonical') ? webAddress(link.getAttribute('href')) : undefined;
    if (href) return href;
  }
  return webAddress(metaContent(document, ['og:url'])) ?? savedFromUrl(html);
}

/** The first datePublished string anywhere in a JSON-LD value (objects, arrays, @graph). */
function jsonLdDate(value: unknown, depth = 0): string | undefined {
  if (depth > 10 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const date = jsonLdDate(item, depth + 1);
      if (date) return date;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string' && record.datePublished.trim()) return record.datePublished.trim();
  return jsonLdDate(Object.values(record), depth + 1);
}

function jsonLdPublished(document: HtmlDocument): string | undefined {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const date = jsonLdDate(JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')));
      if (date) return date;
    } catch {
      // A broken JSON-LD block says nothing; the other places may.
    }
  }
  return undefined;
}

function timeElementDate(document: HtmlDocument): string | undefined {
  const time = document.querySelector('time[itemprop="datePublished"][datetime], time[pubdate][datetime]') ?? document.querySelector('time[datetime]');
  return collapseSpace(time?.getAttribute('datetime') ?? '') || undefined;
}

export function pageMetadata(document: HtmlDocument, html: string): PageMetadata {
  const url = canonicalUrl(document, html);
  const outlet = metaContent(document, ['og:site_name', 'application-name']);
  const title = metaContent(document, ['og:title', 'twitter:title']) ?? (collapseSpace(document.querySelector('title')?.textContent ?? '') || undefined);
  const date = metaContent(document, ['article:published_time', 'datePublished', 'date']) ?? jsonLdPublished(document) ?? timeElementDate(document);
  return { ...(url ? { url } : {}), ...(outlet ? { outlet } : {}), ...(title ? { title } : {}), ...(date ? { date } : {}) };
}
