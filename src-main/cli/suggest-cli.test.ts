import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSuggestCli, type SuggestCliIo } from './suggest-cli';

const BUNDLED = join(import.meta.dirname, '../../resources/articles/putin-wants-syria-to-return-the-favor.txt');
const MEMO = join(import.meta.dirname, '../notebook/suggest/testdata/08-mine-closure.md');
let dir: string;

beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'leadline-suggest-cli-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io(): SuggestCliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), readFile: (p) => readFile(p) };
}

describe('npm run suggest', () => {
  it('prints one JSON object per line, with the keys in order and offsets into the canonical text; exit 0', async () => {
    const run = io();
    expect(await runSuggestCli([BUNDLED], run)).toBe(0);
    expect(run.err).toEqual([]);
    const lines = run.out.map((line) => {
      expect(line.endsWith('\n')).toBe(true);
      return JSON.parse(line) as Record<string, unknown>;
    });
    for (const line of lines) expect(Object.keys(line)).toEqual(['kind', 'quote', 'start', 'end', 'source', 'lead']);
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'attributed-claim', source: 'The Syrian Observatory for Human Rights', start: 429, end: 557 }));
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'unnamed-source', source: 'Ukrainian officials' }));
    // The same text as the app anchors on: the body after the title line, white space collapsed.
    const text = (await readFile(BUNDLED, 'utf8')).split('\n\n').slice(1).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
    for (const line of lines) expect(text.slice(Number(line.start), Number(line.end))).toBe(line.quote);
  });

  it('reads Markdown as the importer does: the heading is the title, list items and quotes are text', async () => {
    const run = io();
    expect(await runSuggestCli([MEMO], run)).toBe(0);
    const lines = run.out.map((line) => JSON.parse(line) as { kind: string; source: string | null; quote: string });
    expect(lines.find((l) => l.quote.startsWith('“We kept Brask open'))?.source).toBe('Ferrum’s chief executive, Olga Nyberg');
    expect(lines.some((l) => l.kind === 'figure' && l.quote.startsWith('Two dozen local firms'))).toBe(true);
  });

  it('a file that is missing, empty or not an article is one clear line on stderr, exit 1; usage errors exit 2', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    for (const [file, pattern] of [
      ['missing.txt', /^leadline suggest: ".*missing\.txt" cannot be read \(.*\); check the path and try again\.\n$/],
      ['empty.txt', /^leadline suggest: .*empty\.txt.*\n$/],
      ['image.html', /^leadline suggest: .*image\.html.*\n$/],
    ] as const) {
      const run = io();
      expect(await runSuggestCli([join(dir, file)], run)).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toMatch(pattern);
    }
    expect(await runSuggestCli([], io())).toBe(2);
    expect(await runSuggestCli([BUNDLED, MEMO], io())).toBe(2);
    expect(await runSuggestCli(['--nope'], io())).toBe(2);
    const help = io();
    expect(await runSuggestCli(['--help'], help)).toBe(0);
    expect(help.out[0]).toMatch(/^Usage: npm run suggest -- FILE/);
  });
});
