/**
 * Serving the built renderer, for both the Electron app:// protocol and the browser
 * host: one path check, one MIME table and one Content-Security-Policy.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/** No inline script, no eval, no remote anything: the renderer talks only to its own origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers on every file of the renderer, from the app:// protocol and from the browser host.
 * The build names its scripts and styles by their content hash (assets/index-3f9a….js), so
 * they may be kept for good: a page reopened then skips the download and, from Chromium's
 * code cache, the compiling. The page itself is never kept: it names the current build.
 */
export function rendererHeaders(file: RendererFile): Record<string, string> {
  return {
    'content-type': file.contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': file.hashed ? 'public, max-age=31536000, immutable' : 'no-store',
  };
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface RendererFile {
  body: Buffer;
  contentType: string;
  /** A build output named by its content hash (under assets/): the same name never holds other bytes. */
  hashed: boolean;
}

/** Vite's hashed output: assets/<name>-<hash>.<ext>. */
const HASHED_ASSET = /^assets\/[^/]+-[\w-]{8,}\.(?:js|css|woff2|svg|png)$/;

/** Reads a file of the renderer build for a URL path; null when outside the build or missing. */
export async function readRendererFile(rendererDir: string, urlPath: string): Promise<RendererFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = normalize(rendererDir + sep);
  const file = normalize(join(root, relative));
  if (!file.startsWith(root)) return null;
  try {
    const body = await readFile(file);
    return { body, contentType: MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', hashed: HASHED_ASSET.test(relative) };
  } catch {
    return null;
  }
}
