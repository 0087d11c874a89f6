/**
 * The headless suggestions' logic, with its I/O passed in so it is tested without a terminal:
 * `npm run suggest -- FILE` reads a .txt, .md or .html article as the importer reads it and
 * prints each suggested lead as one JSON object per line, offsets into its canonical text.
 */
import { importFile } from '../notebook/import/import-file';
import { describeOsError } from '../notebook/notebook-adapter';
import { suggestLeads } from '../notebook/suggest/suggest';
import { parseFlagsAndPaths } from './flags';

export interface SuggestCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
}

export const SUGGEST_USAGE = `Usage: npm run suggest -- FILE

  FILE     an article: .txt, .md/.markdown or .html/.htm (a page saved from a browser)
  --help   show this message

Prints one JSON object per line for each suggested lead, in reading order:
{"kind","quote","start","end","source","lead"}. kind is attributed-claim,
unnamed-source, figure or hedge; start and end are offsets (UTF-16 code units) into
the article's text as Leadline shows it; source is null when the text names none.`;

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

export async function runSuggestCli(argv: string[], io: SuggestCliIo): Promise<number> {
  const fail = (message: string, code: number): number => (io.stderr(`leadline suggest: ${message.replace(/\s*\n\s*/g, ' ')}\n`), code);
  const parsed = parseFlagsAndPaths(argv, { help: 'boolean' });
  if (!parsed.ok) return fail(`${parsed.error} (see --help)`, EXIT_USAGE);
  if (parsed.values.help) {
    io.stdout(`${SUGGEST_USAGE}\n`);
    return 0;
  }
  if (parsed.paths.length !== 1) return fail('give exactly one article file (see --help)', EXIT_USAGE);
  const path = parsed.paths[0]!;

  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    return fail(`"${path}" cannot be read (${describeOsError(error)}); check the path and try again.`, EXIT_FAILURE);
  }
  const imported = importFile({ fileName: path, bytes, now: new Date() });
  if (!imported.ok) return fail(imported.error.message, EXIT_FAILURE);
  for (const { kind, quote, start, end, source, lead } of suggestLeads(imported.article.document)) {
    io.stdout(`${JSON.stringify({ kind, quote, start, end, source, lead })}\n`);
  }
  return 0;
}
