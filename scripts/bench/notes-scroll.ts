/**
 * The renderer bench's notes-pane scroll rows, on a page showing a notebook of 10,000
 * notes: a wheel or trackpad scroll through a long stretch of the list, and jumps (the
 * scrollbar dragged far, the End key) that must build a screenful of new cards in one
 * frame. Each beside the same with the reader's highlights cleared, which shows what the
 * pane alone costs. The target is the frame: none over 16.7 ms (60 Hz).
 */
import type { Page } from '@playwright/test';
import { stats, type Row } from './harness';

const FRAME_MS = 16.7;
/** A rAF interval this long means at least one vsync was missed. */
const DROPPED_MS = FRAME_MS * 1.5;
/** A notch of a mouse wheel (Chromium's default line-step scroll of three lines). */
const WHEEL_STEP_PX = 120;
/** How many cards new to the DOM each wheel pass renders. */
const WHEEL_CARDS = 400;
/** Where the wheel passes start (fractions of the list), each over cards never shown before. */
const WHEEL_FROM = [0.3, 0.6];
/** Where the scrollbar is dragged to; 1 is the bottom. */
const JUMP_TO = [0.92, 0.17, 0.71, 0.45, 1];

export interface FrameRecord {
  work: number[];
  intervals: number[];
  long: { frames: number[]; tasks: number[] };
}
interface WheelResult extends FrameRecord {
  cards: number;
  from: number;
  inDom: number;
}
interface JumpsResult {
  jumps: (FrameRecord & { kind: string })[];
  draggedToEnd: boolean | null;
  endKeyLanded: boolean;
}
/** window.__leadlineBench.notesPane, from page-probes.js. */
interface NotesPaneProbe {
  wheel(from: number, cards: number, stepPx: number, highlightsCleared: boolean): Promise<WheelResult>;
  jumps(fractions: readonly number[], highlightsCleared: boolean): Promise<JumpsResult>;
}
/** The page's global (page.evaluate runs its function in the page, where this name resolves). */
declare const __leadlineBench: { notesPane: NotesPaneProbe };

const over = (samples: readonly number[], limit: number): number => samples.filter((s) => s > limit).length;
const worst = (samples: readonly number[]): number => (samples.length ? Math.max(...samples) : 0);
const merge = (records: readonly FrameRecord[]): FrameRecord => ({
  work: records.flatMap((r) => r.work),
  intervals: records.flatMap((r) => r.intervals),
  long: { frames: records.flatMap((r) => r.long.frames), tasks: records.flatMap((r) => r.long.tasks) },
});
const longOf = (r: FrameRecord): string =>
  `${r.long.frames.length} long animation frames (worst ${worst(r.long.frames).toFixed(0)} ms), ${r.long.tasks.length} long tasks`;

export async function notesScrollRows(page: Page, noteCount: number, log: (line: string) => void): Promise<Row[]> {
  await page.bringToFront();
  // Interleaved, so machine noise hits both alike: with the highlights, then without.
  const shown: WheelResult[] = [];
  const cleared: WheelResult[] = [];
  for (const from of WHEEL_FROM) {
    for (const clear of [false, true]) {
      // A fresh stretch for each pass: the second pass of a pair starts a little further on.
      const start = from + (clear ? 0.12 : 0);
      const result = await page.evaluate(([f, c, s, h]) => __leadlineBench.notesPane.wheel(f, c, s, h), [start, WHEEL_CARDS, WHEEL_STEP_PX, clear] as const);
      (clear ? cleared : shown).push(result);
      log(`renderer: wheel from card ${result.from}${clear ? ' (highlights cleared)' : ''}: ${result.work.length} frames, worst ${worst(result.work).toFixed(1)} ms, ${result.inDom} cards in the DOM at the end`);
    }
  }
  const jumpsShown = await page.evaluate((to) => __leadlineBench.notesPane.jumps(to, false), JUMP_TO);
  const jumpsCleared = await page.evaluate((to) => __leadlineBench.notesPane.jumps(to, true), JUMP_TO);

  const wheelShown = merge(shown);
  const wheelCleared = merge(cleared);
  const cards = shown.reduce((n, r) => n + r.cards, 0);
  const jumpWorst = (r: JumpsResult): number[] => r.jumps.map((j) => worst(j.work));
  const cleared_ = 'same, highlights off';
  const overLabel = (r: FrameRecord): string => `${over(r.work, FRAME_MS)}/${r.work.length}`;
  const landed = `dragged to the bottom: ${jumpsShown.draggedToEnd ? 'lands at the end' : 'does NOT land at the end'}; End key: ${jumpsShown.endKeyLanded ? 'focuses the last card, in view at the bottom' : 'does NOT land at the end'}`;
  const name = `scroll the notes pane, ${noteCount} notes`;
  return [
    {
      suite: 'renderer',
      case: `${name}: wheel ${WHEEL_STEP_PX} px/frame, worst frame (${overLabel(wheelShown)} frames over ${FRAME_MS} ms; peer ${overLabel(wheelCleared)})`,
      stats: stats([worst(wheelShown.work)]),
      peer: { name: cleared_, stats: stats([worst(wheelCleared.work)]) },
      budgetMs: FRAME_MS,
      note: `${WHEEL_FROM.length} passes of ${WHEEL_STEP_PX} px per frame (a wheel notch, or a brisk trackpad), each until ${WHEEL_CARDS} cards new to the DOM had been rendered (${cards} in all), over cards never shown before; a frame's main-thread work from its first scroll event (where the virtual list re-renders) or its rAF callback to the end of its rendering. With the highlights: ${longOf(wheelShown)}; cleared: ${longOf(wheelCleared)}`,
    },
    {
      suite: 'renderer',
      case: `${name}: wheel, frame main-thread work`,
      stats: stats(wheelShown.work),
      peer: { name: cleared_, stats: stats(wheelCleared.work) },
      budgetMs: FRAME_MS,
    },
    {
      suite: 'renderer',
      case: `${name}: wheel, interval between frames (${over(wheelShown.intervals, DROPPED_MS)} dropped; peer ${over(wheelCleared.intervals, DROPPED_MS)})`,
      stats: stats(wheelShown.intervals),
      peer: { name: cleared_, stats: stats(wheelCleared.intervals) },
      note: `rAF to rAF, which also counts work between frames (idle-time rendering of the cards ahead); an interval over ${DROPPED_MS.toFixed(0)} ms is a dropped frame`,
    },
    {
      suite: 'renderer',
      case: `${name}: wheel, worst interval between frames`,
      stats: stats([worst(wheelShown.intervals)]),
      peer: { name: cleared_, stats: stats([worst(wheelCleared.intervals)]) },
    },
    {
      suite: 'renderer',
      case: `${name}: jump (scrollbar drag, End key), each jump's worst frame`,
      stats: stats(jumpWorst(jumpsShown)),
      peer: { name: cleared_, stats: stats(jumpWorst(jumpsCleared)) },
      budgetMs: FRAME_MS,
      note: `the scrollbar dragged in one frame to ${JUMP_TO.map((f) => `${Math.round(f * 100)} %`).join(', ')} of the list, then the End key on a card at the top: each builds a screenful of new cards; the worst of its frame and the 6 after (re-measuring). ${landed}. With the highlights: ${longOf(merge(jumpsShown.jumps))}; cleared: ${longOf(merge(jumpsCleared.jumps))}`,
    },
    {
      suite: 'renderer',
      case: `${name}: jump, worst frame of all jumps`,
      stats: stats([worst(jumpWorst(jumpsShown))]),
      peer: { name: cleared_, stats: stats([worst(jumpWorst(jumpsCleared))]) },
      budgetMs: FRAME_MS,
    },
  ];
}
