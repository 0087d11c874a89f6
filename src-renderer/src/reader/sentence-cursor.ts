/**
 * The keyboard's sentence cursor in the reader (the steps themselves: text-cursor.ts).
 * With the article focused, ↓/↑ choose the next/previous sentence, Shift+↓/↑ extend or
 * shrink by a sentence, Alt+Shift+→/← by a word at the end, Esc lets go. The choice is
 * the page's real selection, so the selection toolbar and its shortcuts act on it as on
 * one made with the mouse; it is kept in view and read out in a polite live region.
 */
import { signal } from '@preact/signals';
import { isCommandKey, type CommandId } from '@shared/commands';
import { isMac } from '../platform';
import { canonical } from '../state/workspace';
import { articleRange, mountedArticle, type MountedArticle } from './reader-view';
import { readerSelection, selectionIn } from './selection';
import { firstVisibleOffset, keepInView } from './viewport';
import { adjustEndByWord, extendBySentence, nextSentence, previousSentence, sentenceFrom, spokenChoice, type Cursor } from './text-cursor';

/** What the live region says: the chosen text, shortened. */
export const cursorAnnouncement = signal('');

/** The last choice made here, with the end that moves; trusted while the page's selection is still exactly it. */
let cursor: Cursor | null = null;

/** Listens on the reader's scroll container (the focusable `.reader-pane`); returns the remover. */
export function installSentenceCursor(scroller: HTMLElement): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    const article = mountedArticle.peek();
    if (!article || !inArticle(article, event.target)) return;
    if (event.ctrlKey || event.metaKey) return;
    const next = step(article, event);
    if (next === undefined) return;
    event.preventDefault();
    if (next) choose(article, next);
  };
  scroller.addEventListener('keydown', onKeyDown);
  return () => {
    scroller.removeEventListener('keydown', onKeyDown);
    cursor = null;
    cursorAnnouncement.value = '';
  };
}

/** The key's new choice; null when it is the key's but there is nothing further; undefined when the key is not the cursor's. */
function step(article: MountedArticle, event: KeyboardEvent): Cursor | null | undefined {
  const doc = canonical.peek();
  const is = (id: CommandId): boolean => isCommandKey(id, event, isMac);
  if (is('clear-selection')) {
    if (!current(article)) return undefined; // nothing chosen: Escape is someone else's
    letGo();
    return null;
  }
  const now = current(article);
  if (is('word-on') || is('word-back')) {
    if (!now) return null;
    const adjusted = adjustEndByWord(doc, now, is('word-on') ? 1 : -1);
    return adjusted && { ...adjusted, focus: 'end' };
  }
  const sentenceKeys: CommandId[] = ['next-sentence', 'previous-sentence', 'extend-down', 'extend-up'];
  const pressed = sentenceKeys.find(is);
  if (!pressed) return undefined; // plain ←/→ scroll sideways, as before
  const direction = pressed === 'next-sentence' || pressed === 'extend-down' ? 1 : -1;
  if (!now) {
    const first = sentenceFrom(doc, firstVisibleOffset(article));
    return first && { ...first, focus: 'end' };
  }
  if (pressed === 'extend-down' || pressed === 'extend-up') return extendBySentence(doc, now, direction);
  const moved = direction === 1 ? nextSentence(doc, now) : previousSentence(doc, now);
  return moved && { ...moved, focus: 'end' };
}

/** The event comes from the article itself: its scroll container or a link in the text, not a button or field over it. */
function inArticle(article: MountedArticle, target: EventTarget | null): boolean {
  return target === article.scroller || (target instanceof Node && article.body.contains(target));
}

/** The choice now: the page's selection in the article (or a plain highlight's, opened by a click), with the end that moves. */
function current(article: MountedArticle): Cursor | null {
  const chosen = selectionIn(article, canonical.peek().text) ?? (readerSelection.peek()?.excerptId ? readerSelection.peek() : null);
  if (!chosen) return null;
  return cursor && cursor.start === chosen.start && cursor.end === chosen.end ? cursor : { start: chosen.start, end: chosen.end, focus: 'end' };
}

/** Makes a choice the page's selection (its moving end as the selection's focus), keeps it in view and says it. */
export function choose(article: MountedArticle, next: Cursor): void {
  const range = articleRange(next);
  const selection = document.getSelection();
  if (!range || !selection) return;
  const [anchor, focus] = next.focus === 'end' ? [[range.startContainer, range.startOffset], [range.endContainer, range.endOffset]] as const : [[range.endContainer, range.endOffset], [range.startContainer, range.startOffset]] as const;
  selection.setBaseAndExtent(anchor[0], anchor[1], focus[0], focus[1]);
  cursor = next;
  // At once, not on the next frame as a selection made with the mouse: a shortcut pressed right after acts on this choice.
  readerSelection.value = selectionIn(article, canonical.peek().text);
  keepInView(article.scroller, range, next.focus);
  cursorAnnouncement.value = spokenChoice(canonical.peek().text.slice(next.start, next.end));
}

function letGo(): void {
  document.getSelection()?.removeAllRanges();
  readerSelection.value = null;
  cursor = null;
  cursorAnnouncement.value = '';
}
