/**
 * Ads and consent banners taken out before Readability reads a page. Readability leaves
 * out what does not look like text, but an ad slot inside the article's body, with a
 * "Sponsored: …" line of words, looks like a paragraph to it. Only elements named for
 * what they are go: a class or id that is an ad or consent name as a whole word (so
 * "header", "shadow" or "add-to-cart" never match), or the attributes ad scripts read.
 */
import type { HtmlDocument, HtmlElement } from './html-dom';

/** One class token or an id: "ad", "ads-box", "top_ad", "cookie-banner", "gdpr", "taboola-feed"… */
const BOILERPLATE_NAME =
  /^(?:ad|ads|advert|adverts|advertisement|advertising|sponsored|promoted|adsbygoogle)$|^(?:ad|ads|advert|dfp|gpt)[-_]|[-_](?:ad|ads|advert)$|cookie|consent|gdpr|taboola|outbrain/i;

/** Attributes only ad slots carry. */
const AD_ATTRIBUTES = '[data-ad-unit], [data-ad-slot], [data-ad-client], [data-google-query-id]';

function isBoilerplate(element: HtmlElement): boolean {
  const names = [...(element.getAttribute('class') ?? '').split(/\s+/), element.getAttribute('id') ?? ''];
  return names.some((name) => name !== '' && BOILERPLATE_NAME.test(name));
}

export function removeBoilerplate(document: HtmlDocument): void {
  const body = document.body;
  if (!body) return;
  for (const element of Array.from(body.querySelectorAll('[class], [id]'))) if (isBoilerplate(element)) element.remove();
  for (const element of Array.from(body.querySelectorAll(AD_ATTRIBUTES))) element.remove();
}
