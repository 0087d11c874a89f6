import { describe, expect, it } from 'vitest';
import { parseAppArgs, userArguments } from './app-args';

describe('parseAppArgs', () => {
  it('takes --notebook, else LEADLINE_NOTEBOOK', () => {
    expect(parseAppArgs(['--notebook', '/x/n.json'], {})).toEqual({ ok: true, help: false, notebook: '/x/n.json' });
    expect(parseAppArgs([], { LEADLINE_NOTEBOOK: '/env.json' })).toEqual({ ok: true, help: false, notebook: '/env.json' });
    expect(parseAppArgs(['--notebook=/a.json'], { LEADLINE_NOTEBOOK: '/env.json' })).toMatchObject({ notebook: '/a.json' });
    expect(parseAppArgs([], {})).toEqual({ ok: true, help: false });
  });
  it('lets Chromium and test-driver switches through', () => {
    expect(parseAppArgs(['--no-sandbox', '--remote-debugging-port=0', '--inspect=0', '--notebook', 'n.json'], {})).toMatchObject({ ok: true, notebook: 'n.json' });
  });
  it('takes a leadline:// link the system passes (Windows, Linux), with or without a notebook', () => {
    const link = 'leadline://open?notebook=%2Fx%2Fn.json&article=a&excerpt=e';
    expect(parseAppArgs([link], {})).toEqual({ ok: true, help: false, link });
    expect(parseAppArgs(['--notebook', '/x/n.json', link], {})).toEqual({ ok: true, help: false, notebook: '/x/n.json', link });
    expect(parseAppArgs(['--no-sandbox', 'LEADLINE://open?article=a'], {})).toMatchObject({ ok: true, link: 'LEADLINE://open?article=a' });
    expect(parseAppArgs(['https://example.com'], {})).toEqual({ ok: false, error: 'unexpected argument "https://example.com"' });
  });

  it('reports unknown flags for the usage message', () => {
    expect(parseAppArgs(['--frobnicate'], {})).toEqual({ ok: false, error: 'unknown flag "--frobnicate"' });
    expect(parseAppArgs(['--help'], {})).toEqual({ ok: true, help: true });
  });
});

describe('userArguments', () => {
  it('drops the executable and, unpackaged, the app path wherever engine switches put it', () => {
    expect(userArguments(['/electron', 'out/main/index.js', '--notebook', 'n.json'], true)).toEqual(['--notebook', 'n.json']);
    expect(userArguments(['/electron', '--inspect=0', '--remote-debugging-port=0', 'out/main/index.js', '--notebook', 'n.json'], true)).toEqual(['--inspect=0', '--remote-debugging-port=0', '--notebook', 'n.json']);
    expect(userArguments(['/Leadline', '--notebook', 'n.json'], false)).toEqual(['--notebook', 'n.json']);
  });
});
