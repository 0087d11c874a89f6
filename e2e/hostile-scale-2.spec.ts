/**
 * Hostile checks of the changes for issue 10 (speed at scale): the notes pane's shells and
 * lingering cards under rapid jumps, resizes and mis-estimated heights, and the reader's
 * highlight boxes after far jumps (drawn on screen at once, the margin in idle time).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { cards, paintedPoint, waitForApp } from './helpers';
import { noteLabel, writeLongNotebook } from './long-notebook';
import { contentHash, seedNotebook } from '../src-main/notebook/articles';
import { selectorsFor } from '../src-main/shared/anchoring/describe-range';
import { canonicalText, splitTitle } from '../src-main/shared/canonical-text';
import { NotebookSchema, type Excerpt, type Note } from '../src-main/shared/model';

const BUNDLED_ARTICLE = join(import.meta.dirname, '../resources/articles/putin-wants-syria-to-return-the-favor.txt');
const WHEN = '2026-01-02T03:04:05.000Z';

/** A long article (the bundled one 120 times) with a highlighted, annotated phrase every 300 characters. */
async function writeLongArticle(path: string): Promise<void> {
  const seed = await seedNotebook(BUNDLED_ARTICLE, new Date(WHEN));
  const { body } = splitTitle(readFileSync(BUNDLED_ARTICLE, 'utf8'), 'x');
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const parts: string[] = [];
  for (let copy = 1; copy <= 120; copy++) parts.push(`Part ${copy}`, ...paragraphs);
  const content = parts.join('\n\n');
  const { text } = canonicalText(content);
  const excerpts: Excerpt[] = [];
  for (let at = 100; at + 40 < text.length; at += 300) {
    const start = text.indexOf(' ', at) + 1;
    const end = text.indexOf(' ', start + 15);
    if (start > 0 && end > start && !text.slice(start, end).includes('\n')) excerpts.push({ id: `x${excerpts.length}`, articleId: 'long', ...selectorsFor(text, { start, end }), createdAt: WHEN });
  }
  const notes: Note[] = excerpts.map((e, i) => ({ id: `n${i}`, articleId: 'long', kind: i % 3 === 0 ? 'lead' : 'annotation', ...(i % 3 === 0 ? { status: 'open' as const } : {}), body: `Remark ${i}`, tags: [], excerptIds: [e.id], createdAt: WHEN, updatedAt: WHEN }));
  writeFileSync(path, JSON.stringify(NotebookSchema.parse({ ...seed, articles: [...seed.articles, { id: 'long', title: 'A long dispatch', format: 'text', content, contentHash: contentHash(content), addedAt: WHEN }], excerpts, notes, ui: { currentArticleId: 'long', scroll: {} } })));
}

const COUNT = 1500;
const card = (page: Page, n: number) => cards(page).filter({ hasText: `${noteLabel(n)}:` });

/** Gives notes (by 1-based number) other bodies. */
function rewrite(path: string, bodies: Map<number, string>): void {
  const notebook = JSON.parse(readFileSync(path, 'utf8'));
  for (const [n, body] of bodies) notebook.notes[n - 1].body = body;
  writeFileSync(path, JSON.stringify(notebook));
}

test('a highlight clicked far away brings its card into view even when the cards above it are taller than estimated', async ({ app }) => {
  const path = join(app.dir, 'long.json');
  const book = await writeLongNotebook(path, COUNT);
  const notebook = JSON.parse(readFileSync(path, 'utf8'));
  const excerpts = notebook.excerpts.length;
  const target = excerpts - 1; // last excerpt
  const first = notebook.notes.findIndex((n: { excerptIds: string[] }) => n.excerptIds.includes(`longExcerpt${target}`)) + 1;
  const tall = new Map<number, string>();
  for (let n = first - 12; n < first; n++) tall.set(n, `${noteLabel(n)}: tall\n\n` + Array.from({ length: 12 }, (_, i) => `# Heading ${i}`).join('\n\n'));
  rewrite(path, tall);
  const page = await app.relaunch({ notebookPath: path });
  await waitForApp(page);
  await expect(card(page, 1)).toBeVisible();
  await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  const point = () => paintedPoint(page, book.lastQuote);
  await expect.poll(point).not.toBeNull();
  const { x, y } = (await point())!;
  await page.mouse.click(x, y);
  const focused = page.locator('.note-card.focused');
  await expect(focused).toContainText(`${noteLabel(first)}:`);
  await expect(page.locator('.note-card.shell')).toHaveCount(0);
  await expect(focused).toBeInViewport();
});


async function expectSettled(page: Page): Promise<void> {
  const state = await settle(page);
  expect(state.problems).toEqual([]);
  expect(state.busy).toBe(0);
  expect(state.onScreen.length).toBeGreaterThan(0);
  expect(state.inDom).toBeLessThan(40);
}

/** What the pane shows once settled: cards in the DOM, shells, busy ones, overlaps and gaps among those on screen. */
async function settle(page: Page) {
  await expect(page.locator('.note-card.shell')).toHaveCount(0);
  // two idle callbacks: the lingering cards are dropped
  await page.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => requestIdleCallback(() => r()))));
  await expect(page.locator('.note-card.shell')).toHaveCount(0);
  return page.locator('.notes-pane').evaluate((pane) => {
    const frame = pane.getBoundingClientRect();
    const all = [...pane.querySelectorAll<HTMLElement>('.note-card')];
    const boxes = all.map((el) => ({ n: Number(el.getAttribute('aria-posinset')), top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom }));
    const problems: string[] = [];
    for (let i = 1; i < boxes.length; i++) {
      if (boxes[i]!.n <= boxes[i - 1]!.n) problems.push(`order ${boxes[i - 1]!.n} ${boxes[i]!.n}`);
      if (boxes[i]!.n === boxes[i - 1]!.n + 1 && Math.abs(boxes[i]!.top - boxes[i - 1]!.bottom - 10) > 2) problems.push(`gap ${boxes[i - 1]!.n}->${boxes[i]!.n}: ${Math.round(boxes[i]!.top - boxes[i - 1]!.bottom)}`);
    }
    const onScreen = boxes.filter((b) => b.bottom > frame.top && b.top < frame.bottom);
    for (let i = 1; i < onScreen.length; i++) if (onScreen[i]!.n !== onScreen[i - 1]!.n + 1) problems.push(`hole on screen ${onScreen[i - 1]!.n}..${onScreen[i]!.n}`);
    return { inDom: all.length, busy: pane.querySelectorAll('[aria-busy="true"]').length, onScreen: onScreen.map((b) => b.n), problems };
  });
}

test('jumps every frame, jumps between frames and resizes leave no shell, busy card, hole or overlap behind', async ({ app }) => {
  const path = join(app.dir, 'long.json');
  await writeLongNotebook(path, COUNT);
  const page = await app.relaunch({ notebookPath: path });
  await waitForApp(page);
  await expect(card(page, 1)).toBeVisible();
  const pane = page.locator('.notes-pane');
  // a jump every frame for 40 frames
  await pane.evaluate((el) => new Promise<void>((r) => { let k = 0; const f = () => { el.scrollTop = ((k * 7919) % 97) / 97 * el.scrollHeight; if (++k < 40) requestAnimationFrame(f); else r(); }; requestAnimationFrame(f); }));
  await expectSettled(page);
  // jumps every other task (no frame between)
  await pane.evaluate((el) => new Promise<void>((r) => { let k = 0; const f = () => { el.scrollTop = ((k * 7919) % 89) / 89 * el.scrollHeight; if (++k < 40) setTimeout(f, 3); else r(); }; f(); }));
  await expectSettled(page);
  // resize during jumps
  for (const w of [900, 1400, 1000, 1280]) {
    await page.setViewportSize({ width: w, height: 700 + (w % 300) });
    await pane.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), (w % 7) / 7);
  }
  await expectSettled(page);
  await pane.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expectSettled(page);
  await pane.evaluate((el) => (el.scrollTop = 0));
  await expectSettled(page);
});

test('after far jumps in a long article every chunk on screen gets its highlight boxes and keeps them', async ({ app }) => {
  const path = join(app.dir, 'article.json');
  await writeLongArticle(path);
  const page = await app.relaunch({ notebookPath: path });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A long dispatch');
  await expect(page.locator('.article-body[data-highlights="drawn"], [data-highlights="drawn"]').first()).toBeAttached();
  for (const fraction of [0.5, 0.9, 0.13, 0.77, 0.31, 1]) {
    const frames = await page.locator('.reader-pane').evaluate(async (el, f) => {
      const out: string[] = [];
      const undrawnOnScreen = (): string => {
        const frame = el.getBoundingClientRect();
        const bad = [...el.querySelectorAll<HTMLElement>('.article-chunk')].filter((c) => { const b = c.getBoundingClientRect(); return b.bottom > frame.top && b.top < frame.bottom && (!c.classList.contains('drawn') || c.querySelector('.hl-layer')!.childElementCount === 0); });
        return bad.map((c) => c.dataset.chunk).join(',');
      };
      el.scrollTop = el.scrollHeight * f;
      for (let i = 0; i < 6; i++) { await new Promise((r) => requestAnimationFrame(r)); out.push(undrawnOnScreen()); }
      await new Promise((r) => requestIdleCallback(r));
      await new Promise((r) => requestIdleCallback(r));
      out.push('idle:' + undrawnOnScreen());
      return out;
    }, fraction);
    // Drawn after the browser reports the chunks near (a frame or two, more on a busy
    // machine), and from then on never missing again, to the end of the idle time after.
    const firstComplete = frames.indexOf('');
    expect(frames.at(-1), `jump to ${fraction}: after idle time`).toBe('idle:');
    if (firstComplete >= 0) expect(frames.slice(firstComplete, -1), `jump to ${fraction}: once drawn`).toEqual(frames.slice(firstComplete, -1).map(() => ''));
  }
});

