/**
 * Runs the app's commands: from the keyboard (the command table, @shared/commands,
 * says which keys and where), from the menu in Electron, and from buttons. The
 * desktop app and the browser host share it.
 */
import { computed, effect } from '@preact/signals';
import type { AppCommand, MenuContext } from '@shared/api';
import { command, commandForKeyPress, isCommandKey, type CommandSpec, type PreferenceChoice } from '@shared/commands';
import { SEARCH_INPUT_ID } from './notes/FilterBar';
import { openFind } from './reader/find';
import { stepHighlight } from './reader/navigation';
import { readerSelection } from './reader/selection';
import { act } from './reader/SelectionToolbar';
import { redo, undo } from './state/actions';
import { dialog, showToast } from './state/ui';
import { choosePreference, stepTextSize, toggleLibrary } from './state/preferences';
import { article } from './state/workspace';
import { importFiles, pickFiles, updateFromFile } from './library/import-files';
import { openPendingLink } from './deep-links';
import { isMac } from './platform';

export function runCommand(command: AppCommand): void {
  // From the menu (macOS keeps menu accelerators live): in a text field, undo is the field's own.
  if ((command === 'undo' || command === 'redo') && isTextField(document.activeElement)) {
    document.execCommand(command);
    return;
  }
  if (dialog.value && !isOverDialogs(command)) return; // an open dialog owns the keyboard and the menu's commands wait
  const missing = unmet(command);
  if (missing) return showToast(missing);
  switch (command) {
    case 'annotate':
      return void act('annotate');
    case 'add-lead':
      return void act('lead');
    case 'link-to-note':
      return void act('link');
    case 'highlight':
      return void act('highlight');
    case 'next-highlight':
      return stepHighlight(1);
    case 'previous-highlight':
      return stepHighlight(-1);
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
      document.getElementById(SEARCH_INPUT_ID)?.focus();
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
    case 'view-settings':
      dialog.value = { kind: 'view' };
      return;
    case 'theme-system':
    case 'theme-light':
    case 'theme-dark':
    case 'width-narrow':
    case 'width-medium':
    case 'width-wide':
      return choosePreference(choiceOf(command));
    case 'text-larger':
      return stepTextSize(1);
    case 'text-smaller':
      return stepTextSize(-1);
    case 'text-reset':
      return stepTextSize(0);
    case 'open-link':
      return void openPendingLink();
  }
}

/** The theme or width a command chooses, from the command table (which the menu's radio items read too). */
function choiceOf(id: AppCommand): PreferenceChoice {
  const choice = command(id).chooses;
  if (!choice) throw new Error(`${id} chooses no preference`);
  return choice;
}

const isOverDialogs = (id: AppCommand): boolean => command(id).overDialogs === true;

/** What the table's `enabledWhen` asks for, now: for the keys (unmet) and the desktop menu, which greys out what cannot run. */
const hasArticle = computed(() => article.value !== null);
const hasSelection = computed(() => readerSelection.value !== null);

/** Why a command can do nothing now (its table entry's `enabledWhen`), or null when it can. */
function unmet(id: AppCommand): string | null {
  const spec: CommandSpec = command(id);
  if (spec.enabledWhen === 'selection' && !hasSelection.value) return 'Select a passage of the article first (or focus the article and choose a sentence with ↓).';
  if (spec.enabledWhen === 'article' && !hasArticle.value) return 'Open an article first: choose one in the library, or import one.';
  return null;
}

/** Tells the desktop menu whenever an article or a selection comes or goes (not on each change of the selection). */
export function reportMenuContext(report: (context: MenuContext) => void): () => void {
  return effect(() => report({ article: hasArticle.value, selection: hasSelection.value }));
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

/** The command a key press asks for, or null. Undo and redo stay the field's own inside text fields. */
export function commandForKey(event: KeyboardEvent): AppCommand | null {
  const where = { inTextField: isTextField(event.target), inArticle: event.target instanceof Element && event.target.closest('.reader-pane') !== null };
  return commandForKeyPress(event, where, isMac);
}

export function installKeyboard(): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    const command = commandForKey(event);
    // An open dialog owns the keyboard (the native <dialog> handles Escape), but for the
    // commands the table lets through (text size: Appearance's buttons name those keys).
    if (dialog.value && !(command && isOverDialogs(command))) return;
    if (command) {
      event.preventDefault();
      runCommand(command);
      return;
    }
    if (isCommandKey('clear-selection', event, isMac) && readerSelection.value && !isTextField(event.target)) {
      document.getSelection()?.removeAllRanges();
      readerSelection.value = null;
    }
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
