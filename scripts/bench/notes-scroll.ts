/**
 * The renderer bench's notes-pane scroll rows, on a page showing a notebook of 10,000
 * notes: a wheel or trackpad scroll through a long stretch of the list, and jumps (the
 * scrollbar dragged far, the End key) that must build a screenful of new cards in one
 * frame. Each beside the same with the reader's highlights cleared, which shows what the
 * pane alone costs. The target is the frame: none over 16.7 ms (60 Hz). The passes are
 * traced, so each frame has its main-thread CPU time beside its wall time: on this shared
 * machine the wall time also counts waits for a core (frame-cpu.ts).
 */
import type { Page } from '@playwright/test';
import { frameCpuTimes, TRACE_CATEGORIES, type ClockMark, type FrameWindow, type TraceEvent } from './frame-cpu';
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

/** One recording, as the page returns it (page-probes.js, recordFrames). */
interface Recording {
  work: number[];
  windows: FrameWindow[];
  mark: ClockMark;
  intervals: number[];
  long: { frames: number[]; tasks: number[] };
}
/** Frames: wall time (work), main-thread CPU time (cpu, from the trace), rAF intervals. */
export interface FrameRecord {
  work: number[];
  cpu: number[];
  intervals: number[];
  long: { frames: number[]; tasks: number[] };
}
interface WheelResult extends Recording {
  cards: number;
  from: number;
  inDom: number;
}
interface JumpsResult {
  jumps: (Recording & { kind: string })[];
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
  cpu: records.flatMap((r) => r.cpu),
  intervals: records.flatMap((r) => r.intervals),
  long: { frames: records.flatMap((r) => r.long.frames), tasks: records.flatMap((r) => r.long.tasks) },
});
const longOf = (r: FrameRecord): string =>
  `${r.long.frames.length} long animation frames (worst ${worst(r.long.frames).toFixed(0)} ms), ${r.long.tasks.length} long tasks`;

/** The frames over a frame's time, wall and CPU: "23.8 ms (CPU 6.1)". */
const overs = (r: FrameRecord): string =>
  r.work
    .flatMap((w, i) => (w > FRAME_MS ? [`${w.toFixed(1)} ms (CPU ${r.cpu[i]!.toFixed(1)})`] : []))
    .join(', ') || 'none';

export async function notesScrollRows(page: Page, noteCount: number, log: (line: string) => void): Promise<Row[]> {
  await page.bringToFront();
  const browser = page.context().browser();
  if (!browser) throw new Error('the notes-pane rows need a launched browser to trace');
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
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
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const withCpu = (r: Recording): FrameRecord => ({ ...r, cpu: frameCpuTimes(traceEvents, r.mark, r.windows) });

  const wheelShown = merge(shown.map(withCpu));
  const wheelCleared = merge(cleared.map(withCpu));
  const jumpShown = jumpsShown.jumps.map(withCpu);
  const jumpCleared = jumpsCleared.jumps.map(withCpu);
  const cards = shown.reduce((n, r) => n + r.cards, 0);
  const jumpWorst = (jumps: readonly FrameRecord[], of: 'work' | 'cpu' = 'work'): number[] => jumps.map((j) => worst(j[of]));
  const cleared_ = 'same, highlights off';
  const overLabel = (r: FrameRecord): string => `${over(r.work, FRAME_MS)}/${r.work.length}`;
  const landed = `dragged to the bottom: ${jumpsShown.draggedToEnd ? 'lands at the end' : 'does NOT land at the end'}; End key: ${jumpsShown.endKeyLanded ? 'focuses the last card, in view at the bottom' : 'does NOT land at the end'}`;
  const name = `scroll the notes pane, ${noteCount} notes`;
  const allJumpsShown = merge(jumpShown);
  const allJumpsCleared = merge(jumpCleared);
  return [
    {
      suite: 'renderer',
      case: `${name}: wheel ${WHEEL_STEP_PX} px/frame, worst frame's main-thread CPU time`,
      stats: stats([worst(wheelShown.cpu)]),
      peer: { name: cleared_, stats: stats([worst(wheelCleared.cpu)]) },
      budgetMs: FRAME_MS,
      note: `${WHEEL_FROM.length} passes of ${WHEEL_STEP_PX} px per frame (a wheel notch, or a brisk trackpad), each until ${WHEEL_CARDS} cards new to the DOM had been rendered (${cards} in all), over cards never shown before; a frame is its first scroll event (where the virtual list re-renders) or its rAF callback to the end of its rendering, and its CPU time is the thread time the trace gives the main thread's tasks in it. The worst of all ${wheelShown.cpu.length} frames, not a median: the target is that none is over. With the highlights: ${longOf(wheelShown)}; cleared: ${longOf(wheelCleared)}`,
    },
    {
      suite: 'renderer',
      case: `${name}: wheel, worst frame's wall time (${overLabel(wheelShown)} frames over ${FRAME_MS} ms; peer ${overLabel(wheelCleared)})`,
      stats: stats([worst(wheelShown.work)]),
      peer: { name: cleared_, stats: stats([worst(wheelCleared.work)]) },
      note: `the frames over ${FRAME_MS} ms of wall time, with their main-thread CPU time: ${overs(wheelShown)}; with the highlights off: ${overs(wheelCleared)}`,
    },
    {
      suite: 'renderer',
      case: `${name}: wheel, frame main-thread work (wall time)`,
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
      case: `${name}: jump (scrollbar drag, End key), each jump's worst frame (wall time)`,
      stats: stats(jumpWorst(jumpShown)),
      peer: { name: cleared_, stats: stats(jumpWorst(jumpCleared)) },
      budgetMs: FRAME_MS,
      note: `the scrollbar dragged in one frame to ${JUMP_TO.map((f) => `${Math.round(f * 100)} %`).join(', ')} of the list, then the End key on a card at the top: each builds a screenful of new cards; the worst of its frame and the 6 after (re-measuring). ${landed}. With the highlights: ${longOf(allJumpsShown)}; cleared: ${longOf(allJumpsCleared)}`,
    },
    {
      suite: 'renderer',
      case: `${name}: jump, worst frame of all jumps, main-thread CPU time`,
      stats: stats([worst(jumpWorst(jumpShown, 'cpu'))]),
      peer: { name: cleared_, stats: stats([worst(jumpWorst(jumpCleared, 'cpu'))]) },
      budgetMs: FRAME_MS,
      note: `wall time: the worst ${worst(jumpWorst(jumpShown)).toFixed(1)} ms (highlights off ${worst(jumpWorst(jumpCleared)).toFixed(1)} ms); frames over ${FRAME_MS} ms: ${overs(allJumpsShown)}; with the highlights off: ${overs(allJumpsCleared)}`,
    },
  ];
}
