/**
 * Hostile checks of the reader's highlight boxes (reader-view.ts): a draw paints the boxes
 * on screen at once and the rest of the near chunks in idle time after its frame (settle),
 * kinds stack by z-index. Every spec reads the boxes back against the text they should
 * cover (audit below), after scrolls, jumps, resizes, edits and article switches.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { contentHash, seedNotebook } from '../src-main/notebook/articles';
import { selectorsFor } from '../src-main/shared/anchoring/describe-range';
import { canonicalText, splitTitle } from '../src-main/shared/canonical-text';
import { NotebookSchema, type Excerpt, type Note } from '../src-main/shared/model';

const BUNDLED_ARTICLE = join(import.meta.dirname, '../resources/articles/putin-wants-syria-to-return-the-favor.txt');
const WHEN = '2026-01-02T03:04:05.000Z';

type Kind = 'plain' | 'annotation' | 'lead';
/** An excerpt deleted since the fixture was written: its markers stay in the text, with no box. */
type Shown = Kind | null;
const KINDS: readonly Kind[] = ['plain', 'annotation', 'lead'];

/**
 * An article for the audit: each excerpt n runs from the marker word "qzs<n>" to the end of
 * the marker word "qze<n>", so the page can find every excerpt's text without the app's
 * offsets. `blocks` are the paragraphs (markers included); `kinds` says each excerpt's kind.
 */
interface Fixture {
  title: string;
  blocks: string[];
  kinds: Kind[];
}

/** The bundled article's words, round and round: filler text that reads like the real one. */
function filler(): (count: number) => string {
  const { body } = splitTitle(readFileSync(BUNDLED_ARTICLE, 'utf8'), 'x');
  const words = body.split(/\s+/).filter((w) => /^[A-Za-z,.'’-]+$/.test(w));
  let at = 0;
  return (count) => Array.from({ length: count }, () => words[at++ % words.length]).join(' ');
}

/**
 * Paragraphs of `words` words with an excerpt every `every` words, `length` words long;
 * every fourth excerpt overlaps the next one (which starts inside it), and kinds cycle so
 * overlaps mix them.
 */
function paragraphWith(words: (count: number) => string, count: number, every: number, length: number, kinds: Kind[]): string {
  const parts: string[] = [];
  for (let done = 0; done < count; done += every) {
    const n = kinds.length;
    kinds.push(KINDS[n % 3]!);
    if (n % 4 === 3 && every > length + 6) {
      // n overlaps n+1: "qzs<n> a b qzs<n+1> c d qze<n> e f qze<n+1>"
      kinds.push(KINDS[(n + 1) % 3]!);
      parts.push(`qzs${n}`, words(3), `qzs${n + 1}`, words(length - 4), `qze${n}`, words(3), `qze${n + 1}`, words(every - length - 6));
    } else {
      parts.push(`qzs${n}`, words(length - 1), `qze${n}`, words(every - length - 1));
    }
  }
  return parts.join(' ');
}

async function writeFixture(path: string, fixture: Fixture): Promise<void> {
  const seed = await seedNotebook(BUNDLED_ARTICLE, new Date(WHEN));
  const content = fixture.blocks.join('\n\n');
  const { text } = canonicalText(content);
  const excerpts: Excerpt[] = [];
  const notes: Note[] = [];
  fixture.kinds.forEach((kind, n) => {
    const start = text.indexOf(`qzs${n} `);
    const endMarker = new RegExp(`qze${n}(?!\\d)`).exec(text);
    if (start < 0 || !endMarker) throw new Error(`excerpt ${n} has no markers`);
    const id = `x${n}`;
    excerpts.push({ id, articleId: 'hl', ...selectorsFor(text, { start, end: endMarker.index + endMarker[0].length }), createdAt: WHEN });
    if (kind !== 'plain') notes.push({ id: `n${n}`, articleId: 'hl', kind, ...(kind === 'lead' ? { status: 'open' as const } : {}), body: `Remark ${n}`, tags: [], excerptIds: [id], createdAt: WHEN, updatedAt: WHEN });
  });
  const article = { id: 'hl', title: fixture.title, format: 'text' as const, content, contentHash: contentHash(content), addedAt: WHEN };
  writeFileSync(path, JSON.stringify(NotebookSchema.parse({ ...seed, articles: [...seed.articles, article], excerpts, notes, ui: { currentArticleId: 'hl', scroll: {} } })));
}

/**
 * Short chunks among long ones: a one-line paragraph, then a paragraph longer than a chunk
 * (6,000 characters), and so on, so the article's chunks alternate one line and several
 * screens (as in a transcript pasted without blank lines).
 */
function shortChunks(): Fixture {
  const words = filler();
  const kinds: Kind[] = [];
  const blocks: string[] = [];
  for (let i = 0; i < 24; i++) blocks.push(`Section ${i} begins.`, paragraphWith(words, 1100, 50, 9, kinds));
  return { title: 'Short chunks', blocks, kinds };
}

/** About 1 MB of ordinary paragraphs with an excerpt every 45 words (thousands). */
function megabyte(): Fixture {
  const words = filler();
  const kinds: Kind[] = [];
  const blocks: string[] = [];
  for (let size = 0; size < 1_000_000; ) {
    const block = paragraphWith(words, 90, 45, 8, kinds);
    blocks.push(block);
    size += block.length + 2;
  }
  // One lead across some 40 paragraphs (several chunks), over the excerpts there.
  const long = kinds.length;
  kinds.push('lead');
  blocks[400] = `qzs${long} ${blocks[400]}`;
  blocks[440] = `${blocks[440]} qze${long}`;
  return { title: 'A megabyte of highlights', blocks, kinds };
}

interface Audit {
  problems: string[];
  /** Line boxes of excerpts checked on screen. */
  checked: number;
}

/**
 * What the reader's overlays show against what they should: every line of an excerpt (and
 * of an overlap) on screen has a box of its kind over it, every box on screen lies over a
 * line of its excerpt, and no box is left in a chunk more than a screen and a bit away
 * from the view. `marks` adds the focus and flash layers' excerpts.
 */
function audit(page: Page, kinds: readonly Shown[], marks: { focus?: readonly string[]; flash?: readonly string[] } = {}): Promise<Audit> {
  return page.evaluate(
    ({ kinds, marks }) => {
      const body = document.querySelector<HTMLElement>('.article-body')!;
      const frame = document.querySelector('.reader-pane')!.getBoundingClientRect();
      const chunks = [...body.querySelectorAll<HTMLElement>(':scope > .article-chunk')];
      // The article's text, node by node, chunk by chunk.
      const nodes: Text[] = [];
      const starts: number[] = [];
      const chunkOf: number[] = [];
      let all = '';
      chunks.forEach((chunk, c) => {
        const walker = document.createTreeWalker(chunk, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push(n as Text);
          starts.push(all.length);
          chunkOf.push(c);
          all += (n as Text).data;
        }
      });
      const nodeAt = (offset: number): number => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= offset) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      };
      const onScreen = (r: { top: number; bottom: number }): boolean => r.top < frame.bottom && r.bottom > frame.top;
      const shown = new Set(chunks.flatMap((chunk, c) => (onScreen(chunk.getBoundingClientRect()) ? [c] : [])));
      // Excerpts by their markers.
      const ranges = new Map<number, { start: number; end: number }>();
      for (const m of all.matchAll(/qz([se])(\d+)/g)) {
        const n = Number(m[2]);
        if (kinds[n] === null) continue;
        const r = ranges.get(n) ?? { start: -1, end: -1 };
        if (m[1] === 's') r.start = m.index;
        else r.end = m.index + m[0].length;
        ranges.set(n, r);
      }
      type Line = { top: number; bottom: number; left: number; right: number };
      const probe = document.createRange();
      /** The text's line fragments of a stretch, those in chunks on screen only. */
      const lines = (start: number, end: number): Line[] => {
        const out: Line[] = [];
        for (let i = nodeAt(start); i < nodes.length && starts[i]! < end; i++) {
          if (!shown.has(chunkOf[i]!)) continue;
          const node = nodes[i]!;
          probe.setStart(node, Math.max(0, start - starts[i]!));
          probe.setEnd(node, Math.min(node.length, end - starts[i]!));
          for (const r of probe.getClientRects()) if (r.width >= 0.5 && r.height >= 0.5) out.push({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
        }
        return out;
      };
      // Expected line fragments by "class id" (overlaps have no id).
      const expected = new Map<string, Line[]>();
      const add = (key: string, start: number, end: number): void => {
        const found = lines(start, end);
        if (found.length > 0) expected.set(key, [...(expected.get(key) ?? []), ...found]);
      };
      // The excerpts with a part in a chunk on screen (or running across them all).
      const [low, high] = [Math.min(...shown), Math.max(...shown)];
      const visible = [...ranges].filter(([, r]) => r.start >= 0 && r.end > r.start && chunkOf[nodeAt(r.start)]! <= high && chunkOf[nodeAt(r.end - 1)]! >= low);
      for (const [n, r] of visible) add(`ll-${kinds[n]} x${n}`, r.start, r.end);
      for (const [name, ids] of [['ll-focus', marks.focus ?? []], ['ll-flash', marks.flash ?? []]] as const) {
        for (const id of ids) {
          const r = ranges.get(Number(id.slice(1)));
          if (r && visible.some(([n]) => `x${n}` === id)) add(`${name} ${id}`, r.start, r.end);
        }
      }
      // Overlaps: stretches covered by two excerpts or more (a sweep over the boundaries).
      const events = visible.flatMap(([, r]) => [[r.start, 1], [r.end, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      let depth = 0;
      let openedAt = 0;
      for (const [offset, delta] of events) {
        if (depth < 2 && depth + delta >= 2) openedAt = offset;
        if (depth >= 2 && depth + delta < 2 && offset > openedAt) add('ll-overlap null', openedAt, offset);
        depth += delta;
      }
      const problems: string[] = [];
      const sameLine = (a: Line, b: Line): boolean => Math.abs(a.top - b.top) < 2 && Math.abs(a.bottom - b.bottom) < 2;
      const boxes = [...body.querySelectorAll<HTMLElement>('.hl-layer > div > div')].map((el) => {
        const r = el.getBoundingClientRect();
        const chunk = chunks.indexOf(el.closest<HTMLElement>('.article-chunk')!);
        return { key: `${el.className} ${el.dataset.excerpt ?? null}`, chunk, line: { top: r.top, bottom: r.bottom, left: r.left, right: r.right } };
      });
      let checked = 0;
      for (const [key, want] of expected) {
        for (const line of want) {
          if (line.top < frame.top || line.bottom > frame.bottom) continue;
          checked++;
          if (!boxes.some((b) => b.key === key && sameLine(b.line, line) && b.line.left <= line.left + 2 && b.line.right >= line.right - 2)) problems.push(`missing ${key} at ${Math.round(line.top - frame.top)}`);
        }
      }
      for (const box of boxes) {
        if (shown.has(box.chunk) && onScreen(box.line)) {
          const want = expected.get(box.key) ?? [];
          if (!want.some((line) => sameLine(box.line, line) && box.line.left >= line.left - 2 && box.line.right <= line.right + 2)) problems.push(`stray ${box.key} at ${Math.round(box.line.top - frame.top)}`);
        }
        const chunk = chunks[box.chunk]!.getBoundingClientRect();
        const reach = 1.2 * frame.height;
        if (chunk.bottom < frame.top - reach || chunk.top > frame.bottom + reach) problems.push(`left in chunk ${box.chunk}: ${box.key}`);
      }
      return { problems: [...new Set(problems)].slice(0, 12), checked };
    },
    { kinds, marks },
  );
}

/** Waits until the boxes on screen are all right (and there are some to check). */
async function expectRight(page: Page, kinds: readonly Shown[], marks?: Parameters<typeof audit>[2]): Promise<void> {
  await expect.poll(async () => {
    const { problems, checked } = await audit(page, kinds, marks);
    return checked > 0 ? problems : ['nothing on screen to check'];
  }).toEqual([]);
}

async function open(app: { dir: string; relaunch(o: { notebookPath: string }): Promise<Page> }, fixture: Fixture): Promise<Page> {
  const path = join(app.dir, 'highlights.json');
  await writeFixture(path, fixture);
  const page = await app.relaunch({ notebookPath: path });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fixture.title);
  await expect(page.locator('.article-body[data-highlights="drawn"]')).toBeAttached();
  return page;
}

const reader = (page: Page) => page.locator('.reader-pane');
const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Selection actions' }).getByRole('button', { name, exact: true });

/** Scrolls the reader so the top of chunk `chunk` is at `at` (a fraction of the view's height), and waits for it to stay. */
async function putChunkAt(page: Page, chunk: number, at: number): Promise<void> {
  await expect.poll(() => reader(page).evaluate((el, { chunk, at }) => {
    const target = el.querySelector(`[data-chunk="${chunk}"]`)!.getBoundingClientRect().top - el.getBoundingClientRect().top - at * el.clientHeight;
    el.scrollTop += target;
    return Math.abs(target) < 1;
  }, { chunk, at })).toBe(true);
}

/** The excerpt markers ("qzs12") of a chunk with where they are, in view heights from the view's top. */
function markersOf(page: Page, chunk: number): Promise<{ marker: string; at: number }[]> {
  return reader(page).evaluate((el, chunk) => {
    const frame = el.getBoundingClientRect();
    const found: { marker: string; at: number }[] = [];
    const walker = document.createTreeWalker(el.querySelector(`[data-chunk="${chunk}"]`)!, NodeFilter.SHOW_TEXT);
    const probe = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const m of (n as Text).data.matchAll(/qzs\d+/g)) {
        probe.setStart(n, m.index);
        probe.setEnd(n, m.index + m[0].length);
        found.push({ marker: m[0], at: (probe.getBoundingClientRect().top - frame.top) / el.clientHeight });
      }
    }
    return found;
  }, chunk);
}

/** Scrolls the reader by a fraction of its height per frame for `frames` frames. */
function fling(page: Page, perFrame: number, frames: number): Promise<void> {
  return reader(page).evaluate((el, { perFrame, frames }) => new Promise<void>((done) => {
    let k = 0;
    const step = (): void => {
      el.scrollTop += perFrame * el.clientHeight;
      if (++k < frames) requestAnimationFrame(step);
      else done();
    };
    requestAnimationFrame(step);
  }), { perFrame, frames });
}

interface Stacked {
  /** The boxes under the point, in the order they must stack. */
  stack: string[];
  painted: number[];
  expected: number[];
  /** What the kinds' boxes would give stacked the other way round (to show the check tells them apart). */
  swapped: number[];
}

/**
 * At the middle of each overlap box on screen: the colour painted there (from a screenshot,
 * the text made transparent so no glyph is under the point) and the colour the boxes
 * there give when laid over the page's background in the order they must stack: plain,
 * annotation, lead, overlap, then the focused note's.
 */
async function overlapColours(page: Page): Promise<Stacked[]> {
  await page.locator('.article-body').evaluate((el) => el.style.setProperty('color', 'transparent'));
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(async (png) => {
    const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixel = (x: number, y: number): number[] => [...context.getImageData(Math.round(x), Math.round(y), 1, 1).data].slice(0, 3);
    const order = ['ll-plain', 'll-annotation', 'll-lead', 'll-overlap', 'll-focus', 'll-flash'];
    const rgba = (name: string): number[] => {
      const probe = document.createElement('div');
      probe.style.backgroundColor = `var(--hl-${name.slice(3)})`;
      document.body.append(probe);
      const [r, g, b, a = '1'] = getComputedStyle(probe).backgroundColor.match(/[\d.]+/g)!;
      probe.remove();
      return [Number(r), Number(g), Number(b), Number(a)];
    };
    const frame = document.querySelector('.reader-pane')!.getBoundingClientRect();
    const boxes = [...document.querySelectorAll<HTMLElement>('.hl-layer > div > div')];
    const out: { painted: number[]; expected: number[]; swapped: number[]; stack: string[] }[] = [];
    for (const overlap of boxes.filter((b) => b.className === 'll-overlap')) {
      const r = overlap.getBoundingClientRect();
      if (r.top < frame.top || r.bottom > frame.bottom || r.width < 6) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2 - 3; // above the lead's underline
      const under = boxes.filter((b) => { const q = b.getBoundingClientRect(); return q.left <= x && q.right >= x && q.top <= y && q.bottom >= y; });
      const stack = under.map((b) => b.className).sort((a, b) => order.indexOf(a) - order.indexOf(b));
      // Over the page's own background beside the text column, at the same height.
      const background = pixel(frame.left + 8, y);
      const over = (names: string[]): number[] =>
        names
          .reduce((colour, name) => {
            const [cr, cg, cb, a] = rgba(name);
            return colour.map((c, i) => a! * [cr!, cg!, cb!][i]! + (1 - a!) * c);
          }, background)
          .map(Math.round);
      const kinds = stack.filter((name) => order.indexOf(name) < 3);
      out.push({ stack, painted: pixel(x, y), expected: over(stack), swapped: over([...kinds.reverse(), ...stack.slice(kinds.length)]) });
    }
    document.querySelector<HTMLElement>('.article-body')!.style.removeProperty('color');
    return out;
  }, png);
}


const off = (a: readonly number[], b: readonly number[]): number => Math.max(...a.map((c, i) => Math.abs(c - b[i]!)));

test('revealing an excerpt already on screen keeps the boxes of the near chunk past a short one', async ({ app }) => {
  // Chunks 7 and 9 are long, 8 is one line: with 8 in the middle of the view, 7 above and 9
  // below are both on screen, and revealing an excerpt of 7 must not empty 9.
  const fixture = shortChunks();
  const page = await open(app, fixture);
  await putChunkAt(page, 8, 0.5);
  await expectRight(page, fixture.kinds);
  // An excerpt with a note on screen above the short chunk, whose start no other excerpt covers.
  const above = (await markersOf(page, 7)).filter((m) => m.at > 0.05 && m.at < 0.48).map((m) => Number(m.marker.slice(3)));
  const n = above.find((k) => fixture.kinds[k] !== 'plain' && k % 4 !== 0)!;
  expect(n, 'an excerpt with a note on screen above the short chunk').toBeDefined();
  const box = (await page.locator(`.hl-layer [data-excerpt="x${n}"]`).first().boundingBox())!;
  await page.mouse.click(box.x + 4, box.y + box.height / 2);
  const card = page.locator('.note-card.focused');
  await expect(card).toContainText(`Remark ${n}`);
  await card.locator('.quote').click();
  await expect(page.locator('.hl-layer .ll-flash').first()).toBeAttached();
  await expect(page.locator('.hl-layer .ll-flash')).toHaveCount(0); // the flash is over
  await expectRight(page, fixture.kinds, { focus: [`x${n}`] });
  // and they stay while the user reads on down into chunk 9
  await reader(page).evaluate((el) => el.scrollBy(0, el.clientHeight / 2));
  await expectRight(page, fixture.kinds, { focus: [`x${n}`] });
});

test('a far find jump that brings no chunk near and takes none away keeps the chunks above drawn', async ({ app }) => {
  // 8 is one line, 1.9 screens below the top of the view: 7, 8 and 9 are near, and stay
  // near after a jump of 2.25 screens down into 9 (the observer reports nothing), so 7,
  // drawn before the jump, must still be drawn when one scrolls back up to it.
  const fixture = shortChunks();
  const page = await open(app, fixture);
  await putChunkAt(page, 8, 1.9);
  await expectRight(page, fixture.kinds);
  const target = (await markersOf(page, 9)).find((m) => m.at > 2.6 && m.at < 3.0);
  expect(target, 'an excerpt 2.75 screens down').toBeDefined();
  await reader(page).focus();
  await page.keyboard.press('Control+f');
  await page.getByRole('textbox', { name: 'Find in article' }).fill(`${target!.marker} `);
  await expect(page.locator('.find-count')).toHaveText('1 of 1');
  await expect.poll(() => markersOf(page, 9).then((all) => all.find((m) => m.marker === target!.marker)!.at)).toBeLessThan(0.7);
  await expectRight(page, fixture.kinds);
  await page.keyboard.press('Escape');
  await reader(page).evaluate((el) => el.scrollBy(0, -0.6 * el.clientHeight));
  await expectRight(page, fixture.kinds);
});

test('a 1 MB article with thousands of excerpts: End, Home, pages, flings, a long lead, resizes and text sizes leave every box on screen right', async ({ app }) => {
  test.setTimeout(90_000);
  const fixture = megabyte();
  expect(fixture.kinds.length).toBeGreaterThan(4000);
  const page = await open(app, fixture);
  await expectRight(page, fixture.kinds);
  await reader(page).focus();
  for (const key of ['End', 'Home', 'PageDown', 'PageDown', 'End', 'PageUp']) {
    await page.keyboard.press(key);
    await expectRight(page, fixture.kinds);
  }
  await fling(page, 3, 20); // fast wheel down, stopping at once
  await expectRight(page, fixture.kinds);
  await fling(page, -0.9, 30);
  await expectRight(page, fixture.kinds);
  // The end of the lead across some 40 paragraphs, then up along it.
  await page.keyboard.press('Control+f');
  await page.getByRole('textbox', { name: 'Find in article' }).fill(`qze${fixture.kinds.length - 1}`);
  await expect(page.locator('.find-count')).toHaveText('1 of 1');
  await expectRight(page, fixture.kinds);
  await page.keyboard.press('Escape');
  await fling(page, -0.5, 12);
  await expectRight(page, fixture.kinds);
  // Resizes and text sizes while the boxes of the last scroll are still pending.
  for (const width of [900, 1400, 1000, 1280]) {
    await fling(page, width > 1000 ? 1 : -1, 4);
    await page.setViewportSize({ width, height: 600 + (width % 300) });
  }
  await expectRight(page, fixture.kinds);
  for (const key of ['Control+=', 'Control+=', 'Control+-', 'Control+=']) {
    await fling(page, 0.7, 3);
    await page.keyboard.press(key);
  }
  await expectRight(page, fixture.kinds);
});

test('after a far jump in the dark theme, overlapping kinds stack plain, annotation, lead, overlap, then focus: by pixel colour', async ({ app }) => {
  const fixture = shortChunks();
  const page = await open(app, fixture);
  await page.getByRole('button', { name: 'Appearance' }).click();
  const dialog = page.getByRole('dialog', { name: 'Appearance' });
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await reader(page).focus();
  await page.keyboard.press('End');
  await fling(page, -1.7, 1);
  await expectRight(page, fixture.kinds);
  await page.screenshot({ path: '/tmp/hostile-hl-overlaps-dark.png' });
  // Focus a lead that overlaps an annotation: its focus box goes over the overlap.
  const leadInView = (): Promise<string | null> =>
    page.evaluate(() => {
      const frame = document.querySelector('.reader-pane')!.getBoundingClientRect();
      const lead = [...document.querySelectorAll<HTMLElement>('.hl-layer .ll-lead')].find((b) => { const r = b.getBoundingClientRect(); return r.top > frame.top + 40 && r.bottom < frame.bottom - 40 && Number(b.dataset.excerpt!.slice(1)) % 4 === 3; });
      return lead?.dataset.excerpt ?? null;
    });
  // Where the fling lands depends on how far End had got: step up a third of a screen at a time until one is in view.
  let overlapped = await leadInView();
  for (let step = 0; step < 12 && !overlapped; step++) {
    await fling(page, -0.33, 1);
    await expectRight(page, fixture.kinds);
    overlapped = await leadInView();
  }
  expect(overlapped, 'a lead overlapping the next excerpt on screen').not.toBeNull();
  const first = (await page.locator(`.hl-layer .ll-lead[data-excerpt="${overlapped}"]`).first().boundingBox())!;
  await page.mouse.click(first.x + 4, first.y + first.height / 2);
  await expect(page.locator('.note-card.focused')).toContainText(`Remark ${overlapped!.slice(1)}`);
  await expectRight(page, fixture.kinds, { focus: [overlapped!] });
  const colours = await overlapColours(page);
  const stacks = colours.map((c) => c.stack.join(' '));
  expect(stacks.filter((stack) => /^ll-\w+ ll-\w+ ll-overlap$/.test(stack)).length, stacks.join(', ')).toBeGreaterThan(0);
  expect(stacks.filter((stack) => /^ll-\w+ ll-\w+ ll-overlap ll-focus$/.test(stack)).length, stacks.join(', ')).toBeGreaterThan(0);
  for (const { stack, painted, expected, swapped } of colours) {
    expect(off(painted, expected), `${stack.join(' ')}: painted ${painted}, expected ${expected}`).toBeLessThanOrEqual(4);
    // (Under the focus box, opaque enough to hide most of it, the kinds' order shows little.)
    if (!stack.includes('ll-focus')) expect(off(swapped, expected), `${stack.join(' ')}: the other order (${swapped}) must look different`).toBeGreaterThan(4);
  }
});

test('focusing a note, removing a highlight and undoing it right after a fling leave the boxes right', async ({ app }) => {
  const fixture = shortChunks();
  const kinds: Shown[] = [...fixture.kinds];
  const page = await open(app, fixture);
  await putChunkAt(page, 11, 0.2);
  await expectRight(page, kinds);
  await fling(page, 0.35, 3);
  const onScreen = (await markersOf(page, 11)).filter((m) => m.at > 0.1 && m.at < 0.8).map((m) => Number(m.marker.slice(3)));
  const plain = onScreen.find((n) => kinds[n] === 'plain' && n % 4 !== 3 && n % 4 !== 0)!;
  const annotated = onScreen.find((n) => kinds[n] === 'annotation' && n % 4 !== 3 && n % 4 !== 0)!;
  expect([plain, annotated].every((n) => n !== undefined)).toBe(true);
  const at = async (n: number) => {
    const box = (await page.locator(`.hl-layer [data-excerpt="x${n}"]`).first().boundingBox())!;
    return { x: box.x + 4, y: box.y + box.height / 2 };
  };
  await fling(page, 0.02, 2);
  let point = await at(annotated);
  await page.mouse.click(point.x, point.y);
  await expect(page.locator('.note-card.focused')).toContainText(`Remark ${annotated}`);
  await expectRight(page, kinds, { focus: [`x${annotated}`] });

  await fling(page, -0.02, 2);
  point = await at(plain);
  await page.mouse.click(point.x, point.y);
  await toolbarButton(page, 'Remove highlight').click();
  kinds[plain] = null;
  await expectRight(page, kinds, { focus: [`x${annotated}`] });
  await reader(page).focus();
  await page.keyboard.press('Control+z');
  kinds[plain] = 'plain';
  await expectRight(page, kinds, { focus: [`x${annotated}`] });
});

test('a wider column and a larger text right after a fling measure every near chunk again', async ({ app }) => {
  const fixture = shortChunks();
  const page = await open(app, fixture);
  await putChunkAt(page, 5, 0.4);
  await expectRight(page, fixture.kinds);
  await reader(page).focus();
  await fling(page, 0.8, 2);
  await page.keyboard.press('Control+=');
  await expectRight(page, fixture.kinds);
  await page.getByRole('button', { name: 'Appearance' }).click();
  const dialog = page.getByRole('dialog', { name: 'Appearance' });
  await dialog.getByRole('radio', { name: 'Wide' }).check();
  await expectRight(page, fixture.kinds);
  await dialog.getByRole('radio', { name: 'Narrow' }).check();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await fling(page, -0.9, 3);
  await page.keyboard.press('Control+-');
  await page.keyboard.press('Control+-');
  await expectRight(page, fixture.kinds);
});

test('switching articles in the middle of a fling paints no box of the old article over the new one', async ({ app }) => {
  const fixture = shortChunks();
  const page = await open(app, fixture);
  await putChunkAt(page, 9, 0.3);
  await expectRight(page, fixture.kinds);
  // Frame by frame from here: the boxes in the page while the other article's title shows.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { boxesUnderOther: number[] }).boxesUnderOther = seen;
    const tick = (): void => {
      if (document.querySelector('.article-title')?.textContent !== 'Short chunks') seen.push(document.querySelectorAll('.hl-layer > div > div').length);
      if (seen.length < 60) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  void fling(page, 0.5, 10);
  await page.locator('.library-item', { hasText: 'Putin Wants Syria' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Putin Wants Syria to Return the Favor');
  await expect.poll(() => page.evaluate(() => (window as unknown as { boxesUnderOther: number[] }).boxesUnderOther.length)).toBe(60);
  expect(await page.evaluate(() => (window as unknown as { boxesUnderOther: number[] }).boxesUnderOther.filter((n) => n > 0))).toEqual([]);
  // and back: the boxes of the first article are drawn again, right
  await page.locator('.library-item', { hasText: 'Short chunks' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Short chunks');
  await expectRight(page, fixture.kinds);
});
