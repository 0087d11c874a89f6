/**
 * A record's version: a digest of its content, for the preconditions undo and redo
 * patches carry. Content, not a timestamp: two edits in one millisecond differ, and a
 * record restored to an earlier state gets that state's version back.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same record always gives the same text whatever built it. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function recordVersion(record: object): string {
  return createHash('sha1').update(canonicalJson(record)).digest('hex');
}
