import { join } from 'node:path';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { PlatformActions } from '../notebook/service';
import { isWebUrl } from '../shared/urls';

/** The desktop's save dialog and system browser, behind the notebook service's PlatformActions. */
export function desktopActions(getWindow: () => BrowserWindow | null): PlatformActions {
  return {
    async chooseExportPath(suggestedName) {
      const window = getWindow();
      const options = {
        title: 'Export Markdown',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openExternal(url) {
      return confirmAndOpen(getWindow(), url);
    },
  };
}

/** Web links leave the app only after the user agrees; anything but http(s) is refused. */
export async function confirmAndOpen(window: BrowserWindow | null, url: string): Promise<boolean> {
  if (!isWebUrl(url)) return false;
  const options = {
    type: 'question' as const,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url.slice(0, 500),
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: http(s) only, after the user agrees
  return true;
}
