/**
 * The notebook's journal: `<notebook file>.journal` beside the snapshot, one line per
 * committed change, appended and fsynced before the commit is answered.
 *
 * A line is `<crc32 of the JSON, 8 hex digits> <JSON>\n`, the JSON being
 * `{"seq":n,"at":"<ISO time>","delta":{…}}` (see notebook-delta.ts). Sequence numbers count
 * up by one; the snapshot names the last one it already holds (`journalSeq`), so lines at
 * or below it are leftovers of a compaction that was cut short and are skipped. The first
 * line, written with each new snapshot, is a header naming that snapshot:
 * `{"snapshot":{"seq":n,"bytes":b,"crc32":"…"}}`; when the file matches it byte for byte,
 * opening trusts it without checking every record again.
 *
 * Reading is strict about what it applies and never throws on damage. Only the part after
 * the last newline can be a write cut short (its caller never heard "saved"): it is left
 * out. A complete line that fails its checksum or its schema is damage (bit rot, a bad
 * sector, an editor): replay stops there and the store keeps the journal aside instead of
 * deleting what it could not read; so do lines that do not continue the snapshot's
 * sequence. Line endings a sync tool turned into CRLF, and a byte-order mark, are read as
 * written. The header is only a hint: a damaged one is ignored, never a reason to drop entries.
 */
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { NotebookDeltaSchema, type NotebookDelta } from './notebook-delta';
import { errorCode, nodeFs, type NotebookFs } from './durable-file';
import type { ExpectedSnapshot } from './notebook-adapter';

export const JournalEntrySchema = z.strictObject({
  seq: z.number().int().positive(),
  at: z.string(),
  delta: NotebookDeltaSchema,
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

const JournalHeaderSchema = z.strictObject({
  snapshot: z.strictObject({ seq: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), crc32: z.string().regex(/^[0-9a-f]{8}$/) }),
});

export function journalPathFor(notebookPath: string): string {
  return `${notebookPath}.journal`;
}

function checksum(json: string): string {
  return crc32(json).toString(16).padStart(8, '0');
}

function encodeLine(value: object): string {
  const json = JSON.stringify(value);
  return `${checksum(json)} ${json}\n`;
}

export function encodeEntry(seq: number, at: string, delta: NotebookDelta): string {
  return encodeLine({ seq, at, delta });
}

/** The first line of a journal started with a new snapshot. */
export function encodeHeader(snapshot: ExpectedSnapshot): string {
  return encodeLine({ snapshot });
}

function decodeLine<T>(line: string, schema: z.ZodType<T>): T | null {
  const json = line.slice(9);
  if (line.charAt(8) !== ' ' || line.slice(0, 8) !== checksum(json)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The journal's complete lines (CRLF and a BOM undone) and what follows the last newline. */
function splitLines(text: string): { lines: string[]; tail: string } {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const tail = lines.pop() ?? ''; // after the last newline: '' when the file ends cleanly
  return { lines: lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)), tail };
}

/** The snapshot the journal was started with, from its first line, if it has one. */
export function journalHeader(text: string): ExpectedSnapshot | undefined {
  const first = splitLines(text).lines[0];
  return first === undefined ? undefined : (decodeLine(first, JournalHeaderSchema)?.snapshot ?? undefined);
}

/** Whether a first line is a header: a valid one, or a damaged one (a hint lost, not a change). */
function isHeaderLine(line: string | undefined): boolean {
  if (line === undefined) return false;
  return decodeLine(line, JournalHeaderSchema) !== null || (line.includes('{"snapshot":') && decodeLine(line, JournalEntrySchema) === null);
}

/** What could not be applied, if anything. */
export type JournalProblem =
  /** The last write was cut short (a crash or a full disk): that change was never confirmed. */
  | { kind: 'torn-tail' }
  /** A complete line is damaged; nothing from it on was applied. */
  | { kind: 'damaged'; line: number }
  /** The lines do not continue the snapshot (a snapshot put back by hand, or a journal of another notebook). */
  | { kind: 'mismatch'; expected: number; found: number }
  /** The header names this snapshot's sequence number but other bytes: the file was changed or replaced outside Leadline. */
  | { kind: 'other-snapshot' };

export interface JournalRead {
  /** The entries to replay, in order: seq = baseSeq + 1, baseSeq + 2, … */
  entries: JournalEntry[];
  problem?: JournalProblem;
  /** Whether the file holds anything besides its header (a compaction will reset it). */
  nonEmpty: boolean;
  /** Time of the last entry applied, for messages. */
  lastAppliedAt?: string;
}

export function parseJournal(text: string, baseSeq: number): JournalRead {
  const { lines, tail } = splitLines(text);
  const headerLines = isHeaderLine(lines[0]) ? 1 : 0;
  lines.splice(0, headerLines);
  const entries: JournalEntry[] = [];
  let problem: JournalProblem | undefined;
  let expected = baseSeq + 1;
  for (let i = 0; i < lines.length && !problem; i++) {
    const entry = decodeLine(lines[i]!, JournalEntrySchema);
    if (entry === null) {
      problem = { kind: 'damaged', line: headerLines + i + 1 };
      break;
    }
    if (entry.seq <= baseSeq) continue; // already in the snapshot
    if (entry.seq !== expected) {
      problem = { kind: 'mismatch', expected, found: entry.seq };
      break;
    }
    entries.push(entry);
    expected++;
  }
  if (!problem && tail !== '') problem = { kind: 'torn-tail' };
  const lastAppliedAt = entries.at(-1)?.at;
  return { entries, nonEmpty: lines.length > 0 || tail !== '', ...(problem ? { problem } : {}), ...(lastAppliedAt ? { lastAppliedAt } : {}) };
}

/** The journal's text; an absent journal reads as empty. */
export async function readJournalText(notebookPath: string, fs: NotebookFs = nodeFs): Promise<string> {
  try {
    return (await fs.readFile(journalPathFor(notebookPath))).toString('utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return '';
    throw error;
  }
}

/** A sentence for the user about what could not be replayed, or undefined when all was. */
export function journalNotice(problem: JournalProblem | undefined, keptAt: string | undefined): string | undefined {
  if (!problem) return undefined;
  const where = keptAt ? ` It was kept, unchanged, as "${keptAt}".` : '';
  switch (problem.kind) {
    case 'torn-tail':
      return 'Leadline stopped in the middle of saving a change last time; that one unconfirmed change was left out. Everything saved before it is here.';
    case 'damaged':
      return `Part of the notebook's change log is damaged (line ${problem.line}); the changes from there on could not be read and are missing.${where}`;
    case 'mismatch':
      return `The notebook's change log does not belong to this version of the notebook file (it continues change ${problem.found - 1}, the file ends at ${problem.expected - 1}), so it was not applied.${where}`;
    case 'other-snapshot':
      return `The notebook file was changed or replaced outside Leadline, so the change log written for the earlier file was not applied to it.${where}`;
  }
}
