import { join } from 'node:path';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { PlatformActions } from '../notebook/service';
import type { DeepLink } from '../shared/deep-link';
import { isWebUrl } from '../shared/urls';

/** The save dialog's file type, by the extension of the name the export suggests. */
const FILE_TYPES: Record<string, { name: string; extensions: string[] }> = {
  md: { name: 'Markdown', extensions: ['md'] },
  jsonld: { name: 'Web Annotations (JSON-LD)', extensions: ['jsonld', 'json'] },
  csv: { name: 'CSV (spreadsheet)', extensions: ['csv'] },
};

/** The desktop's save dialog and system browser, behind the notebook service's PlatformActions. */
export function desktopActions(getWindow: () => BrowserWindow | null, takeDeepLink: () => DeepLink | null): PlatformActions {
  return {
    takeDeepLink,
    async chooseExportPath(suggestedName) {
      const window = getWindow();
      const type = FILE_TYPES[suggestedName.slice(suggestedName.lastIndexOf('.') + 1)] ?? FILE_TYPES.md!;
      const options = {
        title: `Export ${type.name}`,
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [type],
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
