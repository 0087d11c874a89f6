/**
 * The only link destinations an imported article keeps: absolute http, https and mailto
 * URLs. Anything else (javascript:, data:, vbscript:, file:, relative paths with no page
 * address to resolve them against) loses its link and keeps its text. The URL parser sees
 * through the tricks a string test would miss (" jav\tascript:", mixed case, entities
 * already decoded by the HTML or Markdown parser).
 */
const SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The article model's longest href. */
const MAX_HREF = 4096;

/** The normalised href when `raw` (resolved against `base`, if given) is a link the reader may keep; else undefined. */
export function safeHref(raw: string | null | undefined, base?: string): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (!SCHEMES.has(url.protocol) || url.href.length > MAX_HREF) return undefined;
  return url.href;
}
