/**
 * File → Open Recent: the notebooks opened lately, newest first, kept in the user-data
 * folder (recent-notebooks.json). Files gone since are dropped when the list is read.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { recoveryPathFor } from '../notebook/recovery';

export const MAX_RECENT = 10;

/** `path` first, once, and at most MAX_RECENT in all. */
export function withRecent(list: readonly string[], path: string): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, MAX_RECENT);
}

/**
 * A notebook is still there while its file is, or while it waits for the user's
 * recovery choice (its damaged file moved aside, the .recovery marker beside it).
 */
export function notebookStillThere(path: string, exists: (path: string) => boolean = existsSync): boolean {
  return exists(path) || exists(recoveryPathFor(path));
}

/** The saved list, without the notebooks that are gone; an unreadable file is an empty list. */
export function loadRecent(file: string, exists: (path: string) => boolean = existsSync): string[] {
  let saved: unknown;
  try {
    saved = (JSON.parse(readFileSync(file, 'utf8')) as { notebooks?: unknown }).notebooks;
  } catch {
    return [];
  }
  if (!Array.isArray(saved)) return [];
  const paths = saved.filter((p): p is string => typeof p === 'string' && p.length > 0);
  return [...new Set(paths)].filter((p) => notebookStillThere(p, exists)).slice(0, MAX_RECENT);
}

/** Saves the list; the menu works without it, so a refusing disk is only logged. */
export function saveRecent(file: string, list: readonly string[]): void {
  try {
    writeFileSync(file, `${JSON.stringify({ notebooks: list }, null, 1)}\n`);
  } catch (error) {
    console.warn('[leadline] could not save the list of recent notebooks:', error);
  }
}

/** A menu label: the notebook's name, then its folder (under the home folder as ~). Menus read & as a mnemonic: doubled. */
export function recentLabel(path: string, home: string): string {
  const folder = dirname(path);
  const inHome = relative(home, folder);
  const underHome = !inHome.startsWith('..') && !isAbsolute(inHome);
  const shownFolder = underHome ? join('~', inHome) : folder;
  return `${basename(path).replace(/\.json$/i, '')} — ${shownFolder}`.replace(/&/g, '&&');
}
