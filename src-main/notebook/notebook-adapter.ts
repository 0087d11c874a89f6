/**
 * The lowdb adapter for a notebook file.
 *
 * The file is the notebook's snapshot: the notebook's JSON plus `journalSeq`, the last
 * journal entry it holds (see journal.ts); the changes after it are in the journal.
 *
 * read  = read bytes → parse JSON → check version → migrate → validate with NotebookSchema.
 *         A missing file reads as null (lowdb's "no data yet"); every other problem throws
 *         a NotebookLoadFailure that says exactly what is wrong, so the store can refuse
 *         or move the file aside instead of ever overwriting it.
 * write = serialize → writeFileDurable (temp + fsync + rename + dir fsync).
 */
import type { Adapter } from 'lowdb';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { NotebookSchema, SCHEMA_VERSION, type Notebook } from '../shared/model';
import { errorCode, nodeFs, writeFileDurable, type NotebookFs } from './durable-file';
import { detectVersion, migrate } from './migrations';

export type LoadProblem = 'is-directory' | 'unreadable' | 'not-json' | 'invalid' | 'newer-version';

/** Why a notebook file could not be loaded; `detail` is a short plain-English clause. */
export class NotebookLoadFailure extends Error {
  constructor(
    readonly problem: LoadProblem,
    readonly detail: string,
    readonly code?: string,
  ) {
    super(detail);
    this.name = 'NotebookLoadFailure';
  }
}

/** What the notebook file holds: the notebook as of journal entry `journalSeq`. */
export interface Snapshot {
  notebook: Notebook;
  journalSeq: number;
}

export interface LoadedNotebook extends Snapshot {
  /** The file's bytes are exactly the ones the journal's header names (see SnapshotSum). */
  matchesHeader?: boolean;
  /** The schema version the file had, when it was older than SCHEMA_VERSION. */
  migratedFrom?: number;
}

/**
 * Serialization: 1-space indentation. The bulk of a notebook is the article text (one
 * JSON string), so indentation costs little (see the size test in notebook-adapter.test.ts)
 * while the file stays diffable and readable when someone has to inspect or repair it.
 */
export function serializeNotebook(notebook: Notebook, journalSeq = 0): string {
  // journalSeq right after the version, so that a reader of the file sees both first.
  const { schemaVersion, ...rest } = notebook;
  return `${JSON.stringify({ schemaVersion, journalSeq, ...rest }, null, 1)}\n`;
}

/** A notebook's outline: its fields, lists and UI state, records unchecked (for a trusted snapshot). */
const NotebookOutlineSchema = NotebookSchema.extend({ articles: z.array(z.object({})), excerpts: z.array(z.object({})), notes: z.array(z.object({})) });

/** Takes `journalSeq` off the file's top level (absent before schema version 3: 0). */
function splitJournalSeq(raw: unknown): { doc: unknown; journalSeq: number } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('journalSeq' in raw)) return { doc: raw, journalSeq: 0 };
  const { journalSeq, ...doc } = raw;
  if (typeof journalSeq !== 'number' || !Number.isSafeInteger(journalSeq) || journalSeq < 0) {
    throw new NotebookLoadFailure('invalid', `journalSeq is ${JSON.stringify(journalSeq)}, not a whole number`);
  }
  return { doc, journalSeq };
}

/**
 * The size and CRC-32 of a snapshot as this writer produced it. The journal's first line
 * names them (journal.ts), so that opening can skip validating a large file record by
 * record when its bytes are exactly the ones written from validated data.
 */
export interface SnapshotSum {
  bytes: number;
  crc32: string;
}

export function sumOf(data: string | Buffer): SnapshotSum {
  return { bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length, crc32: crc32(data).toString(16).padStart(8, '0') };
}

/**
 * Parses, migrates and validates notebook JSON text. Throws NotebookLoadFailure.
 * `trusted`: the text is a snapshot this app wrote from validated data (its checksum
 * matched), so the schema check of every record is skipped.
 */
export function parseNotebook(text: string, { trusted = false }: { trusted?: boolean } = {}): LoadedNotebook {
  let raw: unknown;
  try {
    // A BOM is what some Windows editors add on save; it is not a reason to reject the file.
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const why = text.trim() === '' ? 'the file is empty' : `it is not valid JSON (${(error as Error).message})`;
    throw new NotebookLoadFailure('not-json', why);
  }
  const { doc, journalSeq } = splitJournalSeq(raw);
  const version = detectVersion(doc);
  if (version.kind === 'bad') throw new NotebookLoadFailure('invalid', version.detail);
  if (version.kind === 'newer') {
    throw new NotebookLoadFailure(
      'newer-version',
      `it was saved by a newer version of Leadline (schema version ${version.version}; this version reads up to ${SCHEMA_VERSION})`,
    );
  }
  // The checksum vouches for bytes written from data that passed the schema when it was
  // committed: the records are not checked again, only the notebook's outline.
  if (trusted && version.version === SCHEMA_VERSION && NotebookOutlineSchema.safeParse(doc).success) return { notebook: doc as Notebook, journalSeq };
  const migrated = version.version < SCHEMA_VERSION ? migrate(doc as Record<string, unknown>, version.version) : doc;
  const result = NotebookSchema.safeParse(migrated);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
    const more = result.error.issues.length > 3 ? ` and ${result.error.issues.length - 3} more problems` : '';
    throw new NotebookLoadFailure('invalid', `it does not have the shape of a Leadline notebook (${issues.join('; ')}${more})`);
  }
  return version.version < SCHEMA_VERSION ? { notebook: result.data, journalSeq, migratedFrom: version.version } : { notebook: result.data, journalSeq };
}

/** What the journal says the snapshot should be: trusted if its bytes match exactly. */
export interface ExpectedSnapshot extends SnapshotSum {
  seq: number;
}

/** Reads and loads a notebook file; resolves null when the file does not exist. */
export async function loadNotebookFile(path: string, fs: NotebookFs = nodeFs, expected?: ExpectedSnapshot): Promise<LoadedNotebook | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw new NotebookLoadFailure('is-directory', 'it is a folder, not a file', code);
    throw new NotebookLoadFailure('unreadable', `it cannot be read (${describeOsError(error)})`, code);
  }
  const sum = expected && bytes.length === expected.bytes ? sumOf(bytes) : undefined;
  const matchesHeader = sum !== undefined && sum.crc32 === expected?.crc32;
  return { ...parseNotebook(bytes.toString('utf8'), { trusted: matchesHeader }), matchesHeader };
}

/** The adapter lowdb drives. `lastLoad` tells the store whether the file was migrated. */
export class NotebookAdapter implements Adapter<Snapshot> {
  lastLoad: LoadedNotebook | null = null;
  /** Set before read(): what the journal's header says the file holds. */
  expected: ExpectedSnapshot | undefined;
  /** After write(): the size and checksum of the bytes written. */
  lastWritten: SnapshotSum | undefined;

  constructor(
    readonly path: string,
    private readonly fs: NotebookFs = nodeFs,
  ) {}

  async read(): Promise<Snapshot | null> {
    this.lastLoad = await loadNotebookFile(this.path, this.fs, this.expected);
    return this.lastLoad ? { notebook: this.lastLoad.notebook, journalSeq: this.lastLoad.journalSeq } : null;
  }

  write(data: Snapshot): Promise<void> {
    // Serialize synchronously, before any await: the bytes written are exactly the data
    // passed in, even if the caller commits newer data while this write is in flight.
    const text = serializeNotebook(data.notebook, data.journalSeq);
    this.lastWritten = sumOf(text);
    return writeFileDurable(this.path, text, this.fs);
  }
}

/** "disk full (ENOSPC)" — the OS reason in words a researcher can act on, plus the code. */
export function describeOsError(error: unknown): string {
  const code = errorCode(error);
  const words: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'the operation is not permitted',
    EROFS: 'the disk is read-only',
    EIO: 'a disk input/output error',
    ENOENT: 'there is no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'it is a folder',
    EBUSY: 'the file is in use',
    EMFILE: 'too many files are open',
  };
  if (code && words[code]) return `${words[code]}, ${code}`;
  return error instanceof Error ? error.message : String(error);
}
