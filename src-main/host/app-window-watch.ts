/**
 * Follows the browser's windows over its DevTools pipe (--remote-debugging-pipe:
 * null-terminated JSON messages, reachable by this process alone). When the last
 * page is gone, Leadline closes the browser: on macOS a browser keeps running after
 * its last window closes, and `npm start` must end with the window.
 */
import type { Readable, Writable } from 'node:stream';

interface TargetEvent {
  method?: string;
  params?: { targetInfo?: { targetId: string; type: string }; targetId?: string };
}

export interface AppWindowWatch {
  /** Asks the browser to quit. */
  closeBrowser(): void;
}

export function watchAppWindows(toBrowser: Writable, fromBrowser: Readable, onLastWindowClosed: () => void): AppWindowWatch {
  const pages = new Set<string>();
  let nextId = 1;
  let buffered = '';
  const send = (method: string, params: object = {}): void => {
    toBrowser.write(`${JSON.stringify({ id: nextId++, method, params })}\0`);
  };
  // A browser that has exited breaks the pipe: its exit is reported on its own.
  toBrowser.on('error', () => undefined);
  fromBrowser.on('error', () => undefined);
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const text = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      let message: TargetEvent;
      try {
        message = JSON.parse(text) as TargetEvent;
      } catch {
        continue;
      }
      const info = message.params?.targetInfo;
      if (message.method === 'Target.targetCreated' && info?.type === 'page') pages.add(info.targetId);
      if (message.method === 'Target.targetDestroyed' && pages.delete(message.params?.targetId ?? '') && pages.size === 0) onLastWindowClosed();
    }
  });
  send('Target.setDiscoverTargets', { discover: true });
  return { closeBrowser: () => send('Browser.close') };
}
