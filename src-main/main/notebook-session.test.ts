import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../shared/api';
import type { NotebookService } from '../notebook/service';
import { notebookSession } from './notebook-session';

/** A stand-in service whose getStoreInfo answers with its name, when the test says so. */
function fakeService(name: string) {
  const log: string[] = [];
  const waiting: (() => void)[] = [];
  let closeFailures = 0;
  const getStoreInfo: ApiHandlers['getStoreInfo'] = async () => {
    log.push('call');
    await new Promise<void>((resolve) => waiting.push(resolve));
    log.push('answered');
    return { path: name, readOnly: false, revision: 0 };
  };
  // Only the call these tests make.
  const handlers = { getStoreInfo } as ApiHandlers;
  const service: NotebookService = {
    handlers,
    openError: () => null,
    close: async () => {
      if (closeFailures > 0) {
        closeFailures--;
        log.push('close failed');
        throw new Error('disk full');
      }
      log.push('closed');
    },
  };
  return {
    service,
    log,
    answerAll: () => waiting.splice(0).forEach((answer) => answer()),
    failNextCloses: (n: number) => (closeFailures = n),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('notebookSession', () => {
  it('lets the calls under way finish on the old notebook, closes it, then serves the new one', async () => {
    const a = fakeService('/a.json');
    const b = fakeService('/b.json');
    const session = notebookSession({ path: '/a.json', service: a.service });
    const early = session.dispatch('getStoreInfo', {});
    await tick();
    const switched = session.switchTo('/b.json', async () => b.service, async () => 'retry');
    const during = session.dispatch('getStoreInfo', {});
    await tick();
    // The early call holds the switch; the call made during it waits and touches neither notebook yet.
    expect(a.log).toEqual(['call']);
    expect(b.log).toEqual([]);
    a.answerAll();
    expect(await early).toEqual({ ok: true, value: { path: '/a.json', readOnly: false, revision: 0 } });
    expect(await switched).toBe('switched');
    expect(a.log).toEqual(['call', 'answered', 'closed']);
    expect(session.path()).toBe('/b.json');
    await tick();
    b.answerAll();
    expect(await during).toMatchObject({ ok: true, value: { path: '/b.json' } });
  });

  it('validates input on the way, as IPC needs', async () => {
    const a = fakeService('/a.json');
    const session = notebookSession({ path: '/a.json', service: a.service });
    expect(await session.dispatch('getStoreInfo', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('retries closing the old notebook while the user asks to, or keeps it (closing the new one)', async () => {
    const a = fakeService('/a.json');
    const b = fakeService('/b.json');
    const session = notebookSession({ path: '/a.json', service: a.service });
    a.failNextCloses(5);
    const answers: ('retry' | 'keep-old')[] = ['retry', 'keep-old'];
    const asked: string[] = [];
    const outcome = await session.switchTo('/b.json', async () => b.service, async (error) => {
      asked.push(String(error));
      return answers.shift()!;
    });
    expect(outcome).toBe('kept');
    expect(asked).toEqual(['Error: disk full', 'Error: disk full']);
    expect(session.path()).toBe('/a.json');
    expect(b.log).toEqual(['closed']);

    a.failNextCloses(1);
    const c = fakeService('/c.json');
    expect(await session.switchTo('/c.json', async () => c.service, async () => 'retry')).toBe('switched');
    expect(a.log.slice(-2)).toEqual(['close failed', 'closed']);
    expect(session.path()).toBe('/c.json');
  });

  it('keeps the old notebook when the new one cannot be started, and goes on answering', async () => {
    const a = fakeService('/a.json');
    const session = notebookSession({ path: '/a.json', service: a.service });
    await expect(session.switchTo('/b.json', async () => Promise.reject(new Error('EACCES')), async () => 'retry')).rejects.toThrow('EACCES');
    expect(session.path()).toBe('/a.json');
    const call = session.dispatch('getStoreInfo', {});
    await tick();
    a.answerAll();
    expect(await call).toMatchObject({ ok: true, value: { path: '/a.json' } });
    expect(a.log).not.toContain('closed');
  });

  it('runs two switches one after the other', async () => {
    const a = fakeService('/a.json');
    const b = fakeService('/b.json');
    const c = fakeService('/c.json');
    const session = notebookSession({ path: '/a.json', service: a.service });
    const first = session.switchTo('/b.json', async () => b.service, async () => 'retry');
    const second = session.switchTo('/c.json', async () => c.service, async () => 'retry');
    expect(await Promise.all([first, second])).toEqual(['switched', 'switched']);
    expect(session.path()).toBe('/c.json');
    expect(a.log).toEqual(['closed']);
    expect(b.log).toEqual(['closed']);
  });

  it('closes the open notebook once the calls under way are answered', async () => {
    const a = fakeService('/a.json');
    const session = notebookSession({ path: '/a.json', service: a.service });
    const call = session.dispatch('getStoreInfo', {});
    await tick();
    const closing = session.close();
    await tick();
    expect(a.log).toEqual(['call']);
    a.answerAll();
    await closing;
    await call;
    expect(a.log).toEqual(['call', 'answered', 'closed']);
  });
});
