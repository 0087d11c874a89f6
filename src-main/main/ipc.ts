import { ipcMain, type WebFrameMain } from 'electron';
import { CALL_NAMES, ipcChannel, type CallName, type Result } from '../shared/api';

/** One handler per contract call, answered by `answer` (which validates the input); the sender is checked by its URL. */
export function registerIpc(answer: (name: CallName, input: unknown) => Promise<Result<unknown>>, isTrustedUrl: (url: string) => boolean): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, isTrustedUrl)) {
        return { ok: false, error: { code: 'invalid-input', message: 'Refused a call from a page that is not Leadline.' } };
      }
      return answer(name, input);
    });
  }
}

function isTrustedSender(frame: WebFrameMain | null, isTrustedUrl: (url: string) => boolean): boolean {
  return frame !== null && frame.parent === null && isTrustedUrl(frame.url);
}
