/**
 * The app's preferences (theme, text size, reading width, library shown), kept in
 * one small JSON file in the user-data folder so that they outlive a browser
 * profile, or a browser host started on another port.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DEFAULT_PREFERENCES, parseStoredPreferences, type Preferences } from '../shared/api';
import { ApiFailure } from './api-failure';
import { writeFileDurable } from './durable-file';
import { describeOsError } from './notebook-adapter';

export interface PreferencesStore {
  read(): Promise<Preferences>;
  /** Changes the fields given, over what is kept now (another window may have changed others). */
  change(fields: Partial<Preferences>): Promise<Preferences>;
}

/** What the file keeps; none yet, or unreadable: `fallback` (what this session chose), and the next change writes a good file. */
async function readKept(file: string, fallback: Preferences): Promise<Preferences> {
  try {
    return parseStoredPreferences(await readFile(file, 'utf8'));
  } catch {
    return fallback;
  }
}

/** Kept in `file`; without one (the CLI, tests), only in memory. */
export function preferencesStore(file?: string): PreferencesStore {
  let memory = DEFAULT_PREFERENCES;
  let writes: Promise<unknown> = Promise.resolve();
  return {
    async read() {
      if (!file) return memory;
      await writes;
      return readKept(file, memory);
    },
    change(fields) {
      if (!file) return Promise.resolve((memory = { ...memory, ...fields }));
      // One change at a time, each over the last one kept: the last change wins on disk as on screen.
      const done = writes.then(async () => {
        const next = (memory = { ...(await readKept(file, memory)), ...fields });
        try {
          await mkdir(dirname(file), { recursive: true }); // a browser host's first start has no folder yet
          await writeFileDurable(file, `${JSON.stringify(next, null, 2)}\n`);
        } catch (error) {
          throw new ApiFailure('storage', `Leadline could not keep this view setting in ${file} (${describeOsError(error)}). It applies until you close the app; free some space or fix the folder's permissions to keep it.`);
        }
        return next;
      });
      writes = done.catch(() => undefined);
      return done;
    },
  };
}
