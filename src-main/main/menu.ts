import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/api';

/**
 * The application menu. Commands the renderer owns (undo, export…) are sent to it;
 * their accelerators are shown but not registered, because the renderer's keyboard
 * map handles the keys itself — the same map the browser host uses.
 */
export function buildMenu(send: (command: AppCommand) => void, showAbout: () => void): Menu {
  const command = (label: string, id: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(id),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
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
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { label: '&Help', role: 'help', submenu: [{ label: 'About Leadline', click: showAbout }] },
  ];
  return Menu.buildFromTemplate(template);
}
