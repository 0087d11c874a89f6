/**
 * A leadline:// link handed to the desktop app (at launch, by a second launch, or by
 * macOS): the link to open, or why it cannot be opened here, in words for a message box.
 */
import { resolve } from 'node:path';
import { parseDeepLink, type DeepLink } from '../shared/deep-link';

export type LinkRequest = { link: DeepLink } | { refused: { message: string; detail: string } };

export function linkRequest(url: string, notebookPath: string): LinkRequest {
  const link = parseDeepLink(url);
  if (!link) {
    return { refused: { message: 'Leadline cannot open this link.', detail: `${url.slice(0, 300)}\n\nA Leadline link looks like leadline://open?article=…&excerpt=….` } };
  }
  if (link.notebook !== undefined && resolve(link.notebook) !== notebookPath) {
    return {
      refused: {
        message: 'This link points into another notebook.',
        detail: `Open now: ${notebookPath}\nThe link's: ${link.notebook}\n\nOpen that notebook (File → Open Notebook…), then the link again.`,
      },
    };
  }
  return { link };
}
