/**
 * Test helpers: a seeded PRNG and generators of hostile text, so random tests are
 * reproducible (a failure names its seed).
 */
import { mulberry32 } from '../../shared/testdata/prng';

export interface Random {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function seeded(seed: number): Random {
  const next = mulberry32(seed);
  const int = (max: number): number => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p };
}

/** Pieces of text that mean something in Markdown, HTML or to a YAML reader. */
export const HOSTILE_PIECES = [
  '#', '# ', '## ', '###### ', '####### ', '>', '> ', '*', '**', '***', '_', '__', '|', '||', '`', '```', '~~~', '~~',
  '[x]', '[ ]', '[link](http://example.com)', '![img](x.png)', '[ref]', '[^1]', '<b>', '</b>', '<div>', '<!--', '-->',
  '<script>alert(1)</script>', '<https://example.com>', 'www.example.com', 'https://example.com/a_b_(c)', 'www.example.org/x_y',
  'user_name@example.com', 'http://x.y/?a=1&amp;b=*2*', '&amp;', '&#32;', '&copy;', '&', '&#x41;',
  '1.', '1) ', '40,000.', '- ', '+ ', '* ', '===', '---', '- - -', '___', '\\', '\\\\', '\\*', '$x$', '$$', ':smile:',
  '"', "'", ': ', '---\n', '\t', '  ', ' ', '\u00a0', '\u200b', '\u2028', '\ufeff', '\u0085',
  'é', 'e\u0301', 'ñ', 'Ω', '日本語', '😀', '👩‍👩‍👧', '🇫🇷', 'مرحبا', 'שלום', '\u202e', 'a\u0308\u0301',
  'Putin', 'Syria', '40,000', 'al-Assad', 'Ba’ath', ' word ', 'text',
  // pandoc's own Markdown: superscript, subscript, citations, attributes, smart punctuation, fancy lists
  '^', '^x^', '~x~', '@doe', '[@doe]', '{#id}', '{.c}', '--', '...', 'a. ', '(a) ', 'iv) ', '(@)', ': ', "it's",
] as const;

const WORDS = ['the', 'Syrian', 'army', 'claims', 'units', 'Hmeimim', 'base', 'Ukraine', 'Russia', 'force', 'report'];

/** A single line of hostile text (no line breaks). */
export function hostileLine(random: Random, maxPieces = 8): string {
  let text = '';
  const count = 1 + random.int(maxPieces);
  for (let i = 0; i < count; i++) {
    const piece = random.chance(0.35) ? random.pick(WORDS) : random.pick(HOSTILE_PIECES);
    text += piece.replace(/\n/g, ' ') + (random.chance(0.4) ? ' ' : '');
  }
  return text;
}

/** Arbitrary hostile text, including line breaks of every kind, tabs and edge spaces. */
export function hostileText(random: Random, maxPieces = 12): string {
  let text = '';
  const count = 1 + random.int(maxPieces);
  for (let i = 0; i < count; i++) {
    const r = random.next();
    if (r < 0.08) text += random.pick(['\n', '\n\n', '\n\n\n', '\r\n', '\r', '\t', '  ', ' \n ']);
    else if (r < 0.4) text += random.pick(WORDS) + ' ';
    else text += random.pick(HOSTILE_PIECES);
  }
  return text;
}

/** Article content made of hostile paragraphs (the canonical text then normalizes its white space). */
export function hostileArticle(random: Random, paragraphs: number): string {
  const blocks: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const lines: string[] = [];
    const lineCount = 1 + random.int(3);
    for (let j = 0; j < lineCount; j++) lines.push(hostileLine(random, 14));
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

/** Line shapes a note body might have: every block construct, with hostile text inside. */
const BODY_LINES: ReadonlyArray<(r: Random) => string> = [
  (r) => hostileLine(r),
  (r) => hostileLine(r),
  (r) => `${'#'.repeat(1 + r.int(7))} ${hostileLine(r, 4)}`,
  (r) => `${r.pick(['', ' ', '  ', '   ', '\t'])}# ${hostileLine(r, 3)}${r.pick(['', ' #', ' ##  ', '#'])}`,
  (r) => r.pick(['===', '---', '-', '=', '  ===  ', '- - -', '***', '___', '* * *']),
  (r) => `${r.pick(['- ', '* ', '+ ', '1. ', '2) ', '10. ', '-   ', '1.\t'])}${hostileLine(r, 4)}`,
  (r) => `${r.pick(['  ', '    ', '   ', '\t', ' \t'])}${r.pick(['- ', '# ', '', '> ', '1. '])}${hostileLine(r, 4)}`,
  (r) => `${r.pick(['> ', '>', '> > ', '>\t', ' > '])}${r.pick(['', '# ', '## ', '- ', '```'])}${hostileLine(r, 4)}`,
  (r) => r.pick(['```', '```js', '~~~', '````', '``` `x`', '  ```']),
  (r) => `    ${hostileLine(r, 3)}`,
  (r) => r.pick(['<div>', '</div>', '<!-- note', '-->', '<pre>', '</pre>', '<b>bold</b> text', '<?php', '<![CDATA[', '<!DOCTYPE html>', '<br/>', '<span class="x">']),
  (r) => r.pick(['| a | b |', '|---|---|', 'a | b', '-|-', '| --- |', '| x |', ':--|--:']),
  (r) => (r.chance(0.3) ? r.pick(['[ref]: http://example.com', '[ref]: <x y> "title"', '[x]:', '[ ]: /u']) : hostileLine(r)),
  (r) => `- [${r.pick([' ', 'x'])}] ${hostileLine(r, 3)}`,
  // Lines readers disagree about (issue 9's "[x]: http://x", "-", "   ```") and raw HTML left open (issue 10).
  (r) => r.pick(['[x]: http://x', '[x]:', '-', '   ```', '> ```', '1. ~~~', '<details>', '<s>', '<a id="e3">', '<h1>', '<!--', '<pre>']),
  () => '',
  () => '',
];

/** A note body: Markdown with headings of every kind among lists, quotes, code and HTML. */
export function hostileBody(random: Random, maxLines = 12): string {
  const lines: string[] = [];
  const count = 1 + random.int(maxLines);
  for (let i = 0; i < count; i++) lines.push(random.pick(BODY_LINES)(random));
  return lines.join(random.chance(0.1) ? '\r\n' : '\n');
}
