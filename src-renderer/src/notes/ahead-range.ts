/**
 * Cards mounted ahead of the scroll, in idle time. The virtual list renders the viewport
 * and a small overscan; a card that scrolls into the overscan is built in the frame that
 * needs it (Markdown, sanitising, layout). Mounting the next few cards in the scroll
 * direction one per idle callback moves that work between frames, so a steady wheel or
 * trackpad scroll finds its next cards already built.
 *
 * Cards left behind are likewise dropped in idle time, with the next card built ahead:
 * every frame that changes the DOM costs the browser style work across the document (more
 * so with the reader's highlights registered), so a card scrolled out of the overscan does
 * not get a frame of its own to be removed in.
 */
import type { Range } from '@tanstack/virtual-core';

export type Direction = 'forward' | 'backward';

/** How far past the overscan idle time builds cards; a screenful of short cards. */
export const MAX_AHEAD = 6;
/** How many cards scrolled past stay mounted until an idle callback drops them (a fast scroll drops the rest at once). */
export const MAX_BEHIND = 12;

/** What idle callbacks have built ahead of the scroll and not yet dropped behind it (at first: nothing). */
export const NO_REACH: Reach = { direction: 'forward', ahead: -1, behind: Number.POSITIVE_INFINITY };

export interface Reach {
  direction: Direction;
  /** The furthest card built ahead (an index past the overscan in `direction`), or past the list's start when none. */
  ahead: number;
  /** The card from which those scrolled past stay mounted (behind the overscan, against `direction`). */
  behind: number;
}

/** The first and last index rendered for `range` without extras (the viewport and its overscan). */
function edges(range: Range): { first: number; last: number } {
  return { first: Math.max(0, range.startIndex - range.overscan), last: Math.min(range.count - 1, range.endIndex + range.overscan) };
}

/**
 * The cards mounted ahead: from the overscan's edge in `direction` up to `reach` (an index
 * reached by earlier idle callbacks), at most MAX_AHEAD of them.
 */
export function aheadIndexes(range: Range, direction: Direction, reach: number): number[] {
  const { first, last } = edges(range);
  const out: number[] = [];
  if (direction === 'forward') for (let i = last + 1; i <= Math.min(reach, last + MAX_AHEAD, range.count - 1); i++) out.push(i);
  else for (let i = first - 1; i >= Math.max(reach, first - MAX_AHEAD, 0); i--) out.unshift(i);
  return out;
}

/**
 * The cards scrolled past and not yet dropped: from `behind` to the overscan's edge, at
 * most MAX_BEHIND, and only cards already built (up to `ahead`): after a jump, none.
 */
export function behindIndexes(range: Range, direction: Direction, behind: number, ahead: number): number[] {
  const { first, last } = edges(range);
  const out: number[] = [];
  if (direction === 'forward') for (let i = Math.max(behind, first - MAX_BEHIND, 0); i < first && i <= ahead; i++) out.push(i);
  else for (let i = Math.max(last + 1, ahead); i <= Math.min(behind, last + MAX_BEHIND, range.count - 1); i++) out.push(i);
  return out;
}

/**
 * `reach`, or NO_REACH when it was made far from `range` (before a jump): a reach claims
 * every card up to `ahead` is built, which is true only next to where it was built.
 */
export function currentReach(range: Range, reach: Reach): Reach {
  const { first, last } = edges(range);
  const stale = reach.direction === 'forward' ? reach.ahead > last + MAX_AHEAD : reach.ahead < first - MAX_AHEAD;
  return stale ? NO_REACH : reach;
}

/** Every extra card a reach keeps mounted for `range`, in reading order. */
export function reachIndexes(range: Range, given: Reach): number[] {
  const reach = currentReach(range, given);
  const ahead = aheadIndexes(range, reach.direction, reach.ahead);
  const behind = behindIndexes(range, reach.direction, reach.behind, reach.ahead);
  return reach.direction === 'forward' ? [...behind, ...ahead] : [...ahead, ...behind];
}

/**
 * One idle callback's step: one more card built ahead and the cards behind the overscan
 * dropped but one, together; `null` when neither is left to do.
 */
export function nextReach(range: Range, direction: Direction, given: Reach): Reach | null {
  const reach = currentReach(range, given);
  const sameWay = reach.direction === direction;
  const from = sameWay ? reach.ahead : direction === 'forward' ? -1 : range.count;
  const ahead = extendReach(range, direction, from);
  const { first, last } = edges(range);
  // One card behind stays: a scroll turning round finds the card it needs first already built.
  const behind = direction === 'forward' ? first - 1 : last + 1;
  const trimmed = sameWay && (direction === 'forward' ? reach.behind >= behind : reach.behind <= behind);
  if (ahead === null && trimmed) return null;
  // With nothing more to build ahead, the reach still covers what is built (the overscan).
  const built = direction === 'forward' ? Math.max(from, last) : Math.min(from, first);
  return { direction, ahead: ahead ?? built, behind };
}

/** The reach after one more idle callback: one card further, or `null` when there is nothing more to build. */
export function extendReach(range: Range, direction: Direction, reach: number): number | null {
  const { first, last } = edges(range);
  if (direction === 'forward') {
    const next = Math.max(reach, last) + 1;
    return next > Math.min(last + MAX_AHEAD, range.count - 1) ? null : next;
  }
  const next = Math.min(reach, first) - 1;
  return next < Math.max(first - MAX_AHEAD, 0) ? null : next;
}
