import { Menu } from 'electron';
import { menuTemplate, type MenuActions, type MenuState } from './menu-template';

/** Sets the application menu for the app's current state (again after each change of notebook or recent list). */
export function installMenu(state: MenuState, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(state, actions)));
}
