import { effect } from '@preact/signals';
import { memo } from 'preact/compat';
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ComponentChild, ComponentChildren } from 'preact';
import type { ArticleDocument, Block, Mark } from '@shared/article-document';
import type { Article } from '@shared/model';
import { isWebUrl } from '@shared/urls';
import { followLinkClick } from '../ui/external-links';
import { segments } from './mark-segments';
import { chunkBlocks, type Chunk } from './article-chunks';
import { chunkAtFraction, isFilled, useChunkFill, type ChunkFill } from './chunk-fill';
import { readableDate } from '../library/library-list';
import { saveReadingPosition } from '../state/actions';
import { drawnExcerpts, flashedExcerptIds, placedExcerpts } from '../state/derived';
import { focusedNoteId } from '../state/ui';
import { article, canonical, notes, workspace } from '../state/workspace';
import { focusNotesAt } from './navigation';
import { mountView, offsetAtPoint, setMarkedExcerpts, setPlacedExcerpts, unmountView } from './reader-view';
import { readerSelection, selectionIn } from './selection';
import { SelectionToolbar } from './SelectionToolbar';
import { cursorAnnouncement, installSentenceCursor } from './sentence-cursor';
import { FindBar } from './FindBar';

const SCROLL_SAVE_DELAY_MS = 600;

export function Reader() {
  const bodyRef = useRef<HTMLDivElement>(null);
  const current = article.value!;
  const text = canonical.value;
  const chunks = useMemo(() => chunkBlocks(text.blocks), [text]);
  const around = useMemo(() => chunkAtFraction(chunks.map((c) => c.lines), workspace.peek()?.scroll ?? 0), [chunks]);
  const fill = useChunkFill(chunks.length, around, text);
  const complete = fill.upTo >= chunks.length;

  useEffect(() => {
    restoreScroll(bodyRef.current!.closest<HTMLElement>('.reader-pane')!, workspace.peek()?.scroll ?? 0);
  }, [current.id, text]);

  // Selection, hit-testing and highlights need every block in the DOM: they start once the last chunk is filled.
  useEffect(() => {
    if (!complete) return;
    const body = bodyRef.current!;
    const scroller = body.closest<HTMLElement>('.reader-pane')!;
    const dom = mountView(body, text.blocks, chunks, scroller);
    const stopCursor = installSentenceCursor(scroller);

    // Three drawings, each following only what it shows: focusing a note draws the focus group alone.
    const stopKinds = effect(() => setPlacedExcerpts(drawnExcerpts.value));
    const stopFocus = effect(() => {
      const focused = focusedNoteId.value ? notes.value.get(focusedNoteId.value)?.excerptIds ?? [] : [];
      setMarkedExcerpts('ll-focus', new Set(focused));
    });
    const stopFlash = effect(() => setMarkedExcerpts('ll-flash', flashedExcerptIds.value));

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
    const onScroll = (): void => {
      // Only a selection's toolbar moves with the text: without one, a scroll reads nothing.
      if (readerSelection.peek()) trackSelection();
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => saveScroll(scroller, current.id), SCROLL_SAVE_DELAY_MS);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });

    return () => {
      // A selection (or a clicked plain highlight) belongs to this article: it must not act on the next one.
      readerSelection.value = null;
      stopKinds();
      stopFocus();
      stopFlash();
      stopCursor();
      document.removeEventListener('selectionchange', trackSelection);
      scroller.removeEventListener('scroll', onScroll);
      clearTimeout(saveTimer);
      unmountView();
    };
  }, [current.id, text, chunks, complete]);

  const onClick = (event: MouseEvent): void => {
    if (!document.getSelection()?.isCollapsed) return;
    if (followLinkClick(event)) return;
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
      <FindBar />
      <ArticleHeader article={current} />
      <ArticleBody bodyRef={bodyRef} text={text} chunks={chunks} fill={fill} onClick={onClick} />
      <SelectionToolbar />
      {/* The sentence cursor's choice, read out (sentence-cursor.ts). */}
      <p class="sr-only" role="status">
        {cursorAnnouncement}
      </p>
    </article>
  );
}

function ArticleHeader({ article: current }: { article: Article }) {
  const source = current.source;
  const parts = source ? [source.outlet, source.byline, readableDate(source.date), source.url].filter(Boolean) : [];
  return (
    <header class="article-header">
      <h1 class="article-title">{current.title}</h1>
      {parts.length > 0 && <p class="article-source">{parts.join(' · ')}</p>}
    </header>
  );
}

/**
 * Rendered once per article text (and once per slice while it fills in): highlights never
 * touch these nodes. One element per block (dom-offsets.ts), in chunks the browser lays
 * out only near the viewport (article-chunks.ts); a chunk's estimated height holds its
 * place until then, and until it is filled (chunk-fill.ts).
 */
const ArticleBody = memo(function ArticleBody({ bodyRef, text, chunks, fill, onClick }: { bodyRef: RefObject<HTMLDivElement | null>; text: ArticleDocument; chunks: readonly Chunk[]; fill: ChunkFill; onClick: (event: MouseEvent) => void }) {
  return (
    <div class="article-body" ref={bodyRef} onClick={onClick} onAuxClick={onClick}>
      {chunks.map((chunk, c) => (
        <ChunkView key={c} index={c} chunk={chunk} text={text} filled={isFilled(fill, c)} />
      ))}
    </div>
  );
});

const ChunkView = memo(function ChunkView({ chunk, index, text, filled }: { chunk: Chunk; index: number; text: ArticleDocument; filled: boolean }) {
  return (
    <div class="article-chunk" data-chunk={index} style={`--lines: ${chunk.lines}; --blocks: ${chunk.last - chunk.first}`}>
      {filled && text.blocks.slice(chunk.first, chunk.last).map((block, k) => <BlockView key={chunk.first + k} index={chunk.first + k} block={block} text={text.text} />)}
      {/* The kind highlights of the chunk, painted behind its text by reader-view.ts. */}
      <div class="hl-layer" aria-hidden="true" />
    </div>
  );
});

/** The article's title is the page's h1: its own headings start one level below. */
const HEADING_TAGS = ['h2', 'h3', 'h4', 'h5', 'h6', 'h6'] as const;

function BlockView({ block, index, text }: { block: Block; index: number; text: string }) {
  const content = segments(block).map((piece) => piece.marks.reduceRight<ComponentChild>((inner, mark) => <MarkView mark={mark}>{inner}</MarkView>, text.slice(piece.start, piece.end)));
  switch (block.kind) {
    case 'heading': {
      const Tag = HEADING_TAGS[Math.min(HEADING_TAGS.length, block.level ?? 1) - 1]!;
      return <Tag data-index={index}>{content}</Tag>;
    }
    case 'item':
      return (
        <p data-index={index} class={`list-item depth-${block.level ?? 1}`}>
          {content}
        </p>
      );
    case 'quote':
      return (
        <blockquote data-index={index} class={`depth-${block.level ?? 1}`}>
          {content}
        </blockquote>
      );
    case 'code':
      return (
        <pre data-index={index}>
          <code>{content}</code>
        </pre>
      );
    case 'paragraph':
      return <p data-index={index}>{content}</p>;
  }
}

function MarkView({ mark, children }: { mark: Mark; children: ComponentChildren }) {
  switch (mark.kind) {
    case 'em':
      return <em>{children}</em>;
    case 'strong':
      return <strong>{children}</strong>;
    case 'code':
      return <code>{children}</code>;
    case 'strike':
      return <s>{children}</s>;
    case 'image':
      return (
        <span class="image-alt" title="Image (its description)">
          {children}
        </span>
      );
    case 'link':
      // Only web links get an address (the importer keeps no other kind; a hand-edited notebook might).
      return isWebUrl(mark.href ?? '') ? (
        <a href={mark.href} title={mark.href} rel="noreferrer noopener">
          {children}
        </a>
      ) : (
        <a>{children}</a>
      );
  }
}

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

