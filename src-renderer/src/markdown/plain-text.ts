/**
 * A note's body as plain text, for wherever the note is named rather than shown: its card's
 * accessible name, the link picker, the leads dialog, the delete dialog, toasts. The Markdown
 * is read by marked's lexer (the tokens the card renders from: render-markdown.ts), and only
 * the tokens' text is kept: "**Ask** the [ministry](https://…)" is named "Ask the ministry".
 */
import { decodeHTML } from 'entities';
import { Lexer, type MarkedToken, type Token } from 'marked';
import type { Note } from '@shared/model';
import { LruCache } from './lru-cache';
import { lexMarkdown } from './render-markdown';

// No marked extension is installed here, so every token is one of marked's own.
const own = (token: Token): MarkedToken => token as MarkedToken;

/** Elements whose content the card never shows (DOMPurify drops it): a note is not named by it. */
const HIDDEN_ELEMENT = /^<(script|style|template|textarea|title|noscript)\b/i;
const HIDDEN_BLOCK = /<(script|style|template|textarea|title|noscript)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi;

function inline(tokens: readonly Token[] | undefined): string {
  let text = '';
  let hiddenUntil: RegExp | null = null;
  for (const token of tokens ?? []) {
    const t = own(token);
    if (hiddenUntil) {
      if (t.type === 'html' && hiddenUntil.test(t.text)) hiddenUntil = null;
      continue;
    }
    switch (t.type) {
      case 'html': {
        // A tag: the text it wraps is in the tokens around it, but for elements the card hides.
        const hidden = HIDDEN_ELEMENT.exec(t.text);
        if (hidden && !new RegExp(`</${hidden[1]}\\s*>`, 'i').test(t.text)) hiddenUntil = new RegExp(`^</${hidden[1]}\\s*>`, 'i');
        break;
      }
      case 'checkbox':
        break;
      case 'br':
        text += ' ';
        break;
      case 'image': // its alt text, without the tags it may hold
        text += t.text.replace(/<[^>]*>/g, '');
        break;
      case 'codespan':
      case 'escape':
        text += t.text;
        break;
      default:
        text += 'tokens' in t && t.tokens ? inline(t.tokens) : 'text' in t ? t.text : '';
    }
  }
  return text;
}

/** The text of each block (paragraph, heading, list item, table row, line of code), in order. */
function blocks(tokens: readonly Token[], out: string[]): string[] {
  for (const token of tokens) {
    const t = own(token);
    switch (t.type) {
      case 'space':
      case 'hr':
      case 'def':
      case 'checkbox':
        break;
      case 'code':
        out.push(...t.text.split('\n'));
        break;
      case 'html': // a block of HTML is not parsed as Markdown: its tags are read as inline HTML to drop them
        out.push(...inline(Lexer.lexInline(t.text.replace(HIDDEN_BLOCK, ''), { gfm: true })).split('\n'));
        break;
      case 'blockquote':
        blocks(t.tokens, out);
        break;
      case 'list':
        for (const item of t.items) blocks(item.tokens, out);
        break;
      case 'table':
        for (const row of [t.header, ...t.rows]) out.push(row.map((cell) => inline(cell.tokens)).join(' '));
        break;
      default:
        out.push('tokens' in t && t.tokens ? inline(t.tokens) : 'text' in t ? t.text : '');
    }
  }
  return out;
}

/** The body's text without its Markdown syntax, one line per block, white space within a block collapsed, entities read as the card shows them (&amp;amp; is &). */
export function plainText(markdown: string): string {
  return blocks(lexMarkdown(markdown), [])
    .map((line) => decodeHTML(line).replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Names are asked for on every render of a card: a card scrolled past and back finds its name here. */
const names = new LruCache<string>(5_000);

/** What a note is called: the first line of its plain text, cut at `max` characters with an ellipsis; '' for an empty body. */
export function noteName(body: string, max = 80): string {
  const key = `${max}\u0000${body}`;
  const cached = names.get(key);
  if (cached !== undefined) return cached;
  const first = plainText(body).split('\n', 1)[0] ?? '';
  const name = first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
  names.set(key, name);
  return name;
}

/** A note in a sentence: “the lead “Ask the ministry””, or only “the lead” while it has no text. */
export function noteInSentence(note: Pick<Note, 'kind' | 'body'>): string {
  const kind = note.kind === 'lead' ? 'the lead' : 'the annotation';
  const name = noteName(note.body);
  return name ? `${kind} “${name}”` : kind;
}
