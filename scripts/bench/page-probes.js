/* global window, document, CSS, Highlight, HTMLTextAreaElement, requestAnimationFrame, MessageChannel, MutationObserver, NodeFilter, performance, setTimeout */
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

  function snapshotHighlights() {
    return [...CSS.highlights].map(([name, highlight]) => ({ name, priority: highlight.priority, ranges: [...highlight] }));
  }

  function restoreHighlights(snapshot) {
    for (const { name, priority, ranges } of snapshot) {
      const highlight = new Highlight(...ranges);
      highlight.priority = priority;
      CSS.highlights.set(name, highlight);
    }
  }

  function highlightCount() {
    let n = 0;
    for (const [, highlight] of CSS.highlights) n += highlight.size;
    return n;
  }

  /**
   * `runs` rounds of: click a note card (a different one each time: the focused note
   * changes, every highlight layer is redrawn), and, when `withFloor`, re-set every
   * layer with the very same Range objects (what the browser alone costs).
   */
  async function focusCards(runs, withFloor) {
    const cards = [...document.querySelectorAll('.note-card')];
    const ours = [];
    const floor = [];
    for (let i = 0; i < runs; i++) {
      const card = cards[(i * 37 + 1) % cards.length];
      const first = (i % 2 === 0) || !withFloor;
      if (first) ours.push(await inFrame(() => card.click()));
      if (withFloor) {
        const snapshot = snapshotHighlights();
        floor.push(await inFrame(() => restoreHighlights(snapshot)));
      }
      if (!first) ours.push(await inFrame(() => card.click()));
    }
    return { ours, floor, highlights: highlightCount() };
  }

  /**
   * `runs` frames whose only change is an attribute on <body> (no selector uses it), with
   * the highlights in place and, in alternation, with CSS.highlights cleared: what any DOM
   * or style change costs because of the highlights alone.
   */
  async function trivialFrames(runs) {
    const shown = [];
    const cleared = [];
    for (let i = 0; i < runs; i++) {
      shown.push((await inFrame(() => (document.body.dataset.benchTick = `${i}`))).frame);
      const saved = [...CSS.highlights];
      CSS.highlights.clear();
      await sleep(30);
      cleared.push((await inFrame(() => (document.body.dataset.benchTick = `${i}-cleared`))).frame);
      for (const [name, highlight] of saved) CSS.highlights.set(name, highlight);
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

  // --- Scrolling the notes pane: each frame's main-thread work, from its first scroll event to the end of its rendering ---
  let firstScrollInFrame = null;
  document.addEventListener(
    'scroll',
    () => {
      if (firstScrollInFrame === null) firstScrollInFrame = performance.now();
    },
    true, // scroll events of elements do not bubble; the capture phase sees them
  );

  /**
   * Scrolls the notes pane from end to end (`down` or up), `step` px per frame, and returns
   * each frame's main-thread time: from the frame's first scroll event (where the virtual
   * list re-renders) or its rAF callback, whichever comes first, to the end of its
   * rendering (style, layout, paint), without the vsync wait.
   */
  async function scrollNotesPane(down, stepFraction, withHighlights) {
    const pane = document.querySelector('.notes-pane');
    const saved = [...CSS.highlights];
    if (!withHighlights) CSS.highlights.clear();
    pane.scrollTop = down ? 0 : pane.scrollHeight;
    await sleep(100);
    await nextFrame();
    const step = Math.round(pane.clientHeight * stepFraction) * (down ? 1 : -1);
    const frames = [];
    await new Promise((resolve) => {
      let lastTop = -1;
      const tick = () => {
        const start = Math.min(performance.now(), firstScrollInFrame ?? Infinity);
        firstScrollInFrame = null;
        const atEnd = pane.scrollTop === lastTop;
        lastTop = pane.scrollTop;
        if (!atEnd) pane.scrollTop += step;
        void afterThisTask().then((end) => {
          frames.push(end - start);
          if (atEnd) resolve();
          else requestAnimationFrame(tick);
        });
      };
      requestAnimationFrame(tick);
    });
    for (const [name, highlight] of saved) CSS.highlights.set(name, highlight);
    // The first frame only reads the start position; the last one finds the end reached.
    return { frames: frames.slice(1), height: pane.scrollHeight, cards: document.querySelectorAll('.note-card').length };
  }

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
    const ready = document.querySelector('.note-card') && !document.querySelector('[aria-busy="true"]') && CSS.highlights.has('ll-plain');
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
    let lastSet = 0;
    const registry = Object.getPrototypeOf(CSS.highlights);
    const set = registry.set;
    registry.set = function (...args) {
      lastSet = performance.now();
      return set.apply(this, args);
    };
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
      registry.set = set;
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
    scrollNotesPane,
    opened: () => opened,
    drawMany,
  };
})();
