import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PNG_SIZES, renderIcons, SOURCE, WINDOW_ICON_SIZE } from './icons.mjs';

const root = join(import.meta.dirname, '..');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('npm run icons', () => {
  let files: Map<string, Buffer>;
  beforeAll(async () => {
    files = await renderIcons(readFileSync(SOURCE, 'utf8'));
  });

  it('draws every Linux size from the SVG', () => {
    for (const size of PNG_SIZES) expect(pngSize(files.get(`build/icons/png/${size}x${size}.png`)!)).toEqual({ width: size, height: size });
  });

  it('packs a Windows .ico with the sizes from 16 to 256', () => {
    const ico = files.get('build/icons/icon.ico')!;
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('packs a macOS .icns up to 1024 px (ic10)', () => {
    const icns = files.get('build/icons/icon.icns')!;
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('latin1'));
    expect(types).toEqual(expect.arrayContaining(['ic10', 'ic09', 'ic07', 'is32']));
  });

  it('keeps the committed window icon in step with the SVG (run npm run icons after editing it)', () => {
    const committed = readFileSync(join(root, 'resources/icon.png'));
    expect(pngSize(committed)).toEqual({ width: WINDOW_ICON_SIZE, height: WINDOW_ICON_SIZE });
    expect(committed.equals(files.get('resources/icon.png')!)).toBe(true);
  });
});
