/**
 * The app's keyboard map, shared by the desktop app and the browser host. Menu
 * items in Electron show these accelerators and send the same commands.
 */
import type { AppCommand } from '@shared/api';
import { SEARCH_INPUT_ID } from './notes/FilterBar';
import { openFind } from './reader/find';
import { stepHighlight } from './reader/navigation';
import { readerSelection } from './reader/selection';
import { act } from './reader/SelectionToolbar';
import { redo, undo } from './state/actions';
import { dialog, toggleLibrary } from './state/ui';
import { article } from './state/workspace';
import { importFiles, pickFiles, updateFromFile } from './library/import-files';
import { openPendingLink } from './deep-links';

export function runCommand(command: AppCommand): void {
  // From the menu (macOS keeps menu accelerators live): in a text field, undo is the field's own.
  if ((command === 'undo' || command === 'redo') && isTextField(document.activeElement)) {
    document.execCommand(command);
    return;
  }
  // A link from outside is followed even behind an open dialog (which keeps what it holds): the user asked for it just now.
  if (command === 'open-link') return void openPendingLink();
  if (dialog.value) return; // an open dialog owns the keyboard and the menu's commands wait
  switch (command) {
    case 'annotate':
      return void act('annotate');
    case 'add-lead':
      return void act('lead');
    case 'link-to-note':
      return void act('link');
    case 'undo':
      return void undo();
    case 'redo':
      return void redo();
    case 'export-markdown':
      dialog.value = { kind: 'export', scope: 'article' };
      return;
    case 'export-notebook':
      dialog.value = { kind: 'export', scope: 'all' };
      return;
    case 'export-w3c':
      dialog.value = { kind: 'export', scope: 'article', format: 'w3c' };
      return;
    case 'export-csv':
      dialog.value = { kind: 'export', scope: 'all', format: 'csv' };
      return;
    case 'import-annotations':
      dialog.value = { kind: 'import-annotations' };
      return;
    case 'restore-backup':
      dialog.value = { kind: 'backups' };
      return;
    case 'find':
      // One key, two searches: in the article (its pane or the find bar) it finds in the text, elsewhere in the notes.
      if (document.activeElement?.closest('.reader-pane')) openFind();
      else document.getElementById(SEARCH_INPUT_ID)?.focus();
      return;
    case 'find-in-article':
      openFind();
      return;
    case 'import':
      void pickFiles(true).then(importFiles);
      return;
    case 'paste-article':
      dialog.value = { kind: 'paste' };
      return;
    case 'update-article':
      if (article.value) void updateFromFile(article.value.id);
      return;
    case 'show-leads':
      dialog.value = { kind: 'leads' };
      return;
    case 'toggle-library':
      toggleLibrary();
      return;
    case 'show-shortcuts':
      dialog.value = { kind: 'shortcuts' };
      return;
  }
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

/** Maps a key press to a command, or null. Undo/redo stay native inside text fields. */
export function commandForKey(event: KeyboardEvent): AppCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && event.shiftKey && key === 'a') return 'annotate';
  if (mod && event.shiftKey && key === 'l') return 'add-lead';
  if (mod && event.shiftKey && key === 'k') return 'link-to-note';
  if (mod && !event.shiftKey && key === 'e') return 'export-markdown';
  if (mod && !event.shiftKey && key === 'f') return 'find';
  if (mod && !event.shiftKey && key === 'o') return 'import';
  if (isTextField(event.target)) return null;
  if (mod && event.shiftKey && key === 'v') return 'paste-article';
  if (mod && ((event.shiftKey && key === 'z') || (!event.shiftKey && key === 'y'))) return 'redo';
  if (mod && !event.shiftKey && key === 'z') return 'undo';
  return null;
}

export function installKeyboard(): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    // An open dialog owns the keyboard (the native <dialog> handles Escape).
    if (dialog.value) return;
    const command = commandForKey(event);
    if (command) {
      event.preventDefault();
      runCommand(command);
      return;
    }
    if (event.key === 'Escape' && readerSelection.value && !isTextField(event.target)) {
      document.getSelection()?.removeAllRanges();
      readerSelection.value = null;
    } else if (event.key === 'F8' && !isTextField(event.target)) {
      event.preventDefault();
      stepHighlight(event.shiftKey ? -1 : 1);
    } else if (event.key === '?' && !isTextField(event.target)) {
      dialog.value = { kind: 'shortcuts' };
    }
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
