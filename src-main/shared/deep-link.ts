/**
 * Deep links into a notebook: `leadline://open?notebook=<file>&article=<id>&excerpt=<id>`
 * (or `&note=<id>`). `notebook` is the notebook file's absolute path, so a link opens in
 * the notebook it came from; `article` is required, `excerpt` and `note` say what to
 * scroll to and flash. The browser host takes the same parameters in its page address.
 * No Node, DOM or Electron import: main, renderer and exports share it.
 */
import { IdSchema } from './model';

export const DEEP_LINK_SCHEME = 'leadline';

export interface DeepLink {
  notebook?: string;
  article: string;
  excerpt?: string;
  note?: string;
}

/** The parameters of a link, in its order, as a query string (without "?"). */
export function deepLinkQuery(link: DeepLink): string {
  const params = new URLSearchParams();
  if (link.notebook !== undefined) params.set('notebook', link.notebook);
  params.set('article', link.article);
  if (link.excerpt !== undefined) params.set('excerpt', link.excerpt);
  if (link.note !== undefined) params.set('note', link.note);
  // Spaces as %20, not "+": what readers of the link in other tools expect of a URL.
  return params.toString().replace(/\+/g, '%20');
}

export function deepLinkUrl(link: DeepLink): string {
  return `${DEEP_LINK_SCHEME}://open?${deepLinkQuery(link)}`;
}

/** A link's parameters from a query string; null when they do not name an article properly. */
export function deepLinkFromQuery(query: string | URLSearchParams): DeepLink | null {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const article = params.get('article');
  const excerpt = params.get('excerpt');
  const note = params.get('note');
  const notebook = params.get('notebook');
  const validId = (id: string | null): boolean => id === null || IdSchema.safeParse(id).success;
  if (article === null || !validId(article) || !validId(excerpt) || !validId(note)) return null;
  if (notebook !== null && (notebook === '' || notebook.length > 4096)) return null;
  return {
    ...(notebook !== null ? { notebook } : {}),
    article,
    ...(excerpt !== null ? { excerpt } : {}),
    ...(note !== null ? { note } : {}),
  };
}

/** A `leadline://open?…` link's parameters, or null when it is not one. */
export function parseDeepLink(url: string): DeepLink | null {
  if (url.length > 8192 || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== `${DEEP_LINK_SCHEME}:` || parsed.hostname !== 'open' || (parsed.pathname !== '' && parsed.pathname !== '/')) return null;
  return deepLinkFromQuery(parsed.searchParams);
}
