/**
 * Import of a ~1 MB saved web page — the news fixture with its article paragraphs copied
 * until the page weighs 1 MB — through importFile() (decode, sniff the charset, parse,
 * metadata, Readability, convert, validate), against the Readability step alone over the
 * same text (linkedom parse + Readability.parse()), the least any Readability-based
 * importer pays. A 250 KB Markdown file (the memo, copied) is set against
 * mdast-util-from-markdown alone the same way: that parser slows down more than linearly
 * on many lists and tables (1 MB of the memo takes it over 10 s), so a larger file would
 * only measure it, and take minutes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { decode } from '../../src-main/notebook/import/decode';
import { importFile } from '../../src-main/notebook/import/import-file';
import type { BenchContext } from './context';
import { interleaved, type Row } from './harness';

const TESTDATA = 'src-main/notebook/import/testdata';
const PAGE_BYTES = 1_000_000;
const MEMO_BYTES = 250_000;
const NOW = new Date(Date.UTC(2024, 5, 1));

/** The news page grown to about 1 MB: its article paragraphs again and again, each copy under a heading; saved as UTF-8. */
function bigPage(root: string): Uint8Array {
  const path = join(root, TESTDATA, 'news-page.html');
  const html = decode(readFileSync(path), path).text.replace('charset="windows-1252"', 'charset="utf-8"');
  const bodyStart = html.indexOf('itemprop="articleBody">') + 'itemprop="articleBody">'.length;
  const paragraphs = html.slice(bodyStart, html.indexOf('</article>')).match(/<p>[\s\S]*?<\/p>/g) ?? [];
  const copies: string[] = [];
  let size = html.length;
  for (let copy = 1; size < PAGE_BYTES; copy++) {
    const part = `\n<h2>Dispatch ${copy}</h2>\n${paragraphs.join('\n')}`;
    copies.push(part);
    size += part.length;
  }
  return new TextEncoder().encode(html.slice(0, bodyStart) + copies.join('') + html.slice(bodyStart));
}

/** The memo grown to about 250 KB: its body again and again after its front matter. */
function bigMemo(root: string): Uint8Array {
  const memo = readFileSync(join(root, TESTDATA, 'field-memo.md'), 'utf8');
  const bodyStart = memo.indexOf('\n---\n') + 5;
  const body = memo.slice(bodyStart);
  const copies = Math.ceil(MEMO_BYTES / body.length);
  return new TextEncoder().encode(memo.slice(0, bodyStart) + Array.from({ length: copies }, (_, i) => body.replace(/^# /m, `## Copy ${i + 1}: `)).join('\n'));
}

function imported(fileName: string, bytes: Uint8Array): number {
  const result = importFile({ fileName, bytes, now: NOW });
  if (!result.ok) throw new Error(result.error.message);
  return result.article.document.blocks.length;
}

export async function run(ctx: BenchContext): Promise<Row[]> {
  const page = bigPage(ctx.root);
  const pageText = new TextDecoder().decode(page);
  const memo = bigMemo(ctx.root);
  const memoText = new TextDecoder().decode(memo);
  const mb = (bytes: Uint8Array): string => (bytes.length >= 1e6 ? `${(bytes.length / 1e6).toFixed(2)} MB` : `${Math.round(bytes.length / 1e3)} KB`);
  ctx.log(`import: ${mb(page)} page → ${imported('big-page.html', page)} blocks; ${mb(memo)} memo → ${imported('big-memo.md', memo)} blocks`);

  const html = await interleaved(
    {
      ours: () => imported('big-page.html', page),
      peer: () => new Readability(parseHTML(pageText).document).parse(),
    },
    { warmup: 2, runs: 15, minRuns: 5, maxMs: 40_000 },
  );
  const markdown = await interleaved(
    {
      ours: () => imported('big-memo.md', memo),
      peer: () => fromMarkdown(memoText, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }),
    },
    { warmup: 1, runs: 10, minRuns: 5, maxMs: 20_000 },
  );
  return [
    {
      suite: 'import',
      case: `importFile, ${mb(page)} saved web page`,
      stats: html.ours!,
      peer: { name: 'linkedom parse + Readability.parse() alone', stats: html.peer! },
      budgetMs: 2000,
      note: 'ours adds decoding, charset sniffing, metadata, ad removal, conversion to blocks and marks, and validation',
    },
    {
      suite: 'import',
      case: `importFile, ${mb(memo)} Markdown memo`,
      stats: markdown.ours!,
      peer: { name: 'mdast fromMarkdown (GFM) alone', stats: markdown.peer! },
      budgetMs: 2000,
      note: 'the Markdown parser is most of the time; it grows faster than the file (lists, tables, footnotes)',
    },
  ];
}
