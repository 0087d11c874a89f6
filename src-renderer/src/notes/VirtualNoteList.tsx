/**
 * The notes pane's list of cards, virtual: only the cards near the viewport are in the DOM
 * (plus the focused, edited or about-to-be-focused one, wherever it is), placed at their
 * measured offsets, so a notebook of 10,000 notes costs what a screenful does. Screen
 * readers still hear each card's place in the whole list ("3 of 2,000").
 */
import type { Note } from '@shared/model';
import { isMac } from '../platform';
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { editingNoteId, focusedNoteId, noteToReveal } from '../state/ui';
import { excerpts } from '../state/workspace';
import { NO_REACH, aheadIndexes, nextReach, reachIndexes, type Direction, type Reach } from './ahead-range';
import { cardFocusTarget } from './card-focus';
import { estimateCardHeight } from './card-height';
import { planFill } from './card-fill';
import { lingerAfterJump, withLingering } from './jump-linger';
import { NoteCard } from './NoteCard';
import { rangeWithPinned } from './pinned-range';
import { listPlacement, scrollParent } from './scroll-parent';
import { useStickToEnd } from './stick-to-end';
import { useVirtualizer, type ElementVirtualizerOptions } from './use-virtualizer';

/** The space between cards (the list's former CSS gap). */
const GAP_PX = 10;
/**
 * Cards past each edge of the viewport built with it: none, so a jump builds only what it
 * shows. Idle callbacks build cards ahead of the scroll and keep one behind (ahead-range.ts).
 */
const OVERSCAN = 0;
/** Cards new to the viewport built per frame; the rest of a jump's screenful waits as shells (card-fill.ts). */
const CARDS_PER_FRAME = 2;

/**
 * Estimates by note record: the virtualizer asks again for every unmeasured card each time
 * one is measured, and a record keeps its object until it changes.
 */
const estimates = new WeakMap<Note, number>();
function estimateOf(note: Note): number {
  let height = estimates.get(note);
  if (height === undefined) {
    // Peeked: an estimate is only a first guess, not worth a re-render when excerpts change.
    const quotes = note.excerptIds.map((id) => excerpts.peek().get(id)?.quote.exact ?? '');
    height = estimateCardHeight(note.body, quotes, note.tags.length > 0);
    estimates.set(note, height);
  }
  return height;
}

/** The list's scroller, looked up once per list element (the virtualizer asks on every render). */
const scrollers = new WeakMap<HTMLElement, HTMLElement | null>();
function scroller(list: HTMLElement | null): HTMLElement | null {
  if (!list) return null;
  if (!scrollers.has(list)) scrollers.set(list, scrollParent(list));
  return scrollers.get(list) ?? null;
}

/**
 * A card's height as its ResizeObserver entry reports it (after layout, for free). When a
 * card mounts there is no entry yet: reading its size then would force a layout per card
 * while the list is being updated, so it keeps its estimate until the observer reports.
 */
const sizeFromObserver: NonNullable<ElementVirtualizerOptions['measureElement']> = (element, entry, instance) => {
  const box = entry?.borderBoxSize[0];
  if (box) return Math.round(box.blockSize);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
};

export function VirtualNoteList({ notes }: { notes: readonly Note[] }) {
  const listRef = useRef<HTMLOListElement>(null);
  const [placement, setPlacement] = useState({ offset: 0, coveredTop: 0 });
  /** The card holding the keyboard focus (it or a control inside it). */
  const [focusWithin, setFocusWithin] = useState<string | null>(null);
  /** The card the arrow keys asked for: rendered, scrolled to, then focused. */
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const reveal = noteToReveal.value;
  const revealed = useRef<typeof reveal>(null);

  const indexById = useMemo(() => new Map(notes.map((note, i) => [note.id, i])), [notes]);
  const indexOf = (id: string | null): number => (id === null ? -1 : indexById.get(id) ?? -1);
  const withFocus = indexOf(focusWithin);
  // The focused card's neighbours too: Tab and Shift+Tab from it reach the next and previous
  // card, wherever the pane is scrolled, instead of leaving the list.
  const pinned = [withFocus, withFocus < 0 ? -1 : withFocus - 1, withFocus < 0 ? -1 : withFocus + 1, indexOf(focusedNoteId.value), indexOf(editingNoteId.value), indexOf(focusNext)];
  const pinKey = pinned.join();
  /** What idle callbacks have built ahead of the scroll and not yet dropped behind it (ahead-range.ts). */
  const [reach, setReach] = useState<Reach>(NO_REACH);
  /** The cards built (not shells) in the last render: one that stays is not built again. */
  const built = useRef(new Set<string>());
  /** Fill ticks: each bump is a frame that may build CARDS_PER_FRAME new cards. */
  const [fillTick, nextFillTick] = useReducer((n: number) => n + 1, 0);
  const tickSeen = useRef(0);
  const pendingTick = useRef(0);
  const pendingDrop = useRef(0);
  // New functions only when the list, the pins or the cards ahead change: the virtualizer recomputes on a new one.
  const getItemKey = useMemo(() => (index: number) => notes[index]!.id, [notes]);
  const estimateSize = useMemo(() => (index: number) => estimateOf(notes[index]!), [notes]);
  /** The cards mounted after the last render (indexes, ascending), and those a jump left behind until idle time drops them (jump-linger.ts). */
  const mounted = useRef<number[]>([]);
  const lingering = useRef<number[]>([]);
  const [lingerDrops, dropLingering] = useReducer((n: number) => n + 1, 0);
  // Indexes into another list (a search, a filter, a delete) mean other notes: forgotten.
  const indexedList = useRef(notes);
  if (indexedList.current !== notes) {
    indexedList.current = notes;
    mounted.current = [];
    lingering.current = [];
  }
  const rangeExtractor = useMemo(
    () => (range: Parameters<typeof rangeWithPinned>[0]) => {
      const wanted = rangeWithPinned(range, [...pinned, ...reachIndexes(range, reach)]);
      if (lingering.current.length === 0) lingering.current = lingerAfterJump(wanted, mounted.current);
      return withLingering(wanted, lingering.current);
    },
    [pinKey, reach, lingerDrops],
  );

  const virtualizer = useVirtualizer({
    count: notes.length,
    getScrollElement: () => scroller(listRef.current),
    estimateSize,
    gap: GAP_PX,
    overscan: OVERSCAN,
    getItemKey,
    rangeExtractor,
    measureElement: sizeFromObserver,
    scrollMargin: placement.offset,
    scrollPaddingStart: placement.coveredTop,
  });

  // In idle time, build the next card ahead of the scroll, one per idle callback (a frame's
  // spare time holds one card), until MAX_AHEAD cards past the overscan are built; drop the
  // cards scrolled past in the same callback.
  const direction: Direction = virtualizer.scrollDirection === 'backward' ? 'backward' : 'forward';
  // The items first: they bring the range up to date with the scroll position (read before, it is the last render's).
  const items = virtualizer.getVirtualItems();
  const range = virtualizer.range;
  useEffect(() => {
    if (!range) return;
    const full = { startIndex: range.startIndex, endIndex: range.endIndex, overscan: OVERSCAN, count: notes.length };
    const next = nextReach(full, direction, reach);
    if (next === null) return;
    const handle = requestIdleCallback(() => setReach(next));
    return () => cancelIdleCallback(handle);
  }, [range?.startIndex, range?.endIndex, direction, reach, notes.length]);

  // A card built ahead is laid out and measured in the idle callback that built it: left to
  // the next frame, the browser would lay it out there and its size observer would re-render
  // the list in that frame. (The observer's later report of the same size changes nothing.)
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || !range) return;
    const full = { startIndex: range.startIndex, endIndex: range.endIndex, overscan: OVERSCAN, count: notes.length };
    for (const index of aheadIndexes(full, reach.direction, reach.ahead)) {
      if (virtualizer.itemSizeCache.has(getItemKey(index))) continue;
      const card = list.querySelector<HTMLElement>(`:scope > [data-index="${index}"]`);
      if (card) virtualizer.resizeItem(index, Math.round(card.getBoundingClientRect().height));
    }
  }, [reach]);

  useStickToEnd(scroller(listRef.current), virtualizer.getTotalSize());

  // Where the list sits below the header and filters; those change height (tags, a summary).
  useLayoutEffect(() => {
    const list = listRef.current!;
    const pane = scroller(list);
    if (!pane) return;
    const update = (): void => {
      const next = listPlacement(list, pane);
      setPlacement((prev) => (prev.offset === next.offset && prev.coveredTop === next.coveredTop ? prev : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(list.parentElement!);
    return () => observer.disconnect();
  }, []);

  // A note asked for from elsewhere (a highlight clicked, a new note, a lead picked): scroll to it once,
  // and focus its card when asked (F8): it is rendered by now, being the focused note (pinned).
  useLayoutEffect(() => {
    if (!reveal || revealed.current === reveal) return;
    revealed.current = reveal;
    const index = indexById.get(reveal.id);
    if (index === undefined) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    if (reveal.focus) document.getElementById(`note-${reveal.id}`)?.focus({ preventScroll: true });
  });

  // The arrow keys' target is rendered now (it is pinned): scroll it in, then focus it.
  useLayoutEffect(() => {
    if (focusNext === null) return;
    const index = indexById.get(focusNext);
    if (index !== undefined) {
      virtualizer.scrollToIndex(index, { align: 'auto' });
      document.getElementById(`note-${focusNext}`)?.focus({ preventScroll: true });
    }
    setFocusNext(null);
  }, [focusNext]);

  const onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('note-card')) return;
    const next = cardFocusTarget(event, Number(target.dataset.index), notes.length, isMac);
    if (next === null) return;
    event.preventDefault();
    setFocusNext(notes[next]!.id);
  };

  const cardOf = (node: EventTarget | null): string | null => (node instanceof Element ? node.closest<HTMLElement>('.note-card')?.dataset.noteId ?? null : null);

  // Cards new to the viewport are built in fill ticks, a few per frame (card-fill.ts).
  const filling = fillTick !== tickSeen.current;
  tickSeen.current = fillTick;
  const inView = (index: number): boolean => range !== null && index >= range.startIndex && index <= range.endIndex && !pinned.includes(index);
  const plan = planFill(
    items.map((item) => ({ key: String(item.key), index: item.index })),
    inView,
    built.current,
    filling ? CARDS_PER_FRAME : 0,
  );
  built.current = plan.built;
  mounted.current = items.map((item) => item.index).filter((index) => !lingering.current.includes(index));

  // Shells left: a tick in the next frame builds the next few. A render outside a tick (the
  // jump itself, in its scroll event) waits a frame more, so the jump's frame builds none.
  useLayoutEffect(() => {
    if (plan.shells === 0 || pendingTick.current !== 0) return;
    const tick = (): void => {
      pendingTick.current = 0;
      nextFillTick(0);
    };
    pendingTick.current = requestAnimationFrame(filling ? tick : () => (pendingTick.current = requestAnimationFrame(tick)));
  });
  useEffect(() => () => cancelAnimationFrame(pendingTick.current), []);

  // The cards a jump left behind go in idle time, laid out there too, so that no frame pays for them.
  // Scheduled once, not again on each render: a scroll renders every frame.
  useEffect(() => {
    if (lingering.current.length === 0 || pendingDrop.current !== 0) return;
    pendingDrop.current = requestIdleCallback(() => {
      pendingDrop.current = 0;
      lingering.current = [];
      dropLingering(0);
    });
  });
  useEffect(() => () => cancelIdleCallback(pendingDrop.current), []);
  useLayoutEffect(() => {
    if (lingerDrops > 0) void listRef.current?.offsetHeight;
  }, [lingerDrops]);

  const margin = virtualizer.options.scrollMargin;
  return (
    <ol
      ref={listRef}
      class="note-list"
      role="list"
      aria-label="Notes in reading order"
      style={{ height: `${virtualizer.getTotalSize()}px` }}
      onKeyDown={onKeyDown}
      onFocusIn={(event) => setFocusWithin(cardOf(event.target))}
      onFocusOut={(event) => {
        if (!listRef.current?.contains(event.relatedTarget as Node | null)) setFocusWithin(null);
      }}
    >
      {items.map((item) => {
        const note = notes[item.index]!;
        const shellHeight = plan.built.has(String(item.key)) ? null : item.size;
        return <NoteCard key={note.id} note={note} index={item.index} setSize={notes.length} top={item.start - margin} shellHeight={shellHeight} measure={virtualizer.measureElement} />;
      })}
    </ol>
  );
}
