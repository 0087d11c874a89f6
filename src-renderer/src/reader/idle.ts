/**
 * Work the user does not wait for (highlights coming near the viewport, the notes pane
 * after the article's first paint) runs when the main thread is idle, so input and
 * scrolling go first; the timeout bounds how late it may come on a busy page.
 */
export function whenIdle(task: () => void, timeoutMs = 100): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}

/** Runs `task` once the current frame has been painted (a task queued from requestAnimationFrame runs after its rendering). */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(task, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Runs `task` in idle time after the current frame has been painted (idle time before it would put the work into that frame). */
export function whenIdleAfterPaint(task: () => void, timeoutMs?: number): () => void {
  let cancelIdle: (() => void) | undefined;
  const cancelPaint = afterNextPaint(() => (cancelIdle = whenIdle(task, timeoutMs)));
  return () => {
    cancelPaint();
    cancelIdle?.();
  };
}

/**
 * Resolves once the current frame has been painted, or after `maxWaitMs` at the latest: a
 * page in a background tab or a hidden window gets no frames, and must not wait for one.
 */
export function nextPaint(maxWaitMs = Number.POSITIVE_INFINITY): Promise<void> {
  return new Promise((done) => {
    const cancel = afterNextPaint(() => {
      clearTimeout(timer);
      done();
    });
    const timer = Number.isFinite(maxWaitMs)
      ? setTimeout(() => {
          cancel();
          done();
        }, maxWaitMs)
      : undefined;
  });
}
