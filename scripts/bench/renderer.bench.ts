/**
 * The real renderer in Chromium, through the browser host: a 1 MB article with 2,000
 * excerpts and 2,000 notes, against the same article with 2 notes. Measured in the page
 * (page-probes.js): opening the notebook, redrawing every highlight layer when the focused
 * note changes, a keystroke in the note editor, and the autosave after a pause. Then a
 * notebook of 10,000 notes on the same article: scrolling its notes pane (notes-scroll.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { NotebookSchema, type Notebook } from '../../src-main/shared/model';
import type { BenchContext } from './context';
import { buildArticle, notebookWith } from './fixtures';
import { stats, type Row, type Stats } from './harness';
import { notesScrollRows } from './notes-scroll';

const EXCERPTS = 2_000;
const NOTES = 2_000;
/** Excerpts of the page that measures drawing many highlights (with SMALL notes). */
const MANY_EXCERPTS = 10_000;
const SMALL = 2; // two notes, so that clicking one card then the other changes the focus each time
const SCROLL_NOTES = 10_000;

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

interface Host {
  url: string;
  child: ChildProcess;
}

/**
 * Builds the app into a scratch app folder (package.json, resources and node_modules
 * linked from the repository) so that the benchmark always measures the current sources
 * and never rewrites the out/ folder that the end-to-end tests may be using meanwhile.
 * Returns the folder to run out/main/host.js from.
 */
function buildApp(ctx: BenchContext): string {
  ctx.log('renderer: electron-vite build into a scratch folder…');
  const app = join(ctx.tmp, 'app');
  mkdirSync(app, { recursive: true });
  copyFileSync(join(ctx.root, 'package.json'), join(app, 'package.json'));
  symlinkSync(join(ctx.root, 'resources'), join(app, 'resources'), 'dir');
  symlinkSync(join(ctx.root, 'node_modules'), join(app, 'node_modules'), 'dir');
  const bin = join(ctx.root, 'node_modules', '.bin', 'electron-vite');
  const result = spawnSync(bin, ['build', '--outDir', join(app, 'out')], { cwd: ctx.root, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
    const lines = output.split('\n').filter((l) => /error|could not|failed/i.test(l)).slice(0, 6);
    throw new Error(`electron-vite build failed:\n${lines.join('\n') || output.slice(-2000)}`);
  }
  return app;
}

function startHost(app: string, notebookFile: string): Promise<Host> {
  // Preferences go beside the notebook, never into the real user-data folder.
  const env = { ...process.env, LEADLINE_USER_DATA: join(dirname(notebookFile), 'user-data') };
  const child = spawn(process.execPath, [join(app, 'out', 'main', 'host.js'), '--notebook', notebookFile], { stdio: ['ignore', 'pipe', 'pipe'], env });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`the host did not start within 30 s: ${stderr}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /Leadline host: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}): ${stderr}`));
    });
  });
}

function stopHost(host: Host): Promise<void> {
  return new Promise((resolve) => {
    if (host.child.exitCode !== null || host.child.signalCode !== null) return resolve();
    const force = setTimeout(() => host.child.kill('SIGKILL'), 5_000);
    host.child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    host.child.kill('SIGTERM');
  });
}

/** window.__leadlineBench, from page-probes.js. */
interface Probe {
  focusCards(runs: number): Promise<{ ours: { sync: number; frame: number }[]; highlights: number }>;
  trivialFrames(runs: number): Promise<{ shown: number[]; cleared: number[] }>;
  highlightCount(): number;
  opened(): { painted: number | null; ready: number | null };
  drawMany(ranges: readonly { start: number; end: number }[], runs: number): Promise<{ ours: number[]; peer: number[] }>;
  keyCount(): number;
  keyResult(index: number): Promise<{ latency: number; work: number }>;
  worstFrameGapUntilSaved(timeoutMs: number): Promise<number>;
  scrollToCard(noteId: string): Promise<void>;
}

/** The page's globals the probes need (the scripts compile without the DOM library). */
type PageGlobals = { __leadlineBench: Probe };

interface Opening {
  /** From navigation start to the rendered frame first showing the article's text. */
  painted: number;
  /** … to the rendered frame showing note cards and the highlight layers, nothing busy. */
  ready: number;
}

/** Opens the notebook in a page and waits until its cards and highlights are shown; the times are measured in the page (page-probes.js). */
async function open(page: Page, url: string): Promise<Opening> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const times = (globalThis as unknown as PageGlobals).__leadlineBench.opened();
      return times.painted !== null && times.ready !== null ? times : null;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const times = (await handle.jsonValue()) as { painted: number; ready: number };
  return { painted: times.painted, ready: Math.max(times.painted, times.ready) };
}

async function focusCards(page: Page, runs: number): ReturnType<Probe['focusCards']> {
  await page.bringToFront();
  return page.evaluate((r) => (globalThis as unknown as PageGlobals).__leadlineBench.focusCards(r), runs);
}

/** Opens the editor of note `noteId` and waits until its textarea has the focus. */
async function openEditor(page: Page, noteId: string): Promise<void> {
  await page.bringToFront();
  // The notes list is virtual: scroll to the card first, as a user would.
  await page.evaluate((id) => (globalThis as unknown as PageGlobals).__leadlineBench.scrollToCard(id), noteId);
  const card = page.locator(`#note-${noteId}`);
  await card.getByRole('button', { name: 'Edit', exact: true }).click();
  const area = card.getByRole('textbox', { name: 'Annotation' });
  await area.focus();
}

async function typeKeys(page: Page, noteId: string, count: number): Promise<{ latency: number; work: number }[]> {
  await page.bringToFront();
  await page.locator(`#note-${noteId}`).getByRole('textbox', { name: 'Annotation' }).focus();
  const results: { latency: number; work: number }[] = [];
  for (let i = 0; i < count; i++) {
    const index = await page.evaluate(() => (globalThis as unknown as PageGlobals).__leadlineBench.keyCount());
    await page.keyboard.press(i % 7 === 6 ? 'Space' : String.fromCharCode(97 + (i % 26)));
    results.push(await page.evaluate((n) => (globalThis as unknown as PageGlobals).__leadlineBench.keyResult(n), index));
  }
  return results;
}

async function worstGapOfAutosave(page: Page, noteId: string): Promise<number> {
  await page.bringToFront();
  await page.locator(`#note-${noteId}`).getByRole('textbox', { name: 'Annotation' }).focus();
  await page.keyboard.press('x');
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__leadlineBench.worstFrameGapUntilSaved(10_000));
}

function writeNotebook(dir: string, notebook: Notebook): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'notebook.json');
  writeFileSync(file, `${JSON.stringify(NotebookSchema.parse(notebook), null, 1)}\n`);
  return file;
}

export async function run(ctx: BenchContext): Promise<Row[]> {
  const app = ctx.noBuild ? ctx.root : buildApp(ctx);
  const article = buildArticle(ctx.root);
  const bigNotebook = notebookWith(article, EXCERPTS, NOTES);
  const smallNotebook = notebookWith(article, SMALL, SMALL);
  const manyNotebook = notebookWith(article, MANY_EXCERPTS, SMALL);
  const manyRanges = manyNotebook.excerpts.map((e) => ({ start: e.position.start, end: e.position.end }));
  // An annotation in the middle of the reading order, and one of the small notebook's.
  const bigNote = bigNotebook.notes.find((n, i) => n.kind === 'annotation' && i >= NOTES / 2)!.id;
  const smallNote = smallNotebook.notes.find((n) => n.kind === 'annotation')!.id;

  const hosts: Host[] = [];
  let browser: Browser | undefined;
  try {
    const big = await startHost(app, writeNotebook(join(ctx.tmp, 'renderer-big'), bigNotebook));
    hosts.push(big);
    const small = await startHost(app, writeNotebook(join(ctx.tmp, 'renderer-small'), smallNotebook));
    hosts.push(small);
    const many = await startHost(app, writeNotebook(join(ctx.tmp, 'renderer-many'), manyNotebook));
    hosts.push(many);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    ctx.fact(`Chromium ${browser.version()} (headless, --disable-gpu), viewport 1280×800`);
    const probes = readFileSync(join(ctx.root, 'scripts', 'bench', 'page-probes.js'), 'utf8');
    const pageFor = async (): Promise<Page> => {
      const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
      await page.addInitScript({ content: probes });
      return page;
    };
    const bigPage = await pageFor();
    const smallPage = await pageFor();

    // 1. Opening: navigation until every card and the highlights are there.
    ctx.log('renderer: opening the notebooks');
    const openBig: Opening[] = [];
    const openSmall: Opening[] = [];
    for (let round = 0; round < 6; round++) {
      const b = await open(bigPage, big.url);
      const s = await open(smallPage, small.url);
      if (round === 0) continue; // the first load warms the HTTP cache and the JIT
      openBig.push(b);
      openSmall.push(s);
    }
    const opening = (samples: Opening[], key: keyof Opening): Stats => stats(samples.map((o) => o[key]));

    // 2. Focus a note → its focus boxes drawn. Chunks alternate between the pages.
    ctx.log('renderer: focusing notes (drawing their focus)');
    await focusCards(bigPage, 6); // warm-up
    await focusCards(smallPage, 6);
    const ours: { sync: number; frame: number }[] = [];
    const peer: { sync: number; frame: number }[] = [];
    let highlights = 0;
    for (let chunk = 0; chunk < 4; chunk++) {
      const b = await focusCards(bigPage, 10);
      ours.push(...b.ours);
      highlights = b.highlights;
      peer.push(...(await focusCards(smallPage, 10)).ours);
    }

    // 3. What the highlights alone cost any frame with a DOM or style change.
    ctx.log('renderer: trivial frames with and without the highlights');
    await bigPage.bringToFront();
    const trivial = await bigPage.evaluate(() => (globalThis as unknown as PageGlobals).__leadlineBench.trivialFrames(20));

    // 3b. Drawing 10,000 excerpts' highlights, against span-wrapping the same ranges in the same page.
    ctx.log(`renderer: drawing ${MANY_EXCERPTS} highlights`);
    const manyPage = await pageFor();
    await open(manyPage, many.url);
    const drawn = await manyPage.evaluate(([ranges, runs]) => (globalThis as unknown as PageGlobals).__leadlineBench.drawMany(ranges, runs), [manyRanges, 12] as const);
    await manyPage.close();

    // 4. Typing in a note editor, then the autosave after a pause.
    ctx.log('renderer: typing');
    await openEditor(bigPage, bigNote);
    await openEditor(smallPage, smallNote);
    await typeKeys(bigPage, bigNote, 5); // warm-up
    await typeKeys(smallPage, smallNote, 5);
    const keysBig: { latency: number; work: number }[] = [];
    const keysSmall: { latency: number; work: number }[] = [];
    for (let chunk = 0; chunk < 4; chunk++) {
      keysBig.push(...(await typeKeys(bigPage, bigNote, 10)));
      keysSmall.push(...(await typeKeys(smallPage, smallNote, 10)));
    }
    ctx.log('renderer: autosave after a pause');
    await worstGapOfAutosave(bigPage, bigNote); // warm-up
    await worstGapOfAutosave(smallPage, smallNote);
    const saveBig: number[] = [];
    const saveSmall: number[] = [];
    for (let round = 0; round < 5; round++) {
      saveBig.push(await worstGapOfAutosave(bigPage, bigNote));
      saveSmall.push(await worstGapOfAutosave(smallPage, smallNote));
    }

    // 5. Scrolling the notes pane of 10,000 notes (notes-scroll.ts).
    ctx.log(`renderer: scrolling the notes pane, ${SCROLL_NOTES} notes`);
    await bigPage.close();
    await smallPage.close();
    const huge = await startHost(app, writeNotebook(join(ctx.tmp, 'renderer-huge'), notebookWith(article, EXCERPTS, SCROLL_NOTES)));
    hosts.push(huge);
    const hugePage = await pageFor();
    await open(hugePage, huge.url);
    const scrollRows = await notesScrollRows(hugePage, SCROLL_NOTES, ctx.log);

    const of = (samples: { sync: number; frame: number }[], key: 'sync' | 'frame'): Stats => stats(samples.map((s) => s[key]));
    const size = `${(article.canonical.text.length / 1e6).toFixed(2)} MB`;
    const smallName = `same, ${SMALL} notes on the same article`;
    return [
      {
        suite: 'renderer',
        case: `open: ${size} article + ${NOTES} notes → article painted`,
        stats: opening(openBig, 'painted'),
        peer: { name: smallName, stats: opening(openSmall, 'painted') },
        budgetMs: 300,
        note: 'from navigation start to the end of the rendering of the first frame showing the article text (measured in the page; includes loading the workspace over HTTP)',
      },
      {
        suite: 'renderer',
        case: `open: ${size} article + ${NOTES} notes → cards and highlights in place`,
        stats: opening(openBig, 'ready'),
        peer: { name: smallName, stats: opening(openSmall, 'ready') },
        budgetMs: 800,
        note: 'from navigation start to the rendered frame showing note cards and the highlight layers, with nothing marked aria-busy',
      },
      {
        suite: 'renderer',
        case: `focus a note (click card) → frame rendered, ${EXCERPTS} excerpts`,
        stats: of(ours, 'frame'),
        peer: { name: smallName, stats: of(peer, 'frame') },
        budgetMs: 50,
        note: `${highlights} boxes in the highlight overlays; time from the click at the start of a frame to the end of that frame's rendering (style, layout, paint), without the vsync wait`,
      },
      {
        suite: 'renderer',
        case: '  of which: click handler (focus boxes measured and drawn, sync JS)',
        stats: of(ours, 'sync'),
        peer: { name: smallName, stats: of(peer, 'sync') },
      },
      {
        suite: 'renderer',
        case: `any DOM change (attribute on <body>) → frame rendered, ${EXCERPTS} excerpts`,
        stats: stats(trivial.shown),
        peer: { name: 'same page, highlights off', stats: stats(trivial.cleared) },
        budgetMs: 16,
        budgetRatio: 2,
        note: 'a frame whose only change is an unused attribute, with a note focused, with and without the highlight overlays rendered: the difference is what the highlights cost the browser on any DOM or style change (focus change, keystroke, save)',
      },
      {
        suite: 'renderer',
        case: `draw ${MANY_EXCERPTS} excerpts' highlights: far jump → highlights on screen`,
        stats: stats(drawn.ours),
        peer: { name: `span-wrapping the ${MANY_EXCERPTS} ranges (Hypothesis-style) → frame`, stats: stats(drawn.peer) },
        budgetMs: 30,
        note: `a page with ${MANY_EXCERPTS} excerpts: from setting scrollTop far away to the rendered frame after the app has set its layers for the excerpts now near the viewport (it registers no others); the peer wraps all the same ranges in <span>s in a copy of the article body in the same page, to its rendered frame`,
      },
      {
        suite: 'renderer',
        case: `keystroke in the note editor, ${NOTES} notes: keydown → frame rendered`,
        stats: stats(keysBig.map((k) => k.latency)),
        peer: { name: smallName, stats: stats(keysSmall.map((k) => k.latency)) },
        note: 'includes the wait for the next frame (up to one vsync); the next row is the main-thread work alone',
      },
      {
        suite: 'renderer',
        case: `keystroke in the note editor, ${NOTES} notes: main-thread work`,
        stats: stats(keysBig.map((k) => k.work)),
        peer: { name: smallName, stats: stats(keysSmall.map((k) => k.work)) },
        budgetMs: 8, // the scale issue's target: a keystroke must leave most of a frame free
      },
      {
        suite: 'renderer',
        case: `autosave after a pause, ${NOTES} notes: worst frame gap`,
        stats: stats(saveBig),
        peer: { name: smallName, stats: stats(saveSmall) },
        budgetMs: 50,
        note: 'longest interval between two animation frames from the last keystroke until the editor shows "Saved" (a 60 Hz frame is 16.7 ms)',
      },
      ...scrollRows,
    ];
  } finally {
    await browser?.close();
    for (const host of hosts) await stopHost(host);
  }
}
