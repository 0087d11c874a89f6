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
        const response = await fetch(httpPath(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body,
          // The last save as a tab closes must outlive the page (browsers allow up to 64 KB).
          keepalive: body.length < 60_000,
        });
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
  return api as LeadlineApi;
}
