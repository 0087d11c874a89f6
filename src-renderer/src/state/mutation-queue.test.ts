import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyPatch, type CallName } from '@shared/api';

const calls: { name: CallName; input: unknown }[] = [];
vi.mock('../api/client', () => ({
  ApiCallError: class extends Error {},
  call: vi.fn(async (name: CallName, input: unknown) => {
    calls.push({ name, input });
    await Promise.resolve();
    return { applied: emptyPatch(), inverse: emptyPatch(), saved: true, revision: 1 };
  }),
}));
vi.mock('./workspace', () => ({
  acceptRevision: () => true,
  applyLocalPatch: () => undefined,
  reloadWorkspace: async () => undefined,
  updateStoreInfo: () => undefined,
}));

const { setDraft, hasDrafts } = await import('./drafts');
const { enqueue, requestSave, sendDraftsNow } = await import('./mutation-queue');
const { call } = await import('../api/client');

beforeEach(() => {
  calls.length = 0;
});

describe('the mutation queue', () => {
  it('sends pending drafts before the next task, whoever queued it', async () => {
    setDraft('n1', { body: 'typed' });
    setDraft('n2', { tags: ['t'] });
    await enqueue(() => call('exportMarkdown', { scope: { kind: 'all' } }));
    expect(calls.map((c) => c.name)).toEqual(['updateNote', 'updateNote', 'exportMarkdown']);
    expect(calls[0]!.input).toEqual({ id: 'n1', body: 'typed' });
    expect(calls[1]!.input).toEqual({ id: 'n2', tags: ['t'] });
    expect(hasDrafts()).toBe(false);
  });

  it('runs tasks in order, each after the one before has answered', async () => {
    const order: string[] = [];
    let answer = (): void => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const slow = enqueue(async () => {
      await answered;
      order.push('first');
    });
    // Typed while the first task is on its way: saved before the second.
    setDraft('n1', { body: 'meanwhile' });
    const second = enqueue(async () => void order.push(`second after ${calls.length} save`));
    answer();
    await Promise.all([slow, second]);
    expect(order).toEqual(['first', 'second after 1 save']);
  });

  it('keeps going after a failed task', async () => {
    await expect(enqueue(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(enqueue(async () => 'next')).resolves.toBe('next');
  });

  it('saves on request with nothing else queued', async () => {
    setDraft('n3', { body: 'x' });
    await requestSave();
    expect(calls.map((c) => c.input)).toEqual([{ id: 'n3', body: 'x' }]);
  });

  it('sends every draft at once when the window goes away', () => {
    setDraft('n4', { body: 'last words', tags: ['bye'] });
    sendDraftsNow();
    expect(calls.map((c) => c.input)).toEqual([{ id: 'n4', body: 'last words', tags: ['bye'] }]);
    expect(hasDrafts()).toBe(false);
  });
});
