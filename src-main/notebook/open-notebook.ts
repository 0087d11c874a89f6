import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { emptyNotebook } from '../shared/model';
import { seedNotebook } from './articles';
import { openNotebookStore, type NotebookStore, type Recovery } from './store';

export const BUNDLED_ARTICLE_FILE = 'articles/putin-wants-syria-to-return-the-favor.txt';

/**
 * How the desktop app and the browser host open a notebook: a missing file starts
 * from the bundled article; a damaged one is moved aside (never overwritten) so the
 * user can restore a backup or start over (`recover`, the user's choice).
 */
export function notebookOpener(notebookPath: string, resourcesDir: string): (recover?: Recovery) => Promise<NotebookStore> {
  return async (recover) => {
    // The bundled article is read only for a new notebook: an existing one must open without it.
    const seed = existsSync(notebookPath) ? emptyNotebook() : await seedNotebook(join(resourcesDir, BUNDLED_ARTICLE_FILE));
    return openNotebookStore({ path: notebookPath, seed: () => seed, onCorrupt: 'move-aside', ...(recover ? { recover } : {}) });
  };
}
