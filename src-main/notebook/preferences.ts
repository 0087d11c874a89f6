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
  write(next: Preferences): Promise<Preferences>;
}

/** Kept in `file`; without one (the CLI, tests), only in memory. */
export function preferencesStore(file?: string): PreferencesStore {
  let memory = DEFAULT_PREFERENCES;
  let writes: Promise<unknown> = Promise.resolve();
  return {
    async read() {
      if (!file) return memory;
      await writes;
      try {
        return parseStoredPreferences(await readFile(file, 'utf8'));
      } catch {
        return memory; // none yet, or unreadable: what this session chose, and the next change writes a good file
      }
    },
    write(next) {
      memory = next;
      if (!file) return Promise.resolve(next);
      // One write at a time, in order: the last change wins on disk as on screen.
      // The folder may not exist yet (a browser host's first start).
      const done = writes.then(async () => {
        await mkdir(dirname(file), { recursive: true });
        await writeFileDurable(file, `${JSON.stringify(next, null, 2)}\n`);
      });
      writes = done.catch(() => undefined);
      return done.then(
        () => next,
        (error: unknown) => {
          throw new ApiFailure('storage', `Leadline could not keep this view setting in ${file} (${describeOsError(error)}). It applies until you close the app; free some space or fix the folder's permissions to keep it.`);
        },
      );
    },
  };
}
