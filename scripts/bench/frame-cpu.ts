/**
 * The main thread's CPU time in each recorded frame, read from a Chrome trace. On this
 * shared 2-core machine a frame's wall time also counts the moments the renderer's main
 * thread waited for a core (the compositor, raster workers, the browser process and the
 * bench itself share two), which is the machine's cost, not the page's: a frame can take
 * 24 ms of wall time for 6 ms of work. The thread time the trace records for each task
 * tells the two apart.
 */

/** The fields of a trace event this module reads (Chrome's JSON trace format). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Microseconds. */
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, microseconds. */
  tdur?: number;
  cat?: string;
  args?: { name?: string };
}

/** A frame as the page recorded it: from its first scroll event or rAF callback to the end of its rendering, in the page's performance.now() milliseconds. */
export type FrameWindow = readonly [start: number, end: number];

/** A performance.mark the page made at the start of a recording, to line the page's clock up with the trace's. */
export interface ClockMark {
  name: string;
  startTime: number;
}

/** The categories to trace: top-level tasks (with thread time) and the page's marks. */
export const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'];
/** A task of a thread's task queue, as the 'toplevel' category names it. */
const TASK = 'ThreadControllerImpl::RunTask';

/** The renderer's main thread: the one the page's mark was made on. */
function mainThreadOf(events: readonly TraceEvent[], mark: ClockMark): { pid: number; tid: number; offsetUs: number } {
  const marked = events.find((e) => e.name === mark.name && (e.cat ?? '').includes('user_timing'));
  if (!marked) throw new Error(`the trace has no mark "${mark.name}": was blink.user_timing traced?`);
  return { pid: marked.pid, tid: marked.tid, offsetUs: marked.ts - mark.startTime * 1000 };
}

/**
 * Each frame's main-thread CPU time (ms): the thread time of the top-level tasks that ran
 * during it, a task that reaches outside the frame counted in proportion to the part of
 * its wall time inside.
 */
export function frameCpuTimes(events: readonly TraceEvent[], mark: ClockMark, frames: readonly FrameWindow[]): number[] {
  const { pid, tid, offsetUs } = mainThreadOf(events, mark);
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === TASK && e.dur !== undefined && e.tdur !== undefined).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue; // a task run inside another (a nested run loop): counted in it
    tasks.push(e);
    end = e.ts + e.dur!;
  }
  let first = 0;
  return frames.map(([start, end]) => {
    const from = start * 1000 + offsetUs;
    const to = end * 1000 + offsetUs;
    while (first < tasks.length && tasks[first]!.ts + tasks[first]!.dur! <= from) first++;
    let cpu = 0;
    for (let i = first; i < tasks.length && tasks[i]!.ts < to; i++) {
      const task = tasks[i]!;
      const inside = Math.min(to, task.ts + task.dur!) - Math.max(from, task.ts);
      if (inside > 0 && task.dur! > 0) cpu += task.tdur! * (inside / task.dur!);
    }
    return cpu / 1000;
  });
}
