/**
 * The browser host lets nothing in: loopback only, a token on every API call, no
 * foreign Origin, no cross-site fetch, no DNS rebinding, no path traversal, bounded
 * bodies — over real HTTP against a real notebook service and a real renderer folder.
 * Then the built host program itself (when `out/` exists): its one stdout line, its
 * bound address, a clean stop on SIGTERM/SIGINT and its usage error.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorCodeSchema, TOKEN_HEADER, httpPath } from '../shared/api';
import { lockPathFor } from '../notebook/lock-file';
import { startNotebookService, type NotebookService } from '../notebook/service';
import { openNotebookStore } from '../notebook/store';
import { seededNotebook } from '../notebook/testdata/test-notebook';
import { createHostServer, MAX_BODY_BYTES } from './server';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

interface Call {
  method?: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Send the body chunked, without Content-Length. */
  chunked?: boolean;
}

function send(port: number, call: Call, address = '127.0.0.1'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: address, port, method: call.method ?? 'GET', path: call.path, headers: call.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (call.body !== undefined && call.chunked) {
      // Several writes without a length: Transfer-Encoding: chunked.
      const body = Buffer.from(call.body);
      const step = 1024 * 1024;
      for (let i = 0; i < body.length; i += step) req.write(body.subarray(i, i + step));
      req.end();
    } else {
      req.end(call.body);
    }
  });
}

/** Connects to address:port; resolves to 'refused' (or 'no answer' after a while) or 'connected'. */
function tryConnect(address: string, port: number): Promise<'connected' | 'refused' | 'no answer'> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('no answer');
    }, 3_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve('refused');
    });
  });
}

/** A raw HTTP/1.0 request, e.g. one without any Host header. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(text);
  });
}

/** Non-internal IPv4 addresses of this machine, where the host must not be reachable. */
function otherInterfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

function expectTypedError(reply: Reply, code: string): void {
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(reply.text) as { ok: boolean; error: { code: string; message: string } };
  expect(body.ok).toBe(false);
  expect(ApiErrorCodeSchema.parse(body.error.code)).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

const TOKEN = 'test-token-0123456789abcdefghijklmnop';
const INDEX_HTML = '<!doctype html><meta charset="utf-8"><title>Leadline</title><script type="module" src="/assets/app.js"></script>';

describe('createHostServer', () => {
  let dir: string;
  let server: Server;
  let service: NotebookService;
  let port: number;
  let origin: string;
  let notebookPath: string;
  const api = (name: Parameters<typeof httpPath>[0]): string => httpPath(name);
  const good = (): Record<string, string> => ({ [TOKEN_HEADER]: TOKEN, origin, 'content-type': 'application/json' });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadline-host-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'window.ready = true;\n');
    // Files just outside the renderer folder that traversal would reach.
    writeFileSync(join(dir, 'secret.txt'), 'TOP SECRET');
    writeFileSync(join(dir, 'package.json'), '{"name":"not-for-you"}');
    notebookPath = join(dir, 'notebook.json');
    const seed = await seededNotebook();
    service = await startNotebookService({
      open: () => openNotebookStore({ path: notebookPath, seed: () => seed, onCorrupt: 'refuse' }),
      app: { name: 'Leadline', version: '0.0.0-test', host: 'browser' },
      platform: { chooseExportPath: async () => null, openExternal: async () => false },
    });
    expect(service.openError()).toBeNull();
    server = createHostServer({ handlers: service.handlers, rendererDir, token: TOKEN });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const address = server.address();
    if (!address || typeof address !== 'object') throw new Error('no address');
    port = address.port;
    origin = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server?.close(() => resolve());
      server?.closeAllConnections();
    });
    await service?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('listens on loopback only', async () => {
    const address = server.address();
    expect(address && typeof address === 'object' ? address.address : address).toBe('127.0.0.1');
    expect(await tryConnect('::1', port)).not.toBe('connected');
    for (const other of otherInterfaceAddresses()) expect(await tryConnect(other, port), other).not.toBe('connected');
  });

  it('answers a call with the token from its own origin', async () => {
    const reply = await send(port, { method: 'POST', path: api('getWorkspace'), headers: good(), body: '{}' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const result = JSON.parse(reply.text) as { ok: boolean; value: { article: { title: string } } };
    expect(result.ok).toBe(true);
    expect(result.value.article.title).toBe('Putin Wants Syria to Return the Favor');
    // A browser navigating or fetching from its own origin: same-origin / none.
    for (const site of ['same-origin', 'none']) {
      const again = await send(port, { method: 'POST', path: api('getStoreInfo'), headers: { ...good(), 'sec-fetch-site': site }, body: '{}' });
      expect(again.status, site).toBe(200);
    }
    // No Origin at all (curl, scripts) is fine with the token.
    const noOrigin = await send(port, { method: 'POST', path: api('getStoreInfo'), headers: { [TOKEN_HEADER]: TOKEN }, body: '{}' });
    expect(noOrigin.status).toBe(200);
  });

  it('answers a malformed call with a typed error in a 200 Result', async () => {
    const reply = await send(port, { method: 'POST', path: api('updateNote'), headers: good(), body: '{"id":"nope","__proto__":{"polluted":1}}' });
    expect(reply.status).toBe(200);
    expectTypedError(reply, 'invalid-input');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an API call without the token, or with a wrong one', async () => {
    const cases: Array<[string, Record<string, string | string[]>, string]> = [
      ['no token', { origin }, api('getWorkspace')],
      ['empty token', { origin, [TOKEN_HEADER]: '' }, api('getWorkspace')],
      ['wrong token, same length', { origin, [TOKEN_HEADER]: TOKEN.replace(/.$/, 'X') }, api('getWorkspace')],
      ['wrong token, shorter', { origin, [TOKEN_HEADER]: TOKEN.slice(0, -1) }, api('getWorkspace')],
      ['token plus more', { origin, [TOKEN_HEADER]: `${TOKEN}x` }, api('getWorkspace')],
      ['token twice', { origin, [TOKEN_HEADER]: [TOKEN, TOKEN] }, api('getWorkspace')],
      ['token in the query string only', { origin }, `${api('getWorkspace')}?token=${TOKEN}`],
      ['token as a cookie only', { origin, cookie: `token=${TOKEN}` }, api('getWorkspace')],
      ['token as a bearer only', { origin, authorization: `Bearer ${TOKEN}` }, api('getWorkspace')],
      ['no token, mutating call', { origin }, api('deleteNote')],
    ];
    for (const [label, headers, path] of cases) {
      const reply = await send(port, { method: 'POST', path, headers, body: '{}' });
      expect(reply.status, label).toBe(403);
      expect(reply.text, label).not.toMatch(/Putin/);
    }
  });

  it('refuses a foreign origin or a cross-site fetch even with the right token', async () => {
    const origins = ['http://evil.example', 'null', `http://localhost:${port}`, `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, `${origin}.evil.example`, `${origin}/`];
    for (const foreign of origins) {
      const reply = await send(port, { method: 'POST', path: api('getWorkspace'), headers: { ...good(), origin: foreign }, body: '{}' });
      expect(reply.status, foreign).toBe(403);
    }
    for (const site of ['cross-site', 'same-site', 'bogus']) {
      const reply = await send(port, { method: 'POST', path: api('getWorkspace'), headers: { ...good(), 'sec-fetch-site': site }, body: '{}' });
      expect(reply.status, site).toBe(403);
    }
  });

  it('refuses a wrong Host header (DNS rebinding), for the API and for files', async () => {
    const hosts = [`evil.example:${port}`, 'evil.example', `localhost:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.1`, `127.0.0.2:${port}`, `[::1]:${port}`, `127.0.0.1:${port}.evil.example`];
    for (const host of hosts) {
      const apiReply = await send(port, { method: 'POST', path: api('getWorkspace'), headers: { ...good(), host }, body: '{}' });
      expect(apiReply.status, host).toBe(403);
      const fileReply = await send(port, { path: '/', headers: { host } });
      expect(fileReply.status, host).toBe(403);
      expect(fileReply.text).not.toContain('<title>Leadline');
    }
    const noHost = await rawRequest(port, 'GET / HTTP/1.0\r\n\r\n');
    expect(noHost).toMatch(/^HTTP\/1\.[01] (400|403) /);
  });

  it('allows only POST on the API, and no CORS preflight', async () => {
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const reply = await send(port, { method, path: api('getWorkspace'), headers: good() });
      expect(reply.status, method).toBe(405);
      expect(reply.headers['access-control-allow-origin'], method).toBeUndefined();
      expect(reply.text).not.toMatch(/Putin/);
    }
    // `/api` itself is no call and no file.
    const bare = await send(port, { path: '/api', headers: good() });
    expect(bare.status).toBe(404);
  });

  it('answers an unknown call with a typed 404', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'getWorkspace/extra', '..%2fgetWorkspace']) {
      const reply = await send(port, { method: 'POST', path: `/api/${name}`, headers: good(), body: '{}' });
      expect(reply.status, name).toBe(404);
      expectTypedError(reply, 'invalid-input');
    }
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    for (const path of ['/', '/index.html', '/?token=whatever']) {
      const reply = await send(port, { path });
      expect(reply.status, path).toBe(200);
      expect(reply.text).toBe(INDEX_HTML);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      const csp = reply.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/https?:|\*/);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    }
    const script = await send(port, { path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves nothing outside the renderer folder', async () => {
    const paths = [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/package.json',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%252e%252e/secret.txt',
      '/%2fetc%2fpasswd',
      '/index.html%00.js',
      '/%00',
      '/%',
      '/%c0%ae%c0%ae/secret.txt',
      `/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      '/notebook.json',
      '/../notebook.json',
      '/..%2fnotebook.json',
      '/assets',
      '/assets/',
    ];
    for (const path of paths) {
      const reply = await send(port, { path });
      expect(reply.status, path).toBe(404);
      expect(reply.text, path).not.toContain('SECRET');
      expect(reply.text, path).not.toContain('not-for-you');
      expect(reply.text, path).not.toContain('schemaVersion');
    }
  });

  it('reads a request target that starts with // as a path, not as another host', async () => {
    // `new URL('//x/y', origin)` would take "x" for a host: the target must stay a path.
    for (const path of ['//..%2fsecret.txt', '//..%2f..%2fsecret.txt', '//%2e%2e/secret.txt', '//etc/passwd', '//evil.example/../secret.txt', '//[::1]/x']) {
      const reply = await send(port, { path });
      expect([400, 404], `${path} → ${reply.status}`).toContain(reply.status);
      expect(reply.text, path).not.toContain('SECRET');
    }
  });

  it('refuses a body larger than MAX_BODY_BYTES with 413, with or without Content-Length', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const sized = await send(port, { method: 'POST', path: api('getWorkspace'), headers: good(), body: big });
    expect(sized.status).toBe(413);
    expectTypedError(sized, 'invalid-input');
    const chunked = await send(port, { method: 'POST', path: api('getWorkspace'), headers: good(), body: big, chunked: true });
    expect(chunked.status).toBe(413);
    // Without the token, a large body is not even read before the 403.
    const anonymous = await send(port, { method: 'POST', path: api('getWorkspace'), headers: { origin }, body: big });
    expect(anonymous.status).toBe(403);
  });

  it('refuses a body that is not JSON with a typed 400', async () => {
    for (const body of ['{', 'not json', '{"a":1}}', "{'a':1}", '\u0000', 'undefined', '[1,]']) {
      const reply = await send(port, { method: 'POST', path: api('createNote'), headers: good(), body });
      expect(reply.status, body).toBe(400);
      expectTypedError(reply, 'invalid-input');
    }
  });

  it('survives 10,000 levels of nesting in a JSON body', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const reply = await send(port, { method: 'POST', path: api('createNote'), headers: good(), body: deep });
    expect(reply.status).toBe(200);
    expectTypedError(reply, 'invalid-input');
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const again = await send(port, { method: 'POST', path: api('applyPatch'), headers: good(), body: deepObject });
    expect(again.status).toBe(200);
    expectTypedError(again, 'invalid-input');
  });

  it('left the notebook untouched through all of this', async () => {
    const notebook = JSON.parse(readFileSync(notebookPath, 'utf8')) as { notes: unknown[]; excerpts: unknown[] };
    expect(notebook.notes).toEqual([]);
    expect(notebook.excerpts).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// The built program: `node out/main/host.js`

const appRoot = join(import.meta.dirname, '../..');
const HOST_JS = join(appRoot, 'out/main/host.js');
const BUILT = existsSync(HOST_JS) && existsSync(join(appRoot, 'out/renderer/index.html'));
const READY_LINE = /^Leadline host: http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/;

interface RunningHost {
  child: ChildProcessWithoutNullStreams;
  /** The address from the host's first stdout line. */
  ready: Promise<URL>;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function runHost(args: string[]): RunningHost {
  const child = spawn(process.execPath, [HOST_JS, ...args], { cwd: appRoot, stdio: 'pipe', env: { ...process.env, LEADLINE_NOTEBOOK: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host printed nothing within 20 s; stderr: ${stderr}`)), 20_000);
    const check = (): void => {
      const line = /^.*\n/.exec(stdout)?.[0];
      if (line === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      resolve(new URL(line.slice('Leadline host: '.length).trim()));
    };
    child.stdout.on('data', check);
    void exit.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`the host exited with ${code}; stderr: ${stderr}`));
    });
  });
  ready.catch(() => undefined); // awaited by the tests that need it
  return { child, ready, stdout: () => stdout, stderr: () => stderr, exit };
}

describe('the built host (node out/main/host.js)', () => {
  let dir: string;
  beforeAll(() => {
    if (!BUILT) throw new Error('No build: run "npm run build" first (npm test builds before the unit tests).');
    dir = mkdtempSync(join(tmpdir(), 'leadline-host-bin-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints one line, serves on 127.0.0.1 only, and stops cleanly on ${signal}`, async () => {
      const notebookPath = join(dir, `${signal}.json`);
      const host = runHost(['--notebook', notebookPath]);
      try {
        const url = await host.ready;
        const port = Number(url.port);
        expect(url.hostname).toBe('127.0.0.1');
        const token = url.searchParams.get('token') ?? '';
        expect(token.length).toBeGreaterThanOrEqual(16);

        const page = await send(port, { path: '/' });
        expect(page.status).toBe(200);
        expect(page.headers['content-security-policy']).toContain("script-src 'self'");
        const call = await send(port, { method: 'POST', path: httpPath('getStoreInfo'), headers: { [TOKEN_HEADER]: token, origin: url.origin }, body: '{}' });
        expect(call.status).toBe(200);
        expect((JSON.parse(call.text) as { ok: boolean }).ok).toBe(true);
        expect((await send(port, { method: 'POST', path: httpPath('getStoreInfo'), headers: { origin: url.origin }, body: '{}' })).status).toBe(403);

        // Not reachable on any other interface of this machine; with none, the bound address is loopback.
        const others = otherInterfaceAddresses();
        for (const other of others) expect(await tryConnect(other, port), `${other}:${port}`).not.toBe('connected');
        expect(await tryConnect('::1', port)).not.toBe('connected');
        expect(await tryConnect('127.0.0.1', port)).toBe('connected');

        host.child.kill(signal);
        const { code } = await host.exit;
        expect(code, host.stderr()).toBe(0);
        const lines = host.stdout().split('\n');
        expect(lines.at(-1)).toBe(''); // ends with a newline
        expect(lines.slice(0, -1)).toHaveLength(1);
        expect(lines[0]).toMatch(READY_LINE);
        expect(existsSync(notebookPath)).toBe(true);
        expect(existsSync(lockPathFor(notebookPath)), 'the lock was released').toBe(false);
        expect(await tryConnect('127.0.0.1', port)).not.toBe('connected');
      } finally {
        if (host.child.exitCode === null && host.child.signalCode === null) host.child.kill('SIGKILL');
      }
    });
  }

  it('prints its usage and exits with code 2 on an unknown flag', async () => {
    const host = runHost(['--bogus']);
    const { code } = await host.exit;
    expect(code).toBe(2);
    expect(host.stdout()).toBe('');
    expect(host.stderr()).toContain('Usage: npm run host');
    expect(host.stderr()).toContain('--bogus');
  });
});
