import { startHost, test, expect } from './fixtures';
import { waitForApp } from './helpers';

test('a second process on an open notebook gets it read-only, never as a second writer', async ({ app }) => {
  await waitForApp(app.page);
  const { host: second, url: address } = await startHost(app.notebookPath);
  try {
    const url = new URL(address);
    const call = async (name: string, body: unknown): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }> => {
      const response = await fetch(new URL(`/api/${name}`, url), { method: 'POST', headers: { 'x-leadline-token': url.searchParams.get('token')!, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
    };
    const info = await call('getStoreInfo', {});
    expect(info.value).toMatchObject({ readOnly: true });
    expect(String(info.value?.readOnlyReason)).toMatch(/pid|another/i);
    const ws = await call('getWorkspace', {});
    const articleId = (ws.value as { article: { id: string } }).article.id;
    const write = await call('createNote', { articleId, kind: 'annotation', selectors: [], excerptIds: [] });
    expect(write).toMatchObject({ ok: false, error: { code: 'read-only' } });
  } finally {
    second.kill('SIGTERM');
  }
});
