import { protocol } from 'electron';
import { readRendererFile, rendererHeaders } from '../serve/renderer-files';
import { APP_SCHEME } from './security';

/** Must run before the app is ready. A standard, secure scheme gives the renderer a real origin for CSP 'self'; the code cache spares it compiling its script on every start. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'leadline' ? await readRendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { headers: rendererHeaders(file) });
  });
}
