/**
 * Bringing sources in: files from the picker or dropped on the window, one at a time
 * through the change queue (each import is one undo step), with progress and a cancel;
 * a source update from a newer file; a paste as a new article. The notebook core reads
 * the files: here they are only carried over as bytes.
 */
import { signal } from '@preact/signals';
import type { UpdateReport } from '@shared/api';
import { ApiCallError } from '../api/client';
import { perform, switchArticle } from '../state/actions';
import { showToast } from '../state/ui';

export const ACCEPTED_FILES = '.txt,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html';

export interface ImportProgress {
  done: number;
  total: number;
  current: string;
  cancelled: boolean;
}
export const importProgress = signal<ImportProgress | null>(null);

/** Opens the system's file picker; resolves to the chosen files (none when cancelled). */
export function pickFiles(multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPTED_FILES;
    input.multiple = multiple;
    input.addEventListener('change', () => resolve([...(input.files ?? [])]));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

/** Base64 of a file's bytes, in chunks (a 20 MB file must not blow the argument stack). */
export async function fileData(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function messageOf(error: unknown): string {
  return error instanceof ApiCallError ? error.message : String(error);
}

/** Imports files one by one; the batch can be cancelled between files. Opens the last article imported. */
export async function importFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  importProgress.value = { done: 0, total: files.length, current: files[0]!.name, cancelled: false };
  const failed: string[] = [];
  let imported = 0;
  let lastId: string | undefined;
  let known: string | undefined;
  for (const [i, file] of files.entries()) {
    if (importProgress.value?.cancelled) break;
    importProgress.value = { ...importProgress.value!, done: i, current: file.name };
    try {
      const result = await perform('import', 'importArticle', { fileName: file.name, data: await fileData(file) });
      lastId = result.articleId;
      if (result.duplicate) known = result.title;
      else imported++;
    } catch (error) {
      failed.push(messageOf(error));
    }
  }
  const cancelled = importProgress.value?.cancelled === true;
  importProgress.value = null;
  if (lastId) await switchArticle(lastId);
  const parts = [
    imported > 0 ? `Imported ${imported} article${imported === 1 ? '' : 's'}.` : '',
    known && files.length === 1 ? `“${known}” is already in the library; it is open now.` : known ? 'Some files were already in the library.' : '',
    cancelled ? 'The rest of the batch was cancelled.' : '',
    ...failed,
  ].filter(Boolean);
  if (parts.length > 0) showToast(parts.join(' '), { tone: failed.length > 0 ? 'error' : 'info' });
}

export function cancelImport(): void {
  if (importProgress.value) importProgress.value = { ...importProgress.value, cancelled: true };
}

export function describeReport(report: UpdateReport): string {
  const marked = report.moved + report.changed;
  return [
    `${report.stayed} excerpt${report.stayed === 1 ? '' : 's'} stayed`,
    `${report.moved} moved and ${report.changed} changed${marked > 0 ? ' (marked “check” on their notes)' : ''}`,
    `${report.orphaned} orphaned${report.orphaned > 0 ? ' (listed above the notes)' : ''}`,
  ].join(', ');
}

/** Replaces the open article's text with a newer version of its source; the old text is kept. */
export async function updateFromFile(articleId: string): Promise<void> {
  const [file] = await pickFiles(false);
  if (!file) return;
  try {
    const result = await perform('source update', 'updateArticle', { articleId, fileName: file.name, data: await fileData(file) });
    showToast(`Updated from “${file.name}”: ${describeReport(result.report)}. The earlier text is kept.`, { sticky: result.report.orphaned > 0 });
  } catch {
    // perform() has shown why.
  }
}

/** Makes a new article of what was pasted (the clipboard's HTML when there is some, else its text). */
export async function pasteArticle(text: string, html: string): Promise<void> {
  try {
    const result = await perform('paste', 'pasteArticle', { text, html });
    await switchArticle(result.articleId);
    showToast(result.duplicate ? `“${result.title}” is already in the library; it is open now.` : `Pasted as a new article: “${result.title}”.`);
  } catch {
    // perform() has shown why.
  }
}
