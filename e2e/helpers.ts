/** What a user does, in Playwright terms: drag-select a passage, use the toolbar, type. */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { Notebook } from '../src-main/shared/model';
import { readNotebookFile } from '../src-main/notebook/store';

export const ARTICLE_TITLE = 'Putin Wants Syria to Return the Favor';

/** Viewport points at the start and end of the n-th occurrence of `text` in the article body. */
async function textBounds(page: Page, text: string, occurrence: number): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  const bounds = await page.evaluate(
    ({ text, occurrence }) => {
      const body = document.querySelector('.article-body')!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let all = '';
      const starts: number[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        starts.push(all.length);
        nodes.push(n as Text);
        all += (n as Text).data;
      }
      let index = -1;
      for (let i = 0; i <= occurrence; i++) index = all.indexOf(text, index + 1);
      if (index < 0) return null;
      const locate = (offset: number): [Text, number] => {
        let i = starts.length - 1;
        while (starts[i]! > offset) i--;
        return [nodes[i]!, offset - starts[i]!];
      };
      const [startNode, startOffset] = locate(index);
      const [endNode, endOffset] = locate(index + text.length - 1);
      const first = document.createRange();
      first.setStart(startNode, startOffset);
      first.setEnd(startNode, startOffset + 1);
      const last = document.createRange();
      last.setStart(endNode, endOffset);
      last.setEnd(endNode, endOffset + 1);
      first.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const a = first.getBoundingClientRect();
      const b = last.getBoundingClientRect();
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    },
    { text, occurrence },
  );
  if (!bounds) throw new Error(`"${text}" (occurrence ${occurrence}) is not in the article`);
  return bounds;
}

/** Selects text in the article by dragging the mouse across it, as a user would. */
export async function dragSelect(page: Page, text: string, occurrence = 0): Promise<void> {
  // Scroll it into view, then wait until it stays put (the reader restores its saved
  // reading position in the first frames after opening).
  let bounds = await textBounds(page, text, occurrence);
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const again = await textBounds(page, text, occurrence);
    if (again.x1 === bounds.x1 && again.y1 === bounds.y1 && again.y2 === bounds.y2) break;
    bounds = again;
  }
  const { x1, y1, x2, y2 } = bounds;
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 4 });
  await page.mouse.move(x2, y2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe(text);
}

export function toolbar(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Selection actions' });
}

export function cards(page: Page): Locator {
  return page.locator('.note-card');
}

/** Selects a passage and creates a note on it through the toolbar, then types its body. */
export async function addNote(page: Page, kind: 'Annotate' | 'Add lead', passage: string, body: string, occurrence = 0): Promise<Locator> {
  await dragSelect(page, passage, occurrence);
  await toolbar(page).getByRole('button', { name: kind, exact: true }).click();
  const editor = page.getByRole('textbox', { name: kind === 'Annotate' ? 'Annotation' : 'Lead' });
  await expect(editor).toBeFocused();
  await editor.pressSequentially(body, { delay: 5 });
  await expect(page.locator('.save-state')).toHaveText('Saved');
  await page.keyboard.press('Escape');
  return cards(page).filter({ hasText: passage.slice(0, 40) }).first();
}

export async function waitForApp(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: ARTICLE_TITLE })).toBeVisible();
}

/** The notebook as saved: the snapshot with its journal replayed, as the next launch reads it. */
export function storedNotebook(path: string): Promise<Notebook> {
  return readNotebookFile(path);
}

/**
 * Drags the notes pane to its bottom as a user would, again if cards measured on the way
 * made the (virtual) list longer than its estimate, until `last` is in view.
 */
export async function scrollNotesToEnd(page: Page, last: Locator): Promise<void> {
  await expect(async () => {
    await page.locator('.notes-pane').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(last).toBeInViewport({ timeout: 1000 });
  }).toPass();
}

/** The reader's highlight layers: the kinds, and the focused note's and the flashing excerpts. */
export type PaintLayer = 'll-annotation' | 'll-lead' | 'll-plain' | 'll-focus' | 'll-flash';

interface Painted {
  /** The box elements' selector. */
  selector: string;
  text: string;
  /** The middle of the excerpt's first box (near its start), in viewport coordinates, and whether that box is in the reader's view. */
  point: { x: number; y: number; inView: boolean };
}

/**
 * The excerpts painted in kind layers of the reader (boxes behind the text, see
 * src-renderer/src/reader/reader-view.ts), in reading order, each with the text under its
 * boxes: read back from the page's geometry (the caret positions at the first box's
 * left and the last box's right), so a box drawn in the wrong place shows as the wrong
 * text. Each excerpt is scrolled into view to be read; the reader's scroll is put back.
 */
function painted(page: Page, layers: readonly PaintLayer[]): Promise<Painted[]> {
  return page.evaluate((names) => {
    const groups = new Map<string, HTMLElement[]>();
    for (const box of document.querySelectorAll<HTMLElement>(names.map((n) => `.hl-layer .${n}`).join(', '))) {
      const key = `${box.className} ${box.dataset.excerpt}`;
      groups.set(key, [...(groups.get(key) ?? []), box]);
    }
    const scroller = document.querySelector('.reader-pane')!;
    const scrolled = scroller.scrollTop;
    const texts: string[] = [];
    for (const boxes of groups.values()) {
      boxes[0]!.scrollIntoView({ block: 'center' });
      const a = boxes[0]!.getBoundingClientRect();
      const b = boxes.at(-1)!.getBoundingClientRect();
      const from = document.caretRangeFromPoint(a.left + 1, a.top + a.height / 2);
      const to = document.caretRangeFromPoint(b.right - 1, b.top + b.height / 2);
      const range = document.createRange();
      if (from && to) {
        range.setStart(from.startContainer, from.startOffset);
        range.setEnd(to.startContainer, to.startOffset);
      }
      texts.push(range.toString());
    }
    scroller.scrollTop = scrolled;
    const pane = scroller.getBoundingClientRect();
    return [...groups.values()].map((boxes, i) => {
      const box = boxes[0]!.getBoundingClientRect();
      const selector = `.hl-layer .${boxes[0]!.className}[data-excerpt="${boxes[0]!.dataset.excerpt}"]`;
      return { selector, text: texts[i]!, point: { x: box.left + Math.min(box.width / 2, 20), y: box.top + box.height / 2, inView: box.top >= pane.top && box.bottom <= pane.bottom } };
    });
  }, layers);
}

/** The texts of the excerpts painted in one layer, in reading order. */
export async function paintedTexts(page: Page, layer: PaintLayer): Promise<string[]> {
  return (await painted(page, [layer])).map((p) => p.text);
}

/** An excerpt painted in any kind layer (white space compared loosely), or undefined. */
async function paintedExcerpt(page: Page, excerptText: string): Promise<Painted | undefined> {
  const flat = (s: string): string => s.replace(/\s+/g, ' ');
  return (await painted(page, ['ll-plain', 'll-annotation', 'll-lead'])).find((p) => flat(p.text) === flat(excerptText));
}

/** Where to click an excerpt painted in any kind layer; null while it is not painted. */
export async function paintedPoint(page: Page, excerptText: string): Promise<Painted['point'] | null> {
  return (await paintedExcerpt(page, excerptText))?.point ?? null;
}

/** Scrolls the reader so a painted excerpt is in the middle of its view. */
export async function revealPainted(page: Page, excerptText: string): Promise<void> {
  const found = await paintedExcerpt(page, excerptText);
  if (!found) throw new Error(`"${excerptText}" is not painted in the reader`);
  await page.locator(found.selector).first().evaluate((box) => box.scrollIntoView({ block: 'center' }));
}

/** How many excerpts the reader has painted now (kind layers only): the ones near the viewport. */
export function paintedCount(page: Page): Promise<number> {
  return page.evaluate(() => new Set([...document.querySelectorAll<HTMLElement>('.hl-layer [data-excerpt]')].map((box) => box.dataset.excerpt)).size);
}

/** Waits for the article to be complete (its highlights drawn), then moves the keyboard focus to it by pressing Tab, as a keyboard user would. */
export async function tabToArticle(page: Page): Promise<void> {
  await expect(page.locator('.article-body[data-highlights="drawn"]')).toBeAttached();
  const onArticle = (): Promise<boolean> => page.evaluate(() => document.activeElement?.classList.contains('reader-pane') ?? false);
  for (let presses = 0; presses < 80 && !(await onArticle()); presses++) await page.keyboard.press('Tab');
  await expect(page.locator('.reader-pane')).toBeFocused();
}

/** The page's selection as text, white space flattened (paragraph breaks read as one space). */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim());
}
