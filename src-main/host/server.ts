/**
 * The browser host's HTTP server: the production renderer plus the API contract
 * over HTTP, on loopback only. API calls need the session token and must come from
 * the host's own origin; anything else gets 403.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { isCallName, TOKEN_HEADER, type ApiHandlers } from '../shared/api';
import { dispatch } from '../notebook/dispatch';
import { readRendererFile, rendererHeaders } from '../serve/renderer-files';

/** The largest call: a 50 MB annotations file, base64-encoded (4/3 of it), with room for its JSON. */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

export interface HostServerOptions {
  handlers: ApiHandlers;
  rendererDir: string;
  token: string;
}

export function createHostServer({ handlers, rendererDir, token }: HostServerOptions): Server {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[leadline host]', error);
      if (!response.headersSent) send(response, 500, 'Internal error');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = ownOrigin(server);
    if (!isLoopbackHost(request.headers.host, origin)) return send(response, 403, 'Forbidden: unexpected Host header');
    const target = request.url ?? '/';
    // Only origin-form targets: "//evil/x" would otherwise parse as another host.
    if (!target.startsWith('/') || target.startsWith('//')) return send(response, 400, 'Bad request');
    const url = new URL(origin + target);

    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return send(response, 405, 'Method not allowed');
      if (!sameOrigin(request, origin) || !tokenMatches(request.headers[TOKEN_HEADER], token)) {
        return send(response, 403, 'Forbidden');
      }
      const name = url.pathname.slice('/api/'.length);
      if (!isCallName(name)) return sendJson(response, 404, { ok: false, error: { code: 'invalid-input', message: `Leadline has no call named "${name.slice(0, 60)}".` } });
      const body = await readBody(request);
      if (body === null) return sendJson(response, 413, { ok: false, error: { code: 'invalid-input', message: 'The request is too large; nothing was changed.' } });
      let input: unknown;
      try {
        input = body.length === 0 ? undefined : JSON.parse(body);
      } catch {
        return sendJson(response, 400, { ok: false, error: { code: 'invalid-input', message: 'The request is not valid JSON; nothing was changed.' } });
      }
      return sendJson(response, 200, await dispatch(handlers, name, input));
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
    const file = await readRendererFile(rendererDir, url.pathname);
    if (!file) return send(response, 404, 'Not found');
    response.writeHead(200, rendererHeaders(file));
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  return server;
}

function ownOrigin(server: Server): string {
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  return `http://127.0.0.1:${port}`;
}

/** Defeats DNS rebinding: the browser must be talking to 127.0.0.1:<port> by that name. */
function isLoopbackHost(host: string | undefined, origin: string): boolean {
  return host === origin.slice('http://'.length);
}

/** Browsers send Origin on POST; a missing Origin (curl, tests) is fine, a foreign one is not. */
function sameOrigin(request: IncomingMessage, origin: string): boolean {
  const requestOrigin = request.headers.origin;
  if (requestOrigin !== undefined && requestOrigin !== origin) return false;
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body as text, or null when it is larger than MAX_BODY_BYTES. */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  response.end(text);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(JSON.stringify(value));
}
