/**
 * The sandboxed preload: exposes the typed notebook API as `window.leadline`,
 * one method per contract call. The renderer never sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { AppCommandSchema, CALL_NAMES, COMMAND_CHANNEL, ipcChannel, MENU_CONTEXT_CHANNEL, type AppCommand, type LeadlineApi, type MenuContext } from '../shared/api';

const api: Record<string, unknown> = {};
for (const name of CALL_NAMES) {
  api[name] = (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input);
}
api.onCommand = (listener: (command: AppCommand) => void) => {
  const handler = (_event: unknown, command: unknown): void => {
    const parsed = AppCommandSchema.safeParse(command);
    if (parsed.success) listener(parsed.data);
  };
  ipcRenderer.on(COMMAND_CHANNEL, handler);
  return () => void ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
};

api.reportMenuContext = (context: MenuContext) => ipcRenderer.send(MENU_CONTEXT_CHANNEL, context);

contextBridge.exposeInMainWorld('leadline', api as LeadlineApi);
