import { effect } from '@preact/signals';
import { memo } from 'preact/compat';
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CanonicalText } from '@shared/canonical-text';
import type { Article } from '@shared/model';
import { saveReadingPosition } from '../state/actions';
import { placedExcerpts } from '../state/derived';
import { flashingExcerptIds, focusedNoteId } from '../state/ui';
import { article, canonical, notes, workspace } from '../state/workspace';
import { focusNotesAt } from './navigation';
import { drawHighlights, followScroll, mountView, offsetAtPoint, unmountView } from './reader-view';
import { readerSelection, selectionIn } from './selection';
import { SelectionToolbar } from './SelectionToolbar';

const SCROLL_SAVE_DELAY_MS = 600;

export function Reader() {
  const bodyRef = useRef<HTMLDivElement>(null);
  const current = article.value!;
  const text = canonical.value;

  useEffect(() => {
    const body = bodyRef.current!;
    const scroller = body.closest<HTMLElement>('.reader-pane')!;
    const dom = mountView(body, text.paragraphs, scroller);
    restoreScroll(scroller, workspace.value?.scroll ?? 0);

    const stopDrawing = effect(() => {
      const focused = focusedNoteId.value ? notes.value.get(focusedNoteId.value)?.excerptIds ?? [] : [];
      drawHighlights(placedExcerpts.value, new Set(focused), flashingExcerptIds.value);
    });

    let frame = 0;
    const trackSelection = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = selectionIn(dom, text.text);
        if (next || !readerSelection.value?.excerptId) readerSelection.value = next;
      });
    };
    document.addEventListener('selectionchange', trackSelection);

    let saveTimer: ReturnType<typeof setTimeout> | undefined;
    let scrollFrame = 0;
    const onScroll = (): void => {
      trackSelection();
      cancelAnimationFrame(scrollFrame);
      scrollFrame = requestAnimationFrame(followScroll);
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => saveScroll(scroller, current.id), SCROLL_SAVE_DELAY_MS);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });

    return () => {
      stopDrawing();
      document.removeEventListener('selectionchange', trackSelection);
      scroller.removeEventListener('scroll', onScroll);
      clearTimeout(saveTimer);
      unmountView();
    };
  }, [current.id, text]);

  const onClick = (event: MouseEvent): void => {
    if (!document.getSelection()?.isCollapsed) return;
    const offset = offsetAtPoint(event.clientX, event.clientY);
    if (offset === null) return;
    const hit = focusNotesAt(offset);
    const plain = placedExcerpts.value.find((p) => hit.includes(p.id) && p.kind === 'plain');
    if (plain && hit.length === 1) {
      readerSelection.value = { start: plain.start, end: plain.end, excerptId: plain.id, rect: { top: event.clientY - 8, bottom: event.clientY + 8, left: event.clientX, right: event.clientX } };
      return;
    }
    // A click anywhere else dismisses the toolbar a plain highlight opened.
    if (readerSelection.value?.excerptId) readerSelection.value = null;
    if (hit.length === 0) focusedNoteId.value = null;
  };

  return (
    <article class="reader">
      <ArticleHeader article={current} />
      <ArticleBody bodyRef={bodyRef} text={text} onClick={onClick} />
      <SelectionToolbar />
    </article>
  );
}

function ArticleHeader({ article: current }: { article: Article }) {
  const source = current.source;
  const parts = source ? [source.outlet, source.date, source.url].filter(Boolean) : [];
  return (
    <header class="article-header">
      <h1 class="article-title">{current.title}</h1>
      {parts.length > 0 && <p class="article-source">{parts.join(' · ')}</p>}
    </header>
  );
}

/** Rendered once per article text: highlights never touch these nodes. */
const ArticleBody = memo(function ArticleBody({ bodyRef, text, onClick }: { bodyRef: RefObject<HTMLDivElement | null>; text: CanonicalText; onClick: (event: MouseEvent) => void }) {
  return (
    <div class="article-body" ref={bodyRef} onClick={onClick}>
      {text.paragraphs.map((p, i) => (
        <p key={i} data-index={i}>
          {text.text.slice(p.start, p.end)}
        </p>
      ))}
    </div>
  );
});

function restoreScroll(scroller: HTMLElement, fraction: number): void {
  requestAnimationFrame(() => {
    scroller.scrollTop = fraction * Math.max(0, scroller.scrollHeight - scroller.clientHeight);
  });
}

function saveScroll(scroller: HTMLElement, articleId: string): void {
  const max = scroller.scrollHeight - scroller.clientHeight;
  const scroll = max > 0 ? Math.min(1, Math.max(0, scroller.scrollTop / max)) : 0;
  saveReadingPosition(articleId, scroll);
}

