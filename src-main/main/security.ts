/**
 * Electron's security checklist, applied in one place: every request that is not
 * the app's own content is cancelled, permissions are denied, navigation and new
 * windows are refused (web links go to the system browser after the user agrees).
 */
import { app, type Session, type WebContents } from 'electron';
import { isWebUrl } from '../shared/urls';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://leadline`;

export function isAppUrl(url: string, devServerUrl?: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  if (devServerUrl === undefined) return false;
  const dev = new URL(devServerUrl);
  // The dev server's origin exactly, and its hot-reload socket.
  return url.startsWith(`${dev.origin}/`) || url.startsWith(`ws://${dev.host}/`);
}

export function hardenSession(session: Session, devServerUrl?: string): void {
  // Only writing to the clipboard (Copy as Markdown) is allowed; everything else is refused.
  const allowed = (permission: string): boolean => permission === 'clipboard-sanitized-write';
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowed(permission));
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url, devServerUrl) || details.url.startsWith('devtools://');
    if (!allowed) console.warn(`[leadline] blocked request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}

/** Applies to every web contents the app ever creates. */
export function guardWebContents(openExternal: (url: string) => void, devServerUrl?: string): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl) || url !== contents.getURL()) event.preventDefault();
      if (isWebUrl(url)) openExternal(url);
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isWebUrl(url)) openExternal(url);
      return { action: 'deny' };
    });
  });
}
