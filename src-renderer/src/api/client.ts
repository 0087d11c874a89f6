/**
 * The renderer's only way to the notebook: `window.leadline` (from the preload in
 * Electron, or the HTTP bridge in the browser host), with Results turned into
 * thrown ApiCallErrors so UI code reads straight-line.
 */
import type { ApiCalls, ApiError, CallInput, CallName, CallOutput, LeadlineApi } from '@shared/api';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    leadline?: LeadlineApi;
  }
}

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

let bridge: LeadlineApi | null = null;

export function connect(): LeadlineApi {
  if (bridge) return bridge;
  if (window.leadline) {
    bridge = window.leadline;
  } else {
    const token = new URLSearchParams(location.search).get('token');
    if (!token) throw new ApiCallError({ code: 'internal', message: 'This page was opened without its access token. Open the exact address that "npm run host" printed.' });
    bridge = createHttpBridge(token);
  }
  return bridge;
}

export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const api = connect();
  const calls: ApiCalls = api;
  const method: ApiCalls[K] = calls[name];
  const result = await method(input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}
