/**
 * Opening a deep link (`leadline://open?…`, or the same parameters in the browser host's
 * page address): the article, then the note or excerpt, scrolled to and flashed with the
 * reader's own navigation.
 */
import { deepLinkFromQuery, deepLinkUrl, type DeepLink } from '@shared/deep-link';
import { call } from './api/client';
import { focusNotesAt, revealExcerpts } from './reader/navigation';
import { nextPaint } from './reader/idle';
import { switchArticle } from './state/actions';
import { revealNote, showToast } from './state/ui';
import { anchors, article, excerpts, notes, workspace } from './state/workspace';

/** The link to a note of the open notebook (Copy Link on a card). */
export function noteLink(note: { articleId: string; id: string }): string {
  const path = workspace.value?.store.path;
  return deepLinkUrl({ ...(path ? { notebook: path } : {}), article: note.articleId, note: note.id });
}

export async function openDeepLink(link: DeepLink): Promise<void> {
  const ws = workspace.value;
  if (!ws) return;
  if (link.notebook !== undefined && link.notebook !== ws.store.path) {
    showToast(`This link points into another notebook (${link.notebook}); this window has ${ws.store.path} open. Start Leadline with that notebook to follow it.`, { tone: 'error' });
    return;
  }
  if (!ws.articles.some((a) => a.id === link.article)) {
    showToast('The article this link points to is not in this notebook any more.', { tone: 'error' });
    return;
  }
  if (article.value?.id !== link.article) await switchArticle(link.article);
  // The reader lays the article out before it can scroll to a place in it.
  await nextPaint();
  await nextPaint();
  const note = link.note === undefined ? undefined : notes.value.get(link.note);
  if (link.note !== undefined && !note) showToast('The note this link points to is not in this article any more.', { tone: 'error' });
  if (link.excerpt !== undefined && !excerpts.value.has(link.excerpt)) {
    showToast('The excerpt this link points to is not in this article any more.', { tone: 'error' });
    return;
  }
  if (note) revealNote(note.id);
  const shown = link.excerpt !== undefined ? [link.excerpt] : (note?.excerptIds ?? []);
  revealExcerpts(shown);
  const at = link.excerpt === undefined ? undefined : anchors.value.get(link.excerpt);
  if (!note && at) focusNotesAt(at.start);
}

/** At start: a link in the page address (browser host) or one the desktop was opened with. */
export async function openStartupLink(): Promise<void> {
  const fromAddress = deepLinkFromQuery(location.search);
  if (fromAddress) {
    // Taken once: a reload does not jump again.
    const params = new URLSearchParams(location.search);
    for (const key of ['notebook', 'article', 'excerpt', 'note']) params.delete(key);
    history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
  }
  const link = fromAddress ?? (await call('takeDeepLink', {}).catch(() => null));
  if (link) await openDeepLink(link);
}

/** The desktop forwarded a link (a second launch, or the system's handler). */
export async function openPendingLink(): Promise<void> {
  const link = await call('takeDeepLink', {}).catch(() => null);
  if (link) await openDeepLink(link);
}
