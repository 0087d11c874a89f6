/**
 * Opening a long article: the first chunks (and those around the restored reading
 * position) get their blocks in the first render, so the browser builds, styles and
 * paints a screenful rather than the whole text; the other chunks are filled a slice at
 * a time in idle time after that paint. Unfilled chunks hold their estimated height
 * (article-chunks.ts), so the scrollbar is right from the start.
 */
import { useEffect, useState } from 'preact/hooks';
import { whenIdle } from './idle';

/** Chunks rendered at once from the start and around the reading position. */
const FIRST_CHUNKS = 2;
/** Chunks filled per idle callback: some 400 blocks, a few tens of milliseconds of work (slices of that size fill a 1 MB article in a few callbacks). */
const SLICE = 24;

/** Which chunks have their blocks: all before `upTo`, and those next to `around`. */
export interface ChunkFill {
  upTo: number;
  around: number;
}

export function isFilled(fill: ChunkFill, chunk: number): boolean {
  return chunk < fill.upTo || Math.abs(chunk - fill.around) <= 1;
}

/**
 * `around`: the chunk at the reading position the reader will scroll back to; `key`:
 * the article's text (another text starts over). Once `upTo` reaches `count`, the
 * article's DOM is complete.
 */
export function useChunkFill(count: number, around: number, key: unknown): ChunkFill {
  const [state, setState] = useState({ key, upTo: FIRST_CHUNKS });
  const upTo = state.key === key ? state.upTo : FIRST_CHUNKS;
  useEffect(() => (upTo < count ? whenIdle(() => setState({ key, upTo: upTo + SLICE })) : undefined), [key, upTo, count]);
  return { upTo, around };
}

/** The chunk holding a fraction of the article's estimated height (what a saved reading position points at). */
export function chunkAtFraction(lines: readonly number[], fraction: number): number {
  const total = lines.reduce((sum, n) => sum + n, 0);
  let target = Math.max(0, Math.min(1, fraction)) * total;
  for (const [i, n] of lines.entries()) {
    if (target < n) return i;
    target -= n;
  }
  return Math.max(0, lines.length - 1);
}
