/**
 * Hostile content stays inert: a notebook whose notes and article are made of XSS
 * payloads (script tags, event handlers, javascript:/data:/vbscript: links, remote
 * images and styles, iframes, mXSS tricks…) opens without running any of them,
 * loading anything from the web, or letting a link navigate the app. The fixture
 * also asserts that no request left the app's origin.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { contentHash, seedNotebook } from '../src-main/notebook/articles';
import { selectorsFor } from '../src-main/shared/anchoring/describe-range';
import { canonicalText } from '../src-main/shared/canonical-text';
import { plainTextDocument } from '../src-main/shared/article-document';
import { EVIL_ORIGIN, HOSTILE_CASES, PWNED_GLOBAL } from '../src-main/shared/testdata/hostile-corpus';
import { NotebookSchema, type Excerpt, type Note, type Notebook } from '../src-main/shared/model';
import { test, expect } from './fixtures';

const BUNDLED_ARTICLE = join(import.meta.dirname, '../resources/articles/putin-wants-syria-to-return-the-favor.txt');
const ARTICLE_ID = 'hostileArticle';
const TITLE = `Pasted from the web <img src=x onerror="window.${PWNED_GLOBAL}='title'">`;
const SOURCE = { url: `javascript:window.${PWNED_GLOBAL}='source-url'`, outlet: `<script>window.${PWNED_GLOBAL}='outlet'</script>`, date: '<b>today</b>' };
const ALL_IN_ONE = 'All payloads in one note';
const WHEN = '2026-01-02T03:04:05.000Z';

/** The real first-launch notebook plus an article and notes made of the hostile corpus. */
async function hostileNotebook(): Promise<Notebook> {
  const seed = await seedNotebook(BUNDLED_ARTICLE, new Date(WHEN));
  const content = HOSTILE_CASES.map((c) => c.payload).join('\n\n');
  const text = canonicalText(content).text;
  const excerpts: Excerpt[] = HOSTILE_CASES.slice(0, 6).map((c, i) => {
    const first = c.payload.split('\n')[0]!.replace(/\s+/g, ' ').trim();
    const start = text.indexOf(first);
    const selectors = selectorsFor(text, { start, end: start + first.length });
    return { id: `hostileExcerpt${i}`, articleId: ARTICLE_ID, ...selectors, createdAt: WHEN };
  });
  const notes: Note[] = HOSTILE_CASES.map((c, i) => ({
    id: `hostileNote${i}`,
    articleId: ARTICLE_ID,
    kind: i % 3 === 2 ? 'lead' : 'annotation',
    ...(i % 3 === 2 ? { status: 'open' as const } : {}),
    body: c.payload,
    tags: i % 5 === 0 ? ['xss'] : [],
    excerptIds: i < excerpts.length ? [excerpts[i]!.id] : [],
    createdAt: WHEN,
    updatedAt: WHEN,
  }));
  notes.push({
    id: 'hostileNoteAll',
    articleId: ARTICLE_ID,
    kind: 'annotation',
    body: `${ALL_IN_ONE}\n\n${HOSTILE_CASES.map((c) => c.payload).join('\n\n')}`,
    tags: [],
    excerptIds: excerpts.map((e) => e.id),
    createdAt: WHEN,
    updatedAt: WHEN,
  });
  // Stored as a web page: its document's marks carry hostile links too.
  const document = plainTextDocument(content);
  const first = document.blocks[0]!;
  document.blocks[0] = {
    ...first,
    marks: [
      { kind: 'link', start: first.start, end: first.start + 3, href: `javascript:window.${PWNED_GLOBAL}='article-link'` },
      { kind: 'link', start: first.start + 3, end: first.start + 6, href: 'https://example.org/fine' },
      { kind: 'em', start: first.start + 6, end: first.end },
    ],
  };
  return NotebookSchema.parse({
    ...seed,
    articles: [
      ...seed.articles,
      { id: ARTICLE_ID, title: TITLE, source: SOURCE, format: 'html', content, contentHash: contentHash(content), document, addedAt: WHEN },
    ],
    excerpts,
    notes,
    ui: { currentArticleId: ARTICLE_ID, scroll: {} },
  });
}

/** Everything a payload could have done to the page, read from inside it. */
async function pageDamage(page: Page): Promise<{ pwned: unknown; handlers: string[]; bad: string[]; links: string[]; frames: number }> {
  return page.evaluate((global) => {
    const all = [...document.querySelectorAll('*')];
    const handlers = all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}>`));
    const bad = [
      ...document.querySelectorAll(
        '.note-body :is(script, iframe, frame, img, picture, video, audio, source, object, embed, svg, math, style, link, meta, base, form, input, button, textarea, select, template, noscript)',
      ),
    ].map((el) => el.localName);
    const risky = [...document.querySelectorAll('.note-body [style], .note-body [src], .note-body [srcset], .note-body [action], .note-body [formaction], .note-body [xlink\\:href], .note-body [ping]')];
    bad.push(...risky.map((el) => `${el.localName}[${[...el.attributes].map((a) => a.name).join(',')}]`));
    const links = [...document.querySelectorAll('a[href], area[href]')]
      .map((a) => a.getAttribute('href') ?? '')
      .filter((href) => !/^(https?:|mailto:|#)/i.test(href));
    return { pwned: (window as unknown as Record<string, unknown>)[global], handlers, bad, links, frames: window.frames.length };
  }, PWNED_GLOBAL);
}

/**
 * Scrolls the notes pane (a virtual list: only cards near the viewport are rendered) from
 * top to bottom and checks each card once it shows: its body is rendered Markdown, and the
 * mouse passes over it (onmouseover). Returns how many cards it checked.
 */
async function checkEveryCard(page: Page): Promise<number> {
  const pane = page.locator('.notes-pane');
  await pane.evaluate((el) => el.scrollTo(0, 0));
  const seen = new Set<string>();
  for (;;) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shown = await pane.evaluate((el) => {
      const view = el.getBoundingClientRect();
      const inView = (r: DOMRect) => ({ top: Math.max(r.top, view.top), bottom: Math.min(r.bottom, view.bottom), left: r.left, right: r.right });
      return [...el.querySelectorAll<HTMLElement>('.note-card')].flatMap((card) => {
        const part = inView(card.getBoundingClientRect());
        if (part.bottom <= part.top) return [];
        const body = card.querySelector<HTMLElement>('.note-body.markdown');
        const bodyPart = body ? inView(body.getBoundingClientRect()) : null;
        // (A body whose whole payload was removed is empty, hence invisible: nothing to hover.)
        const point = bodyPart && bodyPart.bottom > bodyPart.top && bodyPart.right > bodyPart.left ? { x: (bodyPart.left + bodyPart.right) / 2, y: (bodyPart.top + bodyPart.bottom) / 2 } : null;
        return [{ id: card.id, markdown: body !== null, point }];
      });
    });
    for (const card of shown) {
      if (seen.has(card.id)) continue;
      seen.add(card.id);
      expect(card.markdown, `the body of ${card.id} is rendered Markdown`).toBe(true);
      if (card.point) await page.mouse.move(card.point.x, card.point.y);
    }
    // Less than a screenful per step, so every card shows at some step.
    const moved = await pane.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop += el.clientHeight * 0.8;
      return el.scrollTop !== before;
    });
    if (!moved) return seen.size;
  }
}

test('a notebook full of XSS payloads opens inert: nothing runs, loads or navigates', async ({ app }) => {
  const notebook = await hostileNotebook();
  const notebookPath = join(app.dir, 'hostile.json');
  writeFileSync(notebookPath, `${JSON.stringify(notebook, null, 2)}\n`);
  const page = await app.relaunch({ notebookPath });

  // The title and source are shown as the text they are.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.locator('.article-source')).toHaveText([SOURCE.outlet, SOURCE.date, SOURCE.url].join(' · '));

  // Every note is there, each body rendered (sanitized) Markdown. The list is virtual: it
  // says how many notes it holds, and scrolling through it renders every card.
  const cards = page.locator('.note-card');
  await expect(cards.first()).toHaveAttribute('aria-setsize', String(HOSTILE_CASES.length + 1));
  expect(await checkEveryCard(page)).toBe(HOSTILE_CASES.length + 1);
  await page.locator('.notes-pane').evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator('.note-body', { hasText: ALL_IN_ONE })).toBeVisible();

  // The article's payloads are literal text: one plain paragraph each, exactly as stored.
  const paragraphs = canonicalText(notebook.articles[1]!.content).paragraphs.map((p) => canonicalText(notebook.articles[1]!.content).text.slice(p.start, p.end));
  await expect(page.locator('.article-body > .article-chunk > p')).toHaveText(paragraphs);
  const blockContent = '.article-body .article-chunk > :not(.hl-layer)';
  expect(await page.locator(`${blockContent}, ${blockContent} *`).evaluateAll((els) => els.map((el) => el.localName).filter((name) => name !== 'p'))).toEqual(['a', 'a', 'em']);
  // The highlight overlays hold empty boxes only: nothing of the notebook's text goes into them.
  expect(await page.locator('.article-body .hl-layer').evaluateAll((els) => els.map((el) => el.textContent).join(''))).toBe('');
  // The javascript: link is shown as text without an address; the web link keeps its own.
  expect(await page.locator('.article-body a').evaluateAll((els) => els.map((el) => el.getAttribute('href')))).toEqual([null, 'https://example.org/fine']);
  expect(await page.locator('.article-body').textContent()).toContain(`<script>window.${PWNED_GLOBAL}='script'</script>`);
  // The excerpts quote payloads as text too.
  await expect(page.locator('.quote').first()).toContainText('<script>');

  // Give timers, refreshes, lazy loads and error events their chance, and stir the page:
  // move focus through the cards (onfocus).
  await page.waitForTimeout(500);
  for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
  await page.waitForTimeout(300);

  const before = page.url();
  await page.evaluate(() => ((window as unknown as Record<string, unknown>).__sameDocument = true));

  let damage = await pageDamage(page);
  expect(damage.pwned, 'a payload ran').toBeUndefined();
  expect(damage.handlers, 'inline event handlers in the page').toEqual([]);
  expect(damage.bad, 'dangerous elements or attributes in note bodies').toEqual([]);
  expect(damage.links, 'links other than http(s), mailto and #').toEqual([]);
  expect(damage.frames).toBe(0);

  // Links whose dangerous href was removed stay where they are when clicked.
  for (const name of ['A javascript link', 'Entity link', 'Data link', 'VBScript link', 'Markdown javascript link', 'Protocol-relative', 'A relative link']) {
    const link = page.locator('.note-body a', { hasText: name }).first();
    await expect(link, name).toBeVisible();
    expect(await link.getAttribute('href'), name).toBeNull();
    await link.click();
  }
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);

  // A web link does not navigate the app either; it goes to the platform's openExternal.
  // (In Electron that shows a native confirmation dialog, which a test cannot answer.)
  if (app.mode === 'browser') {
    for (const name of ['A plain web link', 'A Markdown web link']) {
      const link = page.locator('.note-body a', { hasText: name }).first();
      expect(await link.getAttribute('href')).toMatch(new RegExp(`^${EVIL_ORIGIN}/`));
      await link.click();
      await expect(page.locator('.toast')).toContainText(`Link not opened. Its address is ${EVIL_ORIGIN}/`);
      expect(page.url()).toBe(before);
    }
    // Nor does a middle click or a modified click open the link in a new tab or window.
    const link = page.locator('.note-body a', { hasText: 'A plain web link' }).first();
    const opened: string[] = [];
    page.context().on('page', (popup) => opened.push(popup.url() || 'a new page'));
    const clicks: Array<[string, Parameters<typeof link.click>[0]]> = [
      ['middle click', { button: 'middle' }],
      ['Ctrl+click', { modifiers: ['Control'] }],
      ['Shift+click', { modifiers: ['Shift'] }],
      ['Meta+click', { modifiers: ['Meta'] }],
    ];
    for (const [label, options] of clicks) {
      await link.click(options);
      await page.waitForTimeout(300);
      expect(opened, `${label} opened a page`).toEqual([]);
    }
    expect(page.url()).toBe(before);
  }

  // Opening a hostile note in the editor shows its source as text, still inert.
  await page.locator('.note-card', { hasText: ALL_IN_ONE }).getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('textbox', { name: 'Annotation' })).toHaveValue(new RegExp(`^${ALL_IN_ONE}`));
  await page.keyboard.press('Escape');

  damage = await pageDamage(page);
  expect(damage.pwned, 'a payload ran').toBeUndefined();
  expect(damage.handlers).toEqual([]);
  expect(damage.links).toEqual([]);
  expect(page.url()).toBe(before);
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__sameDocument)).toBe(true);
  expect(app.foreignRequests).toEqual([]);
});
