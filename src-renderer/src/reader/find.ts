/**
 * Find in article: the bar's state and what its keys do (the matching itself is
 * find-matches.ts, the drawing find-highlights.ts, the bar FindBar.tsx). Typing searches
 * after a short pause, so a fast typist on a 1 MB article costs one search, not one per
 * key; the text is folded for matching once per article, when the bar first needs it.
 */
import { batch, signal } from '@preact/signals';
import type { TextRange } from '@shared/anchoring/text-range';
import { canonical } from '../state/workspace';
import { findAll, foldText, matchFrom, type FoldedText } from './find-matches';
import { whenIdle } from './idle';
import { articleRange, mountedArticle, scrollToRange } from './reader-view';
import { choose } from './sentence-cursor';
import { firstVisibleOffset, isInView } from './viewport';

export const findOpen = signal(false);
/** Bumped on every Ctrl/Cmd+F, so the bar takes the focus again even when it is open. */
export const findFocusRequest = signal(0);
export const findQuery = signal('');
export const findMatches = signal<readonly TextRange[]>([]);
/** The index of the current match, -1 when there is none. */
export const findCurrent = signal(-1);

/** The pause after the last key before searching. */
const SEARCH_DELAY_MS = 120;

let folded: { text: string; folded: FoldedText } | null = null;
let pending: ReturnType<typeof setTimeout> | undefined;

function foldedOf(text: string): FoldedText {
  if (folded?.text !== text) folded = { text, folded: foldText(text) };
  return folded.folded;
}

export function openFind(): void {
  const reopened = !findOpen.peek() && findQuery.peek() !== '';
  batch(() => {
    findOpen.value = true;
    findFocusRequest.value++;
  });
  // The last query comes back with the bar, searched again: the article may be another one now.
  if (reopened) searchNow();
  // Otherwise the text is folded while the user starts typing, not in the first search's task.
  else whenIdle(() => findOpen.peek() && foldedOf(canonical.peek().text), 1000);
}

export function setFindQuery(query: string): void {
  findQuery.value = query;
  clearTimeout(pending);
  pending = setTimeout(searchNow, SEARCH_DELAY_MS);
}

/**
 * Searches the open article for the query. The current match is the first one from the
 * current match before (so typing on narrows where one is), else from the top of the view.
 */
export function searchNow(): void {
  clearTimeout(pending);
  pending = undefined;
  const matches = findAll(foldedOf(canonical.peek().text), findQuery.peek());
  const before = findMatches.peek()[findCurrent.peek()];
  const article = mountedArticle.peek();
  const from = before?.start ?? (article ? firstVisibleOffset(article) : 0);
  batch(() => {
    findMatches.value = matches;
    findCurrent.value = matches.length > 0 ? matchFrom(matches, from) : -1;
  });
  revealCurrent();
}

/** Enter / F3 (1), Shift+Enter / Shift+F3 (-1): the next or previous match, round the ends. */
export function stepFind(direction: 1 | -1): void {
  if (pending !== undefined) searchNow(); // a step asked for before the pause ran out takes the query as typed
  const count = findMatches.peek().length;
  if (count === 0) return;
  findCurrent.value = (findCurrent.peek() + direction + count) % count;
  revealCurrent();
}

/** Closes the bar: the focus goes back to the article, and the current match becomes its selection (to annotate it). */
export function closeFind(): void {
  clearTimeout(pending);
  pending = undefined;
  const match = findMatches.peek()[findCurrent.peek()];
  findOpen.value = false;
  const article = mountedArticle.peek();
  if (!article) return;
  article.scroller.focus({ preventScroll: true });
  if (match) choose(article, { ...match, focus: 'end' });
}

/** Scrolls the current match to the middle of the view unless it is on screen (an article still filling in is scrolled once it is complete). */
function revealCurrent(): void {
  const match = findMatches.peek()[findCurrent.peek()];
  if (!match) return;
  const article = mountedArticle.peek();
  const range = article && articleRange(match);
  if (article && range && isInView(article.scroller, range)) return;
  scrollToRange(canonical.peek().blocks, match, 'instant');
}
