/**
 * Every command of the app in one table. The menu (main/menu-template.ts), the
 * renderer's key handling (keyboard.ts and the parts that handle their own keys),
 * the shortcuts dialog, tooltips and the README's keyboard table are all derived
 * from it, so a shortcut is written once. Keys are spelled as in keys.ts.
 */

import type { Preferences } from './api';
import { keyLabel, matchesKeys, type KeyPress } from './keys';

/** Who acts on a command. */
export type CommandRunner =
  /** The renderer: its key map runs it, and the menu sends it over. */
  | 'renderer'
  /** The main process (desktop only): the menu registers its keys. */
  | 'main'
  /** A part of the page with focus handles the keys itself (listed, never in the menu). */
  | 'context';

/**
 * Where a key works. `anywhere` includes text fields; `outside-text` is anywhere but a
 * text field; `article` is focus in the article's pane (its find bar too); the rest name
 * a focused part of the page, or `find-open` a time: while the find bar is open.
 */
export type KeyScope = 'anywhere' | 'outside-text' | 'article' | 'find-bar' | 'find-open' | 'card' | 'editor';

export type MenuName = 'File' | 'Edit' | 'Notes' | 'View' | 'Help';

/** Where the command sits in the menu bar: a menu, a group within it (separated), optionally a submenu. */
export interface MenuPlace {
  menu: MenuName;
  group: number;
  submenu?: string;
}

/** A preference the command sets to one of its values: the menu shows the commands of one preference as radio items, the one in force checked. */
export type PreferenceChoice = { [P in 'theme' | 'width']: { preference: P; value: Preferences[P] } }['theme' | 'width'];

/** What must hold for the command to do anything. */
export type EnabledWhen = 'always' | 'selection' | 'article';

export interface CommandSpec {
  readonly id: string;
  /** The menu item's or button's words. */
  readonly label: string;
  /** What it does, for the shortcuts dialog and the README (lower case, no full stop). */
  readonly description: string;
  readonly runs: CommandRunner;
  /** Keys on Windows and Linux, the first one shown; `macKeys` where macOS differs. */
  readonly keys?: readonly string[];
  readonly macKeys?: readonly string[];
  readonly scope?: KeyScope;
  readonly menu?: MenuPlace;
  readonly enabledWhen?: EnabledWhen;
  readonly chooses?: PreferenceChoice;
  /** Only where the desktop app runs (not in the browser host). */
  readonly desktopOnly?: boolean;
  /** Runs while a dialog is open, which keeps what it holds (others wait: the dialog owns the keyboard). */
  readonly overDialogs?: boolean;
}

export const COMMANDS = [
  // File
  { id: 'new-notebook', label: 'New Notebook…', description: 'new notebook', runs: 'main', keys: ['Mod+Shift+N'], menu: { menu: 'File', group: 1 }, desktopOnly: true },
  { id: 'open-notebook', label: 'Open Notebook…', description: 'open a notebook', runs: 'main', keys: ['Mod+Shift+O'], menu: { menu: 'File', group: 1 }, desktopOnly: true },
  { id: 'open-recent', label: 'Open Recent', description: 'open a recent notebook', runs: 'main', menu: { menu: 'File', group: 1 }, desktopOnly: true },
  { id: 'reveal-notebook', label: 'Reveal Notebook in Folder', description: 'show the notebook file in its folder', runs: 'main', menu: { menu: 'File', group: 1 }, desktopOnly: true },
  { id: 'import', label: 'Import…', description: 'import text, Markdown or saved web pages', runs: 'renderer', keys: ['Mod+O'], scope: 'anywhere', menu: { menu: 'File', group: 2 } },
  { id: 'paste-article', label: 'Paste as New Article…', description: 'paste as a new article', runs: 'renderer', keys: ['Mod+Shift+V'], scope: 'outside-text', menu: { menu: 'File', group: 2 } },
  { id: 'update-article', label: 'Update Article from File…', description: 'update the article from a newer file', runs: 'renderer', menu: { menu: 'File', group: 2 }, enabledWhen: 'article' },
  { id: 'import-annotations', label: 'Import Annotations…', description: 'import Web Annotations or Hypothesis annotations', runs: 'renderer', menu: { menu: 'File', group: 3 } },
  { id: 'export-markdown', label: 'Markdown…', description: 'export (Markdown, Obsidian, Web Annotations, leads as CSV)', runs: 'renderer', keys: ['Mod+E'], scope: 'anywhere', menu: { menu: 'File', group: 3, submenu: 'Export' } },
  { id: 'export-notebook', label: 'Whole Notebook as Markdown…', description: 'export the whole notebook as Markdown', runs: 'renderer', menu: { menu: 'File', group: 3, submenu: 'Export' } },
  { id: 'export-w3c', label: 'Web Annotations (JSON-LD)…', description: 'export Web Annotations', runs: 'renderer', menu: { menu: 'File', group: 3, submenu: 'Export' } },
  { id: 'export-csv', label: 'Export Leads as CSV…', description: 'export the leads as CSV', runs: 'renderer', menu: { menu: 'File', group: 3 } },
  { id: 'restore-backup', label: 'Restore Backup…', description: 'restore a backup of the notebook', runs: 'renderer', menu: { menu: 'File', group: 4 } },

  // Edit
  { id: 'undo', label: 'Undo', description: 'undo (create, edit, link, unlink, delete, status)', runs: 'renderer', keys: ['Mod+Z'], scope: 'outside-text', menu: { menu: 'Edit', group: 1 } },
  { id: 'redo', label: 'Redo', description: 'redo', runs: 'renderer', keys: ['Mod+Shift+Z', 'Mod+Y'], macKeys: ['Mod+Shift+Z'], scope: 'outside-text', menu: { menu: 'Edit', group: 1 } },
  { id: 'find-in-article', label: 'Find in Article…', description: 'find in the article', runs: 'renderer', keys: ['Mod+F'], scope: 'article', menu: { menu: 'Edit', group: 2 }, enabledWhen: 'article' },
  { id: 'find', label: 'Search Notes', description: 'search the notes (the second key only outside the article)', runs: 'renderer', keys: ['Mod+Shift+F', 'Mod+F'], scope: 'anywhere', menu: { menu: 'Edit', group: 2 } },

  // Notes
  { id: 'annotate', label: 'Annotate Selection', description: 'annotate the selection', runs: 'renderer', keys: ['Mod+Shift+A'], scope: 'anywhere', menu: { menu: 'Notes', group: 1 }, enabledWhen: 'selection' },
  { id: 'add-lead', label: 'Add Lead from Selection', description: 'add a lead from the selection', runs: 'renderer', keys: ['Mod+Shift+L'], scope: 'anywhere', menu: { menu: 'Notes', group: 1 }, enabledWhen: 'selection' },
  { id: 'link-to-note', label: 'Link Selection to Note…', description: 'link the selection to an existing note', runs: 'renderer', keys: ['Mod+Shift+K'], scope: 'anywhere', menu: { menu: 'Notes', group: 1 }, enabledWhen: 'selection' },
  { id: 'highlight', label: 'Highlight Selection', description: 'highlight the selection (no note)', runs: 'renderer', keys: ['Mod+Shift+H'], scope: 'anywhere', menu: { menu: 'Notes', group: 1 }, enabledWhen: 'selection' },
  { id: 'next-highlight', label: 'Next Highlight', description: 'next highlight; the keyboard goes to its note', runs: 'renderer', keys: ['F8'], scope: 'outside-text', menu: { menu: 'Notes', group: 2 }, enabledWhen: 'article' },
  { id: 'previous-highlight', label: 'Previous Highlight', description: 'previous highlight; the keyboard goes to its note', runs: 'renderer', keys: ['Shift+F8'], scope: 'outside-text', menu: { menu: 'Notes', group: 2 }, enabledWhen: 'article' },

  // Choosing a passage with the keyboard, the article focused (reader/sentence-cursor.ts)
  { id: 'next-sentence', label: 'Next Sentence', description: 'choose the next sentence (the first in view to begin)', runs: 'context', keys: ['ArrowDown'], scope: 'article' },
  { id: 'previous-sentence', label: 'Previous Sentence', description: 'choose the previous sentence', runs: 'context', keys: ['ArrowUp'], scope: 'article' },
  { id: 'extend-down', label: 'Extend Down', description: 'grow the choice by the next sentence (or shrink it from the top)', runs: 'context', keys: ['Shift+ArrowDown'], scope: 'article' },
  { id: 'extend-up', label: 'Extend Up', description: 'shrink the choice by its last sentence (or grow it upward)', runs: 'context', keys: ['Shift+ArrowUp'], scope: 'article' },
  { id: 'word-on', label: 'End a Word On', description: 'move the end of the choice a word on', runs: 'context', keys: ['Alt+Shift+ArrowRight'], scope: 'article' },
  { id: 'word-back', label: 'End a Word Back', description: 'move the end of the choice a word back', runs: 'context', keys: ['Alt+Shift+ArrowLeft'], scope: 'article' },
  { id: 'clear-selection', label: 'Clear Selection', description: 'drop the selection in the article', runs: 'context', keys: ['Escape'], scope: 'outside-text' },


  // Find in the article (reader/FindBar.tsx)
  { id: 'find-next', label: 'Next Match', description: 'next match', runs: 'context', keys: ['Enter'], scope: 'find-bar' },
  { id: 'find-previous', label: 'Previous Match', description: 'previous match', runs: 'context', keys: ['Shift+Enter'], scope: 'find-bar' },
  { id: 'find-close', label: 'Close Find', description: 'close find, the current match selected', runs: 'context', keys: ['Escape'], scope: 'find-bar' },
  { id: 'find-again', label: 'Find Again', description: 'next match', runs: 'context', keys: ['F3'], scope: 'find-open' },
  { id: 'find-again-back', label: 'Find Again Backwards', description: 'previous match', runs: 'context', keys: ['Shift+F3'], scope: 'find-open' },

  // The notes pane (a note card focused)
  { id: 'next-card', label: 'Next Card', description: 'next note card', runs: 'context', keys: ['ArrowDown'], scope: 'card' },
  { id: 'previous-card', label: 'Previous Card', description: 'previous note card', runs: 'context', keys: ['ArrowUp'], scope: 'card' },
  { id: 'first-card', label: 'First Card', description: 'first note card', runs: 'context', keys: ['Home'], scope: 'card' },
  { id: 'last-card', label: 'Last Card', description: 'last note card', runs: 'context', keys: ['End'], scope: 'card' },
  { id: 'edit-card', label: 'Edit Note', description: 'edit the focused note', runs: 'context', keys: ['Enter'], scope: 'card' },
  { id: 'show-excerpts', label: 'Show Excerpts', description: 'show the focused note’s excerpts in the article', runs: 'context', keys: ['Space'], scope: 'card' },
  { id: 'delete-card', label: 'Delete Note', description: 'delete the focused note', runs: 'context', keys: ['Delete'], macKeys: ['Backspace', 'Delete'], scope: 'card' },
  { id: 'stop-editing', label: 'Stop Editing', description: 'stop editing (the note is saved)', runs: 'context', keys: ['Escape', 'Mod+Enter'], scope: 'editor' },

  // View
  { id: 'toggle-library', label: 'Library', description: 'show or hide the library', runs: 'renderer', keys: ['Mod+Shift+B'], scope: 'anywhere', menu: { menu: 'View', group: 1 } },
  { id: 'show-leads', label: 'Leads Across the Library…', description: 'list the leads of every article', runs: 'renderer', menu: { menu: 'View', group: 1 } },
  { id: 'view-settings', label: 'Appearance…', description: 'theme, text size and reading width', runs: 'renderer', menu: { menu: 'View', group: 2 } },
  { id: 'theme-system', label: 'As the System', description: 'colours as the system', runs: 'renderer', menu: { menu: 'View', group: 2, submenu: 'Theme' }, chooses: { preference: 'theme', value: 'system' } },
  { id: 'theme-light', label: 'Light', description: 'light colours', runs: 'renderer', menu: { menu: 'View', group: 2, submenu: 'Theme' }, chooses: { preference: 'theme', value: 'light' } },
  { id: 'theme-dark', label: 'Dark', description: 'dark colours', runs: 'renderer', menu: { menu: 'View', group: 2, submenu: 'Theme' }, chooses: { preference: 'theme', value: 'dark' } },
  { id: 'text-larger', label: 'Larger Text', description: 'larger text', runs: 'renderer', keys: ['Mod+=', 'Mod+Plus'], scope: 'anywhere', menu: { menu: 'View', group: 3 }, overDialogs: true },
  { id: 'text-smaller', label: 'Smaller Text', description: 'smaller text', runs: 'renderer', keys: ['Mod+-'], scope: 'anywhere', menu: { menu: 'View', group: 3 }, overDialogs: true },
  { id: 'text-reset', label: 'Actual Size', description: 'text at its usual size', runs: 'renderer', keys: ['Mod+0'], scope: 'anywhere', menu: { menu: 'View', group: 3 }, overDialogs: true },
  { id: 'width-narrow', label: 'Narrow', description: 'narrow reading column', runs: 'renderer', menu: { menu: 'View', group: 3, submenu: 'Reading Width' }, chooses: { preference: 'width', value: 'narrow' } },
  { id: 'width-medium', label: 'Medium', description: 'medium reading column', runs: 'renderer', menu: { menu: 'View', group: 3, submenu: 'Reading Width' }, chooses: { preference: 'width', value: 'medium' } },
  { id: 'width-wide', label: 'Wide', description: 'wide reading column', runs: 'renderer', menu: { menu: 'View', group: 3, submenu: 'Reading Width' }, chooses: { preference: 'width', value: 'wide' } },

  // Help
  { id: 'show-shortcuts', label: 'Keyboard Shortcuts', description: 'this list of shortcuts', runs: 'renderer', keys: ['?'], scope: 'outside-text', menu: { menu: 'Help', group: 1 } },
  { id: 'about', label: 'About Leadline', description: 'version, notebook and data folder', runs: 'main', menu: { menu: 'Help', group: 2 }, desktopOnly: true },

  // Not in the menu: a link from outside (leadline://) for the renderer to follow, even behind a dialog: the user asked for it just now.
  { id: 'open-link', label: 'Open Link', description: 'open a leadline:// link', runs: 'renderer', overDialogs: true },
] as const satisfies readonly CommandSpec[];

export type Command = (typeof COMMANDS)[number];
export type CommandId = Command['id'];
/** What the menu may send the renderer (the IPC command channel's payload). */
export type RendererCommandId = Extract<Command, { runs: 'renderer' }>['id'];
/** What the main process does itself. */
export type MainCommandId = Extract<Command, { runs: 'main' }>['id'];

const byId = new Map<string, CommandSpec>(COMMANDS.map((command) => [command.id, command]));

export function command(id: CommandId): CommandSpec {
  return byId.get(id)!;
}

export function isRendererCommand(id: unknown): id is RendererCommandId {
  return typeof id === 'string' && byId.get(id)?.runs === 'renderer';
}

/** The command's keys on this platform, the first the one to show. */
export function keysOf(spec: CommandSpec, mac: boolean): readonly string[] {
  return (mac ? spec.macKeys : undefined) ?? spec.keys ?? [];
}

/** `Ctrl+Shift+Z / Ctrl+Y`, or '' for a command without keys. */
export function shortcutLabel(id: CommandId, mac: boolean): string {
  return keysOf(command(id), mac)
    .map((keys) => keyLabel(keys, mac))
    .join(' / ');
}

/** A button's tooltip: its words and, when it has one, its shortcut. */
export function tooltip(id: CommandId, mac: boolean, words: string = command(id).label): string {
  const keys = shortcutLabel(id, mac);
  return keys ? `${words} (${keys})` : words;
}

/** Whether a key press is one of the command's keys (for the parts of the page that handle their own). */
export function isCommandKey(id: CommandId, press: KeyPress, mac: boolean): boolean {
  return keysOf(command(id), mac).some((keys) => matchesKeys(keys, press));
}

/** Where the focus is when a key is pressed. */
export interface KeyContext {
  inTextField: boolean;
  inArticle: boolean;
}

export function inScope(scope: KeyScope | undefined, where: KeyContext): boolean {
  if (scope === 'anywhere') return true;
  if (scope === 'outside-text') return !where.inTextField;
  if (scope === 'article') return where.inArticle;
  return false;
}

/** The renderer command a key press asks for, or null: the first in the table whose keys and scope fit. */
export function commandForKeyPress(press: KeyPress, where: KeyContext, mac: boolean): RendererCommandId | null {
  for (const spec of COMMANDS) {
    if (spec.runs === 'renderer' && inScope('scope' in spec ? spec.scope : undefined, where) && isCommandKey(spec.id, press, mac)) return spec.id;
  }
  return null;
}
