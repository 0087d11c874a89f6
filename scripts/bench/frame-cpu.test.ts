import { describe, expect, it } from 'vitest';
import { frameCpuTimes, type TraceEvent } from './frame-cpu';

const MAIN = { pid: 7, tid: 1 };
const task = (tsMs: number, durMs: number, cpuMs: number, thread = MAIN): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ...thread, ts: tsMs * 1000, dur: durMs * 1000, tdur: cpuMs * 1000 });
// The page made its mark at page time 100 ms; the trace clock says 5,100 ms.
const mark: TraceEvent = { name: 'frames-1', ph: 'R', cat: 'blink.user_timing', ...MAIN, ts: 5_100_000 };

describe('frameCpuTimes', () => {
  it('sums the thread time of the main thread\'s tasks in each frame, on the page\'s clock', () => {
    const events = [mark, task(5_110, 4, 3), task(5_115, 10, 2), task(5_130, 2, 2), task(5_112, 5, 5, { pid: 7, tid: 2 }), task(5_112, 5, 5, { pid: 8, tid: 1 })];
    expect(frameCpuTimes(events, { name: 'frames-1', startTime: 100 }, [[110, 126], [130, 140]])).toEqual([5, 2]);
  });
  it('counts a task reaching outside the frame in proportion to its part inside', () => {
    const events = [mark, task(5_108, 4, 2)];
    expect(frameCpuTimes(events, { name: 'frames-1', startTime: 100 }, [[110, 120]])).toEqual([1]);
  });
  it('counts a task run inside another once, in the outer one', () => {
    const events = [mark, task(5_110, 6, 4), task(5_111, 2, 2)];
    expect(frameCpuTimes(events, { name: 'frames-1', startTime: 100 }, [[110, 120]])).toEqual([4]);
  });
  it('says so when the trace does not hold the page\'s mark', () => {
    expect(() => frameCpuTimes([task(0, 1, 1)], { name: 'frames-1', startTime: 100 }, [])).toThrow(/no mark "frames-1"/);
  });
});
