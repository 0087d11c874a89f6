/**
 * Schema migrations for the notebook file.
 *
 * How it works: `MIGRATIONS[n]` turns a version-n document into a version-(n+1)
 * document. Loading runs every step from the file's version up to SCHEMA_VERSION, and
 * only then validates against the current NotebookSchema — so a migration only has to
 * know its own two neighbouring shapes.
 *
 * To bump the schema: raise SCHEMA_VERSION in shared/model.ts, append ONE function
 * here, and add a fixture for the old version in migrations.test.ts. The test suite
 * checks that MIGRATIONS.length === SCHEMA_VERSION and migrates a fixture of EVERY
 * older version to the current one, so a missing step cannot slip through.
 *
 * Migrations receive parsed JSON of unknown quality: they must not throw on odd input
 * (the final validation reports it) and must not mutate their argument.
 *
 * Version history
 * - v0 (legacy, before versioning; `schemaVersion` is 0 or absent): like v1 but with no
 *   `ui` object, and lead notes may lack `status`.
 * - v1: `ui` is required ({ scroll: {} } by default); every lead has a `status`
 *   (missing → 'open').
 * - v2: the library. Articles may be Markdown or web pages (with their `document`), keep
 *   earlier `versions`; `ui.openedAt` says when each was last opened; a source may have a
 *   `byline`; an excerpt may carry `review` after its article's text was updated. Nothing of v1 changes shape: the
 *   step only raises the number, so that an older Leadline refuses the file as newer
 *   instead of finding unknown fields and calling it damaged.
 * - v3: the journal. The file is a snapshot with `journalSeq` on its top level, and the
 *   changes made after it are in `<file>.journal` (see journal.ts). An older Leadline would
 *   read the snapshot without the journal, so the number goes up and it refuses instead.
 * - v4: suggested leads. `dismissals` lists the suggestions the user dismissed, per article
 *   (absent before: none were). An older Leadline would drop them on its next save, so the
 *   number goes up and it refuses the file instead.
 */
import { SCHEMA_VERSION } from '../shared/model';

type Json = Record<string, unknown>;
export type Migration = (doc: Json) => Json;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** v0 → v1: add the `ui` state; give status-less leads the default status 'open'. */
function v0ToV1(doc: Json): Json {
  const notes = Array.isArray(doc.notes)
    ? doc.notes.map((note: unknown) =>
        isObject(note) && note.kind === 'lead' && note.status === undefined ? { ...note, status: 'open' } : note,
      )
    : doc.notes;
  return { ...doc, schemaVersion: 1, notes, ui: isObject(doc.ui) ? doc.ui : { scroll: {} } };
}

/** v1 → v2: new optional fields only. */
function v1ToV2(doc: Json): Json {
  return { ...doc, schemaVersion: 2 };
}

/** v2 → v3: the notebook keeps its shape; the snapshot's `journalSeq` lives outside it (notebook-adapter.ts). */
function v2ToV3(doc: Json): Json {
  return { ...doc, schemaVersion: 3 };
}

/** v3 → v4: no suggestion was dismissed yet. */
function v3ToV4(doc: Json): Json {
  return { ...doc, schemaVersion: 4, dismissals: doc.dismissals ?? [] };
}

/** Index n upgrades version n to n+1. Append only; never edit a released step. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1, v1ToV2, v2ToV3, v3ToV4];

export type VersionCheck =
  | { kind: 'ok'; version: number }
  | { kind: 'newer'; version: number }
  | { kind: 'bad'; detail: string };

/** Reads `schemaVersion` (absent means the pre-versioning legacy format, v0). */
export function detectVersion(doc: unknown): VersionCheck {
  if (!isObject(doc)) return { kind: 'bad', detail: 'the top level is not a JSON object' };
  const raw = doc.schemaVersion;
  if (raw === undefined) return { kind: 'ok', version: 0 };
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
    return { kind: 'bad', detail: `schemaVersion is ${JSON.stringify(raw)}, not a whole number` };
  }
  return raw > SCHEMA_VERSION ? { kind: 'newer', version: raw } : { kind: 'ok', version: raw };
}

/** Runs the migrations from `fromVersion` to SCHEMA_VERSION. The result still needs validating. */
export function migrate(doc: Json, fromVersion: number): Json {
  let current = doc;
  for (let v = fromVersion; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No migration from schema version ${v} to ${v + 1}`);
    current = step(current);
  }
  return current;
}
