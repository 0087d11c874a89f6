/**
 * Note bodies are Markdown written by the user but may hold anything pasted from
 * the web: marked renders, DOMPurify makes it inert. No images or media (they
 * would reach the network), no forms, no styles, links only to http(s), mailto
 * and in-page anchors — and clicks on links are handled by the app, never followed.
 */
import DOMPurify from 'dompurify';
import { Marked, type TokensList } from 'marked';
import { LruCache } from './lru-cache';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const FORBID_TAGS = ['img', 'picture', 'source', 'video', 'audio', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'input', 'button', 'textarea', 'select', 'style', 'link', 'meta', 'base', 'template'];

const SAFE_URI = /^(?:https?:|mailto:|#)/i;

let hooksInstalled = false;
function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_URI.test(href)) node.removeAttribute('href');
      node.setAttribute('rel', 'noopener noreferrer');
      node.removeAttribute('target');
    }
  });
}

/**
 * Rendered, sanitised HTML by body. Cards of a virtual list are rebuilt each time they
 * scroll back into view; a few thousand short bodies are a few MB.
 */
const cache = new LruCache<string>(5_000);

/** Bodies lexed lately: a card names its note (plain-text.ts) and renders its body from one lexing. */
const lexed = new LruCache<TokensList>(64);

export function lexMarkdown(body: string): TokensList {
  let tokens = lexed.get(body);
  if (tokens === undefined) {
    tokens = marked.lexer(body);
    lexed.set(body, tokens);
  }
  return tokens;
}

export function renderMarkdown(body: string): string {
  const cached = cache.get(body);
  if (cached !== undefined) return cached;
  installHooks();
  const html = DOMPurify.sanitize(marked.parser(lexMarkdown(body)), {
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'action', 'formaction', 'xlink:href'],
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: SAFE_URI,
  });
  cache.set(body, html);
  return html;
}
