#!/usr/bin/env node
/**
 * `npm run icons`: every icon of every platform, rendered from the one source image
 * resources/icon.svg — PNGs for Linux (build/icons/png/NxN.png), .ico for Windows,
 * .icns for macOS (build/icons/), and resources/icon.png, the window icon the app
 * loads at run time (committed, so a checkout runs without this step).
 *
 * resvg (as WebAssembly: nothing native to install) draws each PNG size from the vector;
 * png2icons packs the .ico (from the 256 px drawing) and the .icns (from the 1024 px one).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import png2icons from 'png2icons';

const require = createRequire(import.meta.url);
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE = join(ROOT, 'resources/icon.svg');
/** The sizes Linux desktops ask for (electron-builder reads them from build/icons/png). */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const WINDOW_ICON_SIZE = 512;

let wasmReady;

/** The SVG drawn as a square PNG `size` pixels wide. */
export async function renderPng(svg, size) {
  wasmReady ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  await wasmReady;
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size } });
  const image = resvg.render();
  const png = Buffer.from(image.asPng());
  image.free();
  resvg.free();
  return png;
}

/** Every icon file, by its path relative to the repository root. */
export async function renderIcons(svg) {
  const files = new Map();
  const pngs = new Map();
  for (const size of PNG_SIZES) {
    const png = await renderPng(svg, size);
    pngs.set(size, png);
    files.set(`build/icons/png/${size}x${size}.png`, png);
  }
  // Windows stores the small sizes as bitmaps inside the .exe's icon; macOS wants up to 1024.
  const ico = png2icons.createICO(pngs.get(256), png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(pngs.get(1024), png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not pack the icons');
  files.set('build/icons/icon.ico', ico);
  files.set('build/icons/icon.icns', icns);
  files.set('resources/icon.png', pngs.get(WINDOW_ICON_SIZE));
  return files;
}

/** Renders resources/icon.svg and writes every icon; resolves to how many files it wrote. */
export async function writeIcons() {
  const files = await renderIcons(readFileSync(SOURCE, 'utf8'));
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), bytes);
  }
  return files.size;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeIcons().then((count) => console.log(`Leadline: wrote ${count} icons from resources/icon.svg (build/icons/, resources/icon.png).`)).catch((error) => {
    console.error(`Leadline: could not make the icons: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
