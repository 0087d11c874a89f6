/**
 * YAML front matter ("---" lines around key: value pairs at the very top, as Obsidian,
 * Jekyll and pandoc write it): cut off before the Markdown is read, its `title:` kept.
 * Only that one key is read, with a line-based match rather than a YAML parser: a title
 * is a single line in practice, and nothing else in the block is shown.
 */
import { collapseSpace } from './white-space';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const TITLE_LINE = /^title[ \t]*:[ \t]*(.*)$/m;

/** A YAML scalar on one line: quotes removed ('' is a quote in single quotes), a trailing comment dropped. */
function scalar(raw: string): string {
  const value = raw.trim();
  const double = /^"((?:[^"\\]|\\.)*)"/.exec(value);
  if (double) return double[1]!.replace(/\\(.)/g, '$1');
  const single = /^'((?:[^']|'')*)'/.exec(value);
  if (single) return single[1]!.replace(/''/g, "'");
  // A block scalar (| or >) puts the title on the lines below: not read.
  if (/^[|>]/.test(value)) return '';
  return value.replace(/\s+#.*$/, '');
}

export interface FrontMatter {
  /** The Markdown after the front matter (all of it when there is none). */
  body: string;
  title?: string;
}

export function splitFrontMatter(source: string): FrontMatter {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { body: source.replace(/^\uFEFF/, '') };
  const body = source.slice(match[0].length);
  const line = TITLE_LINE.exec(match[1] ?? '');
  const title = line ? collapseSpace(scalar(line[1]!)) : '';
  return title ? { body, title } : { body };
}
