import { ipcMain, type WebFrameMain } from 'electron';
import { CALL_NAMES, ipcChannel, MENU_CONTEXT_CHANNEL, MenuContextSchema, type CallName, type MenuContext, type Result } from '../shared/api';

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

/** What the page says its commands have now (an article, a selection), checked like a call: from Leadline's page, in the contract's shape. */
export function onMenuContext(listener: (context: MenuContext) => void, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.on(MENU_CONTEXT_CHANNEL, (event, input: unknown) => {
    const context = MenuContextSchema.safeParse(input);
    if (isTrustedSender(event.senderFrame, isTrustedUrl) && context.success) listener(context.data);
  });
}

function isTrustedSender(frame: WebFrameMain | null, isTrustedUrl: (url: string) => boolean): boolean {
  return frame !== null && frame.parent === null && isTrustedUrl(frame.url);
}
