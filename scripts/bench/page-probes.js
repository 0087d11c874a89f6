/* global window, document, HTMLTextAreaElement, requestAnimationFrame, MessageChannel, MutationObserver, NodeFilter, performance, setTimeout, PerformanceObserver, KeyboardEvent */
/**
 * In-page probes of the renderer benchmark (scripts/bench/renderer.bench.ts), injected
 * with page.addInitScript before the app's own code. Plain browser JavaScript: the
 * scripts' TypeScript config has no DOM library.
 *
 * Timing model: an action runs inside a requestAnimationFrame callback, i.e. at the very
 * start of a frame, where Chromium also dispatches input. The frame's rendering (style,
 * layout, highlight markers, paint) runs right after the rAF callbacks in the same task;
 * a message posted from the callback is delivered in the next task, after that rendering.
 * So "rAF → message" is the main-thread cost of the action on screen, without the wait
 * for the next vsync that a plain "click → next frame" would add.
 */
(() => {
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Resolves with performance.now() in the task after the current one (after the frame's rendering). */
  const afterThisTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });

  /** Runs `action` at the start of a frame: its synchronous time, and the time until that frame is rendered. */
  async function inFrame(action) {
    await nextFrame();
    return new Promise((resolve) => {
      requestAnimationFrame(() => {
        const t0 = performance.now();
        action();
        const sync = performance.now() - t0;
        void afterThisTask().then((t) => resolve({ sync, frame: t - t0 }));
      });
    });
  }

  /** Boxes painted in the reader's highlight overlays. */
  function highlightCount() {
    return document.querySelectorAll('.hl-layer > div > div').length;
  }

  /**
   * Takes every highlight off the page (the overlays not rendered: display none), for the
   * peer "same page without highlights"; the returned function puts them back.
   */
  function clearHighlights() {
    const style = document.createElement('style');
    style.textContent = '.hl-layer { display: none }';
    document.head.append(style);
    return () => style.remove();
  }

  /** `runs` clicks on note cards, a different one each time: the focused note changes, its excerpts' focus boxes are drawn. */
  async function focusCards(runs) {
    const cards = [...document.querySelectorAll('.note-card')];
    const ours = [];
    for (let i = 0; i < runs; i++) ours.push(await inFrame(() => cards[(i * 37 + 1) % cards.length].click()));
    return { ours, highlights: highlightCount() };
  }

  /**
   * `runs` frames whose only change is an attribute on <body> (no selector uses it), with
   * the highlights in place and, in alternation, with the overlays not rendered: what any DOM
   * or style change costs because of the highlights alone.
   */
  async function trivialFrames(runs) {
    const shown = [];
    const cleared = [];
    for (let i = 0; i < runs; i++) {
      shown.push((await inFrame(() => (document.body.dataset.benchTick = `${i}`))).frame);
      const restore = clearHighlights();
      await sleep(30);
      cleared.push((await inFrame(() => (document.body.dataset.benchTick = `${i}-cleared`))).frame);
      restore();
      await sleep(30);
      await nextFrame();
    }
    return { shown, cleared };
  }

  // --- Keystrokes: keydown (capture, first listener) → input handled → frame rendered ---
  let pendingKey = null;
  const keyResults = [];
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.target instanceof HTMLTextAreaElement) pendingKey = { t0: performance.now(), stamp: event.timeStamp };
    },
    true,
  );
  window.addEventListener('input', () => {
    const key = pendingKey;
    if (!key) return;
    pendingKey = null;
    const handled = performance.now();
    requestAnimationFrame(() => {
      const frameStart = performance.now();
      void afterThisTask().then((done) => {
        keyResults.push({ latency: done - key.t0, work: handled - key.t0 + (done - frameStart) });
      });
    });
  });

  async function keyResult(index) {
    const start = performance.now();
    while (keyResults.length <= index) {
      if (performance.now() - start > 5000) throw new Error('no keystroke measured within 5 s (is the note editor focused?)');
      await sleep(2);
    }
    return keyResults[index];
  }

  /**
   * The worst gap between frames from now until the note editor shows "Saved" (the
   * debounced autosave has come back and the pane has applied it), plus a little.
   */
  async function worstFrameGapUntilSaved(timeoutMs) {
    const stamps = [];
    let running = true;
    const loop = () => {
      stamps.push(performance.now());
      if (running) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    const start = performance.now();
    while (document.querySelector('.save-state')?.textContent !== 'Saved') {
      if (performance.now() - start > timeoutMs) {
        running = false;
        const state = document.querySelector('.save-state');
        throw new Error(`the note was not saved within ${timeoutMs} ms (save state: ${state ? JSON.stringify(state.textContent) : 'no editor open'}; focus on ${document.activeElement?.tagName})`);
      }
      await sleep(10);
    }
    await sleep(200);
    running = false;
    let worst = 0;
    for (let i = 1; i < stamps.length; i++) worst = Math.max(worst, stamps[i] - stamps[i - 1]);
    return worst;
  }

  // --- Scrolling the notes pane of a long notebook (a virtual list) ---
  //
  // Each frame is measured three ways, because each misses something: its main-thread work
  // (from the frame's first scroll event or its rAF callback, whichever comes first, to the
  // end of its rendering — the scroll event is where the virtual list re-renders); the
  // interval between it and the previous frame's rAF (which also counts work done between
  // frames, such as idle callbacks that overran); and the long-animation-frame and longtask
  // entries of the browser (only those over 50 ms exist, but they see every task).
  let firstScrollInFrame = null;
  document.addEventListener(
    'scroll',
    () => {
      if (firstScrollInFrame === null) firstScrollInFrame = performance.now();
    },
    true, // scroll events of elements do not bubble; the capture phase sees them
  );

  const idle = (timeout = 1000) => new Promise((resolve) => window.requestIdleCallback(resolve, { timeout }));

  /** Until the list is quiet: a few frames, an idle period (idle-time card work done), a few frames. */
  async function settle() {
    for (let i = 0; i < 3; i++) await nextFrame();
    await idle();
    for (let i = 0; i < 3; i++) await nextFrame();
    await idle();
  }

  const supported = (type) => (window.PerformanceObserver?.supportedEntryTypes ?? []).includes(type);

  /**
   * Runs `step(frameIndex)` at the start of each frame (in a rAF callback) until it returns
   * false, then records `tail` more frames without stepping. Returns each frame's work, its
   * window (start and end, for the bench to find its main-thread CPU time in a trace, lined
   * up by the mark made at the start) and rAF interval, and the long animation frames and
   * long tasks seen meanwhile.
   */
  let recordings = 0;
  async function recordFrames(step, tail = 0) {
    const long = { frames: [], tasks: [] };
    const observers = [];
    for (const [type, into] of [['long-animation-frame', long.frames], ['longtask', long.tasks]]) {
      if (!supported(type)) continue;
      const observer = new PerformanceObserver((list) => into.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type, buffered: false });
      observers.push(observer);
    }
    const work = [];
    const windows = [];
    const intervals = [];
    await nextFrame();
    const { name, startTime } = performance.mark(`leadline-bench-frames-${++recordings}`);
    firstScrollInFrame = null;
    await new Promise((resolve) => {
      let previous = null;
      let index = 0;
      let left = tail;
      let stepping = true;
      const tick = (stamp) => {
        const start = Math.min(performance.now(), firstScrollInFrame ?? Infinity);
        firstScrollInFrame = null;
        if (previous !== null) intervals.push(stamp - previous);
        previous = stamp;
        if (stepping) stepping = step(index++) !== false;
        const last = !stepping && left-- <= 0;
        void afterThisTask().then((end) => {
          work.push(end - start);
          windows.push([start, end]);
          if (last) resolve();
          else requestAnimationFrame(tick);
        });
      };
      requestAnimationFrame(tick);
    });
    await nextFrame(); // the last long-animation-frame entry is reported after its frame
    for (const observer of observers) {
      for (const e of observer.takeRecords()) (e.entryType === 'longtask' ? long.tasks : long.frames).push(e.duration);
      observer.disconnect();
    }
    return { work, windows, mark: { name, startTime }, intervals, long };
  }

  function withHighlightsCleared(cleared) {
    return cleared ? clearHighlights() : () => {};
  }

  const paneEl = () => document.querySelector('.notes-pane');
  const renderedIndexes = () => [...document.querySelectorAll('.note-card')].map((card) => Number(card.dataset.index));
  const maxTop = (pane) => pane.scrollHeight - pane.clientHeight;

  /**
   * A wheel or trackpad scroll down: `stepPx` per frame from `from` (a fraction of the list)
   * until `cards` cards not in the DOM at the start have been rendered.
   */
  async function wheel(from, cards, stepPx, highlightsCleared) {
    const pane = paneEl();
    const restore = withHighlightsCleared(highlightsCleared);
    pane.scrollTop = Math.round(from * maxTop(pane));
    await settle();
    const seen = new Set(renderedIndexes());
    const before = seen.size;
    const first = Math.min(...seen);
    const result = await recordFrames(() => {
      for (const i of renderedIndexes()) seen.add(i);
      if (seen.size - before >= cards || pane.scrollTop >= maxTop(pane)) return false;
      pane.scrollTop += stepPx;
      return true;
    }, 4);
    restore();
    return { ...result, cards: seen.size - before, from: first, inDom: document.querySelectorAll('.note-card').length };
  }

  /** Whether the pane is at its bottom, showing the list's last card whole. */
  function atEnd(pane) {
    const last = [...document.querySelectorAll('.note-card')].find((card) => card.getAttribute('aria-posinset') === card.getAttribute('aria-setsize'));
    if (!last) return false;
    const box = last.getBoundingClientRect();
    const view = pane.getBoundingClientRect();
    // Whole in view, and the pane can go no further (what is left below is the pane's padding).
    return box.top >= view.top && box.bottom <= view.bottom + 1 && pane.scrollTop >= maxTop(pane) - 2;
  }

  /**
   * Jumps, each done in one frame: the scrollbar dragged (scrollTop set) to each fraction of
   * `fractions` (1 = the bottom), then the End key on a focused card. Each jump's frames are
   * recorded until the list has re-measured (`tail` frames). Also says whether the drag to
   * the bottom and the End key each landed at the end of the list once settled.
   */
  async function jumps(fractions, highlightsCleared, tail = 6) {
    const pane = paneEl();
    const restore = withHighlightsCleared(highlightsCleared);
    const results = [];
    let draggedToEnd = null;
    for (const fraction of fractions) {
      pane.scrollTop = 0;
      await settle();
      const record = await recordFrames((i) => {
        if (i === 0) pane.scrollTop = Math.round(fraction * maxTop(pane));
        return false;
      }, tail);
      results.push({ kind: `drag to ${Math.round(fraction * 100)} %`, ...record });
      if (fraction === 1) {
        await settle();
        draggedToEnd = atEnd(pane);
      }
    }
    // The End key on a card at the top: the last card is rendered, scrolled in and focused.
    pane.scrollTop = 0;
    await settle();
    const card = document.querySelector('.note-card');
    card.focus({ preventScroll: true });
    await settle();
    const record = await recordFrames((i) => {
      if (i === 0) card.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
      return false;
    }, tail);
    results.push({ kind: 'End key', ...record });
    await settle();
    const active = document.activeElement;
    const endKeyFocusedLast = active?.classList.contains('note-card') && active.getAttribute('aria-posinset') === active.getAttribute('aria-setsize');
    active?.blur();
    restore();
    return { jumps: results, draggedToEnd, endKeyLanded: Boolean(endKeyFocusedLast) && atEnd(pane) };
  }

  const notesPane = { wheel, jumps };

  /**
   * Scrolls the notes pane (a virtual list: off-screen cards are not in the DOM) a viewport
   * at a time from the top, as a reader looking for a note would, until the note's card is
   * rendered; then centres it.
   */
  async function scrollToCard(noteId) {
    const pane = document.querySelector('.notes-pane');
    pane.scrollTop = 0;
    for (;;) {
      await nextFrame();
      await nextFrame();
      const card = document.getElementById(`note-${noteId}`);
      if (card) {
        card.scrollIntoView({ block: 'center' });
        await nextFrame();
        return;
      }
      const before = pane.scrollTop;
      pane.scrollTop += pane.clientHeight;
      if (pane.scrollTop === before) throw new Error(`no card for note ${noteId} in the pane`);
    }
  }

  // --- Opening: when the article is first painted, and when cards and highlights are in place ---
  /**
   * Milliseconds from navigation start (the page's time origin) to the end of the
   * rendering of the first frame showing the article's text, and of the first frame
   * showing note cards and the highlight layers with nothing marked busy (the notes pane
   * says aria-busy while its cards are still coming in).
   */
  const opened = { painted: null, ready: null };
  const stampAfterFrame = (key) =>
    requestAnimationFrame(() => {
      void afterThisTask().then((t) => (opened[key] = t));
    });
  const articleWatch = new MutationObserver(() => {
    if (!document.querySelector('.article-body [data-index]')) return;
    articleWatch.disconnect();
    stampAfterFrame('painted');
  });
  articleWatch.observe(document, { childList: true, subtree: true });
  const readyLoop = () => {
    const ready = document.querySelector('.note-card') && !document.querySelector('[aria-busy="true"]') && document.querySelector('.article-body[data-highlights="drawn"]');
    if (ready) void afterThisTask().then((t) => (opened.ready = t));
    else requestAnimationFrame(readyLoop);
  };
  requestAnimationFrame(readyLoop);

  // --- Drawing many highlights: ours against a span-wrapping highlighter on the same ranges ---
  /**
   * Canonical offsets → [text node, offset] in the article body, looked up afresh each
   * time (wrapping splits text nodes): the block by binary search over the blocks'
   * starts (blocks are joined by "\n\n" in the canonical text, by nothing in the DOM),
   * then the text nodes inside it.
   */
  function textPoints(body) {
    const blocks = [...body.querySelectorAll('[data-index]')];
    const starts = [];
    let canonical = 0;
    for (const block of blocks) {
      starts.push(canonical);
      canonical += block.textContent.length + 2;
    }
    /** `isEnd`: a point between two text nodes is the end of the first, else the start of the second. */
    return (offset, isEnd) => {
      let lo = 0;
      let hi = blocks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      const walker = document.createTreeWalker(blocks[lo], NodeFilter.SHOW_TEXT);
      let at = starts[lo];
      let last = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (isEnd ? offset <= at + node.length : offset < at + node.length) return [node, offset - at];
        at += node.length;
        last = node;
      }
      return [last, last.length];
    };
  }

  /**
   * The peer: a Hypothesis-style highlighter (as the Hypothesis client's highlightRange),
   * one range after another: split the text nodes at the range's ends and wrap every
   * text node from its start to its end in a <span class="hl">, changing the article's DOM.
   * (No live Range objects: each would be updated by the browser on every later split.)
   */
  function wrapRanges(body, ranges) {
    const pointAt = textPoints(body);
    for (const { start, end } of ranges) {
      if (end <= start) continue;
      let [first, startOffset] = pointAt(start, false);
      if (startOffset >= first.length) continue;
      if (startOffset > 0) first = first.splitText(startOffset);
      const [last, endOffset] = pointAt(end, true);
      if (endOffset < last.length) last.splitText(endOffset);
      const texts = [];
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      walker.currentNode = first;
      for (let node = first; node; node = walker.nextNode()) {
        if (node.length > 0) texts.push(node);
        if (node === last) break;
      }
      for (const node of texts) {
        const span = document.createElement('span');
        span.className = 'hl';
        node.replaceWith(span);
        span.append(node);
      }
    }
  }

  /**
   * `runs` rounds, in the page as opened (its article drawn by the app): ours, a far
   * jump in the article, timed from the scroll to the rendered frame after the app has
   * set its highlight layers again (they hold what is near the viewport); the peer, the
   * same `ranges` span-wrapped in a copy of the article body put in its place, timed to
   * the rendered frame. Each peer round gets a fresh copy; the app's body is put back.
   */
  async function drawMany(ranges, runs) {
    const style = document.createElement('style');
    style.textContent = '.article-body .hl { background: rgb(255 220 0 / 0.4) }';
    document.head.append(style);
    // When the app last drew a kind layer (replaced a chunk's boxes).
    let lastSet = 0;
    const drawing = new MutationObserver((records) => {
      if (records.some((r) => r.target instanceof window.HTMLElement && r.target.closest('.hl-layer'))) lastSet = performance.now();
    });
    drawing.observe(document.querySelector('.article-body'), { childList: true, subtree: true });
    const scroller = document.querySelector('.reader-pane');
    const ours = [];
    const peer = [];
    try {
      for (let i = 0; i < runs; i++) {
        const target = ((i * 0.37 + 0.2) % 0.9) * (scroller.scrollHeight - scroller.clientHeight);
        let t0 = 0;
        await inFrame(() => {
          t0 = performance.now();
          scroller.scrollTop = target;
        });
        const drawn = await new Promise((resolve, reject) => {
          const check = () => {
            if (lastSet >= t0) void afterThisTask().then(resolve);
            else if (performance.now() - t0 > 5000) reject(new Error('the highlight layers were not set again within 5 s of a far jump'));
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
        ours.push(drawn - t0);
        const body = document.querySelector('.article-body');
        const copy = body.cloneNode(true);
        body.replaceWith(copy);
        await nextFrame();
        await nextFrame();
        peer.push((await inFrame(() => wrapRanges(copy, ranges))).frame);
        copy.replaceWith(body);
        await sleep(50);
      }
    } finally {
      drawing.disconnect();
      style.remove();
    }
    return { ours, peer };
  }

  window.__leadlineBench = {
    scrollToCard,
    focusCards,
    trivialFrames,
    keyResult,
    keyCount: () => keyResults.length,
    worstFrameGapUntilSaved,
    highlightCount,
    notesPane,
    opened: () => opened,
    drawMany,
  };
})();
