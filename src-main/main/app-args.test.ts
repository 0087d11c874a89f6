import { describe, expect, it } from 'vitest';
import { parseAppArgs, userArguments } from './app-args';

describe('parseAppArgs', () => {
  it('takes --notebook, else LEADLINE_NOTEBOOK', () => {
    expect(parseAppArgs(['--notebook', '/x/n.json'], {})).toEqual({ ok: true, help: false, notebook: '/x/n.json', files: [], links: [] });
    expect(parseAppArgs([], { LEADLINE_NOTEBOOK: '/env.json' })).toEqual({ ok: true, help: false, notebook: '/env.json', files: [], links: [] });
    expect(parseAppArgs(['--notebook=/a.json'], { LEADLINE_NOTEBOOK: '/env.json' })).toMatchObject({ notebook: '/a.json' });
    expect(parseAppArgs([], {})).toEqual({ ok: true, help: false, files: [], links: [] });
  });
  it('lets Chromium and test-driver switches through', () => {
    expect(parseAppArgs(['--no-sandbox', '--remote-debugging-port=0', '--inspect=0', '--notebook', 'n.json'], {})).toMatchObject({ ok: true, notebook: 'n.json' });
  });

  it('reports unknown flags for the usage message', () => {
    expect(parseAppArgs(['--frobnicate'], {})).toEqual({ ok: false, error: 'unknown flag "--frobnicate"' });
    expect(parseAppArgs(['--help'], {})).toEqual({ ok: true, help: true, files: [], links: [] });
  });
  it('takes the files "Open with" passes, and leadline:// links apart from them', () => {
    expect(parseAppArgs(['/home/a/report.md', '--notebook', 'n.json', 'C:\\x\\page.html', 'leadline://open?article=a1'], {})).toEqual({
      ok: true,
      help: false,
      notebook: 'n.json',
      files: ['/home/a/report.md', 'C:\\x\\page.html'],
      links: ['leadline://open?article=a1'],
    });
  });
});

describe('userArguments', () => {
  it('drops the executable and, unpackaged, the app path wherever engine switches put it', () => {
    expect(userArguments(['/electron', 'out/main/index.js', '--notebook', 'n.json'], true)).toEqual(['--notebook', 'n.json']);
    expect(userArguments(['/electron', '--inspect=0', '--remote-debugging-port=0', 'out/main/index.js', '--notebook', 'n.json'], true)).toEqual(['--inspect=0', '--remote-debugging-port=0', '--notebook', 'n.json']);
    expect(userArguments(['/Leadline', '--notebook', 'n.json'], false)).toEqual(['--notebook', 'n.json']);
  });
});
