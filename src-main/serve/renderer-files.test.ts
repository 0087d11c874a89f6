import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRendererFile, rendererHeaders } from './renderer-files';

function build(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadline-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'assets', 'index-B_-r9iwM.js'), 'export {}');
  writeFileSync(join(dir, 'assets', 'notes.js'), 'export {}');
  return dir;
}

describe('serving the renderer build', () => {
  const dir = build();

  it('keeps hashed build outputs for good and never the page that names them', async () => {
    const script = (await readRendererFile(dir, '/assets/index-B_-r9iwM.js'))!;
    expect(rendererHeaders(script)['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(rendererHeaders(script)['content-type']).toBe('text/javascript; charset=utf-8');
    const page = (await readRendererFile(dir, '/'))!;
    expect(rendererHeaders(page)['cache-control']).toBe('no-store');
    expect(rendererHeaders(page)['content-security-policy']).toContain("script-src 'self'");
    // A file without a hash in its name may change under the same name.
    expect(rendererHeaders((await readRendererFile(dir, '/assets/notes.js'))!)['cache-control']).toBe('no-store');
  });

  it('serves nothing outside the build, nor odd paths', async () => {
    expect(await readRendererFile(dir, '/../../etc/passwd')).toBeNull();
    expect(await readRendererFile(dir, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(await readRendererFile(dir, '/assets/%00.js')).toBeNull();
    expect(await readRendererFile(dir, '/%E0%A4%A')).toBeNull();
    expect(await readRendererFile(dir, '/missing.js')).toBeNull();
  });
});
