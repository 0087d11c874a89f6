import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, parseStoredPreferences } from '../shared/api';
import { ApiFailure } from './api-failure';
import { preferencesStore } from './preferences';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'leadline-prefs-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('parseStoredPreferences', () => {
  it('keeps each good field and drops each bad one on its own', () => {
    expect(parseStoredPreferences('{"theme":"dark","textStep":99,"width":"wide","libraryOpen":"no","extra":1}')).toEqual({ theme: 'dark', textStep: 0, width: 'wide', libraryOpen: true });
  });
  it('gives the defaults for nothing, damaged JSON, or JSON that is not an object', () => {
    for (const text of [null, '', '{"theme":', 'null', '[1]', '"dark"', '42']) expect(parseStoredPreferences(text), String(text)).toEqual(DEFAULT_PREFERENCES);
  });
});

describe('preferencesStore', () => {
  it('keeps a change in the file, where the next start reads it', async () => {
    const file = join(dir, 'preferences.json');
    expect(await preferencesStore(file).read()).toEqual(DEFAULT_PREFERENCES);
    const wanted = { theme: 'dark', textStep: 2, width: 'narrow', libraryOpen: false } as const;
    await preferencesStore(file).change(wanted);
    expect(await preferencesStore(file).read()).toEqual(wanted);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(wanted);
  });

  it('changes only the fields given, over what another window kept meanwhile', async () => {
    const file = join(dir, 'preferences.json');
    const first = preferencesStore(file);
    const second = preferencesStore(file);
    await first.change({ theme: 'dark' });
    expect(await second.change({ textStep: 1 })).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark', textStep: 1 });
    expect(await preferencesStore(file).read()).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark', textStep: 1 });
  });

  it('writes changes in order: the last one is kept', async () => {
    const file = join(dir, 'preferences.json');
    const store = preferencesStore(file);
    await Promise.all([1, 2, 3, 4, 5].map((textStep) => store.change({ ...DEFAULT_PREFERENCES, textStep })));
    expect((await preferencesStore(file).read()).textStep).toBe(5);
  });

  it('reads a damaged file as the defaults, and the next change mends it', async () => {
    const file = join(dir, 'preferences.json');
    writeFileSync(file, '\u0000\u0000garbage');
    const store = preferencesStore(file);
    expect(await store.read()).toEqual(DEFAULT_PREFERENCES);
    await store.change({ ...DEFAULT_PREFERENCES, theme: 'light' });
    expect(await preferencesStore(file).read()).toMatchObject({ theme: 'light' });
  });

  it('says where and why it could not keep a change, and still answers with it in this session', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const store = preferencesStore(join(dir, 'a-file', 'folder', 'preferences.json'));
    const error = await store.change({ ...DEFAULT_PREFERENCES, theme: 'dark' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiFailure);
    expect((error as ApiFailure).code).toBe('storage');
    expect((error as ApiFailure).message).toMatch(/could not keep this view setting in .*a-file\/folder.*It applies until you close the app/);
    expect(await store.read()).toMatchObject({ theme: 'dark' });
  });

  it('keeps them in memory when there is no file (the command line, tests)', async () => {
    const store = preferencesStore();
    await store.change({ ...DEFAULT_PREFERENCES, width: 'wide' });
    expect(await store.read()).toMatchObject({ width: 'wide' });
  });
});
