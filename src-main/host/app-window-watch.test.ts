import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { watchAppWindows } from './app-window-watch';

function pipes() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const sent: unknown[] = [];
  toBrowser.setEncoding('utf8');
  toBrowser.on('data', (chunk: string) => sent.push(...chunk.split('\0').filter(Boolean).map((m) => JSON.parse(m) as unknown)));
  const event = (method: string, params: object): void => void fromBrowser.write(`${JSON.stringify({ method, params })}\0`);
  return { toBrowser, fromBrowser, sent, event };
}

const page = (targetId: string, type = 'page') => ({ targetInfo: { targetId, type, url: 'http://127.0.0.1/' } });
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('watchAppWindows', () => {
  it('asks the browser to report its targets', async () => {
    const { toBrowser, fromBrowser, sent } = pipes();
    watchAppWindows(toBrowser, fromBrowser, () => undefined);
    await settle();
    expect(sent).toEqual([{ id: 1, method: 'Target.setDiscoverTargets', params: { discover: true } }]);
  });

  it('hears when the last page closes, not before, and not for workers', async () => {
    const { toBrowser, fromBrowser, event } = pipes();
    let closed = 0;
    watchAppWindows(toBrowser, fromBrowser, () => closed++);
    event('Target.targetCreated', page('A'));
    event('Target.targetCreated', page('W', 'service_worker'));
    event('Target.targetCreated', page('B'));
    event('Target.targetDestroyed', { targetId: 'A' });
    event('Target.targetDestroyed', { targetId: 'W' });
    await settle();
    expect(closed).toBe(0);
    event('Target.targetDestroyed', { targetId: 'B' });
    await settle();
    expect(closed).toBe(1);
  });

  it('reads messages split across chunks and skips garbage', async () => {
    const { toBrowser, fromBrowser } = pipes();
    let closed = 0;
    watchAppWindows(toBrowser, fromBrowser, () => closed++);
    const created = JSON.stringify({ method: 'Target.targetCreated', params: page('A') });
    fromBrowser.write(created.slice(0, 10));
    fromBrowser.write(`${created.slice(10)}\0not json\0{"method":"Target.targetDestroyed","par`);
    fromBrowser.write('ams":{"targetId":"A"}}\0');
    await settle();
    expect(closed).toBe(1);
  });

  it('closes the browser on request', async () => {
    const { toBrowser, fromBrowser, sent } = pipes();
    watchAppWindows(toBrowser, fromBrowser, () => undefined).closeBrowser();
    await settle();
    expect(sent.at(-1)).toEqual({ id: 2, method: 'Browser.close', params: {} });
  });
});
