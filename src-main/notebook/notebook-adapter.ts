/**
 * The lowdb adapter for a notebook file.
 *
 * read  = read bytes → parse JSON → check version → migrate → validate with NotebookSchema.
 *         A missing file reads as null (lowdb's "no data yet"); every other problem throws
 *         a NotebookLoadFailure that says exactly what is wrong, so the store can refuse
 *         or move the file aside instead of ever overwriting it.
 * write = serialize → writeFileDurable (temp + fsync + rename + dir fsync).
 */
import type { Adapter } from 'lowdb';
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

export interface LoadedNotebook {
  notebook: Notebook;
  /** The schema version the file had, when it was older than SCHEMA_VERSION. */
  migratedFrom?: number;
}

/**
 * Serialization: 1-space indentation. The bulk of a notebook is the article text (one
 * JSON string), so indentation costs little (see the size test in notebook-adapter.test.ts)
 * while the file stays diffable and readable when someone has to inspect or repair it.
 */
export function serializeNotebook(notebook: Notebook): string {
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

/** Parses, migrates and validates notebook JSON text. Throws NotebookLoadFailure. */
export function parseNotebook(text: string): LoadedNotebook {
  let raw: unknown;
  try {
    // A BOM is what some Windows editors add on save; it is not a reason to reject the file.
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const why = text.trim() === '' ? 'the file is empty' : `it is not valid JSON (${(error as Error).message})`;
    throw new NotebookLoadFailure('not-json', why);
  }
  const version = detectVersion(raw);
  if (version.kind === 'bad') throw new NotebookLoadFailure('invalid', version.detail);
  if (version.kind === 'newer') {
    throw new NotebookLoadFailure(
      'newer-version',
      `it was saved by a newer version of Leadline (schema version ${version.version}; this version reads up to ${SCHEMA_VERSION})`,
    );
  }
  const migrated = version.version < SCHEMA_VERSION ? migrate(raw as Record<string, unknown>, version.version) : raw;
  const result = NotebookSchema.safeParse(migrated);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
    const more = result.error.issues.length > 3 ? ` and ${result.error.issues.length - 3} more problems` : '';
    throw new NotebookLoadFailure('invalid', `it does not have the shape of a Leadline notebook (${issues.join('; ')}${more})`);
  }
  return version.version < SCHEMA_VERSION ? { notebook: result.data, migratedFrom: version.version } : { notebook: result.data };
}

/** Reads and loads a notebook file; resolves null when the file does not exist. */
export async function loadNotebookFile(path: string, fs: NotebookFs = nodeFs): Promise<LoadedNotebook | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw new NotebookLoadFailure('is-directory', 'it is a folder, not a file', code);
    throw new NotebookLoadFailure('unreadable', `it cannot be read (${describeOsError(error)})`, code);
  }
  return parseNotebook(bytes.toString('utf8'));
}

/** The adapter lowdb drives. `lastLoad` tells the store whether the file was migrated. */
export class NotebookAdapter implements Adapter<Notebook> {
  lastLoad: LoadedNotebook | null = null;

  constructor(
    readonly path: string,
    private readonly fs: NotebookFs = nodeFs,
  ) {}

  async read(): Promise<Notebook | null> {
    this.lastLoad = await loadNotebookFile(this.path, this.fs);
    return this.lastLoad?.notebook ?? null;
  }

  write(data: Notebook): Promise<void> {
    // Serialize synchronously, before any await: the bytes written are exactly the data
    // passed in, even if the caller commits newer data while this write is in flight.
    return writeFileDurable(this.path, serializeNotebook(data), this.fs);
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
    ENOENT: 'the folder does not exist',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'it is a folder',
    EBUSY: 'the file is in use',
    EMFILE: 'too many files are open',
  };
  if (code && words[code]) return `${words[code]}, ${code}`;
  return error instanceof Error ? error.message : String(error);
}
