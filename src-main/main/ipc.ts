import { ipcMain, type WebFrameMain } from 'electron';
import { CALL_NAMES, ipcChannel, type ApiHandlers } from '../shared/api';
import { dispatch } from '../notebook/dispatch';

/** One handler per contract call; input is validated by dispatch(), the sender by its URL. */
export function registerIpc(handlers: ApiHandlers, isTrustedUrl: (url: string) => boolean): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, isTrustedUrl)) {
        return { ok: false, error: { code: 'invalid-input', message: 'Refused a call from a page that is not Leadline.' } };
      }
      return dispatch(handlers, name, input);
    });
  }
}

function isTrustedSender(frame: WebFrameMain | null, isTrustedUrl: (url: string) => boolean): boolean {
  return frame !== null && frame.parent === null && isTrustedUrl(frame.url);
}
