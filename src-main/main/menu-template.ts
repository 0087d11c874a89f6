/**
 * The application menu, as data: a pure function of the app's state, so that it is
 * tested without Electron (menu.ts builds it). Its items, words, keys and places come
 * from the command table (shared/commands.ts); this file only adds Electron's own
 * roles (cut, quit…) and the list of recent notebooks. Commands the renderer runs are
 * sent to it; their accelerators are shown but not registered, because the renderer's
 * key map handles the keys itself — the same map the browser host uses. Notebook
 * commands belong to the main process, and their keys are registered.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuContext, Preferences } from '../shared/api';
import { COMMANDS, keysOf, type Command, type MainCommandId, type MenuName, type RendererCommandId } from '../shared/commands';
import { accelerator } from '../shared/keys';
import { recentLabel } from './recent-notebooks';

export interface MenuState {
  platform: NodeJS.Platform;
  packaged: boolean;
  home: string;
  /** The open notebook. */
  notebookPath: string;
  /** Recently opened notebooks, newest first (the open one may be among them). */
  recent: readonly string[];
  /** The theme and reading width in force: their commands are radio items, these checked. */
  preferences: Pick<Preferences, 'theme' | 'width'>;
  /** What the page has now: the commands that need what it lacks are greyed out (their keys still explain why). */
  context: MenuContext;
}

export interface MenuActions {
  send(command: RendererCommandId): void;
  newNotebook(): void;
  openNotebook(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  revealNotebook(): void;
  showAbout(): void;
}

type Item = MenuItemConstructorOptions;

const separator: Item = { type: 'separator' };

export function menuTemplate(state: MenuState, actions: MenuActions): Item[] {
  const isMac = state.platform === 'darwin';
  const others = state.recent.filter((path) => path !== state.notebookPath);
  const openRecent: Item[] = others.length
    ? [...others.map((path) => ({ label: recentLabel(path, state.home), click: () => actions.openRecent(path) })), separator, { label: 'Clear Menu', click: () => actions.clearRecent() }]
    : [{ label: 'No Recent Notebooks', enabled: false }];
  const mainActions: Record<Exclude<MainCommandId, 'open-recent'>, () => void> = {
    'new-notebook': actions.newNotebook,
    'open-notebook': actions.openNotebook,
    'reveal-notebook': actions.revealNotebook,
    about: actions.showAbout,
  };

  const item = (spec: Command): Item => {
    if (spec.id === 'open-recent') return { label: spec.label, submenu: openRecent };
    const keys = keysOf(spec, isMac)[0];
    const shortcut = keys ? { accelerator: accelerator(keys) } : {};
    if (spec.runs === 'main') return { label: spec.label, ...shortcut, click: () => mainActions[spec.id]() };
    const radio = 'chooses' in spec ? { type: 'radio' as const, checked: state.preferences[spec.chooses.preference] === spec.chooses.value } : {};
    const enabled = 'enabledWhen' in spec ? { enabled: state.context[spec.enabledWhen] } : {};
    if (spec.runs === 'renderer') return { label: spec.label, ...radio, ...enabled, ...shortcut, ...(keys ? { registerAccelerator: false } : {}), click: () => actions.send(spec.id) };
    throw new Error(`${spec.id} is handled where the focus is, not from the menu`);
  };
  /** One group of a menu, in the table's order; a run of commands sharing a submenu becomes that submenu. */
  const group = (menu: MenuName, number: number): Item[] => {
    const items: Item[] = [];
    const submenus = new Map<string, Item[]>();
    for (const spec of COMMANDS) {
      if (!('menu' in spec) || spec.menu.menu !== menu || spec.menu.group !== number) continue;
      const name = 'submenu' in spec.menu ? spec.menu.submenu : undefined;
      if (!name) {
        items.push(item(spec));
        continue;
      }
      let holder = submenus.get(name);
      if (!holder) {
        holder = [];
        submenus.set(name, holder);
        items.push({ label: name, submenu: holder });
      }
      holder.push(item(spec));
    }
    return items;
  };
  const about = COMMANDS.find((spec) => spec.id === 'about')!;

  return [
    ...(isMac ? [{ label: 'Leadline', submenu: [item(about), separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }] } satisfies Item] : []),
    {
      label: '&File',
      submenu: [...group('File', 1), separator, ...group('File', 2), separator, ...group('File', 3), separator, ...group('File', 4), separator, isMac ? { role: 'close' } : { role: 'quit' }],
    },
    {
      label: '&Edit',
      submenu: [...group('Edit', 1), separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }, separator, ...group('Edit', 2)],
    },
    { label: '&Notes', submenu: [...group('Notes', 1), separator, ...group('Notes', 2)] },
    {
      label: '&View',
      submenu: [...group('View', 1), separator, ...group('View', 2), separator, ...group('View', 3), separator, { role: 'togglefullscreen' }, ...(state.packaged ? [] : [{ role: 'toggleDevTools' as const }])],
    },
    ...(isMac ? [{ role: 'windowMenu' } satisfies Item] : []),
    { label: '&Help', role: 'help', submenu: [...group('Help', 1), ...(isMac ? [] : [separator, ...group('Help', 2)])] },
  ];
}
