/**
 * Whether a file the user chose may be opened (or made) as a notebook. Opening moves a
 * damaged notebook aside, so a file that is not a notebook at all — someone's
 * package.json, a note — is refused here, untouched, rather than "recovered".
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { journalPathFor } from '../notebook/journal';
import { recoveryPathFor } from '../notebook/recovery';

export type Choice = { ok: true } | { ok: false; message: string };

/** How far into the file its schemaVersion must show (the snapshot writes it first). */
const HEAD_BYTES = 4096;

function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/** A file Open Notebook… may open: a notebook, or what is left of one (its journal, or a pending recovery). */
export function checkNotebookToOpen(path: string): Choice {
  const name = basename(path);
  if (existsSync(journalPathFor(path)) || existsSync(recoveryPathFor(path))) return { ok: true };
  let text: string;
  try {
    if (!statSync(path).isFile()) return { ok: false, message: `“${name}” is a folder, not a notebook file. Nothing was opened.` };
    text = head(path);
  } catch (error) {
    return { ok: false, message: `Leadline could not read “${name}” (${(error as NodeJS.ErrnoException).code ?? String(error)}). Nothing was opened.` };
  }
  if (/^\s*\{[\s\S]*"schemaVersion"\s*:/.test(text)) return { ok: true };
  return {
    ok: false,
    message: `“${name}” is not a Leadline notebook, so it was not opened (and not changed). Choose a notebook file, use File → New Notebook… to start one, or File → Import… to add a text to this notebook.`,
  };
}

/** A path New Notebook… may make a notebook at: nothing is there yet, not even what is left of a notebook. */
export function checkNewNotebook(path: string): Choice {
  if (![path, journalPathFor(path), recoveryPathFor(path)].some((p) => existsSync(p))) return { ok: true };
  return {
    ok: false,
    message: `“${basename(path)}” already exists, and Leadline does not overwrite a file with a new notebook. Choose another name, or open it with File → Open Notebook….`,
  };
}

/** The notebook file a save dialog's answer names: `.json` added when the user left it off. */
export function notebookFileName(path: string): string {
  return /\.json$/i.test(path) ? path : `${path}.json`;
}
