import { basename } from 'node:path';

/** A notebook's name as the user sees it: its file name without .json. */
export function notebookName(notebookPath: string): string {
  return basename(notebookPath).replace(/\.json$/i, '');
}

/**
 * The window's title names the article and the notebook: the page says
 * "<article> — Leadline" (the browser host shows that alone), the desktop adds the notebook.
 */
export function windowTitle(pageTitle: string, notebookPath: string): string {
  // While the window is parked during a switch, Chromium titles the blank page with its address.
  const article = pageTitle.startsWith('about:') ? '' : pageTitle.replace(/\s*—\s*Leadline\s*$/, '').trim();
  const notebook = notebookName(notebookPath);
  return article && article !== 'Leadline' ? `${article} — ${notebook} — Leadline` : `${notebook} — Leadline`;
}

/** About Leadline: what runs, and where its notebook and data are. */
export function aboutDetail(facts: { notebookPath: string; userData: string; versions: { electron?: string; chrome?: string; node?: string } }): string {
  const { electron, chrome, node } = facts.versions;
  return [
    'An offline research notebook. Your notes stay on this computer.',
    '',
    `Notebook: ${facts.notebookPath}`,
    `Data folder: ${facts.userData}`,
    '',
    `Electron ${electron ?? '?'} · Chromium ${chrome ?? '?'} · Node ${node ?? '?'}`,
  ].join('\n');
}
