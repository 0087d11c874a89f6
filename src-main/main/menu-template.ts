/**
 * The application menu, as data: a pure function of the app's state, so that it is
 * tested without Electron (menu.ts builds it). Commands the renderer owns (undo,
 * export…) are sent to it; their accelerators are shown but not registered, because
 * the renderer's keyboard map handles the keys itself — the same map the browser host
 * uses. Notebook commands belong to the main process, and their keys are registered.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/api';
import { recentLabel } from './recent-notebooks';

export interface MenuState {
  platform: NodeJS.Platform;
  packaged: boolean;
  home: string;
  /** The open notebook. */
  notebookPath: string;
  /** Recently opened notebooks, newest first (the open one may be among them). */
  recent: readonly string[];
}

export interface MenuActions {
  send(command: AppCommand): void;
  newNotebook(): void;
  openNotebook(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  revealNotebook(): void;
  showAbout(): void;
}

export function menuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = state.platform === 'darwin';
  const command = (label: string, id: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => actions.send(id),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });
  const about: MenuItemConstructorOptions = { label: 'About Leadline', click: () => actions.showAbout() };
  const others = state.recent.filter((path) => path !== state.notebookPath);
  const openRecent: MenuItemConstructorOptions[] = others.length
    ? [...others.map((path) => ({ label: recentLabel(path, state.home), click: () => actions.openRecent(path) })), { type: 'separator' }, { label: 'Clear Menu', click: () => actions.clearRecent() }]
    : [{ label: 'No Recent Notebooks', enabled: false }];

  return [
    ...(isMac
      ? [
          {
            label: 'Leadline',
            submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Notebook…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newNotebook() },
        { label: 'Open Notebook…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openNotebook() },
        { label: 'Open Recent', submenu: openRecent },
        { label: 'Reveal Notebook in Folder', click: () => actions.revealNotebook() },
        { type: 'separator' },
        command('Import…', 'import', 'CmdOrCtrl+O'),
        command('Paste as New Article…', 'paste-article', 'CmdOrCtrl+Shift+V'),
        command('Update Article from File…', 'update-article'),
        { type: 'separator' },
        command('Import Annotations…', 'import-annotations'),
        {
          label: 'Export',
          submenu: [
            command('Markdown…', 'export-markdown', 'CmdOrCtrl+E'),
            command('Whole Notebook as Markdown…', 'export-notebook'),
            command('Web Annotations (JSON-LD)…', 'export-w3c'),
          ],
        },
        command('Export Leads as CSV…', 'export-csv'),
        { type: 'separator' },
        command('Restore Backup…', 'restore-backup'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        command('Undo', 'undo', 'CmdOrCtrl+Z'),
        command('Redo', 'redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('Find in Notes', 'find', 'CmdOrCtrl+F'),
        command('Find in Article', 'find-in-article'),
      ],
    },
    {
      label: '&Notes',
      submenu: [
        command('Annotate Selection', 'annotate', 'CmdOrCtrl+Shift+A'),
        command('Add Lead from Selection', 'add-lead', 'CmdOrCtrl+Shift+L'),
        command('Link Selection to Note…', 'link-to-note', 'CmdOrCtrl+Shift+K'),
      ],
    },
    {
      label: '&View',
      submenu: [
        command('Library', 'toggle-library'),
        command('Leads Across the Library…', 'show-leads'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(state.packaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    ...(isMac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [command('Keyboard Shortcuts', 'show-shortcuts'), ...(isMac ? [] : [{ type: 'separator' } as const, about])],
    },
  ];
}
