/**
 * Find's matches drawn with the CSS Custom Highlight API: 'll-find' for the matches,
 * 'll-find-current' for the current one. Chromium re-validates every registered range on
 * any change to the page (reader-view.ts), so they are registered only while the bar is
 * open, only for the chunks near the viewport (followed as the reader scrolls), at most
 * MAX_DRAWN of them, and as StaticRanges, which the page does not keep up to date.
 */
import { effect } from '@preact/signals';
import type { TextRange } from '@shared/anchoring/text-range';
import { findCurrent, findMatches } from './find';
import { matchesWithin } from './find-matches';
import { watchNearChunks, type ChunkSpan } from './near-chunks';
import { articleRange, mountedArticle, type MountedArticle } from './reader-view';

const ALL = 'll-find';
const CURRENT = 'll-find-current';
/** More than a few screens of one-letter matches: the rest are drawn as the reader scrolls to them. */
const MAX_DRAWN = 2_000;

/** Starts drawing the matches; returns the stopper, which unregisters both highlights. */
export function drawFindHighlights(): () => void {
  if (typeof Highlight !== 'function') return () => {};
  let watched: MountedArticle | null = null;
  let near: ChunkSpan | null = null;
  let stopWatching = (): void => {};
  const stopDrawing = effect(() => {
    const article = mountedArticle.value;
    const matches = findMatches.value;
    const current = findCurrent.value;
    if (article !== watched) {
      stopWatching();
      watched = article;
      near = null;
      stopWatching = article
        ? watchNearChunks(article.scroller, article.chunkElements, (span) => {
            near = span;
            drawNear(article, near, findMatches.peek());
          })
        : () => {};
    }
    drawNear(article, near, matches);
    drawCurrent(matches[current]);
  });
  return () => {
    stopDrawing();
    stopWatching();
    CSS.highlights.delete(ALL);
    CSS.highlights.delete(CURRENT);
  };
}

function drawNear(article: MountedArticle | null, near: ChunkSpan | null, matches: readonly TextRange[]): void {
  const highlight = new Highlight();
  if (article && near) {
    const { first, last } = matchesWithin(matches, { start: article.chunks[near.first]!.start, end: article.chunks[near.last]!.end });
    for (let i = first; i < Math.min(last, first + MAX_DRAWN); i++) add(highlight, matches[i]!);
  }
  CSS.highlights.set(ALL, highlight);
}

function drawCurrent(match: TextRange | undefined): void {
  const highlight = new Highlight();
  highlight.priority = 1;
  if (match) add(highlight, match);
  CSS.highlights.set(CURRENT, highlight);
}

function add(highlight: Highlight, match: TextRange): void {
  const range = articleRange(match);
  if (range) highlight.add(new StaticRange(range));
}
