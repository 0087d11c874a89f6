/**
 * The notes pane's list of cards, virtual: only the cards near the viewport are in the DOM
 * (plus the focused, edited or about-to-be-focused one, wherever it is), placed at their
 * measured offsets, so a notebook of 10,000 notes costs what a screenful does. Screen
 * readers still hear each card's place in the whole list ("3 of 2,000").
 */
import type { Note } from '@shared/model';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { editingNoteId, focusedNoteId, noteToReveal } from '../state/ui';
import { excerpts } from '../state/workspace';
import { cardFocusTarget } from './card-focus';
import { estimateCardHeight } from './card-height';
import { NoteCard } from './NoteCard';
import { rangeWithPinned } from './pinned-range';
import { listPlacement, scrollParent } from './scroll-parent';
import { useVirtualizer, type ElementVirtualizerOptions } from './use-virtualizer';

/** The space between cards (the list's former CSS gap). */
const GAP_PX = 10;
const OVERSCAN = 2;

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
  const pinned = [focusWithin, focusedNoteId.value, editingNoteId.value, focusNext].map((id) => (id === null ? -1 : indexById.get(id) ?? -1));
  const pinKey = pinned.join();
  // New functions only when the list or the pins change: the virtualizer recomputes on a new one.
  const getItemKey = useMemo(() => (index: number) => notes[index]!.id, [notes]);
  const estimateSize = useMemo(() => (index: number) => estimateOf(notes[index]!), [notes]);
  const rangeExtractor = useMemo(() => (range: Parameters<typeof rangeWithPinned>[0]) => rangeWithPinned(range, pinned), [pinKey]);

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

  // A note asked for from elsewhere (a highlight clicked, a new note, a lead picked): scroll to it once.
  useLayoutEffect(() => {
    if (!reveal || revealed.current === reveal) return;
    revealed.current = reveal;
    const index = indexById.get(reveal.id);
    if (index !== undefined) virtualizer.scrollToIndex(index, { align: 'auto' });
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
    const next = cardFocusTarget(event.key, Number(target.dataset.index), notes.length);
    if (next === null) return;
    event.preventDefault();
    setFocusNext(notes[next]!.id);
  };

  const cardOf = (node: EventTarget | null): string | null => (node instanceof Element ? node.closest<HTMLElement>('.note-card')?.dataset.noteId ?? null : null);

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
      {virtualizer.getVirtualItems().map((item) => {
        const note = notes[item.index]!;
        return <NoteCard key={note.id} note={note} index={item.index} setSize={notes.length} top={item.start - margin} measure={virtualizer.measureElement} />;
      })}
    </ol>
  );
}
