import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../shared/commands';
import { menuTemplate, type MenuActions, type MenuState } from './menu-template';

type Item = MenuItemConstructorOptions;

function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    send: (command) => calls.push(`send ${command}`),
    newNotebook: () => calls.push('new'),
    openNotebook: () => calls.push('open'),
    openRecent: (path) => calls.push(`recent ${path}`),
    clearRecent: () => calls.push('clear'),
    revealNotebook: () => calls.push('reveal'),
    showAbout: () => calls.push('about'),
  };
  return { calls, actions };
}

const state = (overrides: Partial<MenuState> = {}): MenuState => ({
  platform: 'linux',
  packaged: true,
  home: '/home/ann',
  notebookPath: '/home/ann/.config/Leadline/notebook.json',
  recent: [],
  preferences: { theme: 'system', width: 'medium' },
  context: { article: true, selection: true },
  ...overrides,
});

const submenu = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : []);
const top = (menu: Item[], label: string): Item | undefined => menu.find((item) => item.label?.replace('&', '') === label || item.role === label);
const byLabel = (items: Item[], label: string): Item => {
  const found = items.find((item) => item.label === label);
  if (!found) throw new Error(`no menu item "${label}" in ${items.map((i) => i.label ?? i.role ?? i.type).join(', ')}`);
  return found;
};
const click = (item: Item): void => (item.click as () => void)();

/** Every item, depth first. */
function allItems(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...allItems(submenu(item))]);
}

describe('the File menu', () => {
  it('begins with the notebook commands, with keys the main process handles itself', () => {
    const { calls, actions } = recorder();
    const file = submenu(top(menuTemplate(state(), actions), 'File'));
    expect(file.slice(0, 4).map((item) => item.label)).toEqual(['New Notebook…', 'Open Notebook…', 'Open Recent', 'Reveal Notebook in Folder']);
    expect(byLabel(file, 'New Notebook…')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+N' });
    expect(byLabel(file, 'Open Notebook…')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+O' });
    expect(byLabel(file, 'Open Notebook…').registerAccelerator).toBeUndefined();
    click(byLabel(file, 'New Notebook…'));
    click(byLabel(file, 'Open Notebook…'));
    click(byLabel(file, 'Reveal Notebook in Folder'));
    expect(calls).toEqual(['new', 'open', 'reveal']);
  });

  it('lists the recent notebooks but the open one, with a way to clear them', () => {
    const { calls, actions } = recorder();
    const open = '/home/ann/.config/Leadline/notebook.json';
    const recent = [open, '/home/ann/Research/Syria.json', '/srv/team/Q&A.json'];
    const items = submenu(byLabel(submenu(top(menuTemplate(state({ notebookPath: open, recent }), actions), 'File')), 'Open Recent'));
    expect(items.map((item) => item.label ?? item.type)).toEqual(['Syria — ~/Research', 'Q&&A — /srv/team', 'separator', 'Clear Menu']);
    click(items[1]!);
    click(byLabel(items, 'Clear Menu'));
    expect(calls).toEqual(['recent /srv/team/Q&A.json', 'clear']);
  });

  it('says when there is nothing recent', () => {
    const { actions } = recorder();
    const items = submenu(byLabel(submenu(top(menuTemplate(state({ recent: [state().notebookPath] }), actions), 'File')), 'Open Recent'));
    expect(items).toEqual([{ label: 'No Recent Notebooks', enabled: false }]);
  });

  it('ends with Quit on Windows and Linux, Close on macOS (Quit is in the app menu there)', () => {
    const { actions } = recorder();
    expect(submenu(top(menuTemplate(state({ platform: 'win32' }), actions), 'File')).at(-1)).toEqual({ role: 'quit' });
    expect(submenu(top(menuTemplate(state({ platform: 'darwin' }), actions), 'File')).at(-1)).toEqual({ role: 'close' });
  });
});

describe('per platform', () => {
  it('macOS: the app menu with About and Quit, and a Window menu', () => {
    const { calls, actions } = recorder();
    const menu = menuTemplate(state({ platform: 'darwin' }), actions);
    expect(menu[0]!.label).toBe('Leadline');
    const app = submenu(menu[0]);
    click(byLabel(app, 'About Leadline'));
    expect(calls).toEqual(['about']);
    expect(app.at(-1)).toEqual({ role: 'quit' });
    expect(menu.map((item) => item.label ?? item.role)).toEqual(['Leadline', '&File', '&Edit', '&Notes', '&View', 'windowMenu', '&Help']);
    expect(submenu(top(menu, 'Help')).map((item) => item.label)).toEqual(['Keyboard Shortcuts']);
  });

  it('Windows and Linux: no app or Window menu; About is in Help', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { calls, actions } = recorder();
      const menu = menuTemplate(state({ platform }), actions);
      expect(menu.map((item) => item.label ?? item.role)).toEqual(['&File', '&Edit', '&Notes', '&View', '&Help']);
      const help = submenu(top(menu, 'Help'));
      expect(help.map((item) => item.label ?? item.type)).toEqual(['Keyboard Shortcuts', 'separator', 'About Leadline']);
      click(byLabel(help, 'Keyboard Shortcuts'));
      click(byLabel(help, 'About Leadline'));
      expect(calls).toEqual(['send show-shortcuts', 'about']);
    }
  });

  it('offers the developer tools only in a build that is not packaged', () => {
    const { actions } = recorder();
    const devTools = (packaged: boolean) => allItems(menuTemplate(state({ packaged }), actions)).some((item) => item.role === 'toggleDevTools');
    expect(devTools(false)).toBe(true);
    expect(devTools(true)).toBe(false);
  });
});

describe('renderer commands', () => {
  it('reach every command the renderer takes, each once', () => {
    const { calls, actions } = recorder();
    for (const item of allItems(menuTemplate(state(), actions))) {
      if (item.click && !['New Notebook…', 'Open Notebook…', 'Reveal Notebook in Folder', 'About Leadline'].includes(item.label ?? '')) click(item);
    }
    const sent = calls.filter((call) => call.startsWith('send ')).map((call) => call.slice('send '.length));
    const inMenu = COMMANDS.filter((spec) => spec.runs === 'renderer' && 'menu' in spec).map((spec) => spec.id);
    expect([...sent].sort()).toEqual([...inMenu].sort());
    // 'open-link' is sent when a leadline:// link is handed to the app, not from the menu.
    expect(COMMANDS.filter((spec) => spec.runs === 'renderer' && !('menu' in spec)).map((spec) => spec.id)).toEqual(['open-link']);
  });

  it('show the theme and the reading width as radio items, the ones in force checked', () => {
    const { actions } = recorder();
    const view = submenu(top(menuTemplate(state({ preferences: { theme: 'dark', width: 'wide' } }), actions), 'View'));
    const checked = (name: string): Record<string, boolean | undefined> =>
      Object.fromEntries(submenu(byLabel(view, name)).map((item) => [item.label, item.type === 'radio' ? item.checked : undefined]));
    expect(checked('Theme')).toEqual({ 'As the System': false, Light: false, Dark: true });
    expect(checked('Reading Width')).toEqual({ Narrow: false, Medium: false, Wide: true });
    expect(byLabel(view, 'Appearance…').type).toBeUndefined();
  });

  it('are greyed out while the page lacks what they need (a selection, an article), and only those', () => {
    const { actions } = recorder();
    const enabled = (context: MenuState['context']): Record<string, boolean | undefined> => {
      const items = allItems(menuTemplate(state({ context }), actions));
      return Object.fromEntries(['Annotate Selection', 'Link Selection to Note…', 'Find in Article…', 'Next Highlight', 'Search Notes', 'Import…'].map((label) => [label, byLabel(items, label).enabled]));
    };
    expect(enabled({ article: true, selection: false })).toEqual({ 'Annotate Selection': false, 'Link Selection to Note…': false, 'Find in Article…': true, 'Next Highlight': true, 'Search Notes': undefined, 'Import…': undefined });
    expect(enabled({ article: false, selection: false })).toMatchObject({ 'Find in Article…': false, 'Next Highlight': false });
    expect(enabled({ article: true, selection: true })).toMatchObject({ 'Annotate Selection': true, 'Find in Article…': true });
  });

  it('show their keys without registering them: the renderer’s keyboard map handles them', () => {
    const { actions } = recorder();
    const shown = allItems(menuTemplate(state(), actions)).filter((item) => item.accelerator && item.registerAccelerator === false);
    expect(shown.map((item) => item.accelerator)).toEqual(expect.arrayContaining(['CmdOrCtrl+O', 'CmdOrCtrl+E', 'CmdOrCtrl+Z', 'CmdOrCtrl+Shift+A']));
  });
});

describe('the command table', () => {
  it('puts every command with a menu place in that menu, under its own words, on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const menu = menuTemplate(state({ platform }), recorder().actions);
      for (const spec of COMMANDS) {
        if (!('menu' in spec)) continue;
        // On macOS, About lives in the app menu (Apple's place for it).
        const holder = platform === 'darwin' && spec.id === 'about' ? menu[0] : top(menu, spec.menu.menu);
        expect(allItems(submenu(holder)).map((item) => item.label), `${spec.id} on ${platform}`).toContain(spec.label);
      }
    }
  });

  it('shows each command’s first key for the platform: Ctrl+Y redoes on Windows, not on macOS', () => {
    const redo = (platform: NodeJS.Platform) => byLabel(submenu(top(menuTemplate(state({ platform }), recorder().actions), 'Edit')), 'Redo').accelerator;
    expect(redo('win32')).toBe('CmdOrCtrl+Shift+Z');
    expect(redo('darwin')).toBe('CmdOrCtrl+Shift+Z');
    const notes = submenu(top(menuTemplate(state(), recorder().actions), 'Notes'));
    expect(byLabel(notes, 'Highlight Selection')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+H', registerAccelerator: false });
    expect(byLabel(notes, 'Next Highlight')).toMatchObject({ accelerator: 'F8' });
    expect(byLabel(notes, 'Previous Highlight')).toMatchObject({ accelerator: 'Shift+F8' });
  });
});
