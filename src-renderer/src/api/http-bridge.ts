/**
 * `window.leadline` for the browser host: the same API contract over HTTP to the
 * host that served this page, authenticated with the token from the page URL.
 */
import { CALL_NAMES, httpPath, TOKEN_HEADER, type LeadlineApi, type Result } from '@shared/api';

export function createHttpBridge(token: string): LeadlineApi {
  const api: Record<string, unknown> = {};
  for (const name of CALL_NAMES) {
    api[name] = async (input: unknown): Promise<Result<unknown>> => {
      try {
        const body = JSON.stringify(input ?? {});
        const send = (keepalive: boolean) => fetch(httpPath(name), { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body, keepalive });
        // The last save as a tab closes must outlive the page: keepalive, which Chromium
        // allows up to 64 KB of bytes in flight (not characters: 30,000 CJK characters are
        // 90 KB). Refused when over that quota, the request is sent again without it.
        const small = new TextEncoder().encode(body).length < 60_000;
        const response = await (small ? send(true).catch(() => send(false)) : send(false));
        if (response.status === 403) {
          return { ok: false, error: { code: 'internal', message: 'The Leadline host refused this page (wrong or missing token). Open the exact address the host printed.' } };
        }
        return (await response.json()) as Result<unknown>;
      } catch (error) {
        return {
          ok: false,
          error: { code: 'internal', message: `The Leadline host did not answer (${String(error)}). Is "npm run host" still running?` },
        };
      }
    };
  }
  // The browser host has no application menu: keyboard shortcuts are the only source of commands.
  api.onCommand = () => () => undefined;
  api.reportMenuContext = () => undefined;
  return api as LeadlineApi;
}
