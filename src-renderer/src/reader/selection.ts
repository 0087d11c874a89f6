/** The reader's current text selection, as canonical offsets plus where to show the toolbar. */
import { signal } from '@preact/signals';
import type { TextRange } from '@shared/anchoring/text-range';
import { rangeToOffsets, type ArticleDom } from './dom-offsets';

export interface ReaderSelection extends TextRange {
  /** Viewport rectangle of the selection, for placing the toolbar. */
  rect: { top: number; bottom: number; left: number; right: number };
  /** Set when the toolbar was opened by clicking a plain highlight rather than by selecting. */
  excerptId?: string;
}

export const readerSelection = signal<ReaderSelection | null>(null);

export function selectionIn(dom: ArticleDom, text: string): ReaderSelection | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const offsets = rangeToOffsets(dom, range, text);
  if (!offsets) return null;
  const box = range.getBoundingClientRect();
  return { ...offsets, rect: { top: box.top, bottom: box.bottom, left: box.left, right: box.right } };
}
